// Debian's Chromium driven by playwright-core (no browser download is possible on these machines).
import { chromium } from 'playwright-core';
import { log, onCleanup } from './util.mjs';

// Flags from TESTING.md: no sandbox (root in CI), no GPU, no background traffic to Google.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches headless Chromium with a fresh profile (Playwright's own temp dir, removed on close) and
 * one page. Closing is registered as a cleanup, so Ctrl+C closes the browser too.
 * @returns {Promise<{ browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext,
 *   page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
export async function launchChromium({
  executablePath = '/usr/bin/chromium',
  headless = process.env.ASYNC_DESK_HEADED !== '1',
  viewport = { width: 1440, height: 900 },
} = {}) {
  const browser = await chromium.launch({
    executablePath,
    headless,
    args: ARGS,
    // We stop the browser ourselves in our own signal handler (after the server), in a fixed order.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  let closing;
  const close = () =>
    (closing ??= (async () => {
      removeCleanup();
      await browser.close().catch((error) => log(`closing Chromium: ${error.message}`));
    })());
  const removeCleanup = onCleanup(close);
  return { browser, context, page, close };
}

/**
 * The workbench URL for a folder, optionally with a test payload (honoured only by a server
 * started with enable-smoke-test-driver). Paths are server-side absolute paths.
 * @param {{ port: number }} server
 * @param {{ folder?: string, extensionDevelopmentPaths?: string[], extensionTestsPath?: string, extra?: [string,string][] }} o
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPaths = [], extensionTestsPath, extra = [] } = {}) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ...extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath.replace(/\.js$/, ''))]] : []),
    ['skipWelcome', 'true'],
    ...extra,
  ];
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  params.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${server.port}/?${params}`;
}
