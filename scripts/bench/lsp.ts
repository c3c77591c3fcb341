// Language-server part of `npm run bench`: drives the bundled server (dist/server.cjs --stdio) as an editor
// would and times what a reviewer feels. Targets (issue 3): typing the seed character by character, from
// didChange to publishDiagnostics with debounce 0: median < 10 ms, p95 < 25 ms; server start to first
// diagnostics < 300 ms; 50 open determinations < 150 MB.
import { existsSync, readFileSync } from 'node:fs';
import { SERVER, TestClient } from '../../test/lsp/client.ts';
import { fmtMs, summarize } from './stats.ts';

export interface LspTarget { name: string; value: string; goal: string; pass: boolean | undefined; note?: string }

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function endOf(text: string, needle: string) {
  const i = text.indexOf(needle) + needle.length;
  const before = text.slice(0, i);
  return { line: before.split('\n').length - 1, character: i - (before.lastIndexOf('\n') + 1) };
}

export async function lspPhase(seed: string, letters: string[], out: (s?: string) => void): Promise<LspTarget[]> {
  if (!existsSync(SERVER)) {
    out('dist/server.cjs missing: run `npm run build` (the LSP part is skipped)');
    return [{ name: '5. LSP typing median', value: 'n/a', goal: '< 10 ms', pass: undefined, note: 'server not built' }];
  }
  const targets: LspTarget[] = [];

  // Start to first diagnostics, 5 cold starts.
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const c = new TestClient();
    c.settings = { debounceMs: 0 };
    await c.initialize();
    await c.open('file:///bench/seed.md', seed);
    await c.diagnosticsFor('file:///bench/seed.md', 1);
    starts.push(performance.now() - t0);
    await c.stop();
  }
  const st = summarize(starts);

  // Typing: one character per didChange, each waited for.
  const c = new TestClient();
  c.settings = { debounceMs: 0 };
  await c.initialize();
  const uri = 'file:///bench/typing.md';
  await c.open(uri, seed);
  await c.diagnosticsFor(uri, 1);
  const at = endOf(seed, 'instead of 12.');
  const sentence = ' The injured worker reported that the massage therapy helped for several days, and asked for more sessions. '.repeat(3);
  const rounds: number[] = [];
  let version = 1;
  let character = at.character;
  for (const ch of sentence) {
    version++;
    const t0 = performance.now();
    await c.change(uri, version, [{ range: { start: { line: at.line, character }, end: { line: at.line, character } }, text: ch }]);
    await c.diagnosticsFor(uri, version);
    rounds.push(performance.now() - t0);
    character++;
  }
  const ty = summarize(rounds.slice(20)); // the first keystrokes warm the JIT up

  // Memory: 50 open determinations.
  const before = rssMb(c.proc.pid!);
  for (let i = 0; i < 50; i++) {
    const text = letters.length ? letters[i % letters.length] : seed;
    const u = `file:///bench/open-${i}.${letters.length ? 'txt' : 'md'}`;
    await c.open(u, text, letters.length ? 'plaintext' : 'markdown');
    await c.diagnosticsFor(u, 1);
  }
  const after = rssMb(c.proc.pid!);
  await c.stop();

  out('case                                             runs  median     p95        max');
  out(`server start -> first diagnostics (seed)         ${String(st.n).padEnd(4)}  ${fmtMs(st.median).padStart(7)} ms ${fmtMs(st.p95).padStart(7)} ms ${fmtMs(st.max).padStart(7)} ms`);
  out(`didChange -> publishDiagnostics (typing, seed)   ${String(ty.n).padEnd(4)}  ${fmtMs(ty.median).padStart(7)} ms ${fmtMs(ty.p95).padStart(7)} ms ${fmtMs(ty.max).padStart(7)} ms`);
  out(`server RSS: ${before?.toFixed(1) ?? '?'} MB with one document, ${after?.toFixed(1) ?? '?'} MB with 50 more open determinations`);

  targets.push({ name: '5. LSP typing median', value: `${fmtMs(ty.median)} ms`, goal: '< 10 ms', pass: ty.median < 10, note: `${ty.n} keystrokes, didChange -> publishDiagnostics` });
  targets.push({ name: '5. LSP typing p95', value: `${fmtMs(ty.p95)} ms`, goal: '< 25 ms', pass: ty.p95 < 25 });
  targets.push({ name: '5. LSP start -> first diagnostics', value: `${fmtMs(st.median)} ms`, goal: '< 300 ms', pass: st.median < 300, note: 'median of 5 cold starts (process spawn included)' });
  targets.push({ name: '5. LSP 50 open determinations RSS', value: after !== undefined ? `${after.toFixed(1)} MB` : 'n/a', goal: '< 150 MB', pass: after === undefined ? undefined : after < 150 });
  return targets;
}
