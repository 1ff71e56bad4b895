// `npm run eval:extract -- [--datasets DIR]`
// How well newsfind's HTML extraction (build/formats/html.ts) finds each page's metadata: every
// page of the news-html dataset (DIR/news-html/pages/<name>/source.html beside its
// expected-metadata.json) is read as the build reads an .html file, and title, byline,
// published date, site name and language are compared with the expectation, normalised as
// bench/extract/compare.ts documents; the body's words are compared with the expected article
// text (expected.html) for precision and recall. DIR defaults to NEWSFIND_DATASETS, else
// /work/shared/datasets. Prints the table and the disagreements, writes
// bench/results/extract-<date>.json and renders bench/README.md (report.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { parseDocument } from "../build/extract/dom.js";
import { readHtml } from "../build/formats/html.js";
import { FIELDS, type FieldValues, score, type TextOverlap, textOverlap } from "./extract/compare.js";
import { extractDetail, writeReadme } from "./report.js";
import { type ExtractFigures, runInfo, sourceCommit, writeResult } from "./results.js";

const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv,
  options: { datasets: { type: "string", default: process.env.NEWSFIND_DATASETS ?? "/work/shared/datasets" } },
});
const commit = sourceCommit();
const pagesDir = join(values.datasets!, "news-html/pages");

const str = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);
const pages: { page: string; extracted: FieldValues; expected: FieldValues }[] = [];
const bodies: (TextOverlap & { page: string })[] = [];
let failures = 0;
const started = performance.now();
for (const name of readdirSync(pagesDir).sort()) {
  const expectation = JSON.parse(readFileSync(join(pagesDir, name, "expected-metadata.json"), "utf8"));
  const result = readHtml(name, readFileSync(join(pagesDir, name, "source.html")));
  const article = result.articles[0];
  if (!article) failures++;
  const expectedText = parseDocument(readFileSync(join(pagesDir, name, "expected.html"), "utf8")).body?.textContent;
  bodies.push({ page: name, ...textOverlap(article?.body.join("\n") ?? "", expectedText ?? "") });
  pages.push({
    page: name,
    extracted: {
      title: article?.title ?? null,
      byline: article?.byline ?? null,
      published: article?.published ?? null,
      siteName: article?.source ?? null,
      language: article?.language ?? null,
    },
    expected: {
      title: str(expectation.title),
      byline: str(expectation.byline),
      published: str(expectation.publishedTime),
      siteName: str(expectation.siteName),
      language: str(expectation.lang),
    },
  });
}
const elapsedMs = performance.now() - started;
const mean = (key: keyof TextOverlap) => bodies.reduce((sum, body) => sum + body[key], 0) / bodies.length;
const { fields, mismatches } = score(pages);
const figures: ExtractFigures = {
  pages: pages.length,
  unread: failures,
  msPerPage: elapsedMs / pages.length,
  fields,
  mismatches,
  body: {
    precision: mean("precision"),
    recall: mean("recall"),
    f1: mean("f1"),
    lowest: [...bodies].sort((a, b) => a.f1 - b.f1).slice(0, 3),
  },
};
const command = `npm run eval:extract${argv.length > 0 ? ` -- ${argv.join(" ")}` : ""}`;
const result = {
  kind: "extract" as const,
  ...runInfo(command, { path: relative(process.cwd(), pagesDir) || pagesDir, articles: pages.length }, commit),
  figures,
};
const path = writeResult(result);
console.log(`\n${extractDetail(result)}\n`);
console.log(`fields: ${FIELDS.join(", ")}`);
console.log(`\nwrote ${relative(process.cwd(), path)}; ${relative(process.cwd(), writeReadme())} rendered`);

/**
 * Least accuracy each field must reach, as fractions: below one, the run fails (exit code 1),
 * so a change to the extraction that loses metadata does not pass unnoticed.
 */
const FLOORS: Partial<Record<(typeof FIELDS)[number], number>> = {
  title: 0.95,
  byline: 0.85,
  published: 0.9,
  siteName: 0.9,
};
const below = Object.entries(FLOORS).filter(([field, floor]) => {
  const figure = fields[field as (typeof FIELDS)[number]];
  return figure !== undefined && figure.accuracy < floor!;
});
for (const [field, floor] of below)
  console.error(`${field}: accuracy below its floor of ${(floor! * 100).toFixed(0)} %`);
if (below.length > 0) process.exitCode = 1;
