import { z } from "zod";
import {
  CHANGES,
  CURRENCY_BASES,
  DATE_RULES,
  KINDS,
  LINK_RELATIONS,
  LIST_RULES,
  LISTED_RULES,
  NOT_QUANTITY_RULES,
  METRICS,
  MODALITIES,
  PERIOD_BASES,
  RATE_RULES,
  RULES,
  UNIT_RULES,
} from "./enums";

/** The one definition of every record the project reads or writes. Types, enums and JSON Schema derive from here. */

// zod probes `new Function("")` when it builds an object schema, to compile a faster parser. Under our CSP (no eval in
// pages or workers) the probe is blocked and reported as a violation, so it is switched off before any schema exists;
// the interpreted parser measures the same on 44,000 claims.
z.config({ jitless: true });

export const KindSchema = z.enum(KINDS);
export const ChangeSchema = z.enum(CHANGES);
export const MetricSchema = z.enum(METRICS);
export const CurrencyBasisSchema = z.enum(CURRENCY_BASES);
/** How a period was obtained: written out ("in 2024"), resolved from a relative phrase ("last year"), or carried over from the sentence before. */
export const PeriodBasisSchema = z.enum(PERIOD_BASES);
export const LinkRelationSchema = z.enum(LINK_RELATIONS);
export const RuleSchema = z.enum(RULES);
export const ModalitySchema = z.enum(MODALITIES);

/** The years a publication date may fall in: "last year" must resolve to a year people write. */
export const PUBLISHED_YEARS = { min: 1800, max: 2100 } as const;

/** A real calendar day, YYYY-MM-DD, in PUBLISHED_YEARS: relative periods ("last year") resolve against it. */
export const PublishedAtSchema = z.iso
  .date("publishedAt must be a calendar date YYYY-MM-DD")
  .refine((date) => {
    const year = Number(date.slice(0, 4));
    return year >= PUBLISHED_YEARS.min && year <= PUBLISHED_YEARS.max;
  }, `publishedAt must be a date from ${PUBLISHED_YEARS.min} to ${PUBLISHED_YEARS.max}`)
  .describe("Publication date, YYYY-MM-DD: relative periods are resolved against it");

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    // RangeError is the answer to the question: not a well-formed BCP 47 tag.
    return false;
  }
}

/**
 * A BCP 47 tag that Intl canonicalises, kept in its canonical form ("EN-ca" becomes "en-CA"). Its region, read with
 * Intl.Locale, decides what a bare $ means; private-use and extension subtags decide nothing.
 */
export const LocaleSchema = z
  .string()
  .max(64, { message: "locale must be a BCP 47 language tag such as en-CA (at most 64 characters)", abort: true })
  .refine(isLanguageTag, { message: "locale must be a BCP 47 language tag such as en-CA", abort: true })
  .overwrite((tag) => Intl.getCanonicalLocales(tag)[0]!)
  .describe("BCP 47 locale of the outlet, e.g. en-CA: decides what a bare $ means");

const LONE_SURROGATE = /\p{Cs}/u;

/** An article's text: not blank, no NUL, and well-formed UTF-16 (no lone surrogate, which no UTF-8 file can hold). */
export const ArticleTextSchema = z
  .string()
  .refine((text) => text.trim() !== "", "text is empty or only white space")
  .refine((text) => !text.includes("\0"), "text holds a NUL character: it is not plain text")
  .refine((text) => !LONE_SURROGATE.test(text), "text holds a lone surrogate (broken UTF-16): it is not plain text");

export const ArticleMetaSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  section: z.string(),
  source: z.string().min(1),
  publishedAt: PublishedAtSchema,
  locale: LocaleSchema,
});

/** What every way in (the API, the CLI, /analyze) accepts besides the text: one validation for all three. */
export const ArticleOptionsSchema = ArticleMetaSchema.pick({ publishedAt: true, locale: true });

export const ArticleSchema = ArticleMetaSchema.extend({
  text: ArticleTextSchema,
});

export const ClaimLinkSchema = z.object({
  id: z.string(),
  relation: LinkRelationSchema,
  rate: z
    .number()
    .positive()
    .nullable()
    .describe("Units of this claim's currency per unit of the linked claim's currency, as implied by the article"),
});

export const ClaimSchema = z
  .object({
    id: z.string().describe("Stable across runs: derived from the article id and the offsets"),
    articleId: z.string(),
    sentenceIndex: z.int().nonnegative(),
    sentence: z.string(),
    start: z.int().nonnegative().describe("Half-open [start, end) UTF-16 offsets into the article text"),
    end: z.int().nonnegative(),
    quote: z.string().min(1),
    kind: KindSchema,
    value: z.number().refine(Number.isFinite, "value must be finite"),
    valueMax: z.number().refine(Number.isFinite, "valueMax must be finite").nullable(),
    unit: z.string().nullable(),
    currencyBasis: CurrencyBasisSchema.nullable(),
    per: z
      .string()
      .nullable()
      .default(null)
      .describe('What a price or money rate is per ("barrel" in "$58.24 per barrel", "year" in "$2 billion a year")'),
    change: ChangeSchema,
    metric: MetricSchema,
    subject: z.string().nullable(),
    period: z.string().nullable(),
    periodBasis: PeriodBasisSchema.nullable(),
    modality: ModalitySchema.default("in_force").describe(
      "In force or stated as fact, or only announced, threatened, proposed or forecast, as the sentence words it",
    ),
    links: z.array(ClaimLinkSchema),
    warnings: z.array(z.string()),
    rule: RuleSchema.describe("Which extraction rule produced the record"),
  })
  .refine((c) => c.end > c.start && c.end - c.start === c.quote.length, {
    message: "end - start must equal quote.length",
  });

export const DatasetSchema = z.object({
  articleId: z.string(),
  claims: z.array(ClaimSchema),
});

export type Kind = z.infer<typeof KindSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type CurrencyBasis = z.infer<typeof CurrencyBasisSchema>;
export type PeriodBasis = z.infer<typeof PeriodBasisSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type Modality = z.infer<typeof ModalitySchema>;
/** Each stage's rules (lib/enums.ts), so that the code of each can only name its own. */
export type RateRule = (typeof RATE_RULES)[number];
export type ListedRule = (typeof LISTED_RULES)[number];
export type UnitRule = (typeof UNIT_RULES)[number];
export type NotQuantityRule = (typeof NOT_QUANTITY_RULES)[number];
export type ListRule = (typeof LIST_RULES)[number];
export type DateRule = (typeof DATE_RULES)[number];
export type QuantityRule = Exclude<Rule, DateRule>;
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type ClaimLink = z.infer<typeof ClaimLinkSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

/** The record's JSON Schema, for other tools: generated, never written by hand. */
export function claimJsonSchema() {
  return z.toJSONSchema(ClaimSchema, { target: "draft-2020-12" });
}

export function datasetJsonSchema() {
  return z.toJSONSchema(DatasetSchema, { target: "draft-2020-12" });
}
