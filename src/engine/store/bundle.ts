// The bundle layout's store: every artefact is in the worker script. On first use the
// FlexSearch chunks are imported and the article store parsed; every read after that is
// answered from memory. The phonetic table and the suggestions are read on first use only.
import { Index, type IntermediateSearchResults } from "flexsearch";
import {
  articleMeta,
  cardOf,
  COMPLETIONS,
  encodeLexicon,
  flexOptions,
  parsePhoneticTable,
  type Article,
  copyIndex,
  type CopyGroups,
  decodeEntities,
  encodeEntities,
  type EntityIndex,
  type HitCard,
  type IndexArtefacts,
  readLexicon,
  readSuggestionShard,
  TopCompletions,
  type SuggestionIndex,
  type LexiconShard,
  type Postings,
  type SlotLists,
  slotPostings,
} from "../../index-format.js";
import { EngineError } from "../errors.js";
import { documentFrequency, type IndexStore } from "./store.js";

/**
 * A term's posting list, read from FlexSearch's own term map (`map`, a field its typings leave
 * out). The public way, `search(term, { resolve: false }).result`, returns the same array but
 * sets up a Resolver on every call, and typo tolerance looks up hundreds of candidate terms for
 * one word. package.json pins flexsearch to one exact version; the map is checked against the
 * public way here, and a test (test/worker/engine/store/bundle.test.ts) compares the two on
 * every term of a compiled index, so an upgrade that changes the map fails loudly.
 * @throws Error when the map is missing or disagrees with FlexSearch's public search.
 */
function postingsReader(index: Index): {
  postings: (term: string) => Postings | undefined;
  terms: () => Iterable<string>;
} {
  const map = (index as unknown as { map?: unknown }).map;
  const changed =
    "FlexSearch's term map (Index.map) is not what newsfind reads: keep flexsearch at the version package.json pins, or change postingsReader in src/engine/store/bundle.ts with it";
  if (!(map instanceof Map)) throw new Error(`${changed} (the index has no map).`);
  const terms = map as Map<string, IntermediateSearchResults>;
  const sample = terms.keys().next().value;
  if (sample !== undefined && terms.get(sample) !== index.search(sample, { resolve: false }).result) {
    throw new Error(`${changed} (its posting list for ${JSON.stringify(sample)} is not the one search returns).`);
  }
  return {
    postings: (term) => {
      const slots = terms.get(term) as SlotLists | undefined;
      return slots ? slotPostings(slots) : undefined;
    },
    terms: () => terms.keys(),
  };
}

export function bundleStore(artefacts: IndexArtefacts): IndexStore {
  const { manifest, chunks, articles: store, phonetic, suggest, copies, entities } = artefacts;
  if (chunks === undefined || store === undefined || phonetic === undefined || suggest === undefined) {
    throw new EngineError(
      "index-unavailable",
      'The search index cannot be used: its manifest says bundle layout but the artefact module lacks chunks, articles, phonetic or suggest; rebuild it with "npm run build".',
    );
  }
  const index = new Index(flexOptions());
  for (const [key, data] of Object.entries(chunks)) index.import(key, data);
  const articles = JSON.parse(store) as Article[];
  const byId = new Map(articles.map((article, position) => [article.id, position]));
  /** Hit cards, made the first time a page or a phrase check asks for them. */
  const cards: HitCard[] = [];
  const meta = articleMeta(articles);
  const copyGroups = copyIndex(copies ? (JSON.parse(copies) as CopyGroups) : []);
  const { postings, terms } = postingsReader(index);
  let sounds: Map<string, string[]> | undefined;
  /** The entities, decoded the first time a search filters or counts by them. */
  let named: EntityIndex | undefined;
  let suggestions: SuggestionIndex | undefined;
  /** The index's terms with their frequencies as lexicon text, made the first time a prefix is completed. */
  let vocabulary: LexiconShard | undefined;
  return {
    manifest,
    verifyBudget: Number.POSITIVE_INFINITY,
    articleChecks: Number.POSITIVE_INFINITY,
    damaged: () => [],
    async postings(terms) {
      const found = new Map<string, Postings>();
      for (const term of terms) {
        const slots = postings(term);
        if (slots) found.set(term, slots);
      }
      return found;
    },
    async frequencies(terms) {
      const found = new Map<string, number>();
      for (const term of terms) {
        const df = documentFrequency(postings(term));
        if (df > 0) found.set(term, df);
      }
      return found;
    },
    async completions(prefix) {
      if (prefix === "") return [];
      if (!vocabulary) {
        const frequencies = new Map<string, number>();
        for (const term of terms()) {
          const frequency = documentFrequency(postings(term));
          if (frequency > 0) frequencies.set(term, frequency);
        }
        vocabulary = readLexicon(encodeLexicon(frequencies));
      }
      const top = new TopCompletions(COMPLETIONS);
      vocabulary.withPrefix(prefix, (term, frequency) => top.offer(term, frequency));
      return top.terms;
    },
    async suggestions() {
      suggestions ??= readSuggestionShard(suggest);
      return suggestions;
    },
    async soundsLike(key) {
      sounds ??= parsePhoneticTable(phonetic);
      return sounds.get(key) ?? [];
    },
    async meta() {
      return meta;
    },
    async copies() {
      return copyGroups;
    },
    async entities() {
      if (named) return named;
      // An archive without entities may have no table; one whose manifest counts some must.
      if (entities === undefined && manifest.entities === 0)
        return (named = decodeEntities(encodeEntities({ kinds: [], names: [], byArticle: articles.map(() => []) })));
      try {
        named = decodeEntities(
          Uint8Array.from(atob(entities ?? ""), (char) => char.charCodeAt(0)),
          articles.length,
        );
      } catch (error) {
        throw new EngineError(
          "index-unavailable",
          `The search index cannot be used: its entity table is damaged (${error instanceof Error ? error.message : String(error)}); rebuild it with "npm run build".`,
        );
      }
      return named;
    },
    async cards(positions) {
      return positions.map((position) => (cards[position] ??= cardOf(articles[position]!)));
    },
    async articles(positions) {
      return positions.map((position) => articles[position]!);
    },
    async position(id) {
      return byId.get(id);
    },
  };
}
