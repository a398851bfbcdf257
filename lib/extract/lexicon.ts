/** Data only: the words and symbols the rules look for. Regex sources here are joined into patterns by the rules. */

/**
 * Letters and digits as a plain character class, for the hot whole-text patterns: with the case-insensitive
 * flag, V8 runs a /u pattern several times slower (51 ms against 8 ms a MB for the keyword pattern).
 */
export const WORD_CHARS = "A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u0590-\\u06FF";

export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12,
};

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
};

export const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7, million: 1e6, mn: 1e6, mln: 1e6, m: 1e6, billion: 1e9, bn: 1e9, bln: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12, trn: 1e12, tr: 1e12,
};

/** Currency markers written before the number, longest first so "US$" wins over "$". */
export const CURRENCY_PREFIXES: ReadonlyArray<readonly [string, string | null]> = [
  ["U.S.$", "USD"], ["US$", "USD"], ["$US", "USD"], ["USD$", "USD"],
  ["CAD$", "CAD"], ["CA$", "CAD"], ["Can$", "CAD"], ["C$", "CAD"],
  ["AUD$", "AUD"], ["AU$", "AUD"], ["A$", "AUD"], ["$A", "AUD"],
  ["NZ$", "NZD"], ["NT$", "TWD"], ["HK$", "HKD"], ["S$", "SGD"], ["R$", "BRL"], ["Mex$", "MXN"], ["MX$", "MXN"],
  ["€", "EUR"], ["£", "GBP"], ["₹", "INR"], ["₩", "KRW"], ["₱", "PHP"], ["₽", "RUB"], ["Rs.", "INR"], ["Rs", "INR"],
  ["¥", null], // JPY or CNY: decided by the article
  ["$", null], // decided by the article's convention
];

export const CURRENCY_CODES = [
  "USD", "CAD", "EUR", "GBP", "JPY", "CNY", "RMB", "MXN", "KRW", "AUD", "NZD", "INR", "CHF", "BRL", "HKD", "SGD", "SEK",
  "NOK", "DKK", "ZAR", "TWD", "THB", "IDR", "MYR", "PHP", "VND", "TRY", "RUB", "SAR", "AED",
] as const;

/** Currency words after a number; a nationality before "dollar", "peso" or "pound" decides which. */
export const CURRENCY_WORDS: Record<string, string | null> = {
  dollar: null, euro: "EUR", pound: "GBP", sterling: "GBP", yen: "JPY", yuan: "CNY", renminbi: "CNY", peso: "MXN",
  won: "KRW", rupee: "INR", franc: "CHF", real: "BRL", reais: "BRL", rand: "ZAR", ringgit: "MYR", baht: "THB", rupiah: "IDR",
  lira: "TRY", liras: "TRY", dong: "VND", shekel: "ILS", naira: "NGN", krona: "SEK", kronor: "SEK", krone: "NOK",
};

export const DOLLAR_NATIONALITIES: Record<string, string> = {
  "u.s.": "USD", us: "USD", american: "USD", canadian: "CAD", australian: "AUD", "new zealand": "NZD", "hong kong": "HKD",
  singapore: "SGD", taiwan: "TWD", "taiwanese": "TWD",
};

/** Region of a locale → what a bare "$" means there. */
// The guide: Canadian and Australian outlets write bare $ for their own dollar; wire, US, British and Asian outlets mean USD.
export const LOCAL_DOLLAR: Record<string, string> = { CA: "CAD", AU: "AUD", NZ: "NZD" };

/** Words for countries whose outlets write bare "$" for their own dollar, to read an article's convention. */
export const DOLLAR_COUNTRY_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ["CAD", /\b(?:Canada|Canadian|Canadians|Ottawa|Toronto)\b/g],
  ["AUD", /\b(?:Australia|Australian|Australians|Canberra|Sydney)\b/g],
  ["NZD", /\b(?:New Zealand|Wellington)\b/g],
];

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

