import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_LOCALE, todayUtc } from "../defaults";
import { CSV_HEADER, claimCsvRow } from "../export/csv";
import { usdEquivalents } from "../export/usd";
import { extractArticle } from "../extract/article";
import { textId } from "../extract/ids";
import { traceClaims } from "../extract/trace";
import { MAX_INPUT_BYTES } from "../input/index";
import { ArticleOptionsSchema, claimJsonSchema, datasetJsonSchema, type Dataset } from "../schema";
import { SeedError, articleFromText, decodeUtf8, readArticleFile, type ArticleFallback } from "./seeds";

/**
 * npm run --silent extract -- [--format json|csv|ndjson] [--published-at YYYY-MM-DD] [--locale en-CA] FILE...
 * "-" reads standard input. --trace prints, instead of the records, every number found and the stages that made its
 * record or dropped it. Bad input: exit 2 with one line on stderr, and nothing on stdout.
 */

const USAGE =
  "usage: extract [--format json|csv|ndjson] [--published-at YYYY-MM-DD] [--locale BCP47] [--schema] [--trace] FILE... (- for stdin)";

class UsageError extends Error {}

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch (error) {
    throw new SeedError(`stdin: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function articlesFor(files: string[], fallback: ArticleFallback) {
  return files.map((file) => {
    if (file === "-") {
      const bytes = readStdin();
      if (bytes.length > MAX_INPUT_BYTES)
        throw new SeedError(`stdin: ${bytes.length} bytes is over the ${MAX_INPUT_BYTES}-byte limit`);
      const text = decodeUtf8(bytes, "stdin");
      return articleFromText(text, `stdin-${textId(text)}`, fallback, "stdin");
    }
    return readArticleFile(file, fallback);
  });
}

/** The --trace listing: for each number, where it is, and one indented line per stage. */
function* renderTrace(files: string[], fallback: ArticleFallback): Generator<string> {
  for (const article of articlesFor(files, fallback)) {
    yield `# ${article.id}\n`;
    const options = { articleId: article.id, publishedAt: article.publishedAt, locale: article.locale };
    for (const line of traceClaims(article.text, options)) {
      yield `[${line.start},${line.end}) ${JSON.stringify(line.number)}\n`;
      for (const step of line.steps) yield `    ${step}\n`;
    }
  }
}

function datasetsFor(files: string[], fallback: ArticleFallback): Dataset[] {
  return articlesFor(files, fallback).map((article) => extractArticle(article));
}

/** A record batch per write: few system calls, and no string much larger than a batch. */
const BATCH = 500;

/** `JSON.stringify(value, null, 2)` of one claim, indented to sit `depth` levels deep in the document. */
function indented(value: unknown, depth: number): string {
  const pad = "  ".repeat(depth);
  return pad + JSON.stringify(value, null, 2).replaceAll("\n", `\n${pad}`);
}

/**
 * The output in pieces, record by record: the same text as one JSON.stringify (pretty, for json) or join would give,
 * without ever building it as one string, which a long article's output can outgrow (V8's limit is ~512 MB).
 */
function* render(datasets: Dataset[], format: string): Generator<string> {
  if (format === "csv") {
    yield CSV_HEADER + "\r\n";
    for (const dataset of datasets) {
      // Each article's own rates: one article's US$ pair says nothing about another's currency.
      const usd = usdEquivalents(dataset.claims);
      for (const claim of dataset.claims) yield claimCsvRow(claim, usd.get(claim.id)) + "\r\n";
    }
    return;
  }
  if (format === "ndjson") {
    for (const dataset of datasets) for (const claim of dataset.claims) yield JSON.stringify(claim) + "\n";
    return;
  }
  const many = datasets.length !== 1;
  const depth = many ? 1 : 0;
  const pad = "  ".repeat(depth);
  if (many) yield datasets.length === 0 ? "[]" : "[\n";
  for (const [d, { articleId, claims }] of datasets.entries()) {
    yield `${pad}{\n${pad}  "articleId": ${JSON.stringify(articleId)},\n${pad}  "claims": ${claims.length ? "[\n" : "[]"}`;
    for (const [i, claim] of claims.entries()) yield indented(claim, depth + 2) + (i < claims.length - 1 ? ",\n" : "");
    yield `${claims.length ? `\n${pad}  ]` : ""}\n${pad}}${d < datasets.length - 1 ? ",\n" : ""}`;
  }
  yield many && datasets.length > 0 ? "\n]\n" : "\n";
}

/** Writes the pieces in batches; stdout to a pipe or a file is synchronous on Linux, so memory stays one batch. */
function write(pieces: Iterable<string>): void {
  let batch: string[] = [];
  for (const piece of pieces) {
    batch.push(piece);
    if (batch.length >= BATCH) {
      process.stdout.write(batch.join(""));
      batch = [];
    }
  }
  if (batch.length) process.stdout.write(batch.join(""));
}

/** --published-at and --locale, checked by the same schema as the API's and /analyze's. */
function fallbackOf(publishedAt: string, locale: string): ArticleFallback {
  const parsed = ArticleOptionsSchema.safeParse({ publishedAt, locale });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const flag = issue.path[0] === "publishedAt" ? "--published-at" : "--locale";
  const given = issue.path[0] === "publishedAt" ? publishedAt : locale;
  throw new UsageError(`${flag}: ${issue.message}, got ${JSON.stringify(given)}`);
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
            trace: { type: "boolean", default: false },
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
    const fallback = fallbackOf(values["published-at"] ?? todayUtc(), values.locale);
    if (positionals.length === 0) throw new UsageError("no input file given");
    if (values.trace) {
      write([...renderTrace(positionals, fallback)]);
      return 0;
    }
    // Every input is read and extracted before anything is written: bad input leaves stdout empty.
    write(render(datasetsFor(positionals, fallback), values.format));
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
    // Anything else (out of memory, a bug) still gets one line and exit 2, never a stack trace.
    const reason = error instanceof RangeError ? "the input is too large for this process's memory" : String(error);
    process.stderr.write(`extract: could not extract: ${reason.split("\n")[0]}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
