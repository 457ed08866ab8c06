// The demo as `npm start` shares it (scripts/lib/demo.mjs, shareDemo; issue 13): a clone of a local
// bare repository, with teammates' standups of today posted on the async-desk branch with the CLI
// (dist/cli.js: `build.mjs --tests` builds it) from a second clone. Real git, and no global git
// identity (GIT_CONFIG_GLOBAL is an empty file here). Each "today" and "now" is injected.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyDemo, DEMO_TEAMMATES_IDENTITY, DEMO_USER_IDENTITY, hashes, runCli, shareDemo, sharingUntouched, standupText } from '../../scripts/lib/demo.mjs';

const demo = new URL('../../demo', import.meta.url).pathname;
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('demo shared over git (npm start)', function () {
  this.timeout(60_000);
  let scratch;
  let saved;
  const paths = () => ({ workspace: join(scratch, 'workspace'), remote: join(scratch, 'remote.git'), teammateClone: join(scratch, 'teammates') });
  /** The demo copied for `today`, then shared at `now`. */
  const share = (today, now) => {
    const { workspace, remote, teammateClone } = paths();
    if (!existsSync(workspace)) copyDemo(demo, workspace, today);
    return shareDemo(workspace, { remote, teammateClone, today, now: new Date(now), cli });
  };
  const branchFiles = () => git(paths().remote, 'ls-tree', '-r', '--name-only', 'async-desk').trim().split('\n').sort();

  before(function () {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run node scripts/build.mjs --tests first`);
  });
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'async-desk-demo-sharing-'));
    // No user identity anywhere but what shareDemo sets in its repositories.
    saved = { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
    writeFileSync(join(scratch, 'empty.gitconfig'), '');
    process.env.GIT_CONFIG_GLOBAL = join(scratch, 'empty.gitconfig');
    process.env.GIT_CONFIG_NOSYSTEM = '1';
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it('on a Wednesday afternoon: the project on main of origin, Bob and Erin post their today; run again, nothing new', () => {
    const result = share('2026-12-09', '2026-12-09T15:00:00Z'); // 07:00 in Los Angeles, 12:00 in São Paulo
    const { workspace, remote, teammateClone } = paths();
    assert.deepEqual(result.problems, []);
    assert.equal(result.day, '2026-12-09');
    assert.deepEqual(
      result.posted.map((p) => [p.login, p.date, p.early]),
      [
        ['bob', '2026-12-09', false],
        ['erin', '2026-12-09', false],
      ],
    );
    // A clone of the bare repository, everything committed on main, by the demo user (no global identity).
    assert.equal(git(workspace, 'remote', 'get-url', 'origin').trim(), remote);
    assert.equal(git(workspace, 'status', '--porcelain').trim(), '');
    assert.equal(git(workspace, 'rev-parse', 'HEAD').trim(), git(remote, 'rev-parse', 'main').trim());
    assert.equal(git(workspace, 'log', '-1', '--format=%an <%ae>').trim(), `${DEMO_USER_IDENTITY.name} <${DEMO_USER_IDENTITY.email}>`);
    assert.equal(git(workspace, 'rev-parse', '--abbrev-ref', 'main@{upstream}').trim(), 'origin/main');
    // The posts: on the branch only, fetched into the workspace, by the teammates' clone.
    assert.deepEqual(branchFiles(), ['README.md', 'docs/standups/2026-12-09/bob.md', 'docs/standups/2026-12-09/erin.md']);
    assert.equal(git(workspace, 'rev-parse', 'refs/remotes/origin/async-desk').trim(), git(remote, 'rev-parse', 'async-desk').trim());
    assert.deepEqual([...new Set(git(remote, 'log', '--format=%ae', 'async-desk').trim().split('\n'))], [DEMO_TEAMMATES_IDENTITY.email]);
    assert.equal(existsSync(join(workspace, 'docs/standups/2026-12-09/bob.md')), false);
    assert.equal(existsSync(join(teammateClone, 'docs/standups/2026-12-09/bob.md')), false);
    assert.match(git(remote, 'show', 'async-desk:docs/standups/2026-12-09/bob.md'), /^---\nauthor: bob\ndate: 2026-12-09\n---\n## Done\n- 10x load test/);
    // The CLI of the workspace reads them as posted.
    const listed = JSON.parse(runCli(cli, ['standups', '--root', workspace, '--date', '2026-12-09', '--json']).stdout);
    assert.deepEqual(
      listed
        .filter((e) => e.status === 'posted')
        .map((e) => e.github)
        .sort(),
      ['bob', 'carol', 'erin', 'farah'],
    );
    assert.ok(sharingUntouched(workspace, remote, result.head));

    const tip = git(remote, 'rev-parse', 'async-desk').trim();
    const again = share('2026-12-09', '2026-12-09T16:00:00Z');
    assert.deepEqual(again.problems, []);
    assert.equal(again.head, result.head);
    assert.equal(git(remote, 'rev-parse', 'async-desk').trim(), tip, 'a post already on the branch is not posted again');
  });

  it('at a weekend: the posts are of Friday, the day the demo is dated to; Erin is off on Fridays and Dave away', () => {
    const result = share('2026-12-06', '2026-12-06T11:00:00Z');
    assert.equal(result.day, '2026-12-04');
    assert.deepEqual(
      result.posted.map((p) => [p.login, p.date, p.early]),
      [['bob', '2026-12-04', false]],
    );
    assert.deepEqual(branchFiles(), ['README.md', 'docs/standups/2026-12-04/bob.md']);
  });

  it("early on a Monday (Bob's and Erin's day has not begun): Bob's post of the day, written ahead", () => {
    const result = share('2026-12-07', '2026-12-07T02:00:00Z'); // Sunday evening in Los Angeles and São Paulo
    assert.deepEqual(
      result.posted.map((p) => [p.login, p.date, p.early]),
      [['bob', '2026-12-07', true]],
    );
  });

  it('a workspace without .git (an earlier copy) gets new repositories; the old ones go', () => {
    share('2026-12-09', '2026-12-09T15:00:00Z');
    const { workspace, remote, teammateClone } = paths();
    rmSync(join(workspace, '.git'), { recursive: true, force: true });
    writeFileSync(join(teammateClone, 'stale'), 'x');
    const result = share('2026-12-09', '2026-12-09T15:00:00Z');
    assert.deepEqual(result.problems, []);
    assert.equal(existsSync(join(teammateClone, 'stale')), false);
    assert.equal(git(workspace, 'rev-parse', 'HEAD').trim(), git(remote, 'rev-parse', 'main').trim());
    assert.deepEqual(branchFiles(), ['README.md', 'docs/standups/2026-12-09/bob.md', 'docs/standups/2026-12-09/erin.md']);
    assert.equal(git(remote, 'rev-list', '--max-parents=0', '--count', 'async-desk').trim(), '1', 'one root: a new branch');
  });

  it('sharingUntouched: false after a post of yours, a commit, or a post waiting in the queue', () => {
    const result = share('2026-12-09', '2026-12-09T15:00:00Z');
    const { workspace, remote } = paths();
    const files = hashes(workspace);
    assert.equal(
      Object.keys(files).some((f) => f.startsWith('.git/')),
      false,
      'git storage is not part of the copy',
    );
    assert.ok(sharingUntouched(workspace, remote, result.head));

    // Your post (from the workspace, as the Today panel makes it): another identity on the branch.
    const input = join(scratch, 'alice.md');
    writeFileSync(input, standupText({ done: ['Reviewed the numbers'], next: [], blockers: [] }));
    const posted = runCli(cli, ['standup', 'post', '--root', workspace, '--author', 'alice', '--date', '2026-12-09', '--file', input]);
    assert.equal(posted.code, 0, posted.stderr);
    assert.equal(sharingUntouched(workspace, remote, result.head), false);

    // A commit of yours on main.
    rmSync(remote, { recursive: true, force: true });
    mkdirSync(remote);
    git(remote, 'init', '-q', '--bare', '-b', 'main');
    assert.ok(sharingUntouched(workspace, remote, result.head), 'a remote without the branch: nothing of yours there');
    git(workspace, 'commit', '-q', '--allow-empty', '-m', 'mine');
    assert.equal(sharingUntouched(workspace, remote, result.head), false);

    // A post waiting in the queue.
    git(workspace, 'reset', '-q', '--hard', result.head);
    assert.ok(sharingUntouched(workspace, remote, result.head));
    mkdirSync(join(workspace, '.git', 'async-desk', 'queue'), { recursive: true });
    writeFileSync(join(workspace, '.git', 'async-desk', 'queue', 'x.json'), '{}');
    assert.equal(sharingUntouched(workspace, remote, result.head), false);
  });
});
