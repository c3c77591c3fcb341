// code-server on 127.0.0.1 (a free port the OS picks), with its own config file, user data and extensions
// folder under the run folder, so nothing is read from or written to the home folder.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { run, SetupError, start, stopGroup } from './processes.mjs';

/** A port nobody listens on: the OS picks one for a listener on port 0, which is closed again. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'outline.collapseItems': 'alwaysExpand',
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** The folders of one run: config, user data (with quiet user settings), extensions. */
export function prepareRun(runDir) {
  const dirs = { runDir, config: join(runDir, 'config.yaml'), userData: join(runDir, 'user-data'), extensions: join(runDir, 'extensions') };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  return dirs;
}

const baseArgs = (paths, dirs) => [paths.codeServerEntry, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

/** Installs the .vsix with code-server's own --install-extension; returns the installed extension's folder. */
export async function installExtension(paths, dirs, vsix, extensionId) {
  const r = await run('code-server --install-extension', paths.node24, [...baseArgs(paths, dirs), '--install-extension', vsix], {
    log: join(dirs.runDir, 'install-extension.log'),
    timeoutMs: 120_000,
  });
  const folder = readdirSync(dirs.extensions).find((n) => n.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (r.code !== 0 || !folder) throw new SetupError(`code-server --install-extension ${vsix} failed (${r.code}):\n${r.tail.trim().split('\n').slice(-20).join('\n')}`);
  return join(dirs.extensions, folder);
}

/**
 * Starts code-server serving `folder` and waits for /healthz. `env` reaches the extension host (and so the
 * suite). Returns { port, url, pid, log(), stop() }.
 */
export async function startCodeServer(paths, dirs, env) {
  const port = await freePort();
  const logFile = join(dirs.runDir, 'code-server.log');
  const p = start('code-server', paths.node24, [
    ...baseArgs(paths, dirs),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
  ], { env, log: logFile });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let exited;
  p.done.then((c) => (exited = c));
  for (;;) {
    if (exited !== undefined) throw new SetupError(`code-server exited (${exited}) before it answered:\n${p.tail().trim().split('\n').slice(-30).join('\n')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopGroup(p.pid);
      throw new SetupError(`code-server did not answer on ${url}/healthz within 60 s:\n${p.tail().trim().split('\n').slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, url, pid: p.pid, log: p.tail, logFile, stop: () => stopGroup(p.pid) };
}
