// Builds every bundle with esbuild. Type-checking is separate (`npm run typecheck`).
//   dist/extension.js   node, cjs, `vscode` external          (the extension host entry: tiny)
//   dist/features.js    node, cjs, `vscode` external          (views, commands, parsers; loaded after activation)
//   dist/github.js      node, cjs                              (Octokit + GitHub client; loaded on first GitHub use)
//   dist/teamClock.js   node, cjs, `vscode` external          (the Team Clock panel; loaded on first use)
//   dist/issues.js      node, cjs, `vscode` external          (issue templates, form, outbox; loaded on first use)
//   dist/rituals.js     node, cjs, `vscode` external          (ritual commands and templates; loaded on first use)
//   dist/decisionCommands.js  node, cjs, `vscode` external    (decision-record commands; loaded on the first one or DecisionsApi call)
//   dist/teamCommands.js      node, cjs, `vscode` external    (team commands; loaded on the first one)
//   dist/testHooks.js   node, cjs, `vscode` external          (integration-test hooks; loaded only in the test host)
//   dist/cli.js         node, cjs, with a shebang              (package bin `async-desk`)
//   dist/webview/*.js   browser, esm                           (one per webview)
// Flags: --production (minify, no sourcemaps), --watch, --tests (also compile src/, test/ and the webview modules to out/ for mocha).
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
};

const builds = [
  {
    ...common,
    // Two bundles: a tiny entry (activation cost) and the features it loads on the next tick.
    entryPoints: {
      extension: 'src/extension.ts',
      features: 'src/features/main.ts',
      github: 'src/features/github/githubBundle.ts',
      rituals: 'src/features/rituals/ritualsBundle.ts',
      issues: 'src/features/issues/issuesBundle.ts',
      teamClock: 'src/features/team/teamClockBundle.ts',
      decisionCommands: 'src/features/decisions/decisionCommandsBundle.ts',
      sharing: 'src/features/sharing/sharingBundle.ts',
      teamCommands: 'src/features/team/teamCommandsBundle.ts',
      // Loaded only in the test host (ExtensionMode.Test); left out of the .vsix.
      testHooks: 'src/features/testHooks.ts',
    },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: listFiles('webview-ui', (f) => /^[^/]+\/main\.ts$/.test(f)).map((f) => ({
      in: join('webview-ui', f),
      out: f.split('/')[0],
    })),
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
  },
];

if (tests) {
  // Compile (not bundle) src/ and test/ to out/, keeping the tree, so mocha and the extension host
  // load the same modules the tests import. Webview modules too, except the entries (main.ts needs a
  // browser), so unit tests can run their DOM-free parts (e.g. webview-ui/today/model.ts) in Node.
  rmSync('out', { recursive: true, force: true });
  builds.push({
    entryPoints: [
      ...listFiles('src').map((f) => join('src', f)),
      ...listFiles('test').map((f) => join('test', f)),
      ...listFiles('webview-ui', (f) => !/(^|\/)main\.ts$/.test(f)).map((f) => join('webview-ui', f)),
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('/fixtures/')),
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function listFiles(dir, filter = () => true, prefix = '') {
  const out = [];
  for (const name of readdirSync(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...listFiles(dir, filter, rel));
    else if (filter(rel)) out.push(rel);
  }
  return out;
}

// Start from an empty dist/ so no stale bundle or source map from another mode gets packaged.
if (!watch) rmSync('dist', { recursive: true, force: true });

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[build] watching for changes…');
} else {
  const started = Date.now();
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const sizes = [];
  for (const result of results) {
    for (const [file, info] of Object.entries(result.metafile?.outputs ?? {})) {
      if (file.startsWith('dist/') && file.endsWith('.js')) sizes.push(`${file} ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
  console.log(`[build] ${production ? 'production' : 'development'} build in ${Date.now() - started} ms: ${sizes.join(', ')}`);
}
