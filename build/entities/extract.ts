// Named entities at build time: the people, organisations and places of each article. Headlines
// are tagged by compromise (worker.mjs) on a thread of their own while the build compiles the
// index on this one; the names they give are the archive's entities, and an article also names
// those of them that its lede writes (runs of capitalised words, looked up by key). Names fold
// into entities (entityKey: case, diacritics, the alias table, company endings), a lone surname
// or first name joins the full name, and each entity is named as the archive writes it most
// often. Tagging every lede too costs several times as much, which the build's time budget
// cannot carry at 100,000 articles; the method and its limits are in docs/entities.md.
import { ENTITY_KINDS, entityKey, type EntityTable } from "../../src/format/entities.js";

/** The names a headline (and in a small archive its lede) gives, as written: [people, organisations, places]. */
export type Mentions = [person: string[], org: string[], place: string[]];

/** What the build keeps of an article for its entities: its headline's names, its lede's runs of capitalised words. */
export interface EntityInput {
  mentions: Mentions;
  runs: string[];
  /** Whether the lede was tagged with the headline (an archive of at most LEDE_TAGGED_UP_TO articles). */
  lede: boolean;
}

/** Words of the body looked through for names: the lede, where a news story names its subjects. */
export const ENTITY_WORDS = 60;

/** A name ending as companies' do. */
const COMPANY_NAME = /\s(?:Inc|Corp|Co|Ltd|plc|PLC|LLC|Group|Holdings|AG|SA|NV)\.?$/;

/** Longest run of words tried as one name. */
const RUN_WORDS = 5;

/**
 * Archives of at least this many articles keep only entities named by two articles or more: a
 * name seen once is as often a tagging slip as a subject, and a filter on it finds one article.
 */
export const ENTITY_FLOOR = 1000;

/** A news dateline that opens a body: "ANCHORAGE, Alaska (Reuters) - ". */
const DATELINE = /^\s*\p{Lu}[^\n()]{0,80}\([^()\n]{2,40}\)\s*[-–—]+\s*/u;

/**
 * Archives of at most this many articles have each lede's first LEDE_WORDS words tagged with its
 * headline: several times a headline's cost, which a small archive affords and 100,000 articles do not.
 */
export const LEDE_TAGGED_UP_TO = 20_000;
const LEDE_WORDS = 30;

/** What the tagger reads of an article: its headline, and in a small archive the lede's first words. */
export function taggedText(title: string, body: readonly string[], lede: boolean): string {
  if (!lede) return title;
  const words: string[] = [];
  for (const paragraph of body) {
    for (const word of paragraph.replace(DATELINE, "").split(/\s+/)) if (word !== "") words.push(word);
    if (words.length >= LEDE_WORDS) break;
  }
  const headline = title.trim();
  return `${headline}${/[.!?:]$/.test(headline) ? "" : "."}\n${words.slice(0, LEDE_WORDS).join(" ")}`;
}

