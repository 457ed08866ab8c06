// The measurement behind docs/decisions/0015: three ways to commit a post onto the sharing branch
// without touching the user's working tree, next to a plain `git add` + `commit` + `push`, on a small
// branch and on one of 100,000 standups (written with fast-import). Run after
// `node scripts/build.mjs --tests`:
//   node test/bench/sharing-transport.mjs            (ASYNC_DESK_BENCH_SHARING_STANDUPS=100000, POSTS=5)
//   (a) trees only   what src/core/sharing does: cat-file the trees on the post's path, mktree them
//                    again, commit-tree, push (no index at all)
//   (t) temp index   GIT_INDEX_FILE=<tmp>: read-tree <tip>, hash-object -w, update-index --cacheinfo,
//                    write-tree, commit-tree -p <tip>, push, update-ref
//   (w) worktree     `git worktree add --detach` of the branch under the common dir, then per post:
//                    write the file, add, commit --no-verify, push (setup time and disk reported)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { generateSharingBranch } from './generate-sharing.mjs';
import { diskUsage, gitEnv, makeOrigin } from './sharing.mjs';

const require = createRequire(import.meta.url);
const repoRoot = resolve(import.meta.dirname, '..', '..');
const sharing = require(join(repoRoot, 'out', 'src', 'core', 'sharing', 'index.js'));
const big = Number(process.env.ASYNC_DESK_BENCH_SHARING_STANDUPS) || 100_000;
const posts = Number(process.env.ASYNC_DESK_BENCH_SHARING_POSTS) || 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const text = (i) => `---\nauthor: member-0\ndate: 2026-12-${String(i + 1).padStart(2, '0')}\n---\n## Done\n- Post ${i}\n## Next\n## Blockers\n`;
const fileOf = (i) => `docs/standups/2026-12-${String(i + 1).padStart(2, '0')}/member-0.md`;

async function measure(scratch, env, size) {
  const { bare, git } = makeOrigin(scratch, `o${size}`, env, 60);
  generateSharingBranch(bare, { count: size, members: 60, env });
  const clone = (name) => {
    const dir = join(scratch, `${name}${size}`);
    git(scratch, 'clone', '-q', '--no-local', bare, dir);
    return dir;
  };
  const results = {};
  const time = async (label, run) => {
    const ms = [];
    for (let i = 0; i < posts; i++) {
      const t = performance.now();
      await run(i);
      ms.push(performance.now() - t);
    }
    results[label] = median(ms);
  };
  let n = 0; // posts so far on the branch (each strategy writes other days)
  const tracking = 'refs/remotes/origin/async-desk';

  // plain commit + push of the same file, on main
  const plain = clone('plain');
  await time('plain git add + commit + push', (i) => {
    mkdirSync(join(plain, 'docs', 'standups', fileOf(i).split('/')[2]), { recursive: true });
    writeFileSync(join(plain, fileOf(i)), text(i));
    git(plain, 'add', fileOf(i));
    git(plain, 'commit', '-q', '-m', `Standup ${i}`);
    git(plain, 'push', '-q', 'origin', 'HEAD:main');
  });

  // (a) trees only: the shipped code
  const a = clone('a');
  const opened = await sharing.openSharing({ root: a, branch: 'async-desk', folders: sharing.sharedFolders(), git: { env } });
  await opened.sharing.fetch();
  await time('(a) trees only (shipped)', async (i) => {
    const r = await opened.sharing.post({ file: fileOf(n + i), text: text(n + i), author: 'member-0', base: null });
    if (r.kind !== 'pushed') throw new Error(r.kind);
  });
  n += posts;

  // (t) temporary index
  const ti = clone('t');
  const index = join(ti, '.git', 'async-desk-index');
  await time('(t) temporary index', (i) => {
    const tip = git(ti, 'rev-parse', tracking).trim();
    const envIndex = { env: { ...env, GIT_INDEX_FILE: index }, cwd: ti, encoding: 'utf8' };
    execFileSync('git', ['read-tree', tip], envIndex);
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { ...envIndex, input: text(n + i) }).trim();
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `100644,${blob},${fileOf(n + i)}`], envIndex);
    const tree = execFileSync('git', ['write-tree'], envIndex).trim();
    const commit = execFileSync('git', ['commit-tree', tree, '-p', tip, '-m', 'post'], envIndex).trim();
    git(ti, 'push', '-q', '--no-verify', 'origin', `${commit}:refs/heads/async-desk`);
    git(ti, 'update-ref', tracking, commit);
  });
  n += posts;
  rmSync(index, { force: true });

  // (w) worktree under the common dir
  const w = clone('w');
  git(w, 'fetch', '-q', 'origin', 'async-desk');
  const wt = join(w, '.git', 'async-desk', 'worktree');
  let t = performance.now();
  git(w, 'worktree', 'add', '-q', '--detach', wt, 'origin/async-desk');
  const setupMs = performance.now() - t;
  const worktreeDisk = diskUsage(wt);
  const listed = git(w, 'worktree', 'list');
  await time('(w) worktree', (i) => {
    mkdirSync(join(wt, 'docs', 'standups', fileOf(n + i).split('/')[2]), { recursive: true });
    writeFileSync(join(wt, fileOf(n + i)), text(n + i));
    git(wt, 'add', fileOf(n + i));
    git(wt, 'commit', '-q', '--no-verify', '-m', 'post');
    git(wt, 'push', '-q', '--no-verify', 'origin', 'HEAD:refs/heads/async-desk');
  });
  t = performance.now();
  const objects = diskUsage(join(a, '.git', 'objects'));
  return { size, results, setupMs, worktreeDisk, listed, objects, listMs: performance.now() - t };
}

const scratch = mkdtempSync(join(tmpdir(), 'async-desk-transport-'));
try {
  const env = gitEnv(scratch);
  for (const size of [100, big]) {
    const r = await measure(scratch, env, size);
    console.log(`\nbranch of ${r.size} standups, medians of ${posts} posts:`);
    for (const [label, ms] of Object.entries(r.results)) console.log(`  ${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms`);
    console.log(
      `  worktree: set up in ${(r.setupMs / 1000).toFixed(1)} s, ${(r.worktreeDisk / 1024 / 1024).toFixed(1)} MB of files; clone objects ${(r.objects / 1024 / 1024).toFixed(1)} MB`,
    );
    console.log(`  git worktree list:\n${r.listed.replace(/^/gm, '    ')}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
