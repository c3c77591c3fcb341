// Every process the e2e run starts goes through here: each in a process group of its own (detached), so
// that it and everything it starts (code-server's extension host and the language server; Chromium's
// renderers; npm's compilers) can be stopped by process id, on success, failure, timeout and Ctrl-C.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** Process groups (their leaders' pids) started and not yet known to be empty. */
const groups = new Map(); // pid -> name

export class SetupError extends Error {}

/** Remembers a process group started elsewhere (Chromium, started by playwright-core detached). */
export function track(pid, name) {
  if (pid) groups.set(pid, name);
}

/**
 * Starts a command in its own process group. `log` (a file path) receives stdout and stderr; `echo`
 * also prints them. Resolves `done` with the exit code (or the signal's name).
 */
export function start(name, cmd, args, { cwd, env, log, echo = false } = {}) {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.set(child.pid, name);
  const out = log ? createWriteStream(log, { flags: 'a' }) : undefined;
  let tail = '';
  const take = (d) => {
    out?.write(d);
    if (echo) process.stdout.write(d);
    tail = (tail + d).slice(-20_000);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const done = new Promise((resolve) => {
    child.on('error', (e) => {
      take(`\n${name}: ${e.message}\n`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      out?.end();
      resolve(code ?? signal);
    });
  });
  return { child, pid: child.pid, done, tail: () => tail };
}

/** Runs a command to its end (in its own group, stopped on timeout); resolves with its exit code and output tail. */
export async function run(name, cmd, args, options = {}) {
  const p = start(name, cmd, args, options);
  let timer;
  const timeout = options.timeoutMs
    ? new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
      })
    : new Promise(() => {});
  const code = await Promise.race([p.done, timeout]);
  clearTimeout(timer);
  if (code === 'timeout') await stopGroup(p.pid);
  else await stopGroup(p.pid, 2000); // anything it left behind in its group
  return { code, tail: p.tail() };
}

const alive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM to the whole group, SIGKILL after `graceMs`; waits until the group is gone (zombies aside). */
export async function stopGroup(pid, graceMs = 5000) {
  if (!groups.has(pid)) return;
  const signal = (s) => {
    try {
      process.kill(-pid, s);
    } catch {
      // already gone
    }
  };
  if (alive(pid)) {
    signal('SIGTERM');
    for (const until = Date.now() + graceMs; alive(pid) && Date.now() < until; ) await sleep(50);
    if (alive(pid)) signal('SIGKILL');
    // Killed processes whose parent died are reaped by init; a defunct one still answers kill(0): do not wait long.
    for (const until = Date.now() + 2000; alive(pid) && Date.now() < until; ) await sleep(50);
  }
  groups.delete(pid);
}

/** Stops every group still tracked, newest first. */
export async function stopAll(graceMs) {
  for (const pid of [...groups.keys()].reverse()) await stopGroup(pid, graceMs);
}

/** Last resort when the process exits without cleaning up (synchronous: SIGKILL to every group). */
export function killAllNow() {
  for (const pid of groups.keys()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  groups.clear();
}

/** Pids of the process groups still tracked (for a check that nothing was left running). */
export function tracked() {
  return [...groups.entries()].map(([pid, name]) => ({ pid, name }));
}