/** A word that may be part of a name: capitalised, or an initial, or "&". */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}'’.&-]*|&)$/u;
/** Punctuation after a word that ends a run of names. */
const RUN_BREAK = /[,;:()[\]"“”!?]$|[^.]\.$|^\p{Lu}\p{Ll}+\.$/u;

/** The runs of capitalised words in the body's first ENTITY_WORDS words, dateline aside. */
export function nameRuns(body: readonly string[]): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  let words = 0;
  const flush = () => {
    if (run.length > 0) runs.push(run.join(" "));
    run = [];
  };
  for (const paragraph of body) {
    for (const raw of paragraph.replace(DATELINE, "").split(/\s+/)) {
      if (raw === "") continue;
      if (++words > ENTITY_WORDS) break;
      const word = raw.replace(/^[("“'‘]+/, "");
      const bare = word.replace(/[,;:()[\]"“”!?'’]+$/, "").replace(/['’]s$/, "");
      if (NAME_WORD.test(bare)) run.push(bare.replace(/\.$/, (dot) => (/^(?:\p{Lu}\.)+$/u.test(bare) ? dot : "")));
      else flush();
      if (RUN_BREAK.test(word) || /['’]s$/.test(word)) flush();
    }
    flush();
    if (words > ENTITY_WORDS) break;
  }
  return runs;
}

/** Tags texts queued by item number; `finish` gives every queued text's mentions. */
export interface Tagger {
  add(n: number, text: string): void;
  finish(): Map<number, Mentions>;
}

/**
 * Sends a tagger each distinct text once (wire copies share headlines), and none whose only
 * capital is its first letter: such a headline names nothing but, at most, its first word,
 * which the lexicon has from other headlines when the archive names it often. Skipping them
 * spares the build's time.
 */
export class TagQueue {
  private readonly first = new Map<string, number>();
  private readonly same = new Map<number, number>();
  private readonly blank: number[] = [];

  constructor(private readonly tagger: Tagger) {}

  add(n: number, text: string): void {
    if (!/\p{Lu}/u.test(text.slice(1))) {
      this.blank.push(n);
      return;
    }
    const seen = this.first.get(text);
    if (seen !== undefined) this.same.set(n, seen);
    else {
      this.first.set(text, n);
      this.tagger.add(n, text);
    }
  }

  /** Every item's mentions, the skipped ones' empty. */
  finish(): Map<number, Mentions> {
    const found = this.tagger.finish();
    for (const [n, original] of this.same) found.set(n, found.get(original)!);
    for (const n of this.blank) found.set(n, [[], [], []]);
    return found;
  }
}

/** Tags nothing: for builds that need no entities (the ranking benches build judged sets many times). */
export function noTagging(): Tagger {
  const queued: number[] = [];
  return {
    add: (n) => queued.push(n),
    finish: () => new Map(queued.map((n) => [n, [[], [], []] as Mentions])),
  };
}

/**
 * Tags on the caller's thread with the tagging function given (tag.mjs's `mentionsOf`), for
 * runtimes without worker threads: the worker tests compile indexes inside workerd.
 */
export class InlineTagger implements Tagger {
  private readonly queued = new Map<number, string>();

  constructor(private readonly tag: (texts: string[]) => Mentions[]) {}

  add(n: number, text: string): void {
    this.queued.set(n, text);
  }

  finish(): Map<number, Mentions> {
    const tagged = this.tag([...this.queued.values()]);
    return new Map([...this.queued.keys()].map((n, i) => [n, tagged[i]!]));
  }
}

/**
 * The entities of the articles (by position). The headlines' names make the lexicon: each key
 * is of the kind most headlines tag it as, and a lone name ("Putin", "Donald") stands for the
 * full name that at least two thirds of the headlines' full names with that first or last word
 * give. An article names the lexicon's entities its headline or its lede writes, the longest
 * run of words first. Entities named by fewer than two articles are left out of archives of
 * ENTITY_FLOOR articles or more. Numbered kind by kind, most articles first.
 */
export function entityTable(inputs: readonly EntityInput[]): EntityTable {
  const floor = inputs.length >= ENTITY_FLOOR ? 2 : 1;
  // The lexicon: headlines tagging each key as each kind.
  const tagged = new Map<string, number[]>();
  for (const { mentions } of inputs) {
    const keys = new Set<string>();
    mentions.forEach((names, given) => {
      for (const name of names) {
        let kind = given;
        const key = entityKey(name);
        // A "person" with a company ending ("BEA Systems Inc") is the company.
        if (kind === 0 && COMPANY_NAME.test(name)) kind = 1;
        if (key === "" || keys.has(`${kind} ${key}`)) continue;
        keys.add(`${kind} ${key}`);
        const votes = tagged.get(key) ?? [0, 0, 0];
        votes[kind]!++;
        tagged.set(key, votes);
      }
    });
  }
  // A name one headline of a large archive tags is as often a tagging slip as a subject.
  const kindOf = new Map<string, number>();
  for (const [key, votes] of tagged)
    if (votes[0]! + votes[1]! + votes[2]! >= floor) kindOf.set(key, votes.indexOf(Math.max(...votes)));
  // Lone names: the dominant full name of a person with that first or last word.
  const fullNames = new Map<string, Map<string, number>>();
  for (const [key, kind] of kindOf) {
    if (kind !== 0 || !key.includes(" ")) continue;
    const words = key.split(" ");
    for (const word of new Set([words[0]!, words.at(-1)!])) {
      const owners = fullNames.get(word) ?? new Map<string, number>();
      owners.set(key, tagged.get(key)![0]!);
      fullNames.set(word, owners);
    }
  }
  const lookup = new Map<string, string>();
  for (const [key, kind] of kindOf) lookup.set(key, `${kind} ${key}`);
  for (const [word, owners] of fullNames) {
    if (kindOf.has(word) && kindOf.get(word) !== 0) continue;
    const ranked = [...owners].sort((a, b) => b[1] - a[1]);
    const total = ranked.reduce((sum, [, count]) => sum + count, 0);
    if (3 * ranked[0]![1] >= 2 * total) lookup.set(word, `0 ${ranked[0]![0]}`);
    else lookup.delete(word);
  }

  /** Per entity: articles naming it, and how often each spelling was written. */
  const seen = new Map<string, { articles: number; spellings: Map<string, number> }>();
  const byArticle = inputs.map(({ mentions, runs }) => {
    const found = new Set<string>();
    const take = (name: string, key: string) => {
      const entity = lookup.get(key);
      if (entity === undefined) return false;
      let entry = seen.get(entity);
      if (!entry) seen.set(entity, (entry = { articles: 0, spellings: new Map() }));
      // A lone name counts for the entity, but names it only when nothing fuller does.
      const spelling = key.includes(" ") || !entity.slice(2).includes(" ") ? name : "";
      if (spelling) entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      if (!found.has(entity)) {
        found.add(entity);
        entry.articles++;
      }
      return true;
    };
    for (const names of mentions) for (const name of names) take(name, entityKey(name));
    for (const run of runs) {
      const words = run.split(" ");
      for (let at = 0; at < words.length; ) {
        let length = Math.min(RUN_WORDS, words.length - at);
        for (; length > 0; length--) {
          const name = words.slice(at, at + length).join(" ");
          if (take(name, entityKey(name))) break;
        }
        at += Math.max(1, length);
      }
    }
    return found;
  });
  const kept = [...seen]
    .filter(([, { articles, spellings }]) => articles >= floor && spellings.size > 0)
    .map(([entity, { articles, spellings }]) => ({
      entity,
      kind: ENTITY_KINDS[Number(entity[0])]!,
      articles,
      // The spelling written most, then one with lower case in it (not a shouted dateline).
      name: [...spellings].sort(
        (a, b) => b[1] - a[1] || Number(a[0] === a[0].toUpperCase()) - Number(b[0] === b[0].toUpperCase()),
      )[0]![0],
    }))
    .sort(
      (a, b) =>
        ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) ||
        b.articles - a.articles ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  const number = new Map(kept.map(({ entity }, id) => [entity, id]));
  return {
    kinds: kept.map(({ kind }) => kind),
    names: kept.map(({ name }) => name),
    byArticle: byArticle.map((found) =>
      [...found]
        .map((entity) => number.get(entity))
        .filter((id): id is number => id !== undefined)
        .sort((a, b) => a - b),
    ),
  };
}
