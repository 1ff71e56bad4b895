// `npm run eval:variants -- [--datasets DIR]`
// Ranking changes measured before they are kept: BM25F with per-field length normalisation,
// a proximity signal and the weighting of verbose queries (variants/), each a family of
// variants scored on the seven public judged sets (tune/judged-sets.ts) beside its baseline,
// the shipped ranking (10 hits in process, typo tolerance on, as `/search` serves them). Each
// family's variant is chosen by leave-one-collection-out cross-validation (tune/cross-validate.ts,
// the baseline winning ties), and it is worth keeping only if, held out, it gains on average and
// loses on no set. Writes bench/results/variants-<date>.json and prints the tables;
// `npm run bench:report` renders them.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Analyzer, fieldTerms } from "../build/analyze-articles.js";
import { compileIndex } from "../build/compile-index.js";
import { noTagging } from "../build/entities/extract.js";
import { parseQuery } from "../src/engine/query/parse.js";
import { rank } from "../src/engine/search.js";
import { indexLoader } from "../src/engine/store/load.js";
import type { IndexStore } from "../src/engine/store/store.js";
import { RANKING } from "../src/index-format.js";
import { PROJECT_ROOT } from "./harness/commands.js";
import { loadJudged } from "./judged.js";
import { commandLine, runInfo, sourceCommit, writeResult, type VariantFigures } from "./results.js";
import { choose, leaveOneOut } from "./tune/cross-validate.js";
import { withBuiltSet, type BuiltSet } from "./tune/built-set.js";
import { judgedSets, type JudgedSet } from "./tune/judged-sets.js";
import { meanLengths, pseudoFrequencies, type FieldNorm } from "./variants/field-norm.js";
import { reranked, Sequences, type Proximity } from "./variants/proximity.js";
import { variantsTable } from "./variants/table.js";
import { weightedTop, type Verbose } from "./variants/verbose.js";

const FIELD_NORMS: FieldNorm[] = [0, 0.3, 0.6].flatMap((title) =>
  [0.4, 0.6, 0.75].flatMap((body) =>
    [0, 0.5].flatMap((lede) => [RANKING.bm25.k1, 1.6].map((k1) => ({ title, body, lede, k1 }))),
  ),
);
const PROXIMITIES: Proximity[] = [1, 4, 8].flatMap((window) => [0.1, 0.2, 0.35].map((lambda) => ({ window, lambda })));
const VERBOSE: Verbose[] = [-0.3, -0.15, 0.25, 0.5].flatMap((alpha) => [3, 6].map((words) => ({ alpha, words })));

const FAMILIES = [
  {
    name: "BM25F with per-field length normalisation",
    description:
      "Baseline: the shipped ranking, which normalises by the article's weighted length. Variants: each field normalised by its own length (b for the title, body and lede; weights as shipped), with k1.",
    labels: FIELD_NORMS.map(({ title, body, lede, k1 }) => `b title ${title}, body ${body}, lede ${lede}; k1 ${k1}`),
  },
  {
    name: "Proximity",
    description:
      "Baseline: the shipped ranking. Variants: its top 100 re-ranked by adjacent query-word pairs found within a window of words in the title or body (`bench/variants/proximity.ts`), at weight λ.",
    labels: PROXIMITIES.map(({ window, lambda }) => `window ${window}, λ ${lambda}`),
  },
  {
    name: "Verbose queries",
    description:
      "Baseline: the shipped weighting, every word's terms at weight 1, ranked by scoring every posting. Variants: in queries of at least n words, each word weighted by (its IDF / the query's highest)^α.",
    labels: VERBOSE.map(({ alpha, words }) => `α ${alpha}, from ${words} words`),
  },
];

type Ranker = (text: string) => Promise<number[]>;

/** The mean metric of the set's judged queries, ranked by `ranker` (positions, best first). */
async function scoreWith({ articles, judged, metric }: Omit<BuiltSet, "store">, ranker: Ranker) {
  let sum = 0;
  for (const { text, judgements } of judged) {
    const positions = await ranker(text);
    sum += metric(
      positions.slice(0, 10).map((position) => articles[position]!.id),
      judgements,
    );
  }
  return sum / Math.max(1, judged.length);
}

