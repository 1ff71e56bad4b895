// Plain FlexSearch, tuned as its documentation suggests for English: one Index over the same
// fields joined, the English language pack (stemmer and stop words), strict tokenizing and
// `suggest: true`, so a missing word does not empty the result. Its own ranking orders hits.
import { Encoder, Index } from "flexsearch";
import EnglishPreset from "flexsearch/lang/en";
import type { PeerFactory } from "./types.js";

export const plainFlexSearch: PeerFactory = (articles, fields) => {
  const index = new Index({ tokenize: "strict", encoder: new Encoder(EnglishPreset) });
  articles.forEach((article, position) => {
    index.add(
      position,
      fields.map((field) => (field === "title" ? article.title : article.body.join("\n"))).join("\n"),
    );
  });
  return {
    search(query, limit) {
      return (index.search(query, { limit, suggest: true }) as number[]).map((position) => articles[position]!.id);
    },
  };
};