export const DURATION_UNITS: Record<string, string> = {
  day: "day", days: "day", week: "week", weeks: "week", month: "month", months: "month", year: "year", years: "year",
  decade: "decade", decades: "decade", hour: "hour", hours: "hour", minute: "minute", minutes: "minute", second: "second",
  seconds: "second", quarter: "quarter",
  quarters: "quarter", century: "century", centuries: "century",
};

/** Capitalised words after which a number is part of a name, not a quantity ("Section 232", "Boeing 737"). */
export const NAME_WORDS = new Set([
  "section", "article", "chapter", "title", "rule", "route", "highway", "interstate", "boeing", "airbus", "ftse", "s&p",
  "nasdaq", "fortune", "russell", "nikkei", "stoxx", "dax", "cac", "bill", "resolution", "regulation", "clause",
  "paragraph", "proposition", "prop.", "flight", "windows", "iphone", "galaxy", "model", "type", "phase", "level", "gate",
  "terminal", "channel", "apollo", "vision", "agenda", "formula", "group", "no", "number", "version", "volume", "part",
  "schedule", "annex", "item", "heading", "division", "tier", "class", "category", "hs", "top", "class", "g", "covid",
  "covid-", "hang", "asx", "tsx", "kospi", "sensex", "euro", "stage", "wave", "unit", "line", "platform", "pier", "dock",
  "exit", "lot", "grade", "act", "plan", "amendment", "district", "ward", "room", "suite", "floor", "block",
]);

/** Ordinal names: "the 51st state", "the 49th parallel". */
export const ORDINAL_NAME_NOUNS = new Set(["state", "parallel", "amendment", "congress", "century", "street", "avenue", "precinct", "district", "birthday", "anniversary"]);

export const SUPERLATIVES =
  "largest|biggest|highest|lowest|smallest|most|least|best|worst|fastest|slowest|strongest|weakest|busiest|richest|poorest|greatest|top|leading|deepest|steepest|sharpest|heaviest|longest";

/** Words that never start a counted noun. */
export const NOT_NOUNS = new Set([
  "of", "and", "or", "to", "in", "on", "at", "for", "the", "a", "an", "per", "from", "by", "with", "as", "than", "is",
  "was", "were", "are", "be", "been", "being", "has", "had", "have", "will", "would", "could", "should", "can", "may",
  "might", "must", "said", "says", "say", "more", "less", "fewer", "up", "down", "after", "before", "since", "when",
  "while", "that", "which", "who", "whom", "whose", "this", "these", "those", "it", "its", "their", "his", "her", "our",
  "your", "my", "out", "over", "under", "into", "onto", "about", "around", "against", "between", "among", "through",
  "during", "until", "if", "but", "so", "not", "no", "nor", "yet", "also", "only", "just", "even", "still", "all", "each",
  "every", "both", "either", "neither", "other", "another", "what", "where", "why", "how", "there", "here",
  "then", "now", "ago", "earlier", "later", "last", "next", "this", "do", "does", "did", "got", "get", "gets", "rose",
  "fell", "rise", "fall", "rises", "falls", "jumped", "dropped", "increased", "decreased", "declined", "grew", "shrank",
  "higher", "lower", "times", "time", "way", "ways", "percent", "pct", "cent", "a.m.", "p.m.", "am",
  "pm", "apiece", "each", "plus", "minus", "or", "nor", "we", "they", "he", "she", "i", "you", "them", "us", "him",
  "me", "previously", "respectively", "compared", "against", "versus", "vs", "via", "within", "without", "toward",
  "towards", "off", "away", "back", "again", "too", "very", "likely", "already", "almost", "nearly", "roughly", "some",
  "any", "many", "much", "few", "several", "most", "least", "top", "out", "whereas", "because", "although", "though",
  "unless", "whether", "per", "cents", "one", "ones", "thing", "things", "others", "away", "month", "year", "week",
  "day", "to", "too", "tonight", "today", "yesterday", "tomorrow", "across", "along", "alongside", "above", "below",
  "behind", "beyond", "near", "upon", "inside", "outside", "throughout", "amid", "amidst", "unlike", "like", "besides",
  "thus", "hence", "ahead", "apart", "aside", "onward", "overall", "combined", "total", "altogether", "instead", "ago",
]);

