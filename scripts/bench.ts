// Performance bench: `npm run bench` (builds, then `node --expose-gc --import tsx scripts/bench.ts`).
//
// A measurement, not a test: it prints medians, p95s, ratios and PASS/FAIL per target, and exits 0 unless
// the bench itself crashes. Options: --profile (always print a CPU profile of the 1 MB case; by default only
// when a timing target fails), --no-profile, --no-cli (skip the 1,000-letter CLI memory run).
// Environment: IMR_SHARED_DIR (default ../shared beside the checkout), IMR_BENCH_CLI (a CLI .cjs to run
// instead of bin/imr-lint.cjs).
//
// Targets (from the brief):
//   1. seed letter (~4 KB Markdown) linted: median < 2 ms after warm-up
//   2. whole lint <= 2x remark-parse alone on the same text (markdownlint shown as a peer)
//   3. generated 1 MB determination < 250 ms; growth linear (1 MB time vs 4x the 250 KB time)
//   4. 1,000 letters in one CLI run: peak RSS < 200 MB
//   5. language server: typing median < 10 ms, p95 < 25 ms; start to first diagnostics < 300 ms;
//      50 open determinations < 150 MB (--no-lsp skips it)
//   6. worst case (issue 10): each input that was slow, at 10 KB, 100 KB, 1 MB: under 100 ms per 10 KB at
//      1 MB and linear growth (--no-worst skips it)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint as mdLint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lint } from '../server/src/index.ts';
import { generateDetermination, letterVariant } from './bench/generate.ts';
import { profile, summarizeProfile } from './bench/profile.ts';
import { lspPhase } from './bench/lsp.ts';
import { worstCase } from './bench/worstCase.ts';
import { BUILTIN_SEED } from './bench/seedCopy.ts';
import { type Stats, fmtMs, gc, measure, measureInterleaved, summarize, table, timeOnce } from './bench/stats.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared');
const args = new Set(process.argv.slice(2));
const benchStart = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - benchStart) / 1e9;

