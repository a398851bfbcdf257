/**
 * Durations and ages: "aged 60" and "the senator, 74," are ages in years; "a five-year deal", "15 years" are
 * durations; "a 50-year-old man" is an age (`duration.age`).
 */
import { DURATION_MODIFIERS, DURATION_UNITS, DURATION_WORDS, PERSON_NOUNS } from "../lexicon";
import { alternatives, words } from "../patterns";
import { before, quantity, rule } from "./rule";

const DURATION_AFTER = new RegExp(
  String.raw`^(?:[\s\u00a0]+(?:(?:${words(DURATION_MODIFIERS)})[\s\u00a0]+)?|-)(${alternatives(DURATION_WORDS)})\b(-old\b)?`,
  "i",
);
const PERSON_BEFORE = new RegExp(String.raw`(?:\b(?:${words(PERSON_NOUNS)})|\p{Lu}\p{Ll}+),[\s\u00a0]*$`, "u");
const AGED_BEFORE = /\b(?:aged|age)[\s\u00a0]+$/i;

export const AGED = rule({
  name: "duration.aged",
  find: ({ text, token }) => (token.value < 130 && AGED_BEFORE.test(before(text, token.start, 6)) ? true : null),
  resolve: ({ token }) =>
    quantity(token, { start: token.start, end: token.end, kind: "duration", unit: "year", rule: "duration.aged" }),
});

/** "The senator, 74, announced…": a whole number set off by commas after a person is an age. */
export const AGE_APPOSITION = rule({
  name: "duration.age-apposition",
  find: ({ text, token, after }) =>
    token.plainInteger &&
    token.value >= 16 &&
    token.value < 120 &&
    after.startsWith(",") &&
    PERSON_BEFORE.test(before(text, token.start, 40))
      ? true
      : null,
  resolve: ({ token }) =>
    quantity(token, {
      start: token.start,
      end: token.end,
      kind: "duration",
      unit: "year",
      rule: "duration.age-apposition",
    }),
});

/** "15 years", "a five-year deal", "a 50-year-old man" (an age). */
export const DURATION = rule({
  name: "duration",
  find: ({ after }) => DURATION_AFTER.exec(after),
  resolve: ({ token }, duration) =>
    quantity(token, {
      start: token.start,
      end: token.end + duration[0].length,
      kind: "duration",
      unit: DURATION_UNITS[duration[1]!.toLowerCase()]!,
      rule: duration[2] ? "duration.age" : "duration",
    }),
});
