// The fetch handler of a peer worker (runs in workerd): GET /search?q=...&limit=10 answers
// {total, hits:[{id,title,url,source,published}]}, GET /empty answers "ok". The engine is loaded
// on the first search and once per isolate: the promise is cached, so concurrent first
// requests share one load, and a failed load is retried by the next request.

export interface PeerHit {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  published: string | null;
}

export interface PeerResult {
  total: number;
  hits: PeerHit[];
}

export interface PeerEngine {
  search(query: string, limit: number): PeerResult | Promise<PeerResult>;
}

export function peerWorker(load: () => PeerEngine | Promise<PeerEngine>): {
  fetch(request: Request): Promise<Response>;
} {
  let engine: Promise<PeerEngine> | undefined;
  const loaded = () =>
    (engine ??= Promise.resolve()
      .then(load)
      .catch((error: unknown) => {
        engine = undefined;
        throw error;
      }));
  return {
    async fetch(request) {
      const url = new URL(request.url);
      if (request.method !== "GET") return new Response("use GET", { status: 405 });
      if (url.pathname === "/empty") return new Response("ok");
      if (url.pathname !== "/search")
        return new Response(`nothing at ${url.pathname}: try /search?q= or /empty`, { status: 404 });
      const query = url.searchParams.get("q") ?? "";
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit")) || 10));
      const result = await (await loaded()).search(query, limit);
      return Response.json(result);
    },
  };
}
