// Runs the built CLI (dist/cli.js) as a user would, for the CLI tests of every capability.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