/** Modifiers that may stand between a number and its counted noun ("3,400 new jobs"). */
export const COUNT_MODIFIERS = new Set([
  "new", "more", "additional", "extra", "full-time", "part-time", "small", "large", "big", "major", "key", "foreign",
  "domestic", "local", "senior", "top", "junior", "unionized", "unionised", "skilled", "manufacturing", "auto", "steel",
  "farm", "factory", "other", "existing", "direct", "indirect", "permanent", "temporary", "federal", "provincial",
  "state", "member", "trading", "partner", "cargo", "container", "oil", "metric", "short", "long", "electric", "used",
  "million", "billion", "thousand", "individual", "separate", "different", "leading", "industrial", "manufacturing",
]);

export const PLURAL_EXCEPTIONS: Record<string, string> = {
  people: "person", men: "man", women: "woman", children: "child", feet: "foot", teeth: "tooth", mice: "mouse",
  geese: "goose", series: "series", species: "species", news: "news", sheep: "sheep", fish: "fish", aircraft: "aircraft",
  cattle: "cattle", data: "data", media: "media", criteria: "criterion", analyses: "analysis", crises: "crisis",
  bases: "base", economies: "economy", companies: "company", countries: "country", industries: "industry",
  factories: "factory", bodies: "body", parties: "party", cities: "city", ferries: "ferry", lorries: "lorry",
  tariffs: "tariff", chiefs: "chief", proofs: "proof", roofs: "roof", beliefs: "belief", leaves: "leaf",
  knives: "knife", lives: "life", wives: "wife", halves: "half", shelves: "shelf", taxes: "tax", boxes: "box",
  buses: "bus", gases: "gas", businesses: "business", statuses: "status", witnesses: "witness", losses: "loss",
  processes: "process", addresses: "address", churches: "church", branches: "branch", batches: "batch", dishes: "dish",
  bushes: "bush", inches: "inch", matches: "match", crashes: "crash", switches: "switch", watches: "watch",
  potatoes: "potato", tomatoes: "tomato", heroes: "hero", echoes: "echo", vetoes: "veto", indices: "index",
  vehicles: "vehicle", tonnes: "tonne", barrels: "barrel", automobiles: "automobile",
};

/** Words after "trade" that make it something other than a flow of goods ("trade war", "trade deal"). */
const NOT_TRADE_VOLUME =
  "war|wars|deal|deals|talks|policy|policies|minister|ministers|representative|agreement|agreements|pact|pacts|dispute|disputes|tension|tensions|barrier|barriers|partner|partners|negotiat\\w*|official|officials|body|court|tribunal|deficits?|surplus(?:es)?|balance|gap|law|laws|rules|remedy|remedies|restriction|restrictions|secretary|commission|organization|organisation|envoy|relationship|relations|route|routes|bloc|zone|chief|group|association|data|figures|statistics|show|shows|showed|adviser|advisor|lawyer|expert|experts|analyst|analysts|ties|truce|fight|fights|off|offs|mission|show|fair|mark|marks|name|secrets?|union|unions|school|press|weighted|related|distorting|protection|protectionism|measures?|action|actions|investigation|probe|case|cases|complaint|complaints|challenge|issues?|framework|arrangement|system|regime|strategy|agenda|concessions?|sanctions?|sanction|and|or|rules-based|programme|programmes|program|programs|scheme|schemes|preferences?|at|for|in|on";

export type MetricKeyword = "tariff_rate" | "trade_balance" | "trade_volume" | "exports" | "imports" | "other";

