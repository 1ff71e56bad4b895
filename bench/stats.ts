// Small statistics and timing helpers for the benchmarks.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const median = (values: number[]) => percentile(values, 50);

/** Runs fn once per input, `rounds` times over, and returns each call's time in milliseconds. */
export function timeEach<T>(inputs: T[], rounds: number, fn: (input: T) => unknown): number[] {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      fn(input);
      times.push(performance.now() - start);
    }
  }
  return times;
}

/** Like timeEach, for functions that return a promise: each call's time includes its await. */
export async function timeEachAsync<T>(inputs: T[], rounds: number, fn: (input: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      await fn(input);
      times.push(performance.now() - start);
    }
  }
  return times;
}
