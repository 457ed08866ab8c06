// The sharing rows of `npm run bench` (SPEC §5 "sharing", issue 13), on this machine, against a bare
// repository on disk as origin:
//   post      a post through the core API (what the extension calls; the CLI adds a Node start-up)
//             vs a plain `git add` + `git commit` + `git push` of the same file, medians of N alternated
//             runs, as a ratio (budget 1.5x)
//   first     a clone that never saw the branch: sync (fetch) + the branch's listing of 100,000
//             standups (budget 15 s); the disk the shared copy takes
//   later     50 new posts at the remote: sync + listing + the day's digest from the branch (budget 1 s)
// Git runs with a config of its own (no system config, an identity in a global file of the scratch
// dir), so a developer's hooks and credential helpers do not take part.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addPosts, generateSharingBranch, teamFile } from './generate-sharing.mjs';

const require = createRequire(import.meta.url);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Bytes under a folder (apparent sizes rounded up to 4 KB blocks, as du counts them). */
export function diskUsage(dir) {
  let total = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else total += Math.ceil(s.size / 4096) * 4096;
    }
  };
  walk(dir);
  return total;
}

export function gitEnv(scratch) {
  const home = join(scratch, 'home');
  mkdirSync(home, { recursive: true });
  const global = join(home, '.gitconfig');
  writeFileSync(global, '[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n');
  const env = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: global, GIT_TERMINAL_PROMPT: '0' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_CONFIG_COUNT']) delete env[name];
  return env;
}

/** A bare origin with main (a team file) and a clone of it. */
export function makeOrigin(scratch, name, env, members) {
  const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const bare = join(scratch, `${name}.git`);
  git(scratch, 'init', '-q', '--bare', bare);
  const seed = join(scratch, `${name}-seed`);
  git(scratch, 'clone', '-q', bare, seed);
  mkdirSync(join(seed, '.github'));
  writeFileSync(join(seed, '.github', 'team.yml'), teamFile(members));
  git(seed, 'add', '.');
  git(seed, 'commit', '-q', '-m', 'Team');
  git(seed, 'push', '-q', 'origin', 'HEAD:main');
  return { bare, git };
}