/** Keyword families for `metric`, as regex sources; the nearest keyword to a figure wins. */
export const METRIC_KEYWORDS: ReadonlyArray<readonly [MetricKeyword | "sales", string]> = [
  ["tariff_rate", "(?:tariff|duty|levy) rates?|counter-?tariffs?|tariffs?(?!-free)|dut(?:y|ies)(?!-free)|levy|levies|anti-?dumping|countervailing|surtax(?:es)?|surcharges?|import tax(?:es)?|customs tax(?:es)?|reciprocal rates?"],
  ["trade_balance", "(?:trade |merchandise |goods )?(?:surplus(?:es)?|deficits?|shortfalls?)|trade gap|trade balance|balance of trade|the gap"],
  ["trade_volume", `cross(?:es|ed|ing)? (?:the )?(?:[A-Z][a-z]+ )?(?:border|[Bb]ridge)|two-way trade|bilateral trade|total trade|trade between|trade with|trading relationship|trade relationship|flow(?:ed|s|ing)? between|cross(?:ed|es)? the border|in trade|in annual trade|trade (?:is|was) worth|worth of trade|trade totall?ed|trade volumes?|volume of trade|trade flows?|trade(?:d|s)?(?![- ](?:${NOT_TRADE_VOLUME})\\b)`],
  ["exports", "export (?:earnings|revenues?|sales|receipts|values?)|exports?|exported|exporting|shipments?|shipped|ship|sales abroad|overseas sales|sold abroad|sold(?! for)|sells|sends|sent|send|outbound"],
  ["imports", "de minimis|arriv(?:ed|ing|als?)|imports?|imported|importing|inbound|purchases? of|buy(?:ing|s)?|bought|purchase commitments?|purchases?"],
  ["sales", "sales"],
  ["other", "valued|thresholds?|(?:Canadian|U\\.S\\.|US|American|Australian|New Zealand) dollar|loonie|greenback|GDP|gross domestic product|econom(?:y|ies)|(?:economic|global|GDP|world|wage|job|jobs|employment|population|productivity|earnings|revenue|profit|credit|loan) growth|growth(?<=\\b(?:from|off)[\\s\\u00a0]+(?:[A-Za-z.]+[\\s\\u00a0]+)?growth)|volume of|exemptions?|inflation|prices?|(?:interest|exchange|benchmark|policy|cash|official|repo|discount|lending|deposit|base|prime|mortgage|unemployment|jobless|inflation|growth|savings|lending|borrowing|bank|key|overnight|bond|tax|participation) rates?|invest(?:ment|ments|ing|ed|s)?|jobs?|workers?|employ\\w*|revenues?|profits?|earnings|stocks?|index|indices|market(?<=\\bof[\\s\\u00a0]+(?:[A-Za-z'’-]+[\\s\\u00a0]+){0,2}market)|budget|aid|spending|funds?|funding|finance|financing|support|relief|loans?|debt|bonds?|yields?|wages?|income|population|unemployment|quotas?|content|valuation|cost(?:s|ing)?|bushel|barrel|shares?|subsid(?:y|ies)|package|pledge[sd]?|bailout|output|production|producing|produced|capacity|S&P|Dow|Nasdaq|TSX|FTSE|Nikkei|Hang Seng|DAX|Stoxx|the (?:peso|loonie|yen|yuan|euro|dollar|pound|won|rupee|rupiah|lira|rand|ringgit|baht|franc|krona|shekel|naira|rouble|ruble|real|currency)|against the (?:U\\.S\\. |US |American |greenback)?(?:dollar|euro|yen|greenback)"],
];

/** Budget and fiscal deficits are not trade balances. */
export const NON_TRADE_BALANCE = /\b(?:budget|fiscal|federal|government|spending|pension|funding|operating|structural|primary|cash|current[- ]account|revenue|labou?r|housing|supply)\s+(?:deficits?|surplus(?:es)?|shortfalls?)$/i;