interface Target { name: string; value: string; goal: string; pass: boolean | undefined; note?: string }
const targets: Target[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ratio = (x: number) => `${x.toFixed(2)}x`;
const verdict = (p: boolean | undefined) => (p === undefined ? 'SKIP' : p ? 'PASS' : 'FAIL');

function heading(s: string): void {
  process.stdout.write(`\n== ${s} ${'='.repeat(Math.max(0, 96 - s.length))}\n`);
}
function out(s = ''): void {
  process.stdout.write(s + '\n');
}
function statRow(label: string, size: number, s: Stats): string[] {
  return [label, kb(size), String(s.n), `${fmtMs(s.median)} ms`, `${fmtMs(s.p95)} ms`, `${fmtMs(s.min)} ms`];
}
const STAT_HEAD = ['case', 'size', 'runs', 'median', 'p95', 'min'];

// ---------------------------------------------------------------------------------------------------------
// Inputs

function loadSeed(): { text: string; from: string } {
  const dir = join(SHARED, 'seed');
  if (existsSync(dir)) {
    const f = readdirSync(dir).filter((n) => n.endsWith('.txt') || n.endsWith('.md')).sort()[0];
    if (f) return { text: readFileSync(join(dir, f), 'utf8'), from: join(dir, f) };
  }
  out(`NOTE: ${dir} not found (set IMR_SHARED_DIR); falling back to examples/*.md or the built-in seed copy.`);
  const ex = join(ROOT, 'examples');
  if (existsSync(ex)) {
    const f = readdirSync(ex).filter((n) => n.endsWith('.md')).sort()
      .find((n) => /IMR ISSUES, DECISIONS AND RATIONALES/i.test(readFileSync(join(ex, n), 'utf8')));
    if (f) return { text: readFileSync(join(ex, f), 'utf8'), from: join(ex, f) };
  }
  return { text: BUILTIN_SEED, from: 'built-in copy (scripts/bench/seedCopy.ts)' };
}

function loadCorpus(): { name: string; text: string }[] {
  const dir = join(SHARED, 'real-imr', 'corpus');
  if (!existsSync(dir)) {
    out(`NOTE: ${dir} not found: the real-letter timings are SKIPPED and the CLI run uses generated letters only.`);
    return [];
  }
  return readdirSync(dir).filter((n) => n.endsWith('.txt')).sort().map((n) => ({ name: n, text: readFileSync(join(dir, n), 'utf8') }));
}

// ---------------------------------------------------------------------------------------------------------

const remark = unified().use(remarkParse);
const lintMd = (t: string) => lint(t, { languageId: 'markdown' });
const lintPlain = (t: string) => lint(t, { languageId: 'plaintext' });
const remarkOnly = (t: string) => remark.parse(t);
const markdownlintOnly = (t: string) => mdLint({ strings: { doc: t } });

out('IMR determination lint: performance bench');
out(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, global.gc ${typeof globalThis.gc === 'function' ? 'available' : 'NOT available (run with --expose-gc)'}`);
const seed = loadSeed();
const corpus = loadCorpus();
out(`seed: ${seed.from} (${kb(seed.text.length)}); real letters: ${corpus.length}`);
let timingFailed = false;

// --- 1. Seed letter -----------------------------------------------------------------------------------------
heading('1. Seed letter, Markdown (50 warm-up runs)');
{
  const r = lintMd(seed.text);
  out(`model: ${r.model.items.length} item(s), ${r.model.dates.length} dates, ${r.findings.length} finding(s): ${r.findings.map((f) => f.ruleId).join(', ') || 'none'}`);
  gc();
  const s = measure(() => lintMd(seed.text), { warmup: 50, iterations: 1000, budgetMs: 2000, minIterations: 200 });
  // The same text again and again can hit caches inside the engine; distinct variants (other dates and
  // counts) show the cost of a text it has not seen, as when a letter is opened or edited.
  const variants = Array.from({ length: 200 }, (_, i) => letterVariant(seed.text, 7000 + i));
  let vi = 0;
  const sv = measure(() => lintMd(variants[vi++ % variants.length]), { warmup: 50, iterations: 600, budgetMs: 1500, minIterations: 150 });
  out(table([
    STAT_HEAD,
    statRow('lint(seed, markdown), same text', seed.text.length, s),
    statRow('lint(seed variants), new text each run (info)', variants[0].length, sv),
  ]));
  const pass = s.median < 2;
  timingFailed ||= !pass;
  targets.push({ name: '1. seed letter lint median', value: `${fmtMs(s.median)} ms`, goal: '< 2 ms', pass, note: `new text each run: ${fmtMs(sv.median)} ms` });
}

// --- 1b. Real letters --------------------------------------------------------------------------------------------
if (corpus.length) {
  heading(`1b. Real letters (${corpus.length}, plaintext): per letter, 3 warm-up + up to 20 timed runs`);
  gc();
  for (const c of corpus) lintPlain(c.text); // global warm-up across letters
  const rows: string[][] = [];
  const medians: number[] = [];
  const perKb: number[] = [];
  let worst = { name: '', median: 0 };
  for (const c of corpus) {
    const s = measure(() => lintPlain(c.text), { warmup: 3, iterations: 20, budgetMs: 60, minIterations: 5 });
    medians.push(s.median);
    perKb.push(s.median / (c.text.length / 1024));
    if (s.median > worst.median) worst = { name: c.name, median: s.median };
    rows.push([...statRow(c.name, c.text.length, s), `${fmtMs(s.median / (c.text.length / 1024))} ms`]);
  }
  out(table([[...STAT_HEAD, 'median/KB'], ...rows]));
  const m = summarize(medians);
  const typical = corpus.map((c, i) => ({ len: c.text.length, med: medians[i] })).filter((x) => x.len >= 3 * 1024 && x.len <= 5 * 1024);
  const t = typical.length ? summarize(typical.map((x) => x.med)) : undefined;
  out('');
  out(`over letters: median of medians ${fmtMs(m.median)} ms, p95 of medians ${fmtMs(m.p95)} ms, slowest ${worst.name} ${fmtMs(worst.median)} ms; median ${fmtMs(summarize(perKb).median)} ms/KB`);
  if (t) out(`letters of 3-5 KB (${typical.length}): median of medians ${fmtMs(t.median)} ms, p95 ${fmtMs(t.p95)} ms`);
  targets.push({
    name: '1b. real 3-5 KB letters (info)', value: t ? `${fmtMs(t.median)} ms` : 'n/a', goal: '< 2 ms', pass: t ? t.median < 2 : undefined,
    note: `all ${corpus.length}: median ${fmtMs(m.median)} ms, p95 ${fmtMs(m.p95)} ms, max ${fmtMs(worst.median)} ms (${worst.name})`,
  });
}

// --- 2. Floor (remark-parse) and peer (markdownlint) ----------------------------------------------------------
heading('2. Same text: lint vs remark-parse alone (floor) vs markdownlint default config (peer), interleaved');
{
  gc();
  const st = measureInterleaved(
    { lint: () => lintMd(seed.text), remark: () => remarkOnly(seed.text), markdownlint: () => markdownlintOnly(seed.text) },
    { warmup: 50, iterations: 600, budgetMs: 3000, minIterations: 150 },
  );
  out(table([
    [...STAT_HEAD, 'lint / this'],
    [...statRow('imr lint (whole)', seed.text.length, st.lint), '1.00x'],
    [...statRow('remark-parse only', seed.text.length, st.remark), ratio(st.lint.median / st.remark.median)],
    [...statRow('markdownlint', seed.text.length, st.markdownlint), ratio(st.lint.median / st.markdownlint.median)],
  ]));
  const r = st.lint.median / st.remark.median;
  const extra = st.lint.median - st.remark.median;
  out(`lint/remark = ${ratio(r)} (${extra >= 0 ? `the engine costs ${fmtMs(extra)} ms more than the parse alone` : `the whole lint is ${fmtMs(-extra)} ms cheaper than remark-parse alone: the engine does not run remark on the whole text`}); ` +
    `lint/markdownlint = ${ratio(st.lint.median / st.markdownlint.median)}`);
  const pass = r <= 2;
  timingFailed ||= !pass;
  targets.push({ name: '2. lint / remark-parse (seed)', value: ratio(r), goal: '<= 2.00x', pass, note: `markdownlint peer: lint/markdownlint ${ratio(st.lint.median / st.markdownlint.median)}` });
}

// --- 3. Large generated determinations -----------------------------------------------------------------------------
heading('3. Generated determinations (seed narrative + disputed items repeated, varied numbers and dates)');
let big = '';
{
  const sizes = [250 * 1024, 500 * 1024, 1024 * 1024];
  const docs = sizes.map((n, i) => generateDetermination(seed.text, n, 1000 + i));
  big = docs[2];
  // Sizes are timed in interleaved rounds (250 KB, 500 KB, 1 MB, then rotated), so load from other processes
  // falls on every size alike and the growth ratios stay meaningful on a busy machine.
  const labels = ['250 KB', '500 KB', '1 MB'];
  gc();
  const first = docs.map((d) => timeOnce(() => lintMd(d)));
  const results = docs.map((d) => lintMd(d));
  gc();
  const ls = measureInterleaved(Object.fromEntries(docs.map((d, i) => [labels[i], () => lintMd(d)])), { warmup: 1, iterations: 9, budgetMs: 9000, minIterations: 4 });
  gc();
  const rs = measureInterleaved(Object.fromEntries(docs.map((d, i) => [labels[i], () => remarkOnly(d)])), { warmup: 1, iterations: 7, budgetMs: 3000, minIterations: 3 });
  const med = labels.map((l) => ls[l].median);
  const mins = labels.map((l) => ls[l].min);
  const floor = labels.map((l) => rs[l].median);
  const rows = docs.map((d, i) => {
    const s = ls[labels[i]];
    const r = results[i];
    return [
      kb(d.length), String(r.model.items.length), String(r.model.dates.length), String(r.findings.length), `${fmtMs(first[i])} ms`,
      String(s.n), `${fmtMs(s.median)} ms`, `${fmtMs(s.p95)} ms`, `${fmtMs(s.min)} ms`, `${fmtMs(s.median / (d.length / 102400))} ms`,
      `${fmtMs(floor[i])} ms`, ratio(s.median / floor[i]),
    ];
  });
  out(table([
    ['size', 'items', 'dates', 'findings', 'first run', 'runs', 'median', 'p95', 'min', 'per 100 KB', 'remark-parse', 'lint/remark'],
    ...rows,
  ]));
  const growth = med[2] / (4 * med[0]);
  out(`growth (1.00x = linear): lint t(1 MB) / (4 x t(250 KB)) = ${ratio(growth)} (on minimums ${ratio(mins[2] / (4 * mins[0]))}), ` +
    `t(500 KB) / (2 x t(250 KB)) = ${ratio(med[1] / (2 * med[0]))}; remark-parse alone: ${ratio(floor[2] / (4 * floor[0]))} and ${ratio(floor[1] / (2 * floor[0]))}`);
  const p1 = med[2] < 250;
  const p2 = growth <= 1.3;
  timingFailed ||= !p1 || !p2;
  targets.push({ name: '3. 1 MB determination lint median', value: `${fmtMs(med[2])} ms`, goal: '< 250 ms', pass: p1, note: `remark-parse alone on it: ${fmtMs(floor[2])} ms` });
  targets.push({ name: '3. growth: t(1 MB) / 4 t(250 KB)', value: ratio(growth), goal: '<= 1.30x (linear)', pass: p2, note: `remark-parse alone: ${ratio(floor[2] / (4 * floor[0]))}` });
}

// --- 4. 1,000 letters through the CLI -------------------------------------------------------------------------------
heading('4. 1,000 letters in one CLI run (child process): peak RSS and wall time');

interface RunResult { code: number | null; signal: NodeJS.Signals | null; wallMs: number; peakKb?: number; peakFrom: string; stdout: string; stderr: string }

function readStatusKb(pid: number, field: string): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function runMeasured(cmd: string[], cwd: string, outFile: string): Promise<RunResult> {
  const useTime = existsSync('/usr/bin/time');
  const argv = useTime ? ['/usr/bin/time', '-v', ...cmd] : cmd;
  const fd = openSync(outFile, 'w');
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    let polled: number | undefined;
    // Fallback without /usr/bin/time: VmHWM is the peak, so the last successful read before exit is it.
    const poll = useTime ? undefined : setInterval(() => {
      const v = child.pid ? readStatusKb(child.pid, 'VmHWM') : undefined;
      if (v !== undefined) polled = Math.max(polled ?? 0, v);
    }, 5);
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', (e) => { clearTimeout(killer); if (poll) clearInterval(poll); closeSync(fd); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      if (poll) clearInterval(poll);
      closeSync(fd);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let peakKb = polled;
      let peakFrom = 'polled /proc/<pid>/status VmHWM';
      let code2 = code;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
        peakKb = m ? Number(m[1]) : undefined;
        peakFrom = '/usr/bin/time -v "Maximum resident set size"';
        const ex = /Exit status:\s*(\d+)/.exec(stderr);
        if (ex) code2 = Number(ex[1]);
        stderr = stderr.replace(/\s*Command (?:being timed|exited)[\s\S]*$/, '').trim();
      }
      resolve({ code: code2, signal, wallMs, peakKb, peakFrom, stdout: readHead(outFile, 64 << 20), stderr });
    });
  });
}

function readHead(file: string, max: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(max, statSync(file).size));
    readSync(fd, buf, 0, buf.length, 0);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function cliPhase(): Promise<void> {
  // IMR_BENCH_CLI=<file.cjs> runs another CLI script the same way (to try the memory run on a branch build).
  const override = process.env.IMR_BENCH_CLI;
  const bundle = override ?? join(ROOT, 'dist', 'cli.cjs');
  const launcher = override ?? join(ROOT, 'bin', 'imr-lint.cjs');
  if (args.has('--no-cli')) {
    out('SKIPPED (--no-cli).');
    targets.push({ name: '4. 1,000 letters, CLI peak RSS', value: 'n/a', goal: '< 200 MB', pass: undefined, note: 'skipped by --no-cli' });
    return;
  }
  if (!existsSync(bundle) || !existsSync(launcher)) {
    out(`SKIPPED: ${existsSync(bundle) ? launcher : bundle} does not exist yet (the CLI is built by \`npm run build\` from server/src/cli/main.ts).`);
    targets.push({ name: '4. 1,000 letters, CLI peak RSS', value: 'n/a', goal: '< 200 MB', pass: undefined, note: 'dist/cli.cjs missing' });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'imr-bench-'));
  try {
    const letters = join(dir, 'letters');
    const outFile = join(dir, 'out.json');
    // Real letters as they are (.txt, plain text), then variants of real letters (.txt) and of the seed (.md).
    let bytes = 0;
    const names: string[] = [];
    const write = (name: string, text: string) => {
      writeFileSync(join(letters, name), text);
      bytes += Buffer.byteLength(text);
      names.push(name);
    };
    mkdirSync(letters);
    for (const c of corpus) write(c.name, c.text);
    for (let i = 0; names.length < 1000; i++) {
      if (corpus.length && i % 2 === 0) {
        const c = corpus[(i >> 1) % corpus.length];
        write(`${c.name.replace(/\.txt$/, '')}-v${i}.txt`, letterVariant(c.text, i));
      } else {
        write(`seed-v${i}.md`, letterVariant(seed.text, i));
      }
    }
    out(`wrote ${names.length} letters (${(bytes / 1048576).toFixed(1)} MB: ${names.filter((n) => n.endsWith('.txt')).length} .txt, ${names.filter((n) => n.endsWith('.md')).length} .md) to ${letters}`);
    const shown = override ?? 'bin/imr-lint.cjs';
    let cmd = [process.execPath, launcher, '--format', 'json', letters];
    let r = await runMeasured(cmd, ROOT, outFile);
    let jsonAccepted = true;
    if ((r.code ?? 0) >= 2 && /format|unknown|option|usage/i.test(r.stderr)) {
      out(`'--format json' was refused (exit ${r.code}: ${r.stderr.split('\n')[0]}); retrying with the default format.`);
      jsonAccepted = false;
      cmd = [process.execPath, launcher, letters];
      r = await runMeasured(cmd, ROOT, outFile);
    }
    const describeOutput = (res: RunResult) => {
      const mentioned = names.filter((n) => res.stdout.includes(n)).length;
      let note = 'text';
      try {
        const j: unknown = JSON.parse(res.stdout);
        note = Array.isArray(j) ? `JSON array of ${j.length}` : 'JSON object';
      } catch {
        /* not JSON */
      }
      return `${kb(statSync(outFile).size)}, ${note}, ${mentioned}/${names.length} files named`;
    };
    const mb = (res: RunResult) => (res.peakKb !== undefined ? res.peakKb / 1024 : undefined);
    const row = (label: string, res: RunResult, perLetter: boolean) => [
      label, String(res.signal ?? res.code), `${fmtMs(res.wallMs)} ms`,
      mb(res) !== undefined ? `${mb(res)!.toFixed(1)} MB` : 'n/a', perLetter ? `${fmtMs(res.wallMs / names.length)} ms` : '',
      perLetter ? describeOutput(res) : '',
    ];
    const rows = [row(`node ${shown} ${cmd.slice(2, -1).join(' ')} <dir>`.replace(/\s+</, ' <'), r, true)];
    // For context: the same run with the stylish formatter (what the report itself costs), and bare node.
    if (jsonAccepted) {
      const st = await runMeasured([process.execPath, launcher, '--format', 'stylish', letters], ROOT, outFile);
      rows.push(row(`node ${shown} --format stylish <dir> (info)`, st, true));
    }
    rows.push(row('node -e 0 (baseline, info)', await runMeasured([process.execPath, '-e', '0'], ROOT, outFile), false));
    out(table([['command', 'exit', 'wall', 'peak RSS', 'per letter', 'output'], ...rows]));
    out(`peak RSS from ${r.peakFrom}; exit 1 normally means "findings reported", >= 2 a usage or internal error.`);
    if (r.stderr) out(`stderr (first lines):\n  ${r.stderr.split('\n').slice(0, 5).join('\n  ')}`);
    const ok = r.signal === null && r.code !== null && r.code <= 1;
    const peakMb = mb(r);
    targets.push({
      name: '4. 1,000 letters, CLI peak RSS', value: peakMb !== undefined ? `${peakMb.toFixed(1)} MB` : 'n/a', goal: '< 200 MB',
      pass: peakMb === undefined ? undefined : ok && peakMb < 200,
      note: `${jsonAccepted ? '--format json' : 'default format'}, wall ${fmtMs(r.wallMs)} ms, exit ${r.signal ?? r.code}${ok ? '' : ' (CLI FAILED: see above)'}`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

gc();
await cliPhase();

if (!args.has('--no-lsp')) {
  heading('5. Language server (dist/server.cjs --stdio, driven as an editor would; debounce 0)');
  targets.push(...(await lspPhase(seed.text, corpus.map((c) => c.text), out)));
}

// --- 6. Worst case ------------------------------------------------------------------------------------------------------
if (!args.has('--no-worst')) {
  heading('6. Worst case: the inputs that were slow, at 10 KB, 100 KB and 1 MB (best of 3, cold block cache)');
  const md = readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'clean.md'), 'utf8');
  const txt = readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'clean.txt'), 'utf8');
  const rows = worstCase(md, txt);
  out(table([
    ['input', '10 KB', '100 KB', '1 MB', 'ms per 10 KB at 1 MB', 't(100K)/10t(10K)', 't(1M)/10t(100K)'],
    ...rows.map((r) => [r.name, ...r.ms.map((m) => `${fmtMs(m)} ms`), fmtMs(r.perTenKb), ratio(r.growth[0]), ratio(r.growth[1])]),
  ]));
  const worstPer = Math.max(...rows.map((r) => r.perTenKb));
  const worstGrowth = Math.max(...rows.map((r) => r.growth[1]));
  targets.push({ name: '6. worst case at 1 MB, ms per 10 KB', value: fmtMs(worstPer), goal: '< 100', pass: worstPer < 100, note: rows.find((r) => r.perTenKb === worstPer)!.name });
  targets.push({ name: '6. worst case growth t(1M)/10t(100K)', value: ratio(worstGrowth), goal: '<= 1.50x (linear)', pass: worstGrowth <= 1.5, note: rows.find((r) => r.growth[1] === worstGrowth)!.name });
}

// --- Summary ------------------------------------------------------------------------------------------------------------
heading('Targets');
out(table([['target', 'measured', 'goal', 'result', 'note'], ...targets.map((t) => [t.name, t.value, t.goal, verdict(t.pass), t.note ?? ''])]));
const failed = targets.filter((t) => t.pass === false).length;
out(`load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes on this machine make timings noisy)`);
out(`${targets.filter((t) => t.pass).length} PASS, ${failed} FAIL, ${targets.filter((t) => t.pass === undefined).length} SKIP (bench time ${elapsed().toFixed(1)} s)`);

if (!args.has('--no-profile') && (args.has('--profile') || timingFailed)) {
  heading(`CPU profile: one lint of the 1 MB determination (${args.has('--profile') ? '--profile' : 'a timing target failed'})`);
  gc();
  const p = await profile(() => lintMd(big), 1);
  out(summarizeProfile(p, 15, ROOT));
}
out(`\nbench finished in ${elapsed().toFixed(1)} s`);
