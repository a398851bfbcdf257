import { CSV_COLUMNS } from "./csv";
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
  type: "string" | "number" | "integer";
  description?: string;
  constraints?: { required?: boolean; enum?: string[] };
}

/** JSON Schema writes "number or null" as anyOf or as a type array; both become one main type plus nullability. */
function variantsOf(property: JsonSchemaProperty | undefined): JsonSchemaProperty[] {
  if (!property) return [];
  if (property.anyOf) return property.anyOf;
  if (Array.isArray(property.type)) return property.type.map((type) => ({ ...property, type }));
  return [property];
}

function fieldFor(name: string, property: JsonSchemaProperty | undefined): TableSchemaField {
  const variants = variantsOf(property);
  const nullable = variants.some((v) => v.type === "null");
  const main = variants.find((v) => v.type !== "null") ?? {};
  const type = main.type === "integer" ? "integer" : main.type === "number" ? "number" : "string";
  const field: TableSchemaField = { name, type };
  const description = property?.description ?? main.description;
  if (description) field.description = description;
  const constraints: TableSchemaField["constraints"] = {};
  if (!nullable && main.type !== "array") constraints.required = true;
  if (main.enum) constraints.enum = main.enum;
  if (Object.keys(constraints).length) field.constraints = constraints;
  return field;
}

export function claimsDataPackage(
  article: Pick<Article, "id" | "title" | "source" | "publishedAt">,
  csvPath = "claims.csv",
) {
  const properties = (claimJsonSchema() as { properties: Record<string, JsonSchemaProperty> }).properties;
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
          fields: CSV_COLUMNS.map((name) => fieldFor(name, properties[name])),
          missingValues: [""],
          primaryKey: "id",
        },
      },
    ],
  };
}
