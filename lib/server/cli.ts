import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_LOCALE, todayUtc } from "../defaults";
import { claimsToCsv } from "../export/csv";
import { extractArticle } from "../extract/article";
import { textId } from "../extract/ids";
import { MAX_INPUT_BYTES } from "../input/index";
import { claimJsonSchema, datasetJsonSchema, type Dataset } from "../schema";
import { SeedError, articleFromText, decodeUtf8, readArticleFile, type ArticleFallback } from "./seeds";

/**
 * npm run --silent extract -- [--format json|csv|ndjson] [--published-at YYYY-MM-DD] [--locale en-CA] FILE...
 * "-" reads standard input. Bad input: exit 2 with one line on stderr, and nothing on stdout.
 */

const USAGE =
  "usage: extract [--format json|csv|ndjson] [--published-at YYYY-MM-DD] [--locale BCP47] [--schema] FILE... (- for stdin)";

class UsageError extends Error {}

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch (error) {
    throw new SeedError(`stdin: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function datasetsFor(files: string[], fallback: ArticleFallback): Dataset[] {
  return files.map((file) => {
    if (file === "-") {
      const bytes = readStdin();
      if (bytes.length > MAX_INPUT_BYTES)
        throw new SeedError(`stdin: ${bytes.length} bytes is over the ${MAX_INPUT_BYTES}-byte limit`);
      const text = decodeUtf8(bytes, "stdin");
      return extractArticle(articleFromText(text, `stdin-${textId(text)}`, fallback, "stdin"));
    }
    return extractArticle(readArticleFile(file, fallback));
  });
}

function render(datasets: Dataset[], format: string): string {
  if (format === "csv") return claimsToCsv(datasets.flatMap((d) => d.claims));
  if (format === "ndjson") return datasets.flatMap((d) => d.claims.map((c) => JSON.stringify(c))).join("\n") + "\n";
  return JSON.stringify(datasets.length === 1 ? datasets[0] : datasets, null, 2) + "\n";
}

export function main(argv: string[]): number {
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: argv,
          allowPositionals: true,
          options: {
            format: { type: "string", default: "json" },
            "published-at": { type: "string" },
            locale: { type: "string", default: DEFAULT_LOCALE },
            schema: { type: "boolean", default: false },
            help: { type: "boolean", short: "h", default: false },
          },
        });
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    })();
    if (values.help) {
      process.stdout.write(USAGE + "\n");
      return 0;
    }
    if (values.schema) {
      process.stdout.write(JSON.stringify({ claim: claimJsonSchema(), dataset: datasetJsonSchema() }, null, 2) + "\n");
      return 0;
    }
    if (!["json", "csv", "ndjson"].includes(values.format))
      throw new UsageError(`unknown --format "${values.format}" (json, csv or ndjson)`);
    const publishedAt = values["published-at"] ?? todayUtc();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedAt) || Number.isNaN(Date.parse(publishedAt)))
      throw new UsageError(`--published-at must be a date YYYY-MM-DD, got "${publishedAt}"`);
    if (positionals.length === 0) throw new UsageError("no input file given");
    process.stdout.write(render(datasetsFor(positionals, { publishedAt, locale: values.locale }), values.format));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`extract: ${error.message}\n${USAGE}\n`.split("\n")[0] + "\n");
      return 2;
    }
    if (error instanceof SeedError) {
      process.stderr.write(`extract: ${error.message.replace(/\s*\n\s*/g, " ")}\n`);
      return 2;
    }
    process.stderr.write(`extract: internal error: ${(error as Error).message.split("\n")[0]}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
