import { z } from "zod";
import { CSV_CHANGE_WORDS, CSV_COLUMNS, type UsdCsvColumn } from "./csv";
import { claimJsonSchema, type Article } from "../schema";

/**
 * A Frictionless Data Package (v2, readable as v1) for an article's claims.csv. Its Table Schema is generated from
 * the zod schema's JSON Schema, so field types, enums and descriptions cannot drift from the records.
 *
 * Licences: the values we extracted and the fields we add (kind, metric, period, links, US$ equivalents…) are
 * dedicated to the public domain (ODC-PDDL-1.0), stated at package level. The `quote` and `sentence` columns are the
 * publisher's words, quoted so that every figure can be checked against its source; no licence of ours covers them.
 * The claims resource says so with its own `licenses` (ours for our fields, "other-closed" for the quoted text) and
 * each of those two fields carries a `rights` note.
 */

interface JsonSchemaProperty {
  type?: string | string[];
  enum?: string[];
  anyOf?: JsonSchemaProperty[];
  description?: string;
}

interface TableSchemaField {
  name: string;
  type: "string" | "number" | "integer" | "boolean";
  description?: string;
  constraints?: { required?: boolean; enum?: string[] };
  /** Whose text the field holds, where it is not ours to license (a custom property, as Table Schema allows). */
  rights?: string;
}

/** The CSV's US-dollar columns (lib/export/usd.ts), described once here like the record's fields in lib/schema. */
const UsdColumnsSchema = z.object({
  usdValue: z
    .number()
    .nullable()
    .describe(
      "The figure in US dollars: itself when in USD, else at the rate the article implies (the money chart's ≈ US$); empty without a rate",
    ),
  usdValueMax: z.number().nullable().describe("The upper end of a range in US dollars, at the same rate"),
  usdRate: z.number().nullable().describe("US$ per unit of the figure's currency: 1 for USD; empty without a rate"),
  usdRateSource: z
    .string()
    .nullable()
    .describe("The id of the US$ figure whose pair in the article states the rate (its row holds the sentence)"),
  usdDerived: z
    .boolean()
    .nullable()
    .describe("true when usdValue is computed at the rate; false when the article states it (or the figure is in US$)"),
} satisfies Record<UsdCsvColumn, z.ZodType>);

const PDDL = {
  name: "ODC-PDDL-1.0",
  path: "https://opendatacommons.org/licenses/pddl/1-0/",
  title: "Open Data Commons Public Domain Dedication and License v1.0",
} as const;

/** The fields that quote the article: the publisher's text, not ours to license. */
const QUOTED_FIELDS: ReadonlySet<string> = new Set(["quote", "sentence"]);

/** JSON Schema writes "number or null" as anyOf or as a type array; both become one main type plus nullability. */
function variantsOf(property: JsonSchemaProperty | undefined): JsonSchemaProperty[] {
  if (!property) return [];
  if (property.anyOf) return property.anyOf;
  if (Array.isArray(property.type)) return property.type.map((type) => ({ ...property, type }));
  return [property];
}

const TABLE_TYPES = { integer: "integer", number: "number", boolean: "boolean" } as const;

function fieldFor(name: string, property: JsonSchemaProperty | undefined): TableSchemaField {
  const variants = variantsOf(property);
  const nullable = variants.some((v) => v.type === "null");
  const main = variants.find((v) => v.type !== "null") ?? {};
  const type = TABLE_TYPES[main.type as keyof typeof TABLE_TYPES] ?? "string";
  const field: TableSchemaField = { name, type };
  const description = property?.description ?? main.description;
  if (description) field.description = description;
  const constraints: TableSchemaField["constraints"] = {};
  if (!nullable && main.type !== "array") constraints.required = true;
  if (main.enum) constraints.enum = main.enum;
  if (Object.keys(constraints).length) field.constraints = constraints;
  return field;
}

/** `change` is a word in the CSV ("more than"), where the record and the JSON keep the schema's symbol (">"). */
function changeField(field: TableSchemaField): TableSchemaField {
  const words = Object.entries(CSV_CHANGE_WORDS).map(([symbol, word]) =>
    symbol === word ? word : `${word} (${symbol})`,
  );
  return {
    ...field,
    description:
      `How the value relates to the quantity, as a word: ${words.join(", ")}. ` +
      "The JSON and the record's schema write the symbol in brackets.",
    constraints: { ...field.constraints, enum: Object.values(CSV_CHANGE_WORDS) },
  };
}

export function claimsDataPackage(
  article: Pick<Article, "id" | "title" | "source" | "publishedAt">,
  csvPath = "claims.csv",
) {
  const properties: Record<string, JsonSchemaProperty> = {
    ...(claimJsonSchema() as { properties: Record<string, JsonSchemaProperty> }).properties,
    ...(
      z.toJSONSchema(UsdColumnsSchema, { target: "draft-2020-12" }) as {
        properties: Record<string, JsonSchemaProperty>;
      }
    ).properties,
  };
  const rights = `© ${article.source}: the publisher's text, quoted for verification; not covered by ${PDDL.name}`;
  const fields = CSV_COLUMNS.map((name) => {
    const field = fieldFor(name, properties[name]);
    if (name === "change") return changeField(field);
    return QUOTED_FIELDS.has(name) ? { ...field, rights } : field;
  });
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    profile: "tabular-data-package",
    name: `tradefigures-${article.id.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}`,
    title: `Numeric claims in “${article.title}”`,
    description:
      `The figures Tradefigures extracted from “${article.title}” (${article.source}, ${article.publishedAt}), one row ` +
      `each. The values and Tradefigures' own fields are dedicated to the public domain (${PDDL.name}). The quote and ` +
      `sentence columns are ${article.source}'s text, quoted so that each figure can be checked against its source: ` +
      "they are not licensed by Tradefigures.",
    sources: [{ title: `${article.source}, ${article.publishedAt}` }],
    licenses: [{ ...PDDL, title: `${PDDL.title}: the extracted values and Tradefigures' own fields` }],
    resources: [
      {
        name: "claims",
        path: csvPath,
        type: "table",
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        licenses: [
          { ...PDDL, title: `${PDDL.title}: every column but quote and sentence` },
          { name: "other-closed", title: `quote and sentence: ${rights}` },
        ],
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', header: true },
        schema: {
          fields,
          missingValues: [""],
          primaryKey: ["id"],
        },
      },
    ],
  };
}
