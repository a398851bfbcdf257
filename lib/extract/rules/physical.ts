/**
 * Physical units and their rates, as data: each rule is a normalised unit name (singular, spelled out, as a reader
 * says it: "kilometre", "mile per hour", "degree Celsius") and the surface forms that write it. Abbreviations may be
 * glued to the digits ("256GB", "114bhp", "9.9sec"); spelled-out names need a space ("30 kilometres"). A rate's
 * denominator is part of the unit ("2 million barrels per day" → "barrel per day"); the surface form stays in the
 * quote. Registered in rules/index.ts after percent, points, money and before durations.
 */
import type { Kind } from "../../schema";
import { quantity, rule } from "./rule";

export interface PhysicalUnit {
  /** The one normalised name of the unit. */
  name: string;
  kind: Extract<Kind, "count" | "duration" | "money">;
  /** Regex sources for forms written out, after a space or hyphen ("kilometres", "degrees Celsius"). */
  spelled: readonly string[];
  /** Regex sources for abbreviations, glued or after a space ("km", "°C"); case-sensitive. */
  abbreviated: readonly string[];
  /** Its abbreviations count only glued to the digits ("31C"; "31 C" is a letter). */
  gluedOnly?: true;
}

/** Every unit the extractor names. Longer forms first where one is a prefix of another. */
export const PHYSICAL_UNITS: readonly PhysicalUnit[] = [
  // Rates first: "km/h" before "km", "mpg" before "m".
  { name: "mile per hour", kind: "count", spelled: ["miles? (?:per|an) hour"], abbreviated: ["mph", "MPH"] },
  {
    name: "kilometre per hour",
    kind: "count",
    spelled: ["kilomet(?:re|er)s? (?:per|an) hour"],
    abbreviated: ["km/h", "kph", "kmh"],
  },
  { name: "mile per gallon", kind: "count", spelled: ["miles? per gallon"], abbreviated: ["mpg", "MPG"] },
  { name: "gram per kilometre", kind: "count", spelled: ["grams? per kilomet(?:re|er)"], abbreviated: ["g/km"] },
  { name: "barrel per day", kind: "count", spelled: ["barrels? per day"], abbreviated: ["bpd", "b/d", "mbpd"] },
  { name: "knot", kind: "count", spelled: ["knots?"], abbreviated: ["kts"] },
  // Temperature: "35°C", "95 °F", "4 degrees Celsius".
  {
    name: "degree Celsius",
    kind: "count",
    spelled: ["degrees? (?:Celsius|centigrade|C\\b)", "Celsius", "centigrade"],
    abbreviated: ["[°º] ?C"],
  },
  {
    name: "degree Fahrenheit",
    kind: "count",
    spelled: ["degrees? (?:Fahrenheit|F\\b)", "Fahrenheit"],
    abbreviated: ["[°º] ?F"],
  },
  // "31C", "88F" without the degree sign: only glued to the digits, where a letter alone is no name.
  { name: "degree Celsius", kind: "count", spelled: [], abbreviated: ["C"], gluedOnly: true },
  { name: "degree Fahrenheit", kind: "count", spelled: [], abbreviated: ["F"], gluedOnly: true },
  // Length and area.
  {
    name: "square kilometre",
    kind: "count",
    spelled: ["square kilomet(?:re|er)s?"],
    abbreviated: ["km2", "km²", "sq km"],
  },
  { name: "square metre", kind: "count", spelled: ["square met(?:re|er)s?"], abbreviated: ["m2", "m²", "sq m"] },
  { name: "square mile", kind: "count", spelled: ["square miles?"], abbreviated: ["sq mi"] },
  {
    name: "square foot",
    kind: "count",
    spelled: ["square (?:feet|foot)"],
    abbreviated: ["sq ft", "sq\\. ft\\.", "sqft"],
  },
  { name: "kilometre", kind: "count", spelled: ["kilomet(?:re|er)s?"], abbreviated: ["km"] },
  { name: "centimetre", kind: "count", spelled: ["centimet(?:re|er)s?"], abbreviated: ["cm"] },
  { name: "millimetre", kind: "count", spelled: ["millimet(?:re|er)s?"], abbreviated: ["mm"] },
  { name: "metre", kind: "count", spelled: ["met(?:re|er)s?"], abbreviated: [] },
  { name: "mile", kind: "count", spelled: ["miles?"], abbreviated: [] },
  { name: "foot", kind: "count", spelled: ["feet", "foot"], abbreviated: ["ft"] },
  { name: "yard", kind: "count", spelled: ["yards?"], abbreviated: ["yds?"] },
  { name: "inch", kind: "count", spelled: ["inch(?:es)?"], abbreviated: [] },
  { name: "hectare", kind: "count", spelled: ["hectares?"], abbreviated: ["ha"] },
  { name: "acre", kind: "count", spelled: ["acres?"], abbreviated: [] },
  // Mass.
  { name: "short ton", kind: "count", spelled: ["short tons?"], abbreviated: [] },
  { name: "tonne", kind: "count", spelled: ["tonnes?", "metric tons?"], abbreviated: ["mt", "MT", "mmt"] },
  { name: "ton", kind: "count", spelled: ["tons?"], abbreviated: [] },
  { name: "kilogram", kind: "count", spelled: ["kilo(?:gram)?s?"], abbreviated: ["kg", "kgs"] },
  { name: "gram", kind: "count", spelled: ["grams?"], abbreviated: ["g"] },
  { name: "ounce", kind: "count", spelled: ["ounces?"], abbreviated: ["oz"] },
  // Volume.
  { name: "barrel", kind: "count", spelled: ["barrels?"], abbreviated: ["bbl"] },
  { name: "bushel", kind: "count", spelled: ["bushels?"], abbreviated: [] },
  { name: "litre", kind: "count", spelled: ["lit(?:re|er)s?"], abbreviated: [] },
  { name: "millilitre", kind: "count", spelled: ["millilit(?:re|er)s?"], abbreviated: ["ml", "mL"] },
  { name: "gallon", kind: "count", spelled: ["gallons?"], abbreviated: [] },
  { name: "cubic metre", kind: "count", spelled: ["cubic met(?:re|er)s?"], abbreviated: ["m3", "m³"] },
  { name: "cubic foot", kind: "count", spelled: ["cubic (?:feet|foot)"], abbreviated: ["cu ft", "ft3", "ft³"] },
  // Data and energy.
  { name: "terabyte", kind: "count", spelled: ["terabytes?"], abbreviated: ["TB"] },
  { name: "gigabyte", kind: "count", spelled: ["gigabytes?"], abbreviated: ["GB"] },
  { name: "megabyte", kind: "count", spelled: ["megabytes?"], abbreviated: ["MB"] },
  { name: "gigabit per second", kind: "count", spelled: [], abbreviated: ["Gbps", "Gb/s"] },
  { name: "megabit per second", kind: "count", spelled: [], abbreviated: ["Mbps", "Mb/s"] },
  { name: "terawatt hour", kind: "count", spelled: ["terawatt[- ]hours?"], abbreviated: ["TWh"] },
  { name: "gigawatt hour", kind: "count", spelled: ["gigawatt[- ]hours?"], abbreviated: ["GWh"] },
  { name: "megawatt hour", kind: "count", spelled: ["megawatt[- ]hours?"], abbreviated: ["MWh"] },
  { name: "kilowatt hour", kind: "count", spelled: ["kilowatt[- ]hours?"], abbreviated: ["kWh"] },
  { name: "gigawatt", kind: "count", spelled: ["gigawatts?"], abbreviated: ["GW"] },
  { name: "megawatt", kind: "count", spelled: ["megawatts?"], abbreviated: ["MW"] },
  { name: "kilowatt", kind: "count", spelled: ["kilowatts?"], abbreviated: ["kW"] },
  { name: "brake horsepower", kind: "count", spelled: ["brake horsepower"], abbreviated: ["bhp", "BHP"] },
  { name: "horsepower", kind: "count", spelled: ["horsepower"], abbreviated: ["hp"] },
  { name: "newton metre", kind: "count", spelled: ["newton[- ]met(?:re|er)s?"], abbreviated: ["Nm"] },
  { name: "cubic centimetre", kind: "count", spelled: [], abbreviated: ["cc"] },
  { name: "milliampere hour", kind: "count", spelled: [], abbreviated: ["mAh"] },
  { name: "cylinder", kind: "count", spelled: [], abbreviated: ["cyl"] },
  { name: "TEU", kind: "count", spelled: ["twenty-foot equivalent units?"], abbreviated: ["TEUs?"] },
  // Short time units glued to the digits ("9.9sec", "24hrs"); written out, durations are units.ts's own.
  { name: "second", kind: "duration", spelled: [], abbreviated: ["secs?"] },
  { name: "minute", kind: "duration", spelled: [], abbreviated: ["mins?"] },
  { name: "hour", kind: "duration", spelled: [], abbreviated: ["hrs?", "h"] },
  { name: "millisecond", kind: "duration", spelled: [], abbreviated: ["ms"] },
  // Subunits of money: a price in pence or cents ("164p", "19 cents").
  { name: "penny", kind: "money", spelled: ["pence", "pennies"], abbreviated: ["p"] },
  { name: "cent", kind: "money", spelled: ["cents?"], abbreviated: ["c"] },
];

