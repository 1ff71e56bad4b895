// Named entities: the build tags headlines (and a small archive's ledes) with compromise on a
// thread of its own, folds spellings into one entity, joins lone names to full ones, and writes
// the table that the worker decodes. The seeds are five Trump–Putin stories: every one of them
// names both men, and the build finds each in at least the four whose headline or lede does.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildArtefacts } from "../../build/build.js";
import {
  ENTITY_FLOOR,
  entityTable,
  nameRuns,
  taggedText,
  TagQueue,
  type EntityInput,
  type Mentions,
} from "../../build/entities/extract.js";
import { compileIndex } from "../../build/compile-index.js";
import { EntityTagger } from "../../build/entities/thread.js";
import { decodeEntities, encodeEntities, entityKey } from "../../src/format/entities.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const input = (person: string[], org: string[] = [], place: string[] = [], runs: string[] = []): EntityInput => ({
  mentions: [person, org, place],
  runs,
  lede: true,
});

describe("entity keys", () => {
  it("fold case, diacritics, dots, possessives, company endings and aliased spellings", () => {
    expect(entityKey("Volodymyr Zelenskiy")).toBe(entityKey("Volodymyr Zelenskyy"));
    expect(entityKey("Zelensky's")).toBe("zelenskyy");
    expect(entityKey("U.S.")).toBe(entityKey("US"));
    expect(entityKey("Google Inc")).toBe(entityKey("Google"));
    expect(entityKey("Ford Motor Co")).toBe("ford motor");
    expect(entityKey("Recep Tayyip Erdoğan")).toBe("recep tayyip erdogan");
    expect(entityKey("Inc")).toBe("");
  });
});

describe("the entity table", () => {
  it("makes one entity of a name's spellings, and joins lone names to the full name", () => {
    const table = entityTable([
      input(["Volodymyr Zelenskiy", "Vladimir Putin"]),
      input(["Volodymyr Zelenskyy"], ["Google Inc"]),
      input(["Putin"], ["Google"], ["Kyiv"]),
      input([], [], ["Kiev"]),
    ]);
    const id = (name: string) => table.names.indexOf(name);
    expect(table.names.filter((name) => /zelensk/i.test(name))).toHaveLength(1);
    expect(table.names.filter((name) => /putin/i.test(name))).toEqual(["Vladimir Putin"]);
    expect(table.names.filter((name) => /google/i.test(name))).toHaveLength(1);
    expect(table.names.filter((name) => /ky|kie/i.test(name))).toHaveLength(1);
    const putin = id("Vladimir Putin");
    expect(table.byArticle.map((ids) => ids.includes(putin))).toEqual([true, false, true, false]);
    expect(table.kinds[putin]).toBe("person");
    expect(table.kinds[table.names.findIndex((name) => /google/i.test(name))]).toBe("org");
  });

  it("finds the lexicon's names in a lede, the longest run first", () => {
    const table = entityTable([
      input(["Angela Merkel"], [], ["New York"]),
      input([], [], [], ["Chancellor Angela Merkel", "New York City"]),
      input([], [], [], ["York"]),
    ]);
    const merkel = table.names.indexOf("Angela Merkel");
    const newYork = table.names.indexOf("New York");
    expect(table.byArticle[1]).toEqual(expect.arrayContaining([merkel, newYork]));
    expect(table.byArticle[2]).toEqual([]);
  });

  it("keeps a large archive's entities named by two articles or more", () => {
    const articles = Array.from({ length: ENTITY_FLOOR }, (_, n) =>
      n < 3 ? input(["Jane Example"]) : n === 3 ? input(["Once Named"]) : input([]),
    );
    const table = entityTable(articles);
    expect(table.names).toContain("Jane Example");
    expect(table.names).not.toContain("Once Named");
    expect(entityTable(articles.slice(0, 10)).names).toContain("Once Named");
  });

  it("encodes and decodes, and refuses a damaged file", () => {
    const table = entityTable([input(["Jane Example"], ["Acme"]), input([], ["Acme"], ["Paris"]), input([])]);
    const index = decodeEntities(encodeEntities(table));
    expect(index.names).toEqual(table.names);
    expect([...index.kinds]).toEqual(table.kinds.map((kind) => ["person", "org", "place"].indexOf(kind)));
    const acme = index.find("org", "ACME Inc");
    expect(acme).toBe(table.names.indexOf("Acme"));
    expect(index.counts[acme]).toBe(2);
    expect([0, 1, 2].map((position) => index.holds(position, acme))).toEqual([true, true, false]);
    expect(index.find("person", "Acme")).toBe(-1);
    const people = decodeEntities(
      encodeEntities(entityTable([input(["Jane Example", "John Example"]), input(["Jane Example", "Ann Other"])])),
    );
    expect(people.find("person", "Other")).toBe(people.names.indexOf("Ann Other"));
    expect(people.find("person", "jane")).toBe(people.names.indexOf("Jane Example"));
    expect(people.find("person", "Example")).toBe(-1);
    const bytes = encodeEntities(table);
    expect(() => decodeEntities(bytes.subarray(0, bytes.length - 4))).toThrow(/offsets/);
  });
});

