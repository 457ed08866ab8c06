// Runs an extensionTestsPath module (a `run(): Promise<void>`, as for @vscode/test-electron) inside
// a real VS Code extension host: code-server with the smoke-test driver + a headless Chromium that
// opens the workbench with a test payload. The workbench forwards every console line of the test
// run to window.codeAutomationLog and the exit code to window.codeAutomationExit.
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTestHost } from './test-host.mjs';
import { startCodeServer, tail } from './code-server.mjs';
import { launchChromium, workbenchUrl } from './browser.mjs';
import { log, makeScratch, removeScratch, copyWorkspace, resultsDir, sleep } from './util.mjs';

/**
 * Formats one codeAutomationLog call. The workbench passes (level, args) where args are the
 * console arguments; extension-host lines arrive as '%c[Extension Host]', 'color: blue', '…'.
 */
export function formatAutomationLog(level, args) {
  const parts = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : safeJson(a)));
  // Drop console CSS: each '%c' consumes the next argument.
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    const styles = (part.match(/%c/g) ?? []).length;
    part = part.replace(/%c/g, '');
    text += (text && part ? ' ' : '') + part;
    i += styles;
  }
  return { level, text };
}

function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * @param {object} o
 * @param {string} o.name                     label for scratch dirs and test-results files
 * @param {string[]} o.extensionDevelopmentPaths
 * @param {string} o.extensionTestsPath       absolute path of the compiled test module (with or without .js)
 * @param {string} [o.workspaceTemplate]      folder copied into the scratch dir and opened (empty folder when absent)
 * @param {object} [o.env]                    environment for the server and so for the extension host
 * @param {number} [o.timeoutMs]              hard limit for the whole run (default 10 min)
 * @param {(line: {level: string, text: string}) => void} [o.onLog]  default: test output to stdout
 * @param {(line: string) => boolean} [o.filter]  lines to drop from the default output (workbench noise)
 * @param {{ host?: object, server?: object }} [o.reuse] an already started server (for repeated runs)
 * @returns {Promise<{ code: number, ms: number, lines: {level: string, text: string}[] }>}
 */
export async function runExtensionTests(o) {
  const started = Date.now();
  const timeoutMs = o.timeoutMs ?? 10 * 60_000;
  const host = o.reuse?.host ?? (await ensureTestHost());
  const scratch = makeScratch(o.name);
  const workspace = copyWorkspace(o.workspaceTemplate, join(scratch, 'workspace'));
  const lines = [];
  const print = o.onLog ?? ((line) => {
    if (o.filter && !o.filter(line)) return;
    (line.level === 'error' ? process.stderr : process.stdout).write(line.text + '\n');
  });

  let server = o.reuse?.server;
  let browser;
  let code = 1;
  let failure;
  try {
    server ??= await startCodeServer({ host, scratch, workspace, smokeTest: true, env: o.env });
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
    if (code !== 0) await saveFailure(o.name, { page, server, workbenchLogs, lines });
  } catch (error) {
    failure = error?.stack ?? String(error);
    code = 1;
    await saveFailure(o.name, { page: browser?.page, server, lines }).catch(() => {});
  } finally {
    await browser?.close();
    if (!o.reuse?.server) await server?.stop();
    removeScratch(scratch);
  }
  if (failure) log(`${o.name}: ${failure}`);
  return { code, ms: Date.now() - started, lines };
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
