// Packages the extension as a .vsix with vsce (offline, ~2 s), so that the UI checks and `npm start`
// install exactly what users would install. Note: vsce runs the `vscode:prepublish` script, i.e. a
// production build of dist/ first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot, log } from './util.mjs';

/**
 * @param {string} outFile  where to write the .vsix
 * @returns {string} outFile
 */
export function packageExtension(outFile) {
  if (process.env.ASYNC_DESK_VSIX) {
    // A prebuilt package (e.g. CI artefact): use it as is.
    if (!existsSync(process.env.ASYNC_DESK_VSIX)) throw new Error(`ASYNC_DESK_VSIX=${process.env.ASYNC_DESK_VSIX} does not exist`);
    return process.env.ASYNC_DESK_VSIX;
  }
  mkdirSync(join(outFile, '..'), { recursive: true });
  const vsce = join(createRequire(join(repoRoot, 'package.json')).resolve('@vscode/vsce/package.json'), '..', 'vsce');
  const started = Date.now();
  // stdin is closed: any question vsce might ask (missing LICENSE, repository…) fails instead of hanging CI.
  // --no-rewrite-relative-links: this package is never published, and rewriting README image links
  // needs a real repository URL.
  const result = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', outFile],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000, env: { ...process.env, CI: 'true' } },
  );
  if (result.status !== 0 || !existsSync(outFile)) {
    throw new Error(`vsce package failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
  }
  log(`packaged ${outFile} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outFile;
}