/**
 * Denominators of a rate, after "per", "a", "an" or "/": "a tonne", "per kilometre", "/kg". A time after "a" stays
 * out of the unit, as the annotation guide has it ("770,000 tons a year" is tons); after "per" it is the unit's.
 */
const TIMES = new Set(["day", "hour", "week", "month", "year"]);
const DENOMINATORS: ReadonlyArray<readonly [string, string]> = [
  ["day", "day"],
  ["hour", "hour"],
  ["week", "week"],
  ["month", "month"],
  ["year", "year"],
  ["tonne", "tonne"],
  ["metric ton", "tonne"],
  ["ton", "ton"],
  ["barrel", "barrel"],
  ["bushel", "bushel"],
  ["kilogram", "kilogram"],
  ["kilo", "kilogram"],
  ["kg", "kilogram"],
  ["litre", "litre"],
  ["liter", "litre"],
  ["gallon", "gallon"],
  ["pound", "pound"],
  ["lb", "pound"],
  ["ounce", "ounce"],
  ["square foot", "square foot"],
  ["square metre", "square metre"],
  ["kilometre", "kilometre"],
  ["kilometer", "kilometre"],
  ["km", "kilometre"],
  ["mile", "mile"],
  ["capita", "capita"],
  ["person", "person"],
  ["share", "share"],
  ["kilowatt hour", "kilowatt hour"],
  ["kWh", "kilowatt hour"],
  ["megawatt hour", "megawatt hour"],
  ["MWh", "megawatt hour"],
  ["troy ounce", "troy ounce"],
  ["oz", "ounce"],
  ["gal", "gallon"],
  ["bbl", "barrel"],
  ["MMBtu", "million British thermal units"],
  ["mmBtu", "million British thermal units"],
  ["acre", "acre"],
  ["hectare", "hectare"],
  ["unit", "unit"],
  ["vehicle", "vehicle"],
  ["car", "car"],
  ["head", "head"],
  ["night", "night"],
  ["ticket", "ticket"],
  ["household", "household"],
  ["employee", "employee"],
  ["worker", "worker"],
  ["passenger", "passenger"],
  ["dose", "dose"],
  ["TEU", "TEU"],
  ["FEU", "FEU"],
  ["container", "container"],
  ["box", "box"],
];