/** Runs the three measurements; `row(area, measure, value, unit, budget, note)` as bench.mjs's. */
export async function benchSharing({ repoRoot, scratch, row, log, count, members, posts }) {
  const sharing = require(join(repoRoot, 'out', 'src', 'core', 'sharing', 'index.js'));
  const standups = require(join(repoRoot, 'out', 'src', 'core', 'standups', 'index.js'));
  const team = require(join(repoRoot, 'out', 'src', 'core', 'team', 'index.js'));
  const env = gitEnv(scratch);
  const open = async (root) => {
    const opened = await sharing.openSharing({ root, branch: 'async-desk', folders: sharing.sharedFolders(), git: { env } });
    if (opened.kind !== 'shared') throw new Error(opened.message);
    return opened.sharing;
  };
  const text = (i) =>
    `---\nauthor: member-0\ndate: 2026-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n## Done\n- Post ${i}\n## Next\n- More\n## Blockers\n`;

  // ---- a post vs git commit + git push ----
  {
    const { bare, git } = makeOrigin(scratch, 'post', env, members);
    const plain = join(scratch, 'plain');
    const shared = join(scratch, 'shared');
    git(scratch, 'clone', '-q', bare, plain);
    git(scratch, 'clone', '-q', bare, shared);
    const s = await open(shared);
    const plainMs = [];
    const postMs = [];
    for (let i = 0; i < posts; i++) {
      const file = `docs/standups/2026-01-${String((i % 28) + 1).padStart(2, '0')}/member-0.md`;
      const runPlain = () => {
        const t = performance.now();
        mkdirSync(join(plain, 'docs', 'standups', file.split('/')[2]), { recursive: true });
        writeFileSync(join(plain, file), text(i));
        git(plain, 'add', file);
        git(plain, 'commit', '-q', '-m', `Standup ${i}`);
        git(plain, 'push', '-q', 'origin', 'HEAD:main');
        plainMs.push(performance.now() - t);
      };
      const runPost = async () => {
        // The base is the caller's (the editor knows the revision it edited); not part of the post.
        const base = await s.baseOf(file);
        const t = performance.now();
        const r = await s.post({ file, text: text(i), author: 'member-0', base });
        if (r.kind !== 'pushed') throw new Error(`post ${i}: ${r.kind}`);
        postMs.push(performance.now() - t);
      };
      // Alternate which goes first, so that neither always runs on a warmer cache.
      if (i % 2) {
        runPlain();
        await runPost();
      } else {
        await runPost();
        runPlain();
      }
    }
    // The first of each is a cold start (git's and the page cache's): left out of the medians.
    const [p, c] = [median(postMs.slice(1)), median(plainMs.slice(1))];
    row(
      'sharing',
      `a post (core API) / git add + commit + push of the same file, medians of ${posts - 1}`,
      Math.round((p / c) * 100) / 100,
      'x',
      1.5,
      `post ${p.toFixed(0)} ms, commit + push ${c.toFixed(0)} ms`,
    );
    const cli = join(repoRoot, 'dist', 'cli.js');
    writeFileSync(join(scratch, 'standup.md'), '## Done\n- From the CLI\n## Next\n## Blockers\n');
    const cliMs = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = spawnSync(
        process.execPath,
        [cli, 'standup', 'post', '--root', shared, '--author', 'member-1', '--date', `2026-02-0${i + 2}`, '--file', join(scratch, 'standup.md')],
        { env, encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`CLI post: exit ${r.status}: ${r.stderr}`);
      cliMs.push(performance.now() - t);
    }
    row('sharing', 'CLI `standup post` end to end (Node start-up included), median of 3', Math.round(median(cliMs)), 'ms');
  }

  // ---- 100,000 standups: first sync + index, disk ----
  const { bare, git } = makeOrigin(scratch, 'big', env, members);
  let t = performance.now();
  const generated = generateSharingBranch(bare, { count, members, env });
  log(
    `generated a sharing branch of ${generated.count} standups (${generated.first} to ${generated.last}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const reader = join(scratch, 'reader');
  // --no-local: a local clone would hard-link the whole object store, the branch's objects with it.
  git(scratch, 'clone', '-q', '--no-local', '--single-branch', '--branch', 'main', bare, reader);
  const objectsBefore = diskUsage(join(reader, '.git', 'objects'));
  t = performance.now();
  const s = await open(reader);
  const first = await s.sync();
  const listing = await s.listing();
  const firstMs = performance.now() - t;
  const complete = first.fetch.ok && listing.standups.length === generated.count;
  row(
    'sharing',
    `first sync of ${generated.count} standups: fetch + listing`,
    complete ? Math.round(firstMs) : null,
    'ms',
    15000,
    complete ? `${listing.problems.length} problems` : `listed ${listing.standups.length} of ${generated.count}`,
  );
  const shared = diskUsage(join(reader, '.git', 'objects')) - objectsBefore;
  const state = diskUsage(join(reader, '.git', 'async-desk'));
  row(
    'sharing',
    'disk used by the shared copy (git objects fetched; no checkout)',
    Math.round(shared / 1024 / 102.4) / 10,
    'MB',
    undefined,
    `+ ${(state / 1024 / 1024).toFixed(1)} MB listing cache in .git/async-desk`,
  );

  // ---- 50 new posts: incremental sync + digest ----
  const date = '2026-11-23'; // the Monday after the generated branch ends
  addPosts(bare, { date, posts: 50, members, env });
  const { team: benchTeam } = team.parseTeamFile(teamFile(members), '.github/team.yml');
  t = performance.now();
  const later = await s.sync();
  const after = await s.listing();
  const day = after.standups.filter((e) => e.date === date);
  const texts = await s.readBranch(day.map((e) => ({ file: e.file, blob: e.blob })));
  const byLogin = new Map(day.map((e) => [e.login.toLowerCase(), standups.parseStandup(texts.get(e.file).text, e.file)]));
  const digest = standups.buildDigest({ team: benchTeam, date, now: new Date(`${date}T15:00:00Z`), standups: byLogin, staleAfterWorkdays: 2 });
  const laterMs = performance.now() - t;
  const posted = digest.filter((e) => e.status === 'posted').length;
  const ok = later.fetch.ok && later.fetch.newPosts.length === 50 && posted === 50;
  row(
    'sharing',
    "incremental sync bringing 50 posts + listing + the day's digest",
    ok ? Math.round(laterMs) : null,
    'ms',
    1000,
    ok ? `${after.standups.length} standups listed` : `fetched ${later.fetch.ok ? later.fetch.newPosts.length : later.fetch.failure.reason}, ${posted} posted`,
  );
  // The same from the command line: two cold processes, the listing read back from its cache.
  const cli = join(repoRoot, 'dist', 'cli.js');
  addPosts(bare, { date: '2026-11-24', posts: 50, members, env });
  t = performance.now();
  const syncRun = spawnSync(process.execPath, [cli, 'sync', '--root', reader], { env, encoding: 'utf8' });
  const digestRun = spawnSync(process.execPath, [cli, 'standups', '--root', reader, '--date', '2026-11-24', '--now', '2026-11-24T15:00:00Z', '--json'], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const cliMs = performance.now() - t;
  const cliOk = syncRun.status === 0 && /fetched 50 new posts/.test(syncRun.stdout) && digestRun.status === 0;
  row(
    'sharing',
    'CLI cold: `sync` (50 new posts) + `standups --json`, two processes',
    cliOk ? Math.round(cliMs) : null,
    'ms',
    undefined,
    cliOk ? syncRun.stdout.trim() : `sync ${syncRun.status}: ${syncRun.stdout}${syncRun.stderr}`.slice(0, 200),
  );
}