const served = (store: IndexStore, limit: number) => async (text: string) =>
  (await rank(store, { q: text, limit, offset: 0, sort: "relevance" })).page;

/** Every family's scores on one set: scores[family][variant], the baseline first. */
async function scoreSet(set: JudgedSet, log: (line: string) => void): Promise<number[][]> {
  return withBuiltSet(set, async (built) => {
    const { articles, store } = built;
    const terms = articles.map((article) => fieldTerms(article, set.fields));
    const shipped = await scoreWith(built, async (text) =>
      (await served(store, 10)(text)).map(({ position }) => position),
    );

    const fieldNorm = [shipped];
    const means = meanLengths(terms);
    for (const norm of FIELD_NORMS) {
      const ranking = { ...RANKING, bm25: { ...RANKING.bm25, k1: norm.k1 } };
      const analyzer = new Analyzer(set.fields, ranking);
      const compiled = compileIndex(articles, {
        tagger: noTagging(),
        builtAt: "2000-01-01T00:00:00Z",
        fields: set.fields,
        layout: "bundle",
        ranking,
        analyzer,
        counted: (position) => {
          const tf = pseudoFrequencies(terms[position]!, means, norm);
          // Every article at the mean length: the compiler's own normalisation is then none.
          return { terms: analyzer.intern([...tf.keys()]), tf: Float32Array.from(tf.values()), length: 1 };
        },
      });
      const variant = await indexLoader(compiled.artefacts)();
      fieldNorm.push(
        await scoreWith(built, async (text) => (await served(variant, 10)(text)).map(({ position }) => position)),
      );
    }
    log(`${set.name}: per-field normalisation`);

    const proximity = [shipped];
    const sequences = new Sequences(terms);
    const firstTerms = (text: string) =>
      parseQuery(text, store.manifest.languages).groups.flatMap((group) =>
        group.clauses.flatMap((clause) =>
          clause.kind === "word" ? [clause.terms[0]!] : clause.terms.map((variants) => variants[0]!),
        ),
      );
    for (const settings of PROXIMITIES)
      proximity.push(
        await scoreWith(built, async (text) =>
          reranked(
            (await served(store, 100)(text)).map(({ position, score }) => ({ position, score: score ?? 0 })),
            firstTerms(text),
            sequences,
            settings,
          ),
        ),
      );
    log(`${set.name}: proximity`);

    const verbose: number[] = [];
    for (const settings of [{ alpha: 0, words: 0 }, ...VERBOSE])
      verbose.push(await scoreWith(built, (text) => weightedTop(store, text, 10, settings)));
    log(`${set.name}: verbose queries`);
    return [fieldNorm, proximity, verbose];
  });
}

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { datasets: { type: "string", default: join(PROJECT_ROOT, "../shared/datasets") } },
  });
  const commit = sourceCommit();
  const sets = judgedSets(values.datasets!);
  const log = (line: string) => console.error(`[variants] ${line}`);
  const bySet: number[][][] = [];
  for (const set of sets) bySet.push(await scoreSet(set, log));
  const collections = sets.map(({ name, bm25 }) => ({ name, bm25 }));
  const all = sets.map((_, s) => s);
  const queries = sets.map((set) => loadJudged(set.queries, set.qrels).length);
  const figures: VariantFigures = {
    sets: sets.map(({ name, metric, bm25 }, s) => ({ name, metric, bm25, queries: queries[s]! })),
    families: FAMILIES.map(({ name, description, labels }, f) => {
      // scores[variant][set]; the baseline first, changing nothing.
      const scores = bySet[0]![f]!.map((_, v) => bySet.map((set) => set[f]![v]!));
      const changed = scores.map((_, v) => (v === 0 ? 0 : 1));
      return {
        name,
        description,
        variants: scores.map((row, v) => ({ label: v === 0 ? "baseline" : labels[v - 1]!, scores: row })),
        chosen: choose(scores, collections, all, changed),
        folds: leaveOneOut(scores, collections, changed),
      };
    }),
  };
  const result = {
    kind: "variants" as const,
    ...runInfo(commandLine("eval:variants", argv), { path: values.datasets!, articles: 0 }, commit),
    figures,
  };
  const path = writeResult(result);
  console.log(`${variantsTable(figures)}\n\nwrote ${path}`);
}

await main(process.argv.slice(2));
