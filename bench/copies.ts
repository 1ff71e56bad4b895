// `npm run eval:copies -- [--corpus FILE] [--copies 500] [--labels TSV] [--sample N] [--text-words N] [--containment C] [--days D]`
// How well build/copies.ts groups copies of one story, on a labelled set built from a real
// archive (default: the Reuters 10,000-article sample):
// - made copies: `--copies` articles of at least 150 words, drawn with a fixed seed, each given
//   one copy of a kind newsrooms make (re-headlined, padded with boilerplate, cut to half, cut to
//   a third, every fifth sentence dropped, its first sentence rewritten), added to the archive;
//   the truth is known;
// - the archive's own copies: pairs of its articles, judged by hand (`--labels`, one pair a
//   line: id, id, copy or distinct, a note), drawn from the pairs grouped and from the near
//   misses (pairs whose sketches share their first two buckets and a third of all, not grouped).
// Precision: of the pairs grouped that are judged, the share that are copies; recall: of the
// pairs that are copies, the share grouped. Writes bench/results/copies-<date>.json and prints
// the table; `--sample N` prints N unjudged grouped pairs and N near misses to judge instead.
// `--text-words`, `--containment` and `--days` (Infinity: no window) measure other constants
// than the shipped ones (build/copies.ts), each run recorded with them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  containment,
  COPY_CONTAINMENT,
  COPY_DAYS,
  type CopyOptions,
  groupCopies,
  MIN_SHINGLES,
  TEXT_WORDS,
  similarity,
  sketchOf,
  type Sketch,
} from "../build/copies.js";
import type { Article } from "../src/index-format.js";
import { PROJECT_ROOT } from "./harness/commands.js";
import { commandLine, runInfo, sourceCommit, writeResult, type CopiesFigures } from "./results.js";
import { readCleanArticles } from "./scale/corpus-subset.js";
import { copiesTable } from "./copies-table.js";

const BOILERPLATE_TOP = "Sign up for our morning briefing: the day's top stories, delivered to your inbox.";
const BOILERPLATE_END =
  "Copyright Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Follow us for more news and analysis.";

/** Sentences of a paragraph, at their full stops. */
const sentences = (paragraph: string) => paragraph.match(/[^.!?]+[.!?]*\s*/g) ?? [paragraph];

/** The first `share` of a body's words, whole paragraphs while they fit, then the rest of one cut at a word. */
function cut(body: readonly string[], share: number): string[] {
  const words = body.reduce((sum, paragraph) => sum + paragraph.split(/\s+/).length, 0);
  let left = Math.round(words * share);
  const kept: string[] = [];
  for (const paragraph of body) {
    const own = paragraph.split(/\s+/);
    if (own.length <= left) kept.push(paragraph);
    else if (left > 0) kept.push(own.slice(0, left).join(" "));
    left -= own.length;
    if (left <= 0) break;
  }
  return kept;
}

/** The kinds of copy made, each from an article's title and body. */
const KINDS: Record<string, (article: Article) => Pick<Article, "title" | "body">> = {
  "re-headlined": (article) => ({
    title: `Update: ${article.title.split(" ").reverse().join(" ")}`,
    body: article.body,
  }),
  "padded with boilerplate": (article) => ({
    title: article.title,
    body: [BOILERPLATE_TOP, ...article.body, BOILERPLATE_END],
  }),
  "cut to half": (article) => ({ title: article.title, body: cut(article.body, 0.5) }),
  "cut to a third": (article) => ({ title: article.title, body: cut(article.body, 1 / 3) }),
  "every fifth sentence dropped": (article) => ({
    title: article.title,
    body: article.body.map((paragraph, p) =>
      sentences(paragraph)
        .filter((_, s) => (p + s) % 5 !== 4)
        .join("")
        .trim(),
    ),
  }),
  "first sentence rewritten": (article) => {
    const [first = "", ...rest] = article.body;
    const opening = "In a development closely watched by markets, officials confirmed the news on Tuesday. ";
    return { title: article.title, body: [opening + sentences(first).slice(1).join("").trim(), ...rest] };
  },
};

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wordCount = (article: Article) => article.body.reduce((sum, paragraph) => sum + paragraph.split(/\s+/).length, 0);

interface Label {
  a: string;
  b: string;
  copy: boolean;
}

