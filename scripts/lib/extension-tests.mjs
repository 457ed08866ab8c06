// Runs an extensionTestsPath module (a `run(): Promise<void>`, as for @vscode/test-electron) inside
// a real VS Code extension host: code-server with the smoke-test driver + a headless Chromium that
// opens the workbench with a test payload. The workbench forwards every console line of the test
// run to window.codeAutomationLog and the exit code to window.codeAutomationExit.
import { mkdirSync, writeFileSync, copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ensureTestHost } from './test-host.mjs';
import { startCodeServer, tail, RESTRICTED_SETTINGS } from './code-server.mjs';
import { launchChromium, workbenchUrl } from './browser.mjs';
import { log, makeScratch, removeScratch, copyWorkspace, resultsDir, sleep, isStopping } from './util.mjs';

/** Printed by test/integration/index.ts around mocha's run (and by the bench suite). */
export const OUTPUT_BEGIN = '[async-desk] test output begins';
export const OUTPUT_END = '[async-desk] test output ends';

/** First lines of the workbench's own log messages (not from the extension host). */
const WORKBENCH_NOISE = new RegExp(
  `^(${[
    String.raw`\[(AccountPolicyGate|AgentHost[^\]]*|Service Worker|reconnection-grace-time)\]`,
    'Resolving connection token',
    'Resolved connection token',
    'Creating a socket',
    'Updating additional builtin',
    'Creation of workbench contribution',
    'Canceled',
    '.*getaddrinfo (ENOTFOUND|EAI_AGAIN)',
  ].join('|')})`,
);

/**
 * Formats one codeAutomationLog call. The workbench passes (level, args) with the console
 * arguments of the line, printf-style (mocha's reporters log '%s%s', indent, title), so
 * util.format rebuilds the text exactly as a terminal would show it (it also drops %c styles).
 */
export function formatAutomationLog(level, args) {
  const list = Array.isArray(args) ? args : [args];
  return { level, text: format(...list) };
}

/**
 * @param {object} o
 * @param {string} o.name                     label for scratch dirs and test-results files
 * @param {string[]} o.extensionDevelopmentPaths
 * @param {string} o.extensionTestsPath       absolute path of the compiled test module (with or without .js)
 * @param {string} [o.workspaceTemplate]      folder copied into the scratch dir and opened (empty folder when absent)
 * @param {object} [o.env]                    environment for the server and so for the extension host
 * @param {boolean} [o.restricted]            open the folder untrusted (Restricted Mode)
 * @param {(workspace: string, scratch: string) => void} [o.prepare]  called with the workspace copy before the server starts
 * @param {number} [o.timeoutMs]              hard limit for the whole run (default 10 min)
 * @param {(line: {level: string, text: string}) => void} [o.onLog]  default: test output to stdout
 * @param {(scratch: string) => any} [o.collect]  called with the scratch dir (server logs under user-data/logs) before it is removed
 * @returns {Promise<{ code: number, ms: number, lines: {level: string, text: string}[], collected?: any }>}
 */
