// Small helpers shared by the harness scripts: paths, logging, timing, scratch dirs and a cleanup
// registry that also runs on Ctrl+C / SIGTERM, so no code-server or Chromium is ever left behind.
import { mkdtempSync, mkdirSync, rmSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = join(repoRoot, 'test-results');

/** Same default as scripts/install-test-host.sh: outside the clone, shared by clones and CI runs. */
export function cacheDir() {
  return process.env.ASYNC_DESK_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'async-desk');
}

/** Harness messages go to stderr with a prefix, so stdout carries only the tests' own output. */
export function log(...args) {
  process.stderr.write(`[harness] ${args.join(' ')}\n`);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Creates a fresh scratch dir under the OS temp dir (or $ASYNC_DESK_SCRATCH_ROOT). */
export function makeScratch(label) {
  const root = process.env.ASYNC_DESK_SCRATCH_ROOT || tmpdir();
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, `async-desk-${label}-`));
}

/** Removes a scratch dir unless ASYNC_DESK_KEEP_SCRATCH=1 (for debugging a run). */
export function removeScratch(dir) {
  if (!dir) return;
  if (process.env.ASYNC_DESK_KEEP_SCRATCH === '1') {
    log(`keeping scratch dir ${dir}`);
    return;
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Copies a folder (the test workspace) so that tests may write into it freely. Empty folder when src is absent. */
export function copyWorkspace(src, dest) {
  mkdirSync(dest, { recursive: true });
  if (src && existsSync(src)) cpSync(src, dest, { recursive: true });
  return dest;
}

/** Lists files below dir (relative paths, forward slashes) whose relative path passes filter. */
export function listFiles(dir, filter = () => true, prefix = '') {
  const out = [];
  if (!existsSync(join(dir, prefix))) return out;
  for (const name of readdirSync(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...listFiles(dir, filter, rel));
    else if (filter(rel)) out.push(rel);
  }
  return out;
}

// ---- cleanup registry ---------------------------------------------------------------------------

const cleanups = new Set();
/** Functions run (newest first) by runCleanups() and on signals. onExit runs synchronously on process exit. */
const exitHooks = new Set();

export function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** A synchronous last-resort hook run on process 'exit' (e.g. SIGKILL a process group). */
export function onExit(fn) {
  exitHooks.add(fn);
  return () => exitHooks.delete(fn);
}

export async function runCleanups() {
  const fns = [...cleanups].reverse();
  cleanups.clear();
  for (const fn of fns) {
    try {
      await fn();
    } catch (error) {
      log(`cleanup failed: ${error?.message ?? error}`);
    }
  }
}

process.on('exit', () => {
  for (const fn of exitHooks) {
    try {
      fn();
    } catch {
      /* the process is going away anyway */
    }
  }
});

let signalsInstalled = false;
let stoppingBySignal = false;
/** True once Ctrl+C / SIGTERM arrived: errors from closing browsers are expected then, not failures. */
export const isStopping = () => stoppingBySignal;
/**
 * Ctrl+C / SIGTERM: run the cleanups (stop servers, close browsers) and exit with `code(signal)`
 * (default 130 / 143; `npm start` passes 0 because stopping is the normal way to end it).
 */
export function installSignalHandlers({ code = (signal) => (signal === 'SIGINT' ? 130 : 143), message } = {}) {
  if (signalsInstalled) return;
  signalsInstalled = true;
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      if (stopping) return; // a second Ctrl+C while stopping: the exit hooks still SIGKILL everything
      stopping = true;
      stoppingBySignal = true;
      log(message ?? `${signal}: stopping…`);
      const force = setTimeout(() => process.exit(code(signal)), 15_000);
      force.unref();
      await runCleanups();
      process.exit(code(signal));
    });
  }
}

/** Resolves after ms milliseconds. The timer is unref'd: a pending sleep never keeps the process alive. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());
