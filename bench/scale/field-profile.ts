// Where a search's time goes, measured in this process on a built index: inside workerd the
// clock does not advance without I/O, so the served worker (stream-timing.ts) gives totals only.
// The field stream runs on one store, as in a warm isolate: the warm-up queries first, unmeasured,
// then each measured query once (10 hits, relevance order), timed phase by phase through the
// search's trace, its asset reads counted and delayed by a fixed latency (metered-reader.ts).
// `profileLatencies` profiles the same stream once per latency, each on a fresh store.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { search, type SearchParams, type SearchPhase } from "../../src/engine/search.js";
import { indexLoader } from "../../src/engine/store/load.js";
import type { AssetReader } from "../../src/engine/store/sharded.js";
import { ARTEFACT_MODULE, type IndexArtefacts } from "../../src/index-format.js";
import { fileAssetReader } from "../fs-assets.js";
import type { FieldStream } from "./field-stream.js";
import { ReadMeter, type ReadTally } from "./metered-reader.js";
import { PREFIX_FORMS, profilePrefixes, type PrefixProfile } from "./prefix-profile.js";
import {
  summarizeProfile,
  type PhaseProfile,
  type ProfiledStream,
  type QueryProfile,
  type StreamProfile,
} from "./profile-summary.js";

/** The parameters of every profiled search: the first page of 10, by relevance, as the served stream asks. */
const PARAMS: Omit<SearchParams, "q"> = { limit: 10, offset: 0, sort: "relevance" };

export interface ProfileOptions {
  /** Delay added to every asset read, ms. Default 0; `{ latencyMs: 10 }` prices each round of reads at 10 ms or more. */
  latencyMs?: number;
  /** Reads the asset files. Default `fileAssetReader(assetsDir)`; a test may serve files from memory. */
  reader?: AssetReader;
}

/** Runs the stream on one store over the built index in outDir and assetsDir (see the header). */
export async function profileStream(
  outDir: string,
  assetsDir: string,
  stream: FieldStream,
  { latencyMs = 0, reader = fileAssetReader(assetsDir) }: ProfileOptions = {},
): Promise<ProfiledStream> {
  const artefacts = (await import(pathToFileURL(join(outDir, ARTEFACT_MODULE)).href)) as IndexArtefacts;
  const meter = new ReadMeter(reader, { latencyMs });
  const store = await indexLoader(artefacts, meter.read)();
  for (const query of stream.warmup) await search(store, { q: query.text, ...PARAMS });

  const measured: QueryProfile[] = [];
  for (const { kind, text } of stream.measured) {
    const phases = {} as Record<SearchPhase, PhaseProfile>;
    const tallies: ReadTally[] = [];
    meter.take();
    const start = performance.now();
    let last = start;
    await search(store, { q: text, ...PARAMS }, (phase) => {
      const at = performance.now();
      const tally = meter.take();
      tallies.push(tally);
      phases[phase] = { ms: at - last, readMs: tally.pendingMs, reads: tally.reads, bytes: tally.bytes };
      last = at;
    });
    const totalMs = performance.now() - start;
    // Reads a search left pending past its last phase would count here (none are expected).
    tallies.push(meter.take());
    const sum = (key: "reads" | "bytes" | "rounds") => tallies.reduce((total, tally) => total + tally[key], 0);
    measured.push({
      kind,
      query: text,
      totalMs,
      phases,
      reads: sum("reads"),
      bytes: sum("bytes"),
      rounds: sum("rounds"),
    });
  }
  return summarizeProfile(measured, { latencyMs, warmup: stream.warmup.length });
}

/** A size's profile: the figures at each latency, and the slowest queries at the lowest. */
export interface FieldProfile {
  /** By latency in ms, as given ("0", "2", "10"). */
  latencies: Record<string, StreamProfile>;
  slowest: { latencyMs: number; queries: QueryProfile[] };
  /** The word being typed, completed (prefix-profile.ts); absent in runs before it. */
  prefix?: PrefixProfile;
}

/** Profiles the stream once per latency (ms), each on a fresh store; `log` hears each as it ends. */
export async function profileLatencies(
  outDir: string,
  assetsDir: string,
  stream: FieldStream,
  latencies: readonly number[],
  log: (message: string) => void = () => {},
): Promise<FieldProfile> {
  const profile: FieldProfile = { latencies: {}, slowest: { latencyMs: Number.NaN, queries: [] } };
  const lowest = Math.min(...latencies);
  for (const latencyMs of latencies) {
    const { slowest, ...figures } = await profileStream(outDir, assetsDir, stream, { latencyMs });
    profile.latencies[String(latencyMs)] = figures;
    if (latencyMs === lowest) profile.slowest = { latencyMs, queries: slowest };
    const { p50, p99 } = figures.totalMs;
    log(`in-process profile at ${latencyMs} ms a read: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`);
  }
  profile.prefix = await profilePrefixes(outDir, assetsDir, stream);
  log(
    `in-process prefix profile: p50 ${PREFIX_FORMS.map((form) => profile.prefix![form].p50.toFixed(2)).join(" / ")} ms`,
  );
  return profile;
}
