/**
 * Money: a currency written before the number ("$5", "US$5", "C$", "€", "Rs5", "USD 5"), a code after it ("5 EUR"),
 * or a currency word after it ("5 billion yuan", "40 Canadian dollars"). A bare "$" or "¥" is left for the article's
 * convention to name (currency.ts), and marked inferred.
 */
import {
  CURRENCY_CODES,
  CURRENCY_NATIONALITIES,
  CURRENCY_NOUNS,
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  DOLLAR_NATIONALITIES,
} from "../lexicon";
import { alternatives } from "../patterns";
import { before, isLetter, quantity, rule, type Scan } from "./rule";

export const CODES = CURRENCY_CODES.join("|");
/** Letters right before a number that are its currency ("US$5", "$US5", "USD5"), not a name ("G7"). */
export const CURRENCY_LETTERS_BEFORE = new RegExp(`(?:US|C|CA|A|AU|NZ|HK|S|R|Mex|MX)\\$?$|\\$US$|\\$A$|(?:${CODES})$`);
const CODE_AFTER = new RegExp(`^[\\s\\u00a0]?(${CODES})\\b`);
const CODE_BEFORE = new RegExp(`\\b(${CODES})[\\s\\u00a0]?$`);
const CURRENCY_WORD_AFTER = new RegExp(
  String.raw`^[\s\u00a0]+(?:(${alternatives(CURRENCY_NATIONALITIES)})[\s\u00a0]+)?(${alternatives(CURRENCY_NOUNS)})\b`,
  "i",
);
const POUNDS = /^pounds?$/i;
const OF_AFTER = /^[\s\u00a0]+of\b/i;
const MINUS_BEFORE = /(?:^|[\s\u00a0(\[=:])[-\u2212]$|^[-\u2212]$/;

const escape = (marker: string) => marker.replace(/[.$]/g, "\\$&");
/**
 * Every currency marker that may stand right before a number, longest first, as one end-anchored pattern; a space may
 * follow it ("USD 5", "$ 6 million").
 */
const PREFIX_BEFORE = new RegExp(
  `(?:${CURRENCY_PREFIXES.map(([marker]) => escape(marker) + "[\\s\\u00a0]?").join("|")})$`,
  "u",
);
const PREFIX_CODES = new Map(CURRENCY_PREFIXES);

export interface CurrencyBefore {
  code: string | null;
  symbol: "$" | "¥" | null;
  length: number;
  /** A minus stands between the currency and the digits ("$-91.4 billion"). */
  signed?: true;
}

export function currencyBefore(text: string, at: number): CurrencyBefore | null {
  // "$-91.4 billion": a sign between the currency and the digits.
  const signed = text[at - 1] === "-" || text[at - 1] === "\u2212";
  const found = readCurrencyBefore(text, signed ? at - 1 : at);
  if (found && signed) return { ...found, length: found.length + 1, signed: true };
  return found;
}

function readCurrencyBefore(text: string, start: number): CurrencyBefore | null {
  const written = PREFIX_BEFORE.exec(before(text, start, 7))?.[0];
  const marker = written?.trimEnd();
  if (written && marker) {
    const from = start - written.length;
    const letterBefore = from > 0 && isLetter(text[from - 1]);
    // "Rs5" after a letter is part of a word; "XY$5" is a dollar we cannot name.
    if (!(isLetter(marker[0]) && letterBefore) && !(marker === "$" && letterBefore)) {
      const code = PREFIX_CODES.get(marker) ?? null;
      return { code, symbol: code ? null : (marker as "$" | "¥"), length: written.length };
    }
    if (marker === "$") return null;
  }
  const code = CODE_BEFORE.exec(before(text, start, 4));
  if (code) return { code: code[1] === "RMB" ? "CNY" : code[1]!, symbol: null, length: code[0].length };
  return null;
}

function currencyPrefix(symbol: boolean) {
  return rule({
    name: symbol ? "money.symbol" : "money.prefix",
    find: ({ text, token }: Scan) => {
      const prefix = currencyBefore(text, token.start);
      return prefix && (prefix.symbol !== null) === symbol ? prefix : null;
    },
    resolve: ({ text, token, after }, prefix) => {
      let start = token.start - prefix.length;
      let end = token.end;
      // "-$2bn" in a table: the sign stands before the currency.
      // "-$2bn" in a table: the sign stands before the currency ("$-2bn" is in the prefix's length already).
      const signedBefore = !prefix.signed && MINUS_BEFORE.test(before(text, start, 2));
      if (signedBefore) start -= 1;
      const signed = signedBefore || prefix.signed === true;
      const codeAfter = CODE_AFTER.exec(after);
      if (codeAfter) end += codeAfter[0].length;
      return quantity(token, {
        start,
        end,
        value: signed ? -token.value : token.value,
        kind: "money",
        unit: prefix.code,
        ambiguousSymbol: prefix.symbol,
        currencyBasis: prefix.symbol ? "inferred" : "explicit",
        rule: prefix.symbol ? "money.symbol" : "money.prefix",
      });
    },
  });
}

/** "$5", "US$5", "€5", "USD 5"; "$5" alone is `money.symbol`. */
export const MONEY_PREFIX = currencyPrefix(false);
export const MONEY_SYMBOL = currencyPrefix(true);

/** "5 EUR", "12bn RMB". */
export const MONEY_CODE_AFTER = rule({
  name: "money.code-after",
  find: ({ after }) => CODE_AFTER.exec(after),
  resolve: ({ token }, code) =>
    quantity(token, {
      start: token.start,
      end: token.end + code[0].length,
      kind: "money",
      unit: code[1] === "RMB" ? "CNY" : code[1]!,
      currencyBasis: "explicit",
      rule: "money.code-after",
    }),
});

/** "5 billion yuan", "40 Canadian dollars", "300 pounds sterling"; not "5 pounds of beef" nor "won 3 games". */
export const MONEY_WORD = rule({
  name: "money.word",
  find: ({ token, after }) => {
    const word = CURRENCY_WORD_AFTER.exec(after);
    if (!word || (POUNDS.test(word[2]!) && OF_AFTER.test(after.slice(word[0].length)))) return null;
    const stem = word[2]!
      .toLowerCase()
      .replace(/s$/, "")
      .replace(/\s+sterling$/, "");
    return stem === "won" && token.value < 1000 ? null : { word, stem };
  },
  resolve: ({ token }, { word, stem }) => {
    const nationality = word[1]?.toLowerCase();
    const isDollar = stem === "dollar";
    const code = isDollar
      ? nationality
        ? (DOLLAR_NATIONALITIES[nationality] ?? null)
        : null
      : (CURRENCY_WORDS[word[2]!.toLowerCase()] ?? CURRENCY_WORDS[stem] ?? null);
    return quantity(token, {
      start: token.start,
      end: token.end + word[0].length,
      kind: "money",
      unit: code,
      ambiguousSymbol: isDollar && !code ? "$" : null,
      currencyBasis: isDollar && !code ? "inferred" : "explicit",
      rule: "money.word",
    });
  },
});
