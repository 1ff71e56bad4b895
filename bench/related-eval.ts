// `npm run eval:related -- --corpus FILE [--corpus FILE …] [--limit 5] [--words 10]
//                          [--common-share 0.05] [--common-floor 100]`
// Related stories have no judged set. This measures them on collections whose articles carry
// their section (a `category` field: BBC News's five, the German news's nine): for every
// article, the share of its related stories (engine/related.ts, in process) from its own
// section, against the share a random pick of other articles would give; and how many
// articles get no related story at all. A comma-separated list for --words, --common-share or
// --common-floor compares settings, each on every collection (a constant is chosen on all of
// them, never on one).
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { buildArtefacts } from "../build/build.js";
import { RELATED, type RelatedOptions, related } from "../src/engine/related.js";
import { indexLoader } from "../src/engine/store/load.js";
import { fileAssetReader } from "./fs-assets.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", multiple: true },
    limit: { type: "string", default: "5" },
    words: { type: "string", default: String(RELATED.words) },
    "common-share": { type: "string", default: String(RELATED.commonShare) },
    "common-floor": { type: "string", default: String(RELATED.commonFloor) },
  },
});
if (!values.corpus || values.corpus.length === 0) {
  console.error(
    "usage: npm run eval:related -- --corpus FILE [--corpus FILE …] [--limit 5] [--words 10] [--common-share 0.05] [--common-floor 100]",
  );
  process.exit(2);
}
const numbers = (text: string) => text.split(",").map((value) => Number(value.trim()));
const limit = Number(values.limit);
const settings: RelatedOptions[] = numbers(values.words!).flatMap((words) =>
  numbers(values["common-share"]!).flatMap((commonShare) =>
    numbers(values["common-floor"]!).map((commonFloor) => ({ words, commonShare, commonFloor })),
  ),
);

/** Each article's section, by id, from the corpus file's `category` fields. */
function sections(corpus: string): Map<string, string> {
  const byId = new Map<string, string>();
  for (const line of readFileSync(corpus, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const { id, category } = JSON.parse(line) as { id?: unknown; category?: unknown };
    if (typeof id === "string" && typeof category === "string") byId.set(id, category);
  }
  return byId;
}

/** The chance that another article picked at random shares an article's section. */
function randomShare(sectionOf: Map<string, string>): number {
  const sizes = new Map<string, number>();
  for (const section of sectionOf.values()) sizes.set(section, (sizes.get(section) ?? 0) + 1);
  const all = sectionOf.size;
  let share = 0;
  for (const size of sizes.values()) share += (size / all) * ((size - 1) / (all - 1));
  return share;
}

const describe = ({ words, commonShare, commonFloor }: RelatedOptions) =>
  `words ${words}, common share ${commonShare}, floor ${commonFloor}`;

console.log(`\nrelated stories: share from the article's own section, ${limit} asked for each article`);
for (const corpus of values.corpus) {
  const sectionOf = sections(corpus);
  if (sectionOf.size === 0) {
    console.error(`${corpus}: no article has a category; related stories cannot be measured on it`);
    process.exitCode = 2;
    continue;
  }
  const outDir = mkdtempSync(join(tmpdir(), "newsfind-related-"));
  const { artefacts, articles } = buildArtefacts({
    corpus,
    outDir: join(outDir, "index"),
    assetsDir: join(outDir, "assets"),
    spill: false,
  });
  const index = await indexLoader(artefacts, fileAssetReader(join(outDir, "assets")))();
  const name = `${basename(dirname(corpus))}/${basename(corpus)}`;
  console.log(`\n${name}: ${articles.length} articles; a random pick: ${randomShare(sectionOf).toFixed(3)}`);
  for (const options of settings) {
    let shared = 0;
    let listed = 0;
    let none = 0;
    const start = performance.now();
    for (const [position, article] of articles.entries()) {
      const hits = await related(index, position, limit, options);
      if (hits.length === 0) none++;
      listed += hits.length;
      const section = sectionOf.get(article.id);
      shared += hits.filter((hit) => sectionOf.get(hit.id) === section).length;
    }
    const ms = (performance.now() - start) / articles.length;
    console.log(
      `  ${describe(options).padEnd(40)} own section ${(shared / Math.max(1, listed)).toFixed(3)}  stories ${(listed / articles.length).toFixed(2)} an article  none ${none}  mean ${ms.toFixed(2)} ms`,
    );
  }
}
