// `npm run test:dates`: the unit and integration tiers on a faked clock (libfaketime), at dates and
// machine time zones far from today's, to prove that no test depends on the real date (README
// "Tests"). Needs a build with --tests (npm run test:dates makes one) and Debian's faketime (the
// test host installs it). `--ci` runs one faked date, computed from the clock so it moves on with the
// calendar: next year's European DST change at 00:30 UTC, in a machine zone 14 hours ahead of UTC.
//
// VS Code removes LD_PRELOAD from the extension host's environment (and keeps FAKETIME), so the
// `faketime` command alone fakes the runner and the browser but not the code under test. code-server
// therefore runs on a copy of its Node binary that loads libfaketime itself (patchelf --add-needed),
// made once next to the original; the harness test "runs on the runner's clock" checks it worked.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureTestHost } from './lib/test-host.mjs';
import { log, repoRoot, seconds } from './lib/util.mjs';

/** The last Sunday of March of `year` (the European spring DST change), 'YYYY-MM-DD'. */
function lastSundayOfMarch(year) {
  const d = new Date(Date.UTC(year, 2, 31));
  d.setUTCDate(31 - d.getUTCDay());
  return d.toISOString().slice(0, 10);
}
/** The second Sunday of March of `year` (the US spring DST change). */
function secondSundayOfMarch(year) {
  const first = new Date(Date.UTC(year, 2, 1));
  return new Date(Date.UTC(year, 2, 1 + ((7 - first.getUTCDay()) % 7) + 7)).toISOString().slice(0, 10);
}
/** The next 29 February from `now`. */
function nextLeapDay(now) {
  let year = now.getUTCFullYear();
  while (!(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) || Date.UTC(year, 1, 29) < now.getTime()) year++;
  return `${year}-02-29`;
}

const now = new Date();
const next = now.getUTCFullYear() + 1;
// faketime '@…' starts the clock at that instant (local time of TZ) and lets it run.
const ALL = [
  { tz: 'Pacific/Kiritimati', at: `@${lastSundayOfMarch(next)} 00:30:00`, why: 'European DST day, machine at UTC+14' },
  { tz: 'America/New_York', at: `@${secondSundayOfMarch(next)} 01:30:00`, why: 'US DST day, 30 minutes before the change' },
  { tz: 'Pacific/Pago_Pago', at: `@${nextLeapDay(now)} 23:30:00`, why: 'leap day, machine at UTC-11' },
  { tz: 'Asia/Kathmandu', at: '+400d', why: 'in 400 days, machine at UTC+5:45' },
];
const runs = process.argv.includes('--ci') ? ALL.slice(0, 1) : ALL;

if (spawnSync('faketime', ['-f', '+0d', 'true']).status !== 0) {
  console.error('[dates] faketime is not installed: sudo apt-get install faketime (scripts/install-test-host.sh installs it).');
  process.exit(1);
}
const host = await ensureTestHost(); // before faking the clock: a cold install runs on the real one
const LIBFAKETIME = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
].find((f) => existsSync(f));
const fakingNode = join(dirname(host.node24), 'node-faketime');
if (!existsSync(fakingNode)) {
  if (!LIBFAKETIME) {
    console.error('[dates] libfaketime.so.1 not found (Debian package faketime).');
    process.exit(1);
  }
  const temp = `${fakingNode}.${process.pid}.tmp`;
  copyFileSync(host.node24, temp);
  const patched = spawnSync('patchelf', ['--add-needed', LIBFAKETIME, temp], { stdio: 'inherit' });
  if (patched.status !== 0) {
    console.error('[dates] patchelf failed (Debian package patchelf; scripts/install-test-host.sh installs it).');
    process.exit(1);
  }
  renameSync(temp, fakingNode);
  log(`[dates] made ${fakingNode} (Node 24 that loads libfaketime)`);
}

const mochaBin = join(createRequire(join(repoRoot, 'package.json')).resolve('mocha/package.json'), '..', 'bin', 'mocha.js');
const tiers = [
  { name: 'unit', args: [process.execPath, mochaBin, '--config', '.mocharc.json'] },
  { name: 'integration', args: [process.execPath, 'scripts/run-integration.mjs'] },
];

function run(env, args) {
  return new Promise((resolve) => {
    const child = spawn('faketime', ['-f', env.FAKETIME_SPEC, ...args], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, TZ: env.TZ, ASYNC_DESK_NODE24: fakingNode },
    });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const results = [];
for (const r of runs) {
  for (const tier of tiers) {
    const started = Date.now();
    log(`[dates] ${tier.name} at ${r.at} TZ=${r.tz} (${r.why})`);
    const code = await run({ TZ: r.tz, FAKETIME_SPEC: r.at }, tier.args);
    results.push({ ...r, tier: tier.name, code, ms: Date.now() - started });
  }
}
console.log('\n[dates] tier         faked clock                  TZ                  result');
for (const r of results)
  console.log(`[dates] ${r.tier.padEnd(12)} ${r.at.padEnd(28)} ${r.tz.padEnd(19)} ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${seconds(r.ms)}`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
