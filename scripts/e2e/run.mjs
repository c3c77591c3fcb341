// npm run test:e2e: the extension-host suite (test/vscode/index.ts) in a real VS Code (code-server 4.139.1,
// VS Code 1.139) shown in Debian's headless Chromium, against the extension installed from its .vsix; then
// screenshots of the workbench into docs/images/. `npm run screenshots` (--screenshots-only) skips the suite.
//
// Does its own set-up (scripts/e2e/setup.mjs; cached in .cache/e2e), packages the extension (npm run
// package), installs it with code-server --install-extension into a fresh extensions folder, starts
// code-server on 127.0.0.1 at a free port with fresh user data, opens the workbench with the smoke-test
// driver's payload (extensionDevelopmentPath = the installed extension, extensionTestsPath = the compiled
// suite) and reads the suite's log and exit code through codeAutomationLog / codeAutomationExit.
// Everything it starts runs in a process group of its own and is stopped by id at the end, on failure,
// on timeout and on SIGINT / SIGTERM / SIGHUP.
//
// Exit code: 0 the suite passed (and reported more than 0 tests); 1 it failed, reported no tests, timed
// out, or the screenshots failed; 2 set-up failure (plain message); 130 / 143 / 129 interrupted.
// Options: --screenshots-only, --no-screenshots. Environment: IMR_SHARED_DIR (default ../shared),
// IMR_E2E_CACHE (default .cache/e2e), IMR_E2E_TIMEOUT_MS (the suite, default 600000), IMR_E2E_KEEP=1
// (keep the run folder), IMR_VSCODE_GREP (run only matching tests), IMR_E2E_CHROMIUM (default /usr/bin/chromium).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, prepareRun, startCodeServer } from './codeServer.mjs';
import { killAllNow, run, SetupError, stopAll, track, tracked } from './processes.mjs';
import { screenshotWorkspace, takeScreenshots } from './screenshots.mjs';
import { CHROMIUM, ensureCache, ensureDebianPackages, VERSIONS } from './setup.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = resolve(ROOT, process.env.IMR_E2E_CACHE ?? join('.cache', 'e2e'));
const SUITE = join(ROOT, 'dist', 'test', 'vscode', 'index.cjs');
const IMAGES = join(ROOT, 'docs', 'images');
const SUITE_TIMEOUT_MS = Number(process.env.IMR_E2E_TIMEOUT_MS ?? 600_000);
const args = new Set(process.argv.slice(2));
const SCREENSHOTS_ONLY = args.has('--screenshots-only');
const SCREENSHOTS = !args.has('--no-screenshots');
const T0 = Date.now();

const say = (m) => console.log(`e2e: ${m}`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

let browser;
let browserServer;
let runDir;
let lockFile;
let cleaning;

/** Stops the browser and every process group started, removes the run folder (kept on failure or IMR_E2E_KEEP). */
function cleanup(keep) {
  cleaning ??= (async () => {
    await browser?.close().catch(() => undefined);
    await browserServer?.close().catch(() => undefined);
    await stopAll();
    const left = tracked();
    if (left.length) console.error(`e2e: still running after cleanup: ${left.map((p) => `${p.name} (${p.pid})`).join(', ')}`);
    if (runDir && !keep && !process.env.IMR_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
    else if (runDir) say(`run folder kept: ${runDir}`);
    if (lockFile) rmSync(lockFile, { force: true });
  })();
  return cleaning;
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    console.error(`\ne2e: ${sig}: stopping everything it started`);
    const hard = setTimeout(() => {
      killAllNow();
      process.exit(code);
    }, 15_000);
    void cleanup(false).finally(() => {
      clearTimeout(hard);
      process.exit(code);
    });
  });
}
process.on('exit', () => killAllNow()); // whatever is left, however we got here

const pidAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

