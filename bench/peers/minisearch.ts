// MiniSearch with its defaults (BM25+ ranking, OR of terms), title boosted as its docs show.
import MiniSearch from "minisearch";
import type { PeerFactory } from "./types.js";

export const miniSearch: PeerFactory = (articles, fields) => {
  const index = new MiniSearch<{ id: number; title: string; body: string }>({
    fields: [...fields],
    searchOptions: { boost: { title: 2 } },
  });
  index.addAll(
    articles.map((article, position) => ({ id: position, title: article.title, body: article.body.join("\n") })),
  );
  return {
    search(query, limit) {
      return index
        .search(query)
        .slice(0, limit)
        .map(({ id }) => articles[id as number]!.id);
    },
  };
};
