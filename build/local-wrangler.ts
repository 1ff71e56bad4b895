// How wrangler runs on an engineer's machine for newsfind (`npm start`, and the benches that
// serve through `wrangler dev`): nothing leaves the machine, and the development server does no
// per-request work that the deployed worker does not.

/** Environment variables for every local wrangler; `npm start` lets the caller's own values win. */
export const LOCAL_WRANGLER_ENV = {
  // No usage metrics sent to Cloudflare.
  WRANGLER_SEND_METRICS: "false",
  // No fetch of Cloudflare's request.cf data.
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  // wrangler dev's local observability streams a trace of every request (its spans and logs) to
  // a collector worker that writes it to a SQLite store, for the Local Explorer's Observability
  // tab. That runs on the same runtime thread as the worker, on every request, and competes with
  // the search for the same cores. `X_LOCAL_OBSERVABILITY=true npm start` keeps it.
  X_LOCAL_OBSERVABILITY: "false",
} as const;
