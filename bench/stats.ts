// Small statistics and timing helpers for the benchmarks.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (values: number[]) => percentile(values, 50);

/** A sample's size and percentiles, as the results files keep them. */
export interface Percentiles {
  n: number;
  p50: number;
  p90: number;
  p99: number;
}

export function percentiles(values: number[]): Percentiles {
  return { n: values.length, p50: percentile(values, 50), p90: percentile(values, 90), p99: percentile(values, 99) };
}

/** Runs fn once per input and returns each call's time in milliseconds; a promise is awaited within the time. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    const result = fn(input);
    if (result instanceof Promise) await result;
    times.push(performance.now() - start);
  }
  return times;
}
