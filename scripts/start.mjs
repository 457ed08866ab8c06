// `npm start` (after the build): a real VS Code in your browser with Async Desk installed, on a
// copy of demo/. Uses the same code-server as the tests (installed on first use), installs the
// freshly packaged .vsix (exactly what users get), prints the URL and runs until Ctrl+C.
//
// State lives in <cache>/start/ (cache: $ASYNC_DESK_CACHE, default ~/.cache/async-desk):
//   workspace/  the demo copy, its standups and story dated to the current week (scripts/lib/demo.mjs),
//               a git clone of remote.git with the project committed on main. Made when absent; an
//               unedited copy from an earlier day is made again, so the team looks alive; an edited
//               one (files, commits, or posts of yours on the sharing branch) is kept (`npm start --
//               --fresh` or ASYNC_DESK_FRESH=1 copies demo/ again anyway)
//   remote.git/ the bare repository that is the workspace's origin: standups are shared on its
//               async-desk branch (issue 13)
//   teammates/  another clone of remote.git, from which one or two teammates' standups of today are
//               posted with the CLI at each start (a post already there is not repeated)
//   workspace.json  what the copy was made from: the day, a hash per file and the commit it is at
//   server/     code-server's settings, state and extensions
// Environment: PORT (default 8080; a free port is used when taken), ASYNC_DESK_START_WORKSPACE
// (open this folder instead of the demo copy).
import { existsSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTestHost } from './lib/test-host.mjs';
import { startCodeServer, installVsix, QUIET_SETTINGS } from './lib/code-server.mjs';
import { packageExtension } from './lib/vsix.mjs';
import { anchorDay, copyDemo, localToday, shareDemo, sharingUntouched, untouched } from './lib/demo.mjs';
import { cacheDir, copyWorkspace, installSignalHandlers, isStopping, log, makeScratch, removeScratch, repoRoot, runCleanups } from './lib/util.mjs';

// Ctrl+C is how you stop it: stop the server, exit 0.
installSignalHandlers({ code: () => 0, message: 'stopping code-server…' });

const fresh = process.argv.includes('--fresh') || process.env.ASYNC_DESK_FRESH === '1';
const home = join(cacheDir(), 'start');
const scratch = join(home, 'server');

let workspace = process.env.ASYNC_DESK_START_WORKSPACE;
if (!workspace) {
  workspace = join(home, 'workspace');
  const demo = join(repoRoot, 'demo');
  const source = existsSync(demo) && readdirSync(demo).length > 0 ? demo : join(repoRoot, 'test', 'fixtures', 'workspace');
  const remote = join(home, 'remote.git');
  const teammates = join(home, 'teammates');
  const manifestFile = join(home, 'workspace.json');
  let manifest = readManifest(manifestFile);
  const today = localToday();
  if (
    existsSync(workspace) &&
    !fresh &&
    manifest &&
    manifest.anchor !== anchorDay(today) &&
    untouched(workspace, manifest.files) &&
    sharingUntouched(workspace, remote, manifest.head)
  ) {
    log(`the demo copy is dated ${manifest.anchor} and unedited: copying it again for ${today}`);
    rmSync(workspace, { recursive: true, force: true });
  }
  if (fresh) rmSync(workspace, { recursive: true, force: true });
  if (!existsSync(workspace)) {
    // The repositories of the copy removed go with it (shareDemo makes new ones).
    for (const dir of [remote, teammates]) rmSync(dir, { recursive: true, force: true });
    if (source === demo) {
      manifest = copyDemo(source, workspace, today);
      writeFileSync(manifestFile, JSON.stringify(manifest));
      log(`copied ${source} to ${workspace}, its story dated to the week of ${today} (last standups: ${manifest.anchor})`);
    } else {
      copyWorkspace(source, workspace);
      log(`copied ${source} to ${workspace}`);
    }
  } else {
    const stale = manifest && manifest.anchor !== anchorDay(today) ? ` Its standups are dated for ${manifest.anchor}; you edited it, so it is kept.` : '';
    log(`reusing ${workspace}.${stale} (npm start -- --fresh copies ${source} again, dated to today)`);
  }
  // Standups shared over git (issue 13): origin is remote.git; teammates post today's from their clone.
  if (source === demo) {
    try {
      const shared = shareDemo(workspace, { remote, teammateClone: teammates, today });
      const posts = shared.posted.map((p) => `@${p.login} (${p.date}${p.early ? ', written ahead' : ''})`).join(', ');
      log(`standups are shared on the async-desk branch of ${remote}; ${posts ? `posted from ${teammates}: ${posts}` : 'no teammate posted today'}`);
      for (const problem of shared.problems) log(`sharing: ${problem}`);
      // The commit the copy was made at (a later one is yours: the copy is then kept).
      if (manifest && !manifest.head) writeFileSync(manifestFile, JSON.stringify({ ...manifest, head: shared.head }));
    } catch (error) {
      log(`could not set up sharing for the demo (standups stay in the working tree): ${error?.message ?? error}`);
    }
  }
}

/** The record of the last demo copy (scripts/lib/demo.mjs), or undefined. */
function readManifest(file) {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value?.anchor === 'string' && value.files && typeof value.files === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

const host = await ensureTestHost();
const vsixDir = makeScratch('vsix');
try {
  const vsix = packageExtension(join(vsixDir, 'async-desk.vsix'));
  installVsix({ host, scratch, vsix });
} finally {
  removeScratch(vsixDir);
}

const settings = { ...QUIET_SETTINGS };
delete settings['security.workspace.trust.enabled']; // --disable-workspace-trust already trusts it; keep the user's choice possible
const server = await startCodeServer({
  host,
  scratch,
  workspace,
  port: Number(process.env.PORT) || 8080,
  settings,
});
const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
if (Number(process.env.PORT || 8080) !== server.port) log(`port ${process.env.PORT || 8080} is taken; using ${server.port}`);
console.log(
  `\nAsync Desk is running in VS Code (code-server) at:\n\n    ${url}\n\nWorkspace: ${workspace}\nServer log: ${server.logFile}\nPress Ctrl+C to stop.\n`,
);

const code = await server.exited;
if (isStopping()) await new Promise(() => {}); // Ctrl+C: the signal handler finishes and exits 0
log(`code-server exited on its own (${code}); see ${server.logFile}`);
await runCleanups();
process.exit(code ?? 1);