describe("tagging", () => {
  it("reads a dateline-free lede, and the headline alone in a large archive", () => {
    const body = ["ANCHORAGE, Alaska (Reuters) - Exxon Mobil Corp's chief, Rex Tillerson, said on Friday."];
    expect(taggedText("Exxon offers plan", body, true)).toBe(
      "Exxon offers plan.\nExxon Mobil Corp's chief, Rex Tillerson, said on Friday.",
    );
    expect(taggedText("Exxon offers plan", body, false)).toBe("Exxon offers plan");
    expect(nameRuns(body)).toEqual(["Exxon Mobil Corp", "Rex Tillerson", "Friday"]);
  });

  it("tags people, organisations and places on its thread, and cuts lists of names apart", () => {
    const tagger = new EntityTagger();
    tagger.add(
      0,
      "Angela Merkel met Rex Tillerson in Berlin.\nGoldman Sachs, Microsoft and the United Nations agreed.",
    );
    tagger.add(1, "Nothing named here.");
    const found = tagger.finish();
    const [people, orgs, places] = found.get(0)!;
    expect(people).toEqual(expect.arrayContaining(["Angela Merkel", "Rex Tillerson"]));
    expect(orgs).toEqual(expect.arrayContaining(["Goldman Sachs", "Microsoft", "United Nations"]));
    expect(orgs.some((name) => name.includes(","))).toBe(false);
    expect(places).toContain("Berlin");
    expect(found.get(1)).toEqual([[], [], []]);
  });

  it("keeps titles, lower-case words, months and lone common words out of names", () => {
    const tagger = new EntityTagger();
    const headlines = [
      "JP Morgan chief sees recovery.",
      "President-elect Obama names his team.",
      "Jan-May sales rise at Toyota.",
      "Bank posts profit as loans grow.",
      "European shares fall in Paris.",
    ];
    headlines.forEach((text, n) => {
      tagger.add(n, text);
    });
    const names = [...tagger.finish().values()].flatMap((kinds) => kinds.flat());
    expect(names).toEqual(expect.arrayContaining(["Obama", "Paris"]));
    for (const name of names) expect(name).not.toMatch(/chief|President|Jan|^Bank$|^European$/);
  });

  it("sends the tagger each distinct headline once, and none with no capital past its first letter", () => {
    const sent: string[] = [];
    const queue = new TagQueue({
      add: (_n, text) => sent.push(text),
      finish: () => new Map([[0, [["Jane Example"], [], []] as Mentions]]),
    });
    queue.add(0, "Jane Example wins");
    queue.add(1, "Jane Example wins");
    queue.add(2, "Markets fall on rate fears");
    expect(sent).toEqual(["Jane Example wins"]);
    const found = queue.finish();
    expect(found.get(1)).toEqual([["Jane Example"], [], []]);
    expect(found.get(2)).toEqual([[], [], []]);
  });

  it("tags again a cached input made with the other lede rule", () => {
    const articles = ["One", "Two"].map((word, n) => ({
      id: `a${n}`,
      title: `${word} headline`,
      source: null,
      published: null,
      url: null,
      body: [`${word} body.`],
    }));
    const tagged: number[] = [];
    const tagger = {
      add: (n: number) => tagged.push(n),
      finish: () => new Map(tagged.map((n) => [n, [[], [], []] as Mentions])),
    };
    const cached = (lede: boolean): EntityInput => ({ mentions: [[], [], []], runs: [], lede });
    compileIndex(articles, {
      tagger,
      builtAt: "2025-01-01T00:00:00Z",
      layout: "bundle",
      entityInput: (position) => cached(position === 1),
    });
    // A small archive tags ledes: the input made without (position 0) is made again.
    expect(tagged).toEqual([0]);
  });
});

describe("the seeds", () => {
  it("name Vladimir Putin and Donald Trump as people, in the build report and the index", () => {
    const out = mkdtempSync(join(tmpdir(), "newsfind-entities-"));
    dirs.push(out);
    const { report, artefacts } = buildArtefacts({ corpus: "corpus", outDir: join(out, "index"), layout: "bundle" });
    const index = decodeEntities(Uint8Array.from(Buffer.from(artefacts.entities!, "base64")));
    expect(artefacts.manifest.entities).toBe(index.size);
    for (const name of ["Vladimir Putin", "Donald Trump"]) {
      const id = index.find("person", name);
      expect(id, name).toBeGreaterThanOrEqual(0);
      expect(index.counts[id]).toBeGreaterThanOrEqual(4);
      expect(report.entities.person.top.map((entity) => entity.name)).toContain(name);
    }
    expect(index.find("place", "Ukraine")).toBeGreaterThanOrEqual(0);
    expect(report.phasesMs.entities).toBeDefined();
    const written = JSON.parse(readFileSync(join(out, "index", "build-report.json"), "utf8"));
    expect(written.entities).toEqual(report.entities);
  });
});
