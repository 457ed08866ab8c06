// Runs the built CLI (dist/cli.js) as a user would, for the CLI tests of every capability.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(process.cwd(), 'dist/cli.js');

export function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runCliWithEnv({}, ...args);
}

/** runCli with extra environment variables (e.g. TZ, for "today in this machine's zone"). */
export function runCliWithEnv(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** runCliWithEnv without blocking the event loop, for tests that serve the CLI in-process (the fake
 *  GitHub): a synchronous spawn would leave the server unable to answer. */
export function runCliAsync(env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Mocha `before` hook: a clear message when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "node scripts/build.mjs" first`);
}

/** A new empty folder under the system temp folder (remove it with rmSync(…, { recursive: true })). */
export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `async-desk-${prefix}-`));
}

/** Writes files (relative path -> text) under root, creating folders on the way. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}
