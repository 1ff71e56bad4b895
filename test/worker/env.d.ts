// Types for the worker tests: `exports.default` from "cloudflare:workers" is this worker.
declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
  interface Env {
    /** Cases per endpoint of the fuzz test (vitest.config.ts). */
    FUZZ_RUNS: string;
  }
}
