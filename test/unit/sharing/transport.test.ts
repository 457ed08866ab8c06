// Posting, syncing and reading the sharing branch with real git: a bare repository on disk as origin
// and clones as teammates (test/unit/sharing/gitFixtures.ts), driven through the core API the CLI
// and the extension use. What the user has in a clone (status, stash, HEAD, branch, index,
// FETCH_HEAD) is compared byte for byte before and after.
import assert from 'node:assert/strict';
import { renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import * as path from 'node:path';
import { openSharing, sharedFolders, type Sharing, type SharingOptions } from '../../../src/core/sharing';
import { makeBusy, makeWorld, onlyFastForwards, userState, type GitWorld } from './gitFixtures';

const FOLDERS = sharedFolders();
const standup = (login: string, date: string, done: string) => `---\nauthor: ${login}\ndate: ${date}\n---\n## Done\n- ${done}\n## Next\n- more\n## Blockers\n`;

async function open(world: GitWorld, root: string, extra: Partial<SharingOptions> = {}): Promise<Sharing> {
  const opened = await openSharing({ root, branch: 'async-desk', folders: FOLDERS, git: { env: world.env }, ...extra });
  assert.equal(opened.kind, 'shared', opened.kind === 'not-shared' ? opened.message : '');
  return (opened as { sharing: Sharing }).sharing;
}

describe('sharing over git (real repositories)', function () {
  this.timeout(30_000);
  let world: GitWorld;
  let a: string;
  let b: string;

  beforeEach(() => {
    world = makeWorld(['alice', 'bob']);
    a = world.clone('a');
    b = world.clone('b');
  });
  afterEach(() => world.cleanup());

  it("a post from clone A is read in clone B after a sync; neither clone's work in progress is touched", async () => {
    makeBusy(world, a);
    makeBusy(world, b);
    const before = [userState(world, a), userState(world, b)];
    const sa = await open(world, a);
    const file = 'docs/standups/2026-11-21/alice.md';
    const posted = await sa.post({ file, text: standup('alice', '2026-11-21', 'Shipped'), author: 'alice', base: null });
    assert.equal(posted.kind, 'pushed', JSON.stringify(posted));

    const sb = await open(world, b);
    assert.deepEqual((await sb.listing()).standups, []); // not fetched yet
    const report = await sb.sync();
    assert.ok(report.fetch.ok);
    assert.deepEqual(report.fetch.ok && report.fetch.newPosts, [file]);
    const listing = await sb.listing();
    assert.deepEqual(
      listing.standups.map((s) => [s.date, s.login, s.file]),
      [['2026-11-21', 'alice', file]],
    );
    const texts = await sb.readBranch(listing.standups.map((s) => ({ file: s.file, blob: s.blob })));
    assert.deepEqual(texts.get(file), { ok: true, text: standup('alice', '2026-11-21', 'Shipped') });
    assert.deepEqual(listing.problems, []);

    assert.deepEqual([userState(world, a), userState(world, b)], before);
    // Nothing of the branch in either working tree.
    assert.equal(world.git(b, 'ls-files', 'docs'), '');
  });

  it('the first post makes the branch a root commit with a README and the post, no project files', async () => {
    const sa = await open(world, a);
    const file = 'docs/standups/2026-11-21/alice.md';
    await sa.post({ file, text: standup('alice', '2026-11-21', 'x'), author: 'alice', base: null });
    const commits = world.git(world.bare, 'rev-list', '--parents', 'async-desk').trim().split('\n');
    assert.equal(commits.length, 1);
    assert.equal(commits[0]!.split(' ').length, 1, 'no parent');
    assert.deepEqual(world.git(world.bare, 'ls-tree', '-r', '--name-only', 'async-desk').trim().split('\n'), ['README.md', file]);
    assert.match(world.git(world.bare, 'show', 'async-desk:README.md'), /never force-push it/);
    assert.equal(world.git(world.bare, 'log', '-1', '--format=%s', 'async-desk').trim(), 'Standup: @alice, 2026-11-21');
    // A second post is one more commit on top.
    await sa.post({ file: 'docs/updates/2026-W47-alice.md', text: '# Week\n', author: 'alice', base: null });
    assert.equal(world.git(world.bare, 'rev-list', '--count', 'async-desk').trim(), '2');
    assert.equal(world.git(world.bare, 'log', '-1', '--format=%s', 'async-desk').trim(), 'Weekly update: @alice, 2026-W47');
    assert.ok(onlyFastForwards(world, 'refs/heads/async-desk'));
  });

  it('posting the same text again changes nothing; an update based on the branch revision lands', async () => {
    const sa = await open(world, a);
    const file = 'docs/standups/2026-11-21/alice.md';
    await sa.post({ file, text: standup('alice', '2026-11-21', 'v1'), author: 'alice', base: null });
    assert.equal((await sa.post({ file, text: standup('alice', '2026-11-21', 'v1'), author: 'alice', base: await sa.baseOf(file) })).kind, 'unchanged');
    const base = await sa.baseOf(file);
    assert.match(base ?? '', /^[0-9a-f]{40}$/);
    assert.equal((await sa.post({ file, text: standup('alice', '2026-11-21', 'v2'), author: 'alice', base })).kind, 'pushed');
    assert.match(world.git(world.bare, 'show', `async-desk:${file}`), /- v2/);
  });

  it('the same person posting from two machines: a conflict with both texts, nothing overwritten', async () => {
    const sa = await open(world, a);
    const sb = await open(world, b);
    const file = 'docs/standups/2026-11-21/alice.md';
    assert.equal((await sa.post({ file, text: standup('alice', '2026-11-21', 'laptop'), author: 'alice', base: null })).kind, 'pushed');
    // Machine B never fetched: its post is based on no revision, the branch has one.
    const result = await sb.post({ file, text: standup('alice', '2026-11-21', 'desktop'), author: 'alice', base: null });
    assert.equal(result.kind, 'conflict');
    assert.ok(result.kind === 'conflict');
    assert.match(result.theirs ?? '', /- laptop/);
    assert.match(result.mine, /- desktop/);
    assert.match(world.git(world.bare, 'show', `async-desk:${file}`), /- laptop/);
    // Kept, marked as a conflict, until the author chooses.
    const waiting = await sb.queued();
    assert.deepEqual(
      waiting.map((q) => [q.file, q.conflict?.theirsBlob]),
      [[file, result.theirsBlob]],
    );
    // "Keep mine": post again, based on their revision.
    const again = await sb.post({ file, text: result.mine, author: 'alice', base: result.theirsBlob });
    assert.equal(again.kind, 'pushed');
    assert.match(world.git(world.bare, 'show', `async-desk:${file}`), /- desktop/);
    assert.deepEqual(await sb.queued(), []);
  });

  it('teammates posting one after the other from stale clones: each push is rebuilt on the new tip', async () => {
    const sa = await open(world, a);
    const sb = await open(world, b);
    await sa.post({ file: 'docs/standups/2026-11-21/alice.md', text: standup('alice', '2026-11-21', 'a'), author: 'alice', base: null });
    const result = await sb.post({ file: 'docs/standups/2026-11-21/bob.md', text: standup('bob', '2026-11-21', 'b'), author: 'bob', base: null });
    assert.equal(result.kind, 'pushed');
    assert.ok(result.kind === 'pushed' && result.attempts === 2);
    assert.deepEqual(world.git(world.bare, 'ls-tree', '-r', '--name-only', 'async-desk', 'docs').trim().split('\n'), [
      'docs/standups/2026-11-21/alice.md',
      'docs/standups/2026-11-21/bob.md',
    ]);
    assert.ok(onlyFastForwards(world, 'refs/heads/async-desk'));
  });

  it('remote moved away: queued with "remote not found", survives a restart, lands once it is back', async () => {
    const sa = await open(world, a);
    const moved = `${world.bare}.moved`;
    renameSync(world.bare, moved);
    const file = 'docs/standups/2026-11-21/alice.md';
    const result = await sa.post({ file, text: standup('alice', '2026-11-21', 'offline'), author: 'alice', base: null });
    assert.equal(result.kind, 'queued');
    assert.ok(result.kind === 'queued');
    assert.equal(result.failure.kind, 'remote-gone');
    assert.equal(result.failure.reason, 'remote not found');
    assert.match(result.failure.message, /git remote set-url origin/);
    const sync1 = await sa.sync();
    assert.equal(sync1.fetch.ok, false);
    assert.equal(sync1.waiting.length, 1);
    renameSync(moved, world.bare);
    // A new Sharing, as after a window reload or in the next CLI run: the queue is on disk.
    const restarted = await open(world, a);
    const sync2 = await restarted.sync();
    assert.deepEqual(sync2.pushed, [file]);
    assert.deepEqual(sync2.waiting, []);
    assert.match(world.git(world.bare, 'show', `async-desk:${file}`), /- offline/);
  });

  it("a pre-receive hook that refuses: queued with the server's words, lands once the hook is gone", async () => {
    const hook = path.join(world.bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "pushes are frozen today" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const sa = await open(world, a);
    const file = 'docs/standups/2026-11-21/alice.md';
    const result = await sa.post({ file, text: standup('alice', '2026-11-21', 'frozen'), author: 'alice', base: null });
    assert.ok(result.kind === 'queued', JSON.stringify(result));
    assert.equal(result.failure.kind, 'hook-rejected');
    assert.match(result.failure.message, /pre-receive hook declined: "pushes are frozen today"/);
    rmSync(hook);
    const report = await sa.sync();
    assert.deepEqual(report.pushed, [file]);
    assert.equal(world.git(world.bare, 'rev-list', '--count', 'async-desk').trim(), '1');
  });

  it('a branch rewritten at the remote (a force push by someone else) is said, taken as it is, and posts go on top', async () => {
    const sa = await open(world, a);
    const sb = await open(world, b);
    await sa.post({ file: 'docs/standups/2026-11-21/alice.md', text: standup('alice', '2026-11-21', 'before'), author: 'alice', base: null });
    assert.ok((await sb.sync()).fetch.ok);
    // Someone replaces the branch with an unrelated root commit.
    const empty = world.git(world.bare, 'mktree').trim();
    const root = world.git(world.bare, 'commit-tree', empty, '-m', 'rewritten').trim();
    world.git(world.bare, 'update-ref', 'refs/heads/async-desk', root);
    const report = await sb.sync();
    assert.ok(report.fetch.ok && report.fetch.rewritten);
    assert.equal(world.git(b, 'rev-parse', 'origin/async-desk').trim(), root);
    const posted = await sb.post({ file: 'docs/standups/2026-11-21/bob.md', text: standup('bob', '2026-11-21', 'after'), author: 'bob', base: null });
    assert.equal(posted.kind, 'pushed');
    assert.equal(world.git(world.bare, 'rev-parse', 'async-desk^').trim(), root);
  });

  it("a machine where git has no identity posts under the author's GitHub no-reply address", async () => {
    const bare = makeWorld(['alice'], { identity: false });
    try {
      const clone = bare.clone('c');
      const sharing = await open(bare, clone);
      assert.equal(
        (await sharing.post({ file: 'docs/standups/2026-11-21/alice.md', text: standup('alice', '2026-11-21', 'x'), author: 'alice', base: null })).kind,
        'pushed',
      );
      assert.equal(bare.git(bare.bare, 'log', '-1', '--format=%an <%ae>', 'async-desk').trim(), 'alice <alice@users.noreply.github.com>');
    } finally {
      bare.cleanup();
    }
  });

  it('a linked worktree of a clone shares its queue and lock: state lives under the common dir, not its .git file', async () => {
    const linked = path.join(world.dir, 'a-linked');
    world.git(a, 'worktree', 'add', '-q', '-b', 'feature', linked);
    const sharing = await open(world, linked);
    assert.equal(sharing.repository.stateDir, path.join(a, '.git', 'async-desk'));
    renameSync(world.bare, `${world.bare}.away`);
    await sharing.post({ file: 'docs/standups/2026-11-21/alice.md', text: standup('alice', '2026-11-21', 'linked'), author: 'alice', base: null });
    renameSync(`${world.bare}.away`, world.bare);
    // The main worktree's Sharing sees the post its linked worktree queued, and sends it.
    const report = await (await open(world, a)).sync();
    assert.deepEqual(report.pushed, ['docs/standups/2026-11-21/alice.md']);
  });

  it('a repository without the remote, and a folder that is no repository, are not shared, and say why', async () => {
    const opts = { branch: 'async-desk', folders: FOLDERS, git: { env: world.env } };
    world.git(a, 'remote', 'remove', 'origin');
    const none = await openSharing({ root: a, ...opts });
    assert.ok(none.kind === 'not-shared' && none.reason === 'no-remote');
    assert.match(none.message, /no remote "origin"/);
    const plain = await openSharing({ root: world.dir, ...opts });
    assert.ok(plain.kind === 'not-shared' && plain.reason === 'not-a-repository');
    const off = await openSharing({ root: b, ...opts, branch: '' });
    assert.ok(off.kind === 'not-shared' && off.reason === 'off');
    const noGit = await openSharing({ root: b, ...opts, git: { env: world.env, gitPath: path.join(world.dir, 'no-such-git') } });
    assert.ok(noGit.kind === 'not-shared' && noGit.reason === 'no-git');
  });
});
