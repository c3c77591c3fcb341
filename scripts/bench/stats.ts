// Timing helpers for scripts/bench.ts: warm up, then time with process.hrtime.bigint, report median and p95.

export interface Stats {
  /** Number of timed runs. */
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Keeps results alive so the JIT cannot drop a call whose result is unused. */
let sink = 0;
export function consume(v: unknown): void {
  if (v && typeof v === 'object') sink = (sink + Object.keys(v).length) | 0;
  else if (typeof v === 'string') sink = (sink + v.length) | 0;
}
export function sinkValue(): number {
  return sink;
}

export function gc(): void {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest-rank: the smallest value such that at least q of the runs are <= it.
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function summarize(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return {
    n: s.length,
    median,
    p95: quantile(s, 0.95),
    min: s[0],
    max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

export interface MeasureOptions {
  /** Untimed runs first (JIT warm-up). */
  warmup: number;
  /** Timed runs wanted. */
  iterations: number;
  /** Stop timing early once this many ms were spent and at least `minIterations` runs were timed. */
  budgetMs?: number;
  minIterations?: number;
}

/** Milliseconds of one call. */
export function timeOnce(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  consume(fn());
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function measure(fn: () => unknown, o: MeasureOptions): Stats {
  const budget = o.budgetMs ?? Infinity;
  const minIter = o.minIterations ?? Math.min(5, o.iterations);
  const wStart = process.hrtime.bigint();
  for (let i = 0; i < o.warmup; i++) {
    consume(fn());
    // Warm-up of a slow case must not eat the whole budget.
    if (i >= 2 && Number(process.hrtime.bigint() - wStart) / 1e6 > budget / 2) break;
  }
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < o.iterations; i++) {
    samples.push(timeOnce(fn));
    if (samples.length >= minIter && Number(process.hrtime.bigint() - start) / 1e6 > budget) break;
  }
  return summarize(samples);
}

/**
 * Times several functions on the same input in interleaved rounds (A B C, B C A, C A B, ...), so that
 * machine noise and GC pressure fall on all of them alike; ratios between them are then fair.
 */
export function measureInterleaved(fns: Record<string, () => unknown>, o: MeasureOptions): Record<string, Stats> {
  const names = Object.keys(fns);
  for (let i = 0; i < o.warmup; i++) for (const n of names) consume(fns[n]());
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const budget = o.budgetMs ?? Infinity;
  const minIter = o.minIterations ?? Math.min(5, o.iterations);
  const start = process.hrtime.bigint();
  for (let i = 0; i < o.iterations; i++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(i + k) % names.length];
      samples[n].push(timeOnce(fns[n]));
    }
    if (i + 1 >= minIter && Number(process.hrtime.bigint() - start) / 1e6 > budget) break;
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n])]));
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

/** A plain-text table: first row is the header; numeric-looking cells are right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const numeric = /^[-+]?[\d.,]+(\s?(ms|KB|MB|x|%))?$|^n\/a$/;
  const line = (r: string[]) =>
    r.map((cell, c) => (numeric.test(cell) && c > 0 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join('\n');
}
