// Finds (and, the first time, installs) the VS Code we test against: code-server on Node 24 plus
// Debian's Chromium. The install itself lives in scripts/install-test-host.sh (idempotent, cached
// outside the clone); this module runs it and reads the KEY=VALUE lines it prints.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, log } from './util.mjs';

let cached;

/** @returns {Promise<{ node24: string, entry: string, chromium: string }>} */
export function ensureTestHost() {
  cached ??= install();
  return cached;
}

async function install() {
  const started = Date.now();
  const stdout = await new Promise((resolve, reject) => {
    // stderr is inherited: a cold install prints what it is doing (takes ~3 min), a warm one prints nothing.
    const child = spawn('bash', [join(repoRoot, 'scripts', 'install-test-host.sh')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`install-test-host.sh failed (${signal ?? `exit ${code}`})`))));
  });
  const values = Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => line.match(/^([A-Z0-9_]+)=(.*)$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  // ASYNC_DESK_NODE24: another Node 24 binary for code-server (scripts/test-dates.mjs passes one that
  // loads libfaketime itself, because VS Code strips LD_PRELOAD from the extension host's environment).
  const host = { node24: process.env.ASYNC_DESK_NODE24 || values.NODE24, entry: values.CODE_SERVER_ENTRY, chromium: values.CHROMIUM };
  for (const [key, file] of Object.entries(host)) {
    if (!file || !existsSync(file)) throw new Error(`install-test-host.sh did not provide ${key} (got ${file ?? 'nothing'})`);
  }
  const elapsed = Date.now() - started;
  if (elapsed > 2000) log(`test host ready in ${(elapsed / 1000).toFixed(1)} s`);
  return host;
}