/** One run at a time per cache (they would share the installs); stale run folders of dead runs are removed. */
function lockCache() {
  mkdirSync(join(CACHE, 'runs'), { recursive: true });
  lockFile = join(CACHE, 'lock');
  try {
    const other = Number(readFileSync(lockFile, 'utf8'));
    if (other && other !== process.pid && pidAlive(other)) {
      lockFile = undefined;
      throw new SetupError(`another npm run test:e2e (pid ${other}) is using ${CACHE}; wait for it or stop it.`);
    }
  } catch (e) {
    if (e instanceof SetupError) throw e;
  }
  writeFileSync(lockFile, String(process.pid));
  // Folders of runs that failed are kept for their logs: the three newest of those whose process is gone.
  const dead = readdirSync(join(CACHE, 'runs'))
    .filter((name) => !pidAlive(Number(name.split('-')[0])))
    .map((name) => ({ name, t: statSync(join(CACHE, 'runs', name)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { name } of dead.slice(3)) rmSync(join(CACHE, 'runs', name), { recursive: true, force: true });
  runDir = join(CACHE, 'runs', `${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(runDir, { recursive: true });
}

function sharedDir() {
  const dir = resolve(process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared'));
  for (const sub of ['seed', 'real-imr']) {
    if (!existsSync(join(dir, sub))) {
      throw new SetupError(`the suite needs the seed and the real letters: ${join(dir, sub)} is missing. Put the shared folder beside the checkout (../shared) or set IMR_SHARED_DIR.`);
    }
  }
  return dir;
}

/** npm run package (production build + vsce) and the suite compiled to dist/test/vscode/index.cjs, with the project's Node. */
async function buildExtensionAndSuite() {
  if (!existsSync(join(ROOT, 'node_modules', '.bin', 'vsce')) || !existsSync(join(ROOT, 'node_modules', '.bin', 'tsx'))) {
    throw new SetupError('the project has no node_modules (vsce, tsx): run npm ci first.');
  }
  const t0 = Date.now();
  const started = Date.now() - 1000;
  const packaged = await run('npm run package', 'npm', ['run', 'package', '--silent'], { cwd: ROOT, log: join(runDir, 'package.log'), timeoutMs: 300_000 });
  const vsix = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  if (packaged.code !== 0 || !existsSync(vsix) || statSync(vsix).mtimeMs < started) {
    throw new SetupError(`npm run package failed (${packaged.code}):\n${packaged.tail.trim().split('\n').slice(-30).join('\n')}`);
  }
  const copy = join(runDir, `${pkg.name}-${pkg.version}.vsix`);
  copyFileSync(vsix, copy);
  say(`packaged ${vsix} (${Math.round(statSync(vsix).size / 1024)} KB) in ${secs(t0)}`);
  if (!SCREENSHOTS_ONLY) {
    const built = await run('build suite', join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'test', 'vscode', 'build.ts')], { cwd: ROOT, timeoutMs: 120_000 });
    if (built.code !== 0 || !existsSync(SUITE)) throw new SetupError(`compiling test/vscode/index.ts failed (${built.code}):\n${built.tail}`);
  }
  return copy;
}

async function launchBrowser(playwrightDir) {
  if (!existsSync(CHROMIUM)) throw new SetupError(`${CHROMIUM} is missing (Debian package chromium).`);
  const { chromium } = createRequire(join(playwrightDir, 'package.json'))('playwright-core');
  browserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  track(browserServer.process().pid, 'chromium');
  browser = await chromium.connect(browserServer.wsEndpoint());
}

const NOISE = /ENOTFOUND|getaddrinfo|gallery|AccountPolicyGate|marketplace|open-vsx|Failed to fetch|net::ERR_/i;

/** Runs the suite in a workbench page; resolves with { code, passed, failed, extensionPath, log }. */
async function runSuite(server, extensionPath, workspace) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const lines = [];
  let finish;
  const exited = new Promise((r) => (finish = r));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const line = (Array.isArray(logArgs) ? logArgs : [logArgs]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    lines.push(line);
    if (!NOISE.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('crash', () => finish('page crashed'));
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://127.0.0.1:${server.port}${SUITE}`],
  ];
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  let timer;
  const code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS)))]);
  clearTimeout(timer);
  if (code === 'timeout') {
    await page.screenshot({ path: join(runDir, 'suite-timeout.png') }).catch(() => undefined);
  }
  await page.close().catch(() => undefined);
  const text = lines.join('\n');
  const counts = [...text.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
  const under = text.match(/extension under test: (.+) \(version /)?.[1];
  return { code, passed: counts ? Number(counts[1]) : 0, failed: counts ? Number(counts[2]) : 0, reported: !!counts, extensionPath: under, log: text };
}

async function main() {
  say(SCREENSHOTS_ONLY ? 'screenshots of the workbench (code-server + Chromium)' : 'extension-host suite in code-server + Chromium, then screenshots');
  // --- set-up: any failure here is exit 2
  let paths, shared, vsix, dirs, server, installed;
  try {
    shared = sharedDir();
    await ensureDebianPackages();
    try {
      lockCache();
    } catch (e) {
      if (e instanceof SetupError) throw e;
      throw new SetupError(`cannot use the cache folder ${CACHE}: ${e.message}`);
    }
    paths = await ensureCache(CACHE);
    say(`set-up done in ${secs(T0)}`);
    vsix = await buildExtensionAndSuite();
    dirs = prepareRun(runDir);
    const t1 = Date.now();
    installed = await installExtension(paths, dirs, vsix, EXTENSION_ID);
    say(`installed into a fresh extensions folder: ${installed} (${secs(t1)})`);
    const t2 = Date.now();
    server = await startCodeServer(paths, dirs, {
      ...process.env,
      IMR_SHARED_DIR: shared,
      NODE_OPTIONS: '',
      PATH: `${join(paths.node24Dir, 'bin')}:${process.env.PATH}`,
    });
    say(`code-server ${VERSIONS.codeServer} on ${server.url} (pid ${server.pid}) up in ${secs(t2)}`);
    await launchBrowser(paths.playwrightDir);
  } catch (e) {
    if (e instanceof SetupError) {
      console.error(`e2e: SET-UP FAILED: ${e.message}`);
      console.error('e2e: the extension-host suite was NOT run.');
      await cleanup(true);
      return 2;
    }
    throw e;
  }

  let result = 0;
  if (!SCREENSHOTS_ONLY) {
    const workspace = join(runDir, 'workspace');
    mkdirSync(workspace);
    const t3 = Date.now();
    say(`running the suite (${SUITE}) against ${installed}`);
    const r = await runSuite(server, installed, workspace);
    say(`suite ${r.code === 'timeout' ? 'stopped' : 'finished'} after ${secs(t3)}: exit ${r.code}, ${r.passed} passed, ${r.failed} failed`);
    if (r.code === 'timeout') {
      console.error(`e2e: FAILED: the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s.`);
      result = 1;
    } else if (!r.reported || r.passed + r.failed === 0) {
      console.error(`e2e: FAILED: the suite reported no tests (exit ${r.code}); that is not a pass.`);
      result = 1;
    } else if (r.extensionPath !== installed) {
      console.error(`e2e: FAILED: the suite ran against ${r.extensionPath ?? 'an unknown extension'}, not the installed ${installed}.`);
      result = 1;
    } else if (r.code !== 0 || r.failed > 0) {
      console.error(`e2e: FAILED: ${r.failed} of ${r.passed + r.failed} tests failed (exit ${r.code}).`);
      result = 1;
    } else {
      say(`PASSED: ${r.passed} tests in the real editor`);
    }
    if (result !== 0) console.error(`e2e: code-server log: ${server.logFile}; user data (extension host logs): ${dirs.userData}/logs`);
  }

  if (result === 0 && SCREENSHOTS) {
    const t4 = Date.now();
    try {
      const done = await takeScreenshots({ browser, baseUrl: server.url, folder: screenshotWorkspace(runDir, shared), outDir: IMAGES, runDir });
      say(`screenshots in ${secs(t4)} (docs/images): ${done.join(', ')}`);
    } catch (e) {
      console.error(`e2e: FAILED: screenshots: ${e.message.split('\n')[0]} (the page: ${join(runDir, 'screenshot-failure.png')})`);
      result = 1;
    }
  }

  await cleanup(result !== 0);
  say(`${result === 0 ? 'done' : 'failed'} in ${secs(T0)}`);
  return result;
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(`e2e: unexpected error: ${e?.stack ?? e}`);
    await cleanup(true);
    process.exit(2);
  },
);
