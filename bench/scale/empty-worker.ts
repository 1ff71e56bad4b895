// The empty worker: answers "ok" to every request. Its first request after a fresh start is the
// baseline for an engine's cold first query (what Miniflare and workerd cost with no index).
export default {
  fetch(): Response {
    return new Response("ok");
  },
};
