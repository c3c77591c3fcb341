// Entry of the bundled language server (dist/server.cjs). The transport comes from the command line, as
// vscode-languageserver reads it: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('imr-lint language server: start it with --stdio (any LSP editor) or --node-ipc (VS Code).\n');
  process.exit(2);
}

startServer(createConnection(ProposedFeatures.all));