const SPACE = "[\\s\\u00a0]";
const END = "(?![A-Za-z0-9\\u00C0-\\u024F])";
/** Each form as a named group `u<unit>_<form>`, so a match says which unit it read. */
function alternation(forms: (unit: PhysicalUnit) => readonly string[]): string {
  return PHYSICAL_UNITS.flatMap((unit, i) => forms(unit).map((source, j) => `(?<u${i}_${j}>${source})`)).join("|");
}

// One sticky pattern per way of writing: spelled names ignore case and need a space; abbreviations keep their case
// ("MB" is a megabyte, "mb" nothing) and may be glued.
const SPELLED = new RegExp(`^(?:${SPACE}+|-)(?:${alternation((unit) => unit.spelled)})${END}`, "i");
const ABBREVIATED = new RegExp(`^(?<space>${SPACE}?)(?:${alternation((unit) => unit.abbreviated)})${END}`);
const GLUED_ONLY = new Set(["hour", "penny", "cent", "gram"]);
const DENOMINATOR = new RegExp(
  `^(?:${SPACE}+(?:per|a|an)${SPACE}+|${SPACE}?/${SPACE}?)(${DENOMINATORS.map(([w]) => w.replace(/ /g, SPACE + "+")).join("|")})s?${END}`,
  "i",
);
const DENOMINATOR_NAMES = new Map(DENOMINATORS);

