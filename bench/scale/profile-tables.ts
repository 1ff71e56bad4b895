// The field profile's tables, as Markdown (pure formatting), for one archive-scale run: reads per
// query at each article count, time per query against the latency added to each asset read,
// and the slowest queries at the largest article count, phase by phase. A run without a profile
// (runs before it was measured, or `--asset-latency ''`) gets none of them.
import type { FieldProfile } from "./field-profile.js";
import { PHASES, type QueryProfile, type StreamProfile } from "./profile-summary.js";
import { PREFIX_FORMS } from "./prefix-profile.js";
import { markdown } from "./table.js";

/** Most characters of a query shown in the slowest queries' table. */
export const QUERY_CHARS = 60;

const ms = (value: number) => value.toFixed(2);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const count = (n: number) => n.toLocaleString("en-US");

/**
 * A query as a table cell: white space as single spaces, cut to `max` characters with an
 * ellipsis, then Markdown's punctuation escaped, so a `|` cannot end the cell nor a `*` emphasise.
 */
export function queryCell(query: string, max = QUERY_CHARS): string {
  const text = query.replace(/\s+/g, " ").trim();
  const cut = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return cut.replace(/[\\|*_`<>[\]]/g, "\\$&");
}

/** Article counts of the profile, smallest first, with each count's figures at its lowest latency. */
function sizes(profiles: Record<string, FieldProfile>): [number, FieldProfile, StreamProfile][] {
  return Object.entries(profiles)
    .map(([articles, profile]) => [Number(articles), profile] as const)
    .sort(([a], [b]) => a - b)
    .flatMap(([articles, profile]) => {
      const lowest = profile.latencies[String(profile.slowest.latencyMs)];
      return lowest ? [[articles, profile, lowest] as [number, FieldProfile, StreamProfile]] : [];
    });
}

function readsTable(profiles: Record<string, FieldProfile>): string {
  const rows = sizes(profiles).map(([articles, , { totalMs, reads, rounds, bytes, byQuarter }]) => [
    count(articles),
    count(totalMs.n),
    String(reads.p50),
    byQuarter ? byQuarter.map((quarter) => String(quarter.reads.p50)).join(" / ") : "—",
    String(reads.p99),
    String(rounds.p50),
    String(rounds.p99),
    kib(bytes.p50),
    kib(bytes.p99),
  ]);
  return `#### newsfind: reads per query (field stream, in-process, warm store)\n\nAsset files a measured query reads, after the warm-up, on one store; a round is reads issued together. The store keeps shards within its memory budgets (\`CACHE_BUDGETS\`), so reads fall as it serves: the p50 of each quarter of the stream, in order.\n\n${markdown(["articles", "queries", "reads p50", "p50 by quarter", "reads p99", "rounds p50", "rounds p99", "KiB p50", "KiB p99"], rows)}`;
}

function latencyTable(profiles: Record<string, FieldProfile>): string {
  const rows = sizes(profiles).flatMap(([articles, profile]) =>
    Object.values(profile.latencies)
      .sort((a, b) => a.latencyMs - b.latencyMs)
      .map(({ latencyMs, totalMs }) => [
        count(articles),
        String(latencyMs),
        ms(totalMs.p50),
        ms(totalMs.p90),
        ms(totalMs.p99),
      ]),
  );
  return `#### newsfind: time per query against asset-read latency (\`--asset-latency\`; field stream, in-process, warm store)\n\nEach latency a fresh store, warmed up, then the measured stream; every asset read waits the latency more, reads issued together once.\n\n${markdown(["articles", "latency ms", "total p50 ms", "total p90 ms", "total p99 ms"], rows)}`;
}

function slowestTable(articles: number, { latencyMs, queries }: FieldProfile["slowest"]): string {
  const phase = (query: QueryProfile, name: (typeof PHASES)[number]) =>
    `${ms(query.phases[name].ms)} (${ms(query.phases[name].readMs)})`;
  const rows = queries.map((query) => [
    queryCell(query.query),
    query.kind,
    ms(query.totalMs),
    ...PHASES.map((name) => phase(query, name)),
    String(query.reads),
    kib(query.bytes),
  ]);
  return `#### newsfind: the ${queries.length} slowest queries at ${count(articles)} articles (in-process, ${latencyMs} ms a read)\n\nEach phase's time, in brackets the part of it with an asset read pending; the rest, with none pending, is decoding and computing.\n\n${markdown(["query", "kind", "total ms", ...PHASES.map((name) => `${name} ms (reads)`), "reads", "KiB"], rows, ["query", "kind"])}`;
}

/** The run's profile tables (see the header); none when it has no profile. */
/** The word being typed: time per query of each form, at every size profiled with it. */
function prefixTable(profiles: Record<string, FieldProfile>): string | null {
  const rows = sizes(profiles).flatMap(([articles, { prefix }]) =>
    prefix
      ? PREFIX_FORMS.map((form) => [
          count(articles),
          form === "whole" ? "whole words" : `last word's first ${form} letter${form === "1" ? "" : "s"}, prefix=last`,
          count(prefix[form].n),
          ...[prefix[form].p50, prefix[form].p90, prefix[form].p99].map((ms) => ms.toFixed(2)),
        ])
      : [],
  );
  if (rows.length === 0) return null;
  return `#### newsfind: the last word being typed (\`prefix=last\`; in process, warm store)

The stream's two-word queries whose second word has four letters or more, each as typed to that word's first one, two and three letters, and whole, one after the other (\`bench/scale/prefix-profile.ts\`).

${markdown(["articles", "query", "queries", "p50 ms", "p90 ms", "p99 ms"], rows, ["query"])}`;
}

export function profileTables(profiles: Record<string, FieldProfile> | undefined): string[] {
  const measured = sizes(profiles ?? {});
  if (measured.length === 0) return [];
  const [articles, largest] = measured.at(-1)!;
  const prefix = prefixTable(profiles!);
  return [
    readsTable(profiles!),
    latencyTable(profiles!),
    slowestTable(articles, largest.slowest),
    ...(prefix ? [prefix] : []),
  ];
}
