// Tagging with compromise: the people, organisations and places of each text, as the names
// were written. A match is cut where its words are broken by punctuation (a list of names, a
// dateline), and titles and possessive endings are left out; folding, aliases and merging are
// the build's (extract.ts). Plain JavaScript, so that the tagger's thread (worker.mjs) starts
// without a TypeScript loader, from the CLI, the bench and the tests alike.
import nlp from "compromise";

/** Punctuation after a word that ends a name: a list, a clause, a bracket or a dash. */
const BREAK = /[,;:()[\]"“”—–]|\s-|-\s|\.\s*$/;
/** Words that open a match but are not part of a name. */
const LEADING =
  /^(?:the|a|an|president|prime|minister|chancellor|king|queen|prince|princess|pope|senator|sen|rep|gov|governor|mayor|gen|chief|executive|ceo|chairman|chairwoman|secretary|mr|mrs|ms|dr|sir|lord|lady)$/i;
/** Words no name of these kinds is made of alone. */
const NOT_A_NAME =
  /^(?:reuters|ap|afp|bloomberg|update|exclusive|analysis|factbox|timeline|buddy|god|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** Titles written after a name ("Merrill CEO"): not part of it. */
const TRAILING = /^(?:ceo|cfo|coo|cto|chief|chairman|chairwoman|president|chief|boss|head)$/i;

/** Lower-case words a name may hold inside it: particles of people's names, and "of" or "and" in an institution's. */
const PARTICLES = new Set([
  "de",
  "da",
  "del",
  "della",
  "di",
  "van",
  "von",
  "der",
  "den",
  "ter",
  "bin",
  "bint",
  "ibn",
  "al",
  "la",
  "le",
  "of",
  "and",
  "for",
  "the",
  "&",
]);

/** Words that are common words too, by compromise's own lexicon (cached): alone they are no name. */
const common = new Map();
function isCommonWord(word) {
  const folded = word.toLowerCase();
  let known = common.get(folded);
  if (known === undefined) {
    const tags = nlp(folded).json({ terms: { normal: true } })[0]?.terms[0]?.tags ?? [];
    known =
      tags.some((tag) => tag === "Adjective" || tag === "Verb" || tag === "Demonym" || tag === "Date") ||
      (tags.includes("Noun") &&
        !tags.some((tag) => tag === "ProperNoun" || tag === "Person" || tag === "Place" || tag === "Organization"));
    common.set(folded, known);
  }
  return known;
}

/** Texts tagged in one call: compromise's fixed cost a call is larger than a short text's. */
const TOGETHER = 25;

/**
 * The names of one kind in a document, each with the offset it starts at: its matches, each cut
 * into runs of unbroken name words.
 */
function names(matches) {
  const found = [];
  for (const { terms } of matches.json({ offset: true, terms: { normal: true, offset: true } })) {
    let run = [];
    const flush = () => {
      // A title before the name ("President", "President-elect", "Chief Executive") is left out,
      // and so are particles at either end.
      while (run.length > 0 && (LEADING.test(run[0].normal.split("-")[0]) || PARTICLES.has(run[0].normal))) run.shift();
      while (run.length > 0 && (PARTICLES.has(run.at(-1).normal) || TRAILING.test(run.at(-1).normal))) run.pop();
      // A lone word that is also a common word ("Bank", "European") is no name; an acronym is.
      const lone = run.length === 1 ? run[0].text.replace(/[.'’]+$/, "") : "";
      if (lone && lone !== lone.toUpperCase() && isCommonWord(lone)) run = [];
      if (run.length === 0) return;
      // Words joined as written: "Wal-Mart" keeps its hyphen.
      const text = run
        .map((term, i) => term.text + (i === run.length - 1 ? "" : term.post === "-" ? "-" : " "))
        .join("")
        .replace(/['’]s$/i, "")
        .replace(/[.'’]+$/, "");
      if (/\p{Lu}/u.test(text) && !text.split("-").some((part) => NOT_A_NAME.test(part)) && text.length > 1)
        found.push({ text, at: run[0].offset.start });
      run = [];
    };
    for (const term of terms) {
      // A title word (#Honorific) is not a name, and a possessive ends one ("Merkel's Germany").
      if (term.tags.includes("Honorific") && run.length === 0) continue;
      if (BREAK.test(term.pre)) flush();
      // A name is written in capitals: a lower-case word ends it ("Morgan chief"), but its particles.
      if (!/^[\p{Lu}\p{N}&]/u.test(term.text) && !PARTICLES.has(term.normal)) {
        flush();
        continue;
      }
      run.push(term);
      const abbreviation =
        term.tags.includes("Abbreviation") || /^(?:\p{Lu}\.)+$/u.test(term.text) || /^\p{Lu}$/u.test(term.text);
      if (BREAK.test(term.post) && !(abbreviation && /^\.\s*$/.test(term.post))) flush();
      else if (/['’]s$/i.test(term.text)) flush();
    }
    flush();
  }
  return found;
}

/** [people, organisations, places] of each text, tagged TOGETHER at a time. */
export function mentionsOf(texts) {
  const out = [];
  for (let first = 0; first < texts.length; first += TOGETHER) {
    const group = texts.slice(first, first + TOGETHER);
    // Texts joined by blank lines; each name goes back to the text its offset falls in.
    const starts = [];
    let length = 0;
    for (const text of group) {
      starts.push(length);
      length += text.length + 2;
    }
    const doc = nlp(group.join("\n\n"));
    const tagged = group.map(() => [[], [], []]);
    [doc.people(), doc.organizations(), doc.places()].forEach((matches, kind) => {
      for (const { text, at } of names(matches)) {
        let n = starts.length - 1;
        while (n > 0 && starts[n] > at) n--;
        tagged[n][kind].push(text);
      }
    });
    out.push(...tagged);
  }
  return out;
}
