// npm run fuzz [-- --calls N --seed S --jobs J]: the long fuzz run (default 100,000 calls), split over
// J processes with seeds S, S+1, ...; prints each failure minimized and the totals; exit 1 on any failure.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fuzz, type FuzzReport } from '../test/fuzz/run.ts';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};

if (process.argv.includes('--worker')) {
  const r = fuzz(arg('seed', 1), arg('calls', 1000));
  process.stdout.write(JSON.stringify(r));
} else {
  const calls = arg('calls', 100_000);
  const seed = arg('seed', Date.now() % 1_000_000);
  const jobs = Math.max(1, arg('jobs', Math.min(4, cpus().length)));
  const per = Math.ceil(calls / jobs);
  process.stdout.write(`fuzz: ${calls} calls, seeds ${seed}..${seed + jobs - 1}, ${jobs} processes\n`);
  const t0 = Date.now();
  const runs = await Promise.all(
    Array.from({ length: jobs }, (_, j) =>
      new Promise<FuzzReport>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker', '--seed', String(seed + j), '--calls', String(per)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as FuzzReport) : reject(new Error(`worker ${j} exited ${code}`))));
      }),
    ),
  );
  const sum = (k: 'calls' | 'fixesChecked' | 'internalErrors' | 'throws' | 'overBudget') => runs.reduce((n, r) => n + r[k], 0);
  for (const r of runs) for (const f of r.failures) process.stdout.write(`FAIL (seed ${r.seed}) ${f.violation}\n  ${f.languageId} input: ${JSON.stringify(f.input)}\n`);
  const failures = runs.reduce((n, r) => n + r.failures.length, 0);
  process.stdout.write(
    `fuzz: ${sum('calls')} calls, ${sum('fixesChecked')} fixes checked, ${sum('throws')} throws, ${sum('internalErrors')} internal errors, ${sum('overBudget')} over the time budget (100 ms per 10 KB, 100 ms floor), ${failures} distinct failures, in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
  );
  process.exit(failures > 0 ? 1 : 0);
}