function readLabels(path: string): Label[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [a, b, verdict] = line.split("\t");
      if (verdict !== "copy" && verdict !== "distinct")
        throw new Error(`${path}: a verdict is copy or distinct: ${line}`);
      return { a: a!, b: b!, copy: verdict === "copy" };
    });
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: {
        type: "string",
        default: join(PROJECT_ROOT, "../shared/datasets/reuters-2006-2013/docs.sample10k.jsonl.gz"),
      },
      copies: { type: "string", default: "500" },
      labels: { type: "string", default: join(PROJECT_ROOT, "bench/copies-labels.tsv") },
      sample: { type: "string" },
      "text-words": { type: "string", default: String(TEXT_WORDS) },
      containment: { type: "string", default: String(COPY_CONTAINMENT) },
      days: { type: "string", default: String(COPY_DAYS) },
    },
  });
  const commit = sourceCommit();
  const archive = readCleanArticles(values.corpus!);
  const next = random(1);
  const eligible = archive.flatMap((article, position) => (wordCount(article) >= 150 ? [position] : []));
  const kinds = Object.keys(KINDS);
  const made: { of: number; kind: string; article: Article }[] = [];
  const taken = new Set<number>();
  while (made.length < Number(values.copies) && taken.size < eligible.length) {
    const of = eligible[Math.floor(next() * eligible.length)]!;
    if (taken.has(of)) continue;
    taken.add(of);
    const kind = kinds[made.length % kinds.length]!;
    const source = archive[of]!;
    made.push({ of, kind, article: { ...source, id: `made-${made.length}`, ...KINDS[kind]!(source) } });
  }
  const articles = [...archive, ...made.map(({ article }) => article)];
  const started = performance.now();
  const options: Required<CopyOptions> = {
    textWords: Number(values["text-words"]),
    containment: Number(values.containment),
    days: Number(values.days),
  };
  const sketches = articles.map((article) => sketchOf(article.body, options));
  const groups = groupCopies(articles, sketches, options);
  const ms = performance.now() - started;
  const groupOf = new Map<number, number>();
  groups.forEach((group, g) => {
    for (const position of group) groupOf.set(position, g);
  });
  const together = (a: number, b: number) => groupOf.has(a) && groupOf.get(a) === groupOf.get(b);

  // Made copies: found with their article, and grouped with nothing else but its own copies.
  const byKind = kinds.map((kind) => {
    const ofKind = made
      .map((copy, n) => ({ ...copy, position: archive.length + n }))
      .filter((copy) => copy.kind === kind);
    const found = ofKind.filter(({ of, position }) => together(of, position)).length;
    return { kind, made: ofKind.length, found };
  });
  let wrong = 0;
  let right = 0;
  made.forEach(({ of }, n) => {
    const position = archive.length + n;
    const g = groupOf.get(position);
    if (g === undefined) return;
    for (const member of groups[g]!) {
      if (member === position) continue;
      // Its article, or the archive's own copies of it, are right; another made copy of it cannot be.
      if (member === of || (member < archive.length && together(member, of))) right++;
      else wrong++;
    }
  });

  // The archive's own pairs: grouped, and the near misses (compared, not grouped).
  const position = new Map(archive.map((article, p) => [article.id, p]));
  const grouped: [number, number][] = [];
  for (const group of groups) {
    const own = group.filter((p) => p < archive.length);
    for (let i = 0; i < own.length; i++) for (let j = i + 1; j < own.length; j++) grouped.push([own[i]!, own[j]!]);
  }
  const nearMisses = nearMissPairs(sketches.slice(0, archive.length), together);
  const labels = readLabels(values.labels!);
  const judged = new Map(labels.map((label) => [pairKey(label.a, label.b), label.copy]));

  if (values.sample) {
    const count = Number(values.sample);
    const unjudged = (pairs: [number, number][]) =>
      pairs.filter(([a, b]) => !judged.has(pairKey(archive[a]!.id, archive[b]!.id)));
    const pick = <T>(items: T[]) => {
      const chosen: T[] = [];
      const pool = [...items];
      while (chosen.length < count && pool.length > 0)
        chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return chosen;
    };
    for (const [title, pairs] of [
      ["grouped", pick(unjudged(grouped))],
      ["near misses", pick(unjudged(nearMisses))],
    ] as const) {
      console.log(`## ${title}\n`);
      for (const [a, b] of pairs) {
        const [x, y] = [archive[a]!, archive[b]!];
        console.log(`${x.id}\t${y.id}\t?\tcontainment ${containment(sketches[a]!, sketches[b]!).toFixed(2)}`);
        for (const article of [x, y])
          console.log(`  ${article.published} ${article.title}\n    ${article.body.join(" ").slice(0, 600)}`);
        console.log("");
      }
    }
    return;
  }

  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { a, b, copy } of labels) {
    const [pa, pb] = [position.get(a), position.get(b)];
    if (pa === undefined || pb === undefined)
      throw new Error(`${values.labels}: no article ${pa === undefined ? a : b} in ${values.corpus}`);
    const found = together(pa, pb);
    if (found && copy) truePositives++;
    else if (found) falsePositives++;
    else if (copy) falseNegatives++;
  }
  const figures: CopiesFigures = {
    articles: archive.length,
    made: made.length,
    ms,
    groups: groups.length,
    grouped: groups.reduce((sum, group) => sum + group.length, 0),
    byKind,
    madeWrongPairs: wrong,
    madeRightPairs: right,
    archive: {
      groupedPairs: grouped.length,
      nearMisses: nearMisses.length,
      judged: labels.length,
      truePositives,
      falsePositives,
      falseNegatives,
    },
    options,
    shipped: options.textWords === TEXT_WORDS && options.containment === COPY_CONTAINMENT && options.days === COPY_DAYS,
  };
  const result = {
    kind: "copies" as const,
    ...runInfo(commandLine("eval:copies", argv), { path: values.corpus!, articles: archive.length }, commit),
    figures,
  };
  const path = writeResult(result);
  console.log(`${copiesTable(figures)}\n\nwrote ${path}`);
}

/** Pairs of articles the sketches call alike (a third or more of the values equal) but not grouped: the near misses. */
function nearMissPairs(sketches: readonly Sketch[], together: (a: number, b: number) => boolean): [number, number][] {
  const pairs: [number, number][] = [];
  const byValue = new Map<string, number[]>();
  sketches.forEach((sketch, p) => {
    if (sketch.shingles < MIN_SHINGLES) return;
    const key = `${sketch.values[0]},${sketch.values[1]}`;
    byValue.set(key, [...(byValue.get(key) ?? []), p]);
  });
  for (const members of byValue.values()) {
    if (members.length > 64) continue;
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [members[i]!, members[j]!];
        if (!together(a, b) && similarity(sketches[a]!, sketches[b]!) >= 1 / 3) pairs.push([a, b]);
      }
  }
  return pairs;
}

await main(process.argv.slice(2));
