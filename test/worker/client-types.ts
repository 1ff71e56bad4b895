// Compiled, never run (`npm run check` type-checks test/worker/): calls through hono/client
// that must not compile. Each sits under @ts-expect-error, so the check fails the day the app's
// type (NewsfindApp) lets one through.
import { hc } from "hono/client";
import type { NewsfindApp } from "../../src/app.js";

export function wrongCalls(client = hc<NewsfindApp>("http://newsfind.test")) {
  return [
    // @ts-expect-error: /search has no parameter "page"
    client.search.$get({ query: { q: "Putin", page: "2" } }),
    // @ts-expect-error: limit is a query string value, not a number
    client.search.$get({ query: { limit: 10 } }),
    // @ts-expect-error: there is no endpoint /searches
    client.searches.$get(),
  ];
}
