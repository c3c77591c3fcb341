// CPU profile summaries for scripts/bench.ts: where the time goes, by self time and by inclusive time.
//
// In-process: `profile(fn)` runs fn under the V8 sampling profiler (node:inspector) and returns the profile.
// Stand-alone: `node --import tsx scripts/bench/profile.ts some.cpuprofile` summarises a file written by
// `node --cpu-prof`.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { table } from './stats.ts';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; hitCount?: number }
export interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] }

function post<T>(s: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

/** Runs `fn` `runs` times under the sampling profiler (100 µs interval). */
export async function profile(fn: () => unknown, runs = 1): Promise<CpuProfile> {
  const s = new Session();
  s.connect();
  try {
    await post(s, 'Profiler.enable');
    await post(s, 'Profiler.setSamplingInterval', { interval: 100 });
    await post(s, 'Profiler.start');
    for (let i = 0; i < runs; i++) fn();
    const { profile: p } = await post<{ profile: CpuProfile }>(s, 'Profiler.stop');
    return p;
  } finally {
    s.disconnect();
  }
}

function where(cf: CallFrame, root: string): string {
  let u = cf.url;
  let line = cf.lineNumber;
  // Files loaded through tsx carry source maps: report the TypeScript line, not the transpiled one.
  if (u.startsWith('file://') && !u.includes('/node_modules/')) {
    try {
      const e = findSourceMap(u)?.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
      if (e && e.originalSource && e.originalLine !== undefined) {
        u = e.originalSource;
        line = e.originalLine;
      }
    } catch {
      /* no source map: keep the generated position */
    }
  }
  if (u.startsWith('file://')) {
    try {
      u = fileURLToPath(u);
    } catch {
      /* keep the URL */
    }
  }
  if (u.startsWith('/')) u = relative(root, u);
  u = u.replace(/^node_modules\//, '~/');
  return u ? `${u}:${line + 1}` : '';
}

export interface FunctionCost { name: string; where: string; selfMs: number; totalMs: number }

/** Self and inclusive milliseconds per function (recursion counted once per sample). */
export function costs(p: CpuProfile, root = process.cwd()): { total: number; fns: FunctionCost[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\t${where(n.callFrame, root)}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the gap after it instead (next delta).
    const dt = (deltas[i + 1] ?? 0) / 1000;
    let node = byId.get(samples[i]);
    if (!node || node.callFrame.functionName === '(idle)') continue; // waiting is not work
    total += dt;
    const k = keyOf(node);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      node = byId.get(id)!;
      const kk = keyOf(node);
      if (seen.has(kk)) continue;
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + dt);
    }
  }
  const fns = [...incl.keys()].map((k) => {
    const [name, w] = k.split('\t');
    return { name, where: w, selfMs: self.get(k) ?? 0, totalMs: incl.get(k) ?? 0 };
  });
  return { total, fns };
}

const SYNTHETIC = new Set(['(root)', '(program)', '(idle)']);

/** Two tables: top functions by self time, and the engine's own functions by inclusive time. */
export function summarizeProfile(p: CpuProfile, top = 15, root = process.cwd()): string {
  const { total, fns } = costs(p, root);
  const pct = (ms: number) => `${((100 * ms) / (total || 1)).toFixed(1)}%`;
  const bySelf = [...fns].filter((f) => f.selfMs > 0).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  const engine = fns
    .filter((f) => f.where.startsWith('server/src/') && !SYNTHETIC.has(f.name))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, top);
  const rows = (list: FunctionCost[]) =>
    list.map((f) => [f.name, `${f.selfMs.toFixed(1)} ms`, pct(f.selfMs), `${f.totalMs.toFixed(1)} ms`, pct(f.totalMs), f.where]);
  const head = ['function', 'self', 'self %', 'total', 'total %', 'where'];
  return [
    `Sampled ${total.toFixed(0)} ms of work (idle excluded). Top ${top} by self time:`,
    table([head, ...rows(bySelf)]),
    '',
    `Engine functions (server/src) by inclusive time:`,
    table([head, ...rows(engine)]),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const files = argv.filter((a) => !/^\d+$/.test(a));
  const top = Number(argv.find((a) => /^\d+$/.test(a)) ?? 20);
  if (files.length === 0) {
    process.stderr.write('usage: node --import tsx scripts/bench/profile.ts <file.cpuprofile>... [top]\n');
    process.exit(2);
  }
  for (const file of files) {
    const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    process.stdout.write(`${files.length > 1 ? `\n${file}\n` : ''}${summarizeProfile(p, top)}\n`);
  }
}