export async function runExtensionTests(o) {
  const started = Date.now();
  const timeoutMs = o.timeoutMs ?? 10 * 60_000;
  const host = await ensureTestHost();
  clearOldFailure(o.name);
  const scratch = makeScratch(o.name);
  const workspace = copyWorkspace(o.workspaceTemplate, join(scratch, 'workspace'));
  o.prepare?.(workspace, scratch);
  const lines = [];
  const verbose = process.env.ASYNC_DESK_VERBOSE === '1';
  // The test module prefixes mocha's reporter lines with this tag (ASYNC_DESK_OUTPUT_TAG) and frames
  // the run with OUTPUT_BEGIN/END: tagged lines are the test report (stdout). Other lines during
  // the run are the host's console (tests, the extension) or workbench chatter: the first go to
  // stderr marked [console], known chatter (connection setup, failed gallery look-ups while
  // offline) is dropped. Everything is kept in the failure log; ASYNC_DESK_VERBOSE=1 shows it all.
  const tag = `[${randomBytes(4).toString('hex')}] `;
  let phase = 'before';
  const print =
    o.onLog ??
    ((line) => {
      const out = line.level === 'error' || line.level === 'warn' ? process.stderr : process.stdout;
      const tagged = line.text.startsWith(tag);
      const text = tagged ? line.text.slice(tag.length) : line.text;
      if (text === OUTPUT_BEGIN) phase = 'during';
      else if (text === OUTPUT_END) phase = 'after';
      else if (phase === 'during' && tagged) out.write(text + '\n');
      else if (phase === 'during' && !isWorkbenchNoise(text)) process.stderr.write(`  [console:${line.level}] ${text}\n`);
      // After the run the workbench reports a rejected run() (e.g. "2 integration tests failed.").
      else if (phase === 'after' && line.level === 'error' && !isWorkbenchNoise(text)) out.write(text + '\n');
      else if (verbose) process.stderr.write(`[workbench:${line.level}] ${text}\n`);
    });
  const isWorkbenchNoise = (text) => WORKBENCH_NOISE.test(text.split('\n')[0]);

  let server;
  let browser;
  let collected;
  let code; // set on every path below: the run's exit code, 1 for a timeout or a harness failure
  let failure;
  try {
    server = await startCodeServer({
      host,
      scratch,
      workspace,
      smokeTest: true,
      ...(o.restricted ? { restricted: true, settings: RESTRICTED_SETTINGS } : {}),
      env: { NO_COLOR: '1', ...o.env, ASYNC_DESK_OUTPUT_TAG: tag },
    });
    browser = await launchChromium({ executablePath: host.chromium });
    const { page } = browser;

    let resolveExit;
    const exit = new Promise((r) => (resolveExit = r));
    let workbenchLogs = [];
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const line = formatAutomationLog(level, args);
      lines.push(line);
      print(line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode, logs) => {
      workbenchLogs = Array.isArray(logs) ? logs : [];
      resolveExit({ kind: 'exit', code: exitCode });
    });
    page.on('crash', () => resolveExit({ kind: 'error', message: 'the workbench page crashed' }));
    page.on('pageerror', (error) => lines.push({ level: 'pageerror', text: String(error?.stack ?? error) }));

    const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPaths: o.extensionDevelopmentPaths, extensionTestsPath: o.extensionTestsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    const timer = sleep(Math.max(1000, timeoutMs - (Date.now() - started))).then(() => ({ kind: 'timeout' }));
    const serverGone = server.exited.then((c) => ({ kind: 'error', message: `code-server exited (${c}) during the run` }));
    const outcome = await Promise.race([exit, timer, serverGone]);
    if (outcome.kind === 'exit') {
      code = Number.isInteger(outcome.code) ? outcome.code : 1;
    } else {
      failure = outcome.kind === 'timeout' ? `hard timeout: no result after ${Math.round(timeoutMs / 1000)} s` : outcome.message;
      code = 1;
    }
    if (code !== 0 && !isStopping()) await saveFailure(o.name, { page, server, workbenchLogs, lines });
  } catch (error) {
    failure = error?.stack ?? String(error);
    code = 1;
    if (!isStopping()) await saveFailure(o.name, { page: browser?.page, server, lines }).catch(() => {});
  } finally {
    await browser?.close();
    await server?.stop();
    if (o.collect) collected = await o.collect(scratch);
    removeScratch(scratch);
  }
  if (code !== 0 && phase === 'before' && !o.onLog) {
    // The test module never started (it failed to load, or the host never came up): show why.
    process.stderr.write(lines.map((l) => `[workbench:${l.level}] ${l.text}`).join('\n') + '\n');
  }
  if (failure && !isStopping()) log(`${o.name}: ${failure}`);
  return { code, ms: Date.now() - started, lines, collected };
}

/** Failure files of an earlier run would be mistaken for this run's. */
function clearOldFailure(name) {
  if (!existsSync(resultsDir)) return;
  for (const entry of readdirSync(resultsDir)) {
    if (entry.startsWith(`${name}-failure`)) rmSync(join(resultsDir, entry), { recursive: true, force: true });
  }
}

/** Screenshot, server log, workbench logs and the captured output into test-results/<name>-failure*. */
async function saveFailure(name, { page, server, workbenchLogs = [], lines = [] }) {
  mkdirSync(resultsDir, { recursive: true });
  const base = join(resultsDir, `${name}-failure`);
  if (page && !page.isClosed()) await page.screenshot({ path: `${base}.png`, timeout: 10_000 }).catch((e) => log(`screenshot failed: ${e.message}`));
  if (server?.logFile) {
    try {
      copyFileSync(server.logFile, `${base}-server.log`);
    } catch {
      writeFileSync(`${base}-server.log`, server.output?.() ?? tail(server.logFile));
    }
  }
  writeFileSync(`${base}-output.log`, lines.map((l) => `[${l.level}] ${l.text}`).join('\n') + '\n');
  if (workbenchLogs.length) {
    const dir = `${base}-logs`;
    for (const { relativePath, contents } of workbenchLogs) {
      const file = join(dir, relativePath.replace(/\.\.+/g, '_'));
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, contents);
    }
  }
  log(`failure details saved to ${base}.png, ${base}-server.log, ${base}-output.log${workbenchLogs.length ? `, ${base}-logs/` : ''}`);
}
