// A newsfind worker served with V8 tracing flags for `npm run bench:jit` and `npm run bench:gc`:
// the corpus's first N articles built and bundled as the scale bench does, then served by
// Miniflare in this process with workerd's V8 flags, every line V8 prints collected as it comes.
//
// V8 prints its traces to workerd's stdout, which is a pipe: the C library buffers it in 4 KiB
// blocks, so a line reached us up to a block late, and the last lines only at exit. Before
// 2026-12-02 these tools read the trace that way: the JIT counts of a pass were partly the
// previous pass's, and a GC trace showed nothing after startup. workerd is now started with
// coreutils' libstdbuf preloaded and its stdout line-buffered (`stdbuf -oL` without the wrapper
// process), so each line is written out when it is printed. It still comes over another stream
// than the worker's responses: a line printed near the end of a request may arrive a little late.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { bundleOptions, type Route } from "./bundle-options.js";
import { writeCorpusSubset } from "./corpus-subset.js";
import { bundleWorker } from "./dry-run.js";
import { httpClient, type HttpClient } from "./http-client.js";
import { newsfindAdapter } from "./newsfind-adapter.js";
import { portPool } from "./ports.js";
import { DEFAULT_QUERIES, mixedQueries, parseTitleQueries, searchPath } from "./scale-queries.js";
import { PROJECT_ROOT } from "./wrangler-command.js";

/** Where coreutils keeps the library `stdbuf` preloads: Debian and Fedora, then older and multiarch layouts. */
const LIBSTDBUF = ["/usr/libexec/coreutils/libstdbuf.so", "/usr/lib/coreutils/libstdbuf.so", "/usr/lib64/coreutils/libstdbuf.so", "/usr/lib/x86_64-linux-gnu/coreutils/libstdbuf.so", "/usr/lib/aarch64-linux-gnu/coreutils/libstdbuf.so"];

export interface TracedBuild {
  /** Articles built (fewer than asked when the corpus is short). */
  articles: number;
  configPath: string;
  bundleDir: string;
  /** Deletes everything the build wrote. */
  remove(): void;
}

/** Builds the corpus's first `articles` with newsfind's build and bundles the worker with `wrangler deploy --dry-run`. */
export async function buildTraced(corpus: string, articles: number): Promise<TracedBuild> {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-traced-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const subset = await writeCorpusSubset(corpus, articles, dir);
    const built = await newsfindAdapter()(subset.path, join(dir, "worker"));
    const bundleDir = join(dir, "bundle");
    const bundled = await bundleWorker(built.configPath, bundleDir);
    if (!bundled.ok) throw new Error(bundled.reason);
    return { articles: subset.lines, configPath: built.configPath, bundleDir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

export interface TracedWorker {
  /** V8's lines so far, in the order printed; `lines.length` marks a point in time. */
  lines: string[];
  /** A keep-alive connection to the worker. */
  client: HttpClient;
  /** workerd's DevTools inspector port (see inspector.ts). */
  inspectorPort: number;
  /** Waits for lines still on their way (workerd writes them asynchronously). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Serves a build with these V8 flags (such as "--trace-gc"), the socket reaching `route` (see bundle-options.ts). */
export async function serveTraced(build: TracedBuild, flags: string, { route = "worker", firstPort = 8870 }: { route?: Route; firstPort?: number } = {}): Promise<TracedWorker> {
  const library = LIBSTDBUF.find((path) => existsSync(path));
  if (!library) throw new Error(`workerd's trace needs coreutils' libstdbuf (looked for ${LIBSTDBUF.join(", ")}): install coreutils`);
  // Miniflare starts workerd with this process's environment, where it reads the V8 flags too;
  // the variables are put back as they were once workerd runs.
  const settings = { MINIFLARE_WORKERD_V8_FLAGS: flags, LD_PRELOAD: library, _STDBUF_O: "L" };
  const saved = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  const lines: string[] = [];
  const ports = await portPool(firstPort)();
  const miniflare = new Miniflare({ ...bundleOptions({ configPath: build.configPath, bundleDir: build.bundleDir, ...ports, route }), handleStructuredLogs: ({ message }) => lines.push(message) });
  let client: HttpClient;
  try {
    await miniflare.ready;
    client = await httpClient("127.0.0.1", ports.port);
  } catch (error) {
    await miniflare.dispose();
    throw error;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return {
    lines,
    client,
    inspectorPort: ports.inspectorPort,
    settle: () => new Promise((resolve) => setTimeout(resolve, 500)),
    async stop() {
      client.close();
      await miniflare.dispose();
    },
  };
}

/** The scale bench's 100 warm queries, as search paths. */
export function warmPaths(): string[] {
  return mixedQueries(parseTitleQueries(readFileSync(join(PROJECT_ROOT, DEFAULT_QUERIES), "utf8")), 100).map(searchPath);
}
