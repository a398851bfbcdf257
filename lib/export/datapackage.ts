import { z } from "zod";
import { CSV_CHANGE_WORDS, CSV_COLUMNS, type UsdCsvColumn } from "./csv";
import { claimJsonSchema, type Article } from "../schema";

/**
 * A Frictionless Data Package for an article's claims.csv. Its Table Schema is generated from the zod schema's
 * JSON Schema, so field types, enums and descriptions cannot drift from the records.
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
  const fields = CSV_COLUMNS.map((name) => {
    const field = fieldFor(name, properties[name]);
    return name === "change" ? changeField(field) : field;
  });
  return {
    profile: "tabular-data-package",
    name: `tradefigures-${article.id.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}`,
    title: `Numeric claims in “${article.title}”`,
    sources: [{ title: `${article.source}, ${article.publishedAt}` }],
    licenses: [
      {
        name: "CC-BY-4.0",
        path: "https://creativecommons.org/licenses/by/4.0/",
        title: "Creative Commons Attribution 4.0",
      },
    ],
    resources: [
      {
        name: "claims",
        path: csvPath,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', header: true },
        schema: {
          fields,
          missingValues: [""],
          primaryKey: "id",
        },
      },
    ],
  };
}
