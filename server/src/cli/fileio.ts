// Reading letters safely (size, binary, UTF-8) and writing fixes atomically.
import { randomBytes } from 'node:crypto';
import {
  accessSync, chmodSync, closeSync, constants, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync,
  readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024;

export type FileProblemCode = 'unreadable' | 'not-a-file' | 'too-large' | 'binary' | 'invalid-utf8';

export interface ReadOk {
  ok: true;
  /** The text with any UTF-8 byte-order mark removed. */
  text: string;
  bom: boolean;
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  size: number;
}

export interface ReadFailed {
  ok: false;
  code: FileProblemCode;
  message: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Reads a file to lint, or says in one sentence why it cannot be linted. */
export function readLetter(file: string, maxSize: number): ReadOk | ReadFailed {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    return { ok: false, code: 'unreadable', message: `Cannot read the file (${describeError(e)}).` };
  }
  if (!st.isFile()) return { ok: false, code: 'not-a-file', message: 'Not a regular file; only files can be linted.' };
  if (st.size > maxSize) return tooLarge(st.size, maxSize);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return { ok: false, code: 'unreadable', message: `Cannot read the file (${describeError(e)}).` };
  }
  const decoded = decodeLetter(buf, maxSize);
  if (!decoded.ok) return decoded;
  return { ok: true, text: decoded.text, bom: decoded.bom, mode: st.mode, uid: st.uid, gid: st.gid, mtimeMs: st.mtimeMs, size: st.size };
}

/** A letter's bytes as text: UTF-8 only, no NUL bytes, at most `maxSize`; a byte-order mark is removed and noted. */
export function decodeLetter(buf: Buffer, maxSize: number): { ok: true; text: string; bom: boolean } | ReadFailed {
  if (buf.length > maxSize) return tooLarge(buf.length, maxSize);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, code: 'invalid-utf8', message: 'The file is UTF-16 encoded; imr-lint reads UTF-8 only. Save it as UTF-8.' };
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) return { ok: false, code: 'binary', message: `Binary file (NUL byte at offset ${nul}), not a text letter; skipped.` };
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    return {
      ok: false,
      code: 'invalid-utf8',
      message: `Not valid UTF-8${at >= 0 ? ` (invalid byte 0x${buf[at].toString(16).padStart(2, '0')} at offset ${at})` : ''}. Save the file as UTF-8.`,
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { ok: true, text, bom };
}

export function tooLarge(size: number, max: number): ReadFailed {
  return { ok: false, code: 'too-large', message: `File too large (${formatSize(size)}; the limit is ${formatSize(max)}, see --max-size); skipped.` };
}

export function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    default: return err.code ? `${err.code}: ${err.message}` : String(err.message ?? e);
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let n: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Why fixes must not be written to a file, or undefined when they may be. */
export function readOnlyReason(file: string, mode: number): string | undefined {
  if ((mode & 0o222) === 0) return 'the file is read-only';
  try {
    accessSync(file, constants.W_OK);
  } catch {
    return 'the file is not writable';
  }
  return undefined;
}

/**
 * Replaces a file's content without ever leaving it truncated or half-written: writes a temporary file in
 * the same folder, flushes it, gives it the original mode (and owner, when we may), then renames it over
 * the original. Refuses when the file changed on disk since it was read. Throws on failure, leaving the
 * original untouched and no temporary file behind.
 */
export function writeFileAtomic(file: string, content: string, original: ReadOk): void {
  const target = realpathSync(file); // write through symbolic links, don't replace them
  const tmp = join(dirname(target), tempName(basename(target)));
  const mode = original.mode & 0o7777;
  let fd: number | undefined;
  let created = false;
  try {
    // Owner-only while it holds the letter: a copy left by a killed run is readable by no one else.
    fd = openSync(tmp, 'wx', 0o600);
    created = true;
    writeFileSync(fd, content, 'utf8');
    fsyncSync(fd);
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        fchownSync(fd, original.uid, original.gid);
      } catch {
        /* keep our ownership */
      }
    }
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, mode); // the original's mode, just before it takes the original's place
    const now = statSync(target);
    if (now.mtimeMs !== original.mtimeMs || now.size !== original.size) {
      throw new Error('the file changed on disk while it was being linted');
    }
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already renamed */
      }
    }
    throw e;
  }
  try {
    const dfd = openSync(dirname(target), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* best effort: not every platform can fsync a folder */
  }
}

/** `.<name>.<pid>-<8 hex digits>.imr-lint.tmp`: the temporary copy writeFileAtomic writes beside a letter. */
const TEMP_NAME = /^\.(.+)\.([1-9]\d{0,9})-[0-9a-f]{8}\.imr-lint\.tmp$/;

/** A temporary copy older than this was left by a run that was killed (a write takes milliseconds). */
export const STALE_TEMP_MS = 10 * 60 * 1000;

function tempName(name: string): string {
  return `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.imr-lint.tmp`;
}

/**
 * Removes the temporary copies a killed `--fix` left in a folder (they hold a letter, with its patient's
 * data): regular files named exactly as writeFileAtomic names them, older than STALE_TEMP_MS or written by
 * a process that no longer runs. Anything else is left alone. Returns the paths removed.
 */
export function removeStaleTempFiles(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    let st;
    try {
      st = lstatSync(file);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    const pid = Number(m[2]);
    const old = now - st.mtimeMs > STALE_TEMP_MS;
    if (!old && (pid === process.pid || processRuns(pid))) continue; // being written by a run going on now
    try {
      unlinkSync(file);
      removed.push(file);
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // runs, as another user
  }
}

/**
 * Reads at most `max` bytes of a file (a pipe or a device too): `{ tooLarge }` as soon as the file is
 * larger, without reading the rest (`exact`: its size is known, not just "more than"). Throws when it
 * cannot be read.
 */
export function readBounded(file: string, max: number): { buf: Buffer } | { tooLarge: number; exact: boolean } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) return { tooLarge: size, exact: true };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) return { tooLarge: total, exact: false };
      chunks.push(chunk.subarray(0, n));
    }
    return { buf: Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}
