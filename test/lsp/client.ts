import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers/shared.ts';

export const SERVER = join(ROOT, 'dist', 'server.cjs');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/**
 * A minimal LSP client for tests: starts the bundled server (dist/server.cjs --stdio) as a child process
 * and speaks JSON-RPC to it. Waits are on messages, never on fixed sleeps.
 */
export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  settings: Record<string, unknown> = {};
  readonly published: PublishedDiagnostics[] = [];
  readonly statuses: { uri: string; version: number; busy: boolean; determination?: boolean }[] = [];
  readonly messages: { type: number; message: string }[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  stderr = '';

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.poke();
    });
    this.conn.onNotification('imr/lintStatus', (p) => {
      this.statuses.push(p);
      this.poke();
    });
    this.conn.onNotification('window/showMessage', (p) => {
      this.messages.push(p);
      this.poke();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'imr' ? this.settings : null)));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('window/showMessageRequest', (p) => {
      this.messages.push(p);
      this.poke();
      return null;
    });
    this.conn.listen();
  }

  private poke(): void {
    for (const w of [...this.waiters]) if (w.test()) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
  }

  /** Resolves when `test` holds (checked on every message), rejects after `ms` with `what` in the error. */
  waitFor(test: () => boolean, what: string, ms = 10000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-500)}`)), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** The last diagnostics published for `uri` at `version` (or any version), once they arrive. */
  async diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    const match = () => [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version));
    await this.waitFor(() => !!match(), `diagnostics for ${uri} v${version ?? 'any'}`);
    return match()!.diagnostics;
  }

  async initialize(capabilities: Record<string, unknown> = {}, initializationOptions: unknown = { trusted: true }): Promise<any> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).toString(),
      workspaceFolders: [{ uri: pathToFileURL(ROOT).toString(), name: 'root' }],
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { synchronization: { didSave: true } },
        ...capabilities,
      },
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
      if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
}

/** Applies LSP text edits (non-overlapping) to a text, as an editor would. */
export function applyLspEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
