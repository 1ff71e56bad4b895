// Types for the worker tests: `exports.default` from "cloudflare:workers" is this worker.
declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
}