function unitIndex(groups: Record<string, string | undefined>): number {
  for (const [key, value] of Object.entries(groups))
    if (value !== undefined && key[0] === "u") return Number(key.slice(1).split("_")[0]);
  return -1;
}

export interface PhysicalReading {
  /** Characters after the number that the unit (and any denominator) spans. */
  length: number;
  unit: string;
  kind: PhysicalUnit["kind"];
}

/**
 * The physical unit written right after a number ("256GB", " km/h", " degrees Celsius", "2 million barrels per
 * day"), or null. `after` is the text from the number's end.
 */
export function physicalUnitAfter(after: string): PhysicalReading | null {
  let length = 0;
  let index = -1;
  const spelled = SPELLED.exec(after);
  if (spelled) {
    index = unitIndex(spelled.groups ?? {});
    length = spelled[0].length;
  } else {
    const abbreviated = ABBREVIATED.exec(after);
    if (!abbreviated) return null;
    index = unitIndex(abbreviated.groups ?? {});
    const unit = PHYSICAL_UNITS[index];
    // "5 s", "3 h", "2 p", "5 c", "4 g" are letters, not units: these abbreviations only count glued.
    if (!unit || (abbreviated.groups!.space && (unit.gluedOnly || GLUED_ONLY.has(unit.name)))) return null;
    length = abbreviated[0].length;
  }
  const unit = PHYSICAL_UNITS[index];
  if (!unit) return null;
  let name = unit.name;
  // Pennies and cents are money: what a price in them is per goes beside the unit, as for dollars.
  if (!name.includes(" per ") && unit.kind !== "money") {
    const denominator = DENOMINATOR.exec(after.slice(length));
    if (
      denominator &&
      !(TIMES.has(denominator[1]!.toLowerCase()) && /^[\s\u00a0]+an?[\s\u00a0]/i.test(after.slice(length)))
    ) {
      const word = denominator[1]!.toLowerCase().replace(/[\s\u00a0]+/g, " ");
      name = `${name} per ${DENOMINATOR_NAMES.get(word) ?? DENOMINATOR_NAMES.get(denominator[1]!) ?? word}`;
      length += denominator[0].length;
    }
  }
  return { length, unit: name, kind: unit.kind };
}

/**
 * What a price or a money rate is per, written right after it: "$58.24 per barrel", "$7.80 a bushel", "$3/gal",
 * "$2 billion a year". The unit of money stays its currency; this is recorded beside it.
 */
export function denominatorAfter(after: string): { length: number; per: string } | null {
  const denominator = DENOMINATOR.exec(after);
  if (!denominator) return null;
  const word = denominator[1]!.toLowerCase().replace(/[\s\u00a0]+/g, " ");
  return {
    length: denominator[0].length,
    per: DENOMINATOR_NAMES.get(word) ?? DENOMINATOR_NAMES.get(denominator[1]!) ?? word,
  };
}

/** True when letters glued to digits are a unit ("256GB", "9.9sec"), not a code or a name ("5G", "3M"). */
export function isGluedUnit(after: string): boolean {
  const abbreviated = ABBREVIATED.exec(after);
  return abbreviated !== null && !abbreviated.groups!.space;
}

/** "256GB", "30 km/h", "12 degrees Celsius", "2 million barrels per day", "85p". */
export const PHYSICAL_UNIT = rule({
  name: "unit.physical",
  find: ({ after }) => physicalUnitAfter(after),
  resolve: ({ text, token }, physical) =>
    quantity(token, {
      start: token.start,
      end: token.end + physical.length,
      kind: physical.kind,
      unit: physical.unit,
      currencyBasis: physical.kind === "money" ? "explicit" : null,
      noun: physical.kind === "count" ? text.slice(token.end, token.end + physical.length).trim() : null,
      rule: "unit.physical",
      listRule: "unit.physical+list",
    }),
});
