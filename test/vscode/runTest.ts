// Runs the extension-host suite in a real VS Code with @vscode/test-electron (`npm run test:vscode`).
// Exit codes: 0 passed, 1 failed, 3 NOT RUN (no VS Code could be obtained: this machine cannot download
// it, and VSCODE_EXECUTABLE_PATH was not set). The npm script reports 3 as "not run", never as passed.
// Where VS Code desktop is unavailable, the same suite runs in code-server: `npm run test:e2e` (scripts/e2e/run.mjs).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildSuite, ROOT } from './build.ts';

export const NOT_RUN = 3;

async function main(): Promise<number> {
  for (const f of ['dist/client.cjs', 'dist/server.cjs']) {
    if (!existsSync(join(ROOT, f))) {
      console.error(`test:vscode: ${f} is missing; run npm run build first.`);
      return 1;
    }
  }
  const suite = await buildSuite();

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    const version = process.env.VSCODE_TEST_VERSION ?? 'stable';
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000 });
    } catch (e) {
      console.error(
        `test:vscode: NOT RUN. VS Code ${version} could not be downloaded (${(e as Error).message.split('\n')[0]}).\n` +
          'Set VSCODE_EXECUTABLE_PATH to a local VS Code, or run the same suite in code-server: npm run test:e2e.',
      );
      return NOT_RUN;
    }
  }

  const workspace = mkdtempSync(join(tmpdir(), 'imr-vscode-ws-'));
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { IMR_SHARED_DIR: process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared') },
    });
    return 0;
  } catch (e) {
    console.error(`test:vscode: FAILED (${(e as Error).message})`);
    return 1;
  }
}

process.exitCode = await main();
