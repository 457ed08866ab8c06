// Queueing posts without pushing them (Sharing.enqueue: a file saved in the editor, "Move standups to
// the sharing branch") and sending what waits in ONE commit (Sharing.sync({ oneCommit }), transport.ts
// deliver(t, posts, oneCommit)), with real git: a bare repository on disk as origin and clones as
// teammates (gitFixtures.ts). Each test counts the commits on the bare repository's branch and lists
// the files each one changed; what the user has in a clone (status, stash, HEAD, branch, index,
// FETCH_HEAD) is compared byte for byte before and after. Dates are fixed; nothing reads today.
import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { openSharing, sharedFolders, type NewPost, type Sharing } from '../../../src/core/sharing';
import { fetchSpecMaps } from '../../../src/core/sharing/repository';
import { deliver, type Transport } from '../../../src/core/sharing/transport';
import { makeBusy, makeWorld, onlyFastForwards, reflog, userState, type GitWorld } from './gitFixtures';

const FOLDERS = sharedFolders();
const BRANCH = 'async-desk';
const standup = (login: string, date: string, done: string) => `---\nauthor: ${login}\ndate: ${date}\n---\n## Done\n- ${done}\n## Next\n- more\n## Blockers\n`;
const standupPost = (login: string, date: string, done: string, base: string | null = null): NewPost => ({
  file: `docs/standups/${date}/${login}.md`,
  text: standup(login, date, done),
  author: login,
  base,
});
const MOVE = { subject: 'Move 3 standup(s) from docs/standups in the working tree', author: 'alice' };

async function open(world: GitWorld, root: string): Promise<Sharing> {
  const opened = await openSharing({ root, branch: BRANCH, folders: FOLDERS, git: { env: world.env } });
  assert.equal(opened.kind, 'shared', opened.kind === 'not-shared' ? opened.message : '');
  return (opened as { sharing: Sharing }).sharing;
}

/** The commits on origin's sharing branch, newest first ([] when there is no branch). */
function commits(world: GitWorld): string[] {
  if (world.git(world.bare, 'branch', '--list', BRANCH) === '') return [];
  return world.git(world.bare, 'rev-list', BRANCH).trim().split('\n');
}

/** The files a commit of the bare repository changed (against its parent; all of them for a root commit), sorted. */
function changedBy(world: GitWorld, commit: string): string[] {
  return world.git(world.bare, 'diff-tree', '--no-commit-id', '-r', '--root', '--name-only', commit).trim().split('\n').filter(Boolean).sort();
}

const subjectOf = (world: GitWorld, commit: string) => world.git(world.bare, 'log', '-1', '--format=%s', commit).trim();
const onBranch = (world: GitWorld, file: string) => world.git(world.bare, 'show', `${BRANCH}:${file}`);
const sorted = (files: readonly string[]) => [...files].sort();

describe('queueing posts and sending them in one commit (real repositories)', function () {
  this.timeout(30_000);
  let world: GitWorld;
  let a: string;

  beforeEach(() => {
    world = makeWorld(['alice', 'bob']);
    a = world.clone('a');
  });
  afterEach(() => world.cleanup());

  it("enqueue pushes nothing; sync({ oneCommit }) lands all three posts in one commit with the given subject; the clone's work in progress is untouched", async () => {
    makeBusy(world, a);
    const before = userState(world, a);
    const sa = await open(world, a);
    assert.equal((await sa.post(standupPost('alice', '2026-11-18', 'earlier'))).kind, 'pushed');
    const [tip] = commits(world);

    const posts: NewPost[] = [
      standupPost('alice', '2026-11-19', 'found in the working tree'),
      standupPost('alice', '2026-11-20', 'also found'),
      { file: 'docs/updates/2026-W47-alice.md', text: '# Week 47\n\n- Shipped\n', author: 'alice', base: null },
    ];
    await sa.enqueue(posts);
    assert.deepEqual(commits(world), [tip], 'enqueue pushed nothing');
    const waiting = await sa.queued();
    assert.deepEqual(sorted(waiting.map((q) => q.file)), sorted(posts.map((p) => p.file)));
    for (const q of waiting) {
      assert.equal(q.attempts, 0, q.file);
      assert.equal(q.failure, undefined, q.file);
      assert.equal(q.base, null, q.file);
    }

    const report = await sa.sync({ oneCommit: MOVE });
    assert.ok(report.fetch.ok);
    assert.deepEqual(sorted(report.pushed), sorted(posts.map((p) => p.file)));
    assert.deepEqual(report.waiting, []);
    assert.deepEqual(report.conflicts, []);

    const after = commits(world);
    assert.equal(after.length, 2, 'exactly one new commit');
    assert.equal(world.git(world.bare, 'rev-parse', `${after[0]}^`).trim(), tip, 'on top of the branch as it was');
    assert.equal(subjectOf(world, after[0]!), MOVE.subject);
    assert.deepEqual(changedBy(world, after[0]!), sorted(posts.map((p) => p.file)));
    for (const p of posts) assert.equal(onBranch(world, p.file), p.text, p.file);
    assert.equal(onBranch(world, 'docs/standups/2026-11-18/alice.md'), standup('alice', '2026-11-18', 'earlier'), 'the earlier post stays');
    // The clone's own view of the branch follows (no fetch needed to list what it just pushed).
    assert.equal(world.git(a, 'rev-parse', `origin/${BRANCH}`).trim(), after[0]);
    assert.deepEqual(
      (await sa.listing()).standups.map((s) => s.date),
      ['2026-11-18', '2026-11-19', '2026-11-20'],
    );
    assert.deepEqual(userState(world, a), before);
    assert.ok(onlyFastForwards(world, `refs/heads/${BRANCH}`));
  });

  it('a new branch made by sync({ oneCommit }) is one root commit: the README and every post, no project files', async () => {
    const sa = await open(world, a);
    const posts = [standupPost('alice', '2026-11-19', 'one'), standupPost('bob', '2026-11-19', 'two'), standupPost('alice', '2026-11-20', 'three')];
    await sa.enqueue(posts);
    assert.deepEqual(commits(world), [], 'no branch before the sync');
    const report = await sa.sync({ oneCommit: MOVE });
    assert.deepEqual(sorted(report.pushed), sorted(posts.map((p) => p.file)));
    const [root, ...rest] = commits(world);
    assert.deepEqual(rest, []);
    assert.equal(world.git(world.bare, 'rev-list', '--parents', '-1', root!).trim(), root, 'no parent');
    assert.deepEqual(changedBy(world, root!), sorted(['README.md', ...posts.map((p) => p.file)]));
    assert.equal(
      world.git(world.bare, 'log', '-1', '--format=%B', root!).trim(),
      `${MOVE.subject}\n\nStarts the ${BRANCH} branch: standups and weekly updates, no project code.`,
    );
  });

  it('a post already on the branch with the same text makes no commit; next to a new post, the one commit holds only the new file', async () => {
    const sa = await open(world, a);
    const same = standupPost('alice', '2026-11-19', 'posted already');
    await sa.post(same);
    const [tip] = commits(world);
    const reflogBefore = reflog(world, `refs/heads/${BRANCH}`).length;

    await sa.enqueue([{ ...same, base: await sa.baseOf(same.file) }]);
    const nothing = await sa.sync({ oneCommit: MOVE });
    assert.deepEqual(nothing.pushed, []);
    assert.deepEqual(nothing.waiting, [], 'an unchanged post has landed: it leaves the queue');
    assert.deepEqual(commits(world), [tip], 'no commit');
    assert.equal(reflog(world, `refs/heads/${BRANCH}`).length, reflogBefore, 'no push');

    const fresh = standupPost('alice', '2026-11-20', 'new');
    await sa.enqueue([{ ...same, base: await sa.baseOf(same.file) }, fresh]);
    const one = await sa.sync({ oneCommit: MOVE });
    assert.deepEqual(one.pushed, [fresh.file]);
    assert.deepEqual(one.waiting, []);
    const after = commits(world);
    assert.equal(after.length, 2);
    assert.deepEqual(changedBy(world, after[0]!), [fresh.file]);
  });

  it('a post whose file has another revision on the branch stays queued with its conflict; the others land in one commit; nothing overwritten', async () => {
    const sa = await open(world, a);
    const mine = standupPost('alice', '2026-11-19', 'from the desktop');
    await sa.post(standupPost('alice', '2026-11-19', 'from the laptop'));
    const [tip] = commits(world);
    const theirsBlob = world.git(world.bare, 'rev-parse', `${BRANCH}:${mine.file}`).trim();

    // Clone B edited the file without ever seeing the laptop's revision (base null).
    const b = world.clone('b');
    makeBusy(world, b);
    const before = userState(world, b);
    const sb = await open(world, b);
    const others = [standupPost('bob', '2026-11-19', 'bob'), { file: 'docs/updates/2026-W47-bob.md', text: '# 47\n', author: 'bob', base: null }];
    await sb.enqueue([mine, ...others]);
    const report = await sb.sync({ oneCommit: MOVE });

    assert.deepEqual(report.conflicts, [{ file: mine.file, mine: mine.text, theirs: standup('alice', '2026-11-19', 'from the laptop'), theirsBlob }]);
    assert.deepEqual(sorted(report.pushed), sorted(others.map((p) => p.file)));
    assert.deepEqual(
      report.waiting.map((q) => [q.file, q.text, q.base, q.conflict?.theirsBlob, q.attempts]),
      [[mine.file, mine.text, null, theirsBlob, 1]],
    );
    const after = commits(world);
    assert.equal(after.length, 2, 'exactly one new commit');
    assert.equal(world.git(world.bare, 'rev-parse', `${after[0]}^`).trim(), tip);
    assert.equal(subjectOf(world, after[0]!), MOVE.subject);
    assert.deepEqual(changedBy(world, after[0]!), sorted(others.map((p) => p.file)));
    assert.equal(onBranch(world, mine.file), standup('alice', '2026-11-19', 'from the laptop'), 'the other revision is not overwritten');

    // Editing it again keeps the revision it was first edited from: still a conflict, still nothing overwritten.
    await sb.enqueue([{ ...mine, text: standup('alice', '2026-11-19', 'desktop, again'), base: theirsBlob }]);
    const [again] = await sb.queued();
    assert.equal(again!.base, null);
    const second = await sb.sync({ oneCommit: MOVE });
    assert.deepEqual(
      second.conflicts.map((c) => [c.file, c.theirsBlob]),
      [[mine.file, theirsBlob]],
    );
    assert.deepEqual(commits(world), after);
    assert.equal(onBranch(world, mine.file), standup('alice', '2026-11-19', 'from the laptop'));
    assert.deepEqual(userState(world, b), before);
    assert.ok(onlyFastForwards(world, `refs/heads/${BRANCH}`));
  });

  it('enqueue: a newer text of a waiting file replaces its text and keeps its base, queuedAt and attempts', async () => {
    const sa = await open(world, a);
    const file = 'docs/standups/2026-11-19/alice.md';
    // A post that could not be pushed (the remote moved away) waits with one attempt counted.
    renameSync(world.bare, `${world.bare}.away`);
    assert.equal((await sa.post({ file, text: standup('alice', '2026-11-19', 'v1'), author: 'alice', base: null })).kind, 'queued');
    const [first] = await sa.queued();
    assert.ok(first);
    assert.equal(first.attempts, 1);
    await new Promise((resolve) => setTimeout(resolve, 15)); // a later enqueue would have a later queuedAt

    await sa.enqueue([{ file, text: standup('alice', '2026-11-19', 'v2'), author: 'alice', base: 'f'.repeat(40) }]);
    const waiting = await sa.queued();
    assert.equal(waiting.length, 1, 'one entry per file');
    assert.equal(waiting[0]!.text, standup('alice', '2026-11-19', 'v2'), 'the newest text');
    assert.equal(waiting[0]!.base, null, "the waiting entry's base");
    assert.equal(waiting[0]!.queuedAt, first.queuedAt);
    assert.equal(waiting[0]!.attempts, first.attempts);

    // The newest text is what the next sync sends.
    renameSync(`${world.bare}.away`, world.bare);
    const report = await sa.sync();
    assert.deepEqual(report.pushed, [file]);
    assert.equal(onBranch(world, file), standup('alice', '2026-11-19', 'v2'));
  });

  it('enqueue refuses a path that is not a standup or weekly update, and then queues none of the posts it was given', async () => {
    const sa = await open(world, a);
    const good = standupPost('alice', '2026-11-19', 'fine');
    const bad = [
      'README.md',
      'app.js',
      'src/app.js',
      '.github/team.yml',
      '.git/config',
      '/etc/passwd',
      'docs/standups/2026-11-19/../../../app.js',
      'docs/standups/2026-11-19/alice.txt',
      'docs/standups/not-a-date/alice.md',
      'docs/standups/2026-11-19/sub/alice.md',
      'docs/updates/notes.md',
      'docs/decisions/0001-use-git.md',
    ];
    for (const file of bad) {
      await assert.rejects(sa.enqueue([good, { file, text: 'x\n', author: 'alice', base: null }]), /is not a standup or weekly update path/, file);
      assert.deepEqual(await sa.queued(), [], `nothing queued for ${file}`);
    }
    assert.deepEqual(commits(world), []);
  });

  it('the next plain sync pushes what was queued, one commit each with its own subject', async () => {
    const sa = await open(world, a);
    await sa.enqueue([
      standupPost('alice', '2026-11-19', 'a standup'),
      { file: 'docs/updates/2026-W47-alice.md', text: '# Week 47\n', author: 'alice', base: null },
    ]);
    assert.deepEqual(commits(world), []);
    const report = await sa.sync();
    assert.deepEqual(sorted(report.pushed), ['docs/standups/2026-11-19/alice.md', 'docs/updates/2026-W47-alice.md']);
    assert.deepEqual(report.waiting, []);
    const after = commits(world);
    assert.equal(after.length, 2);
    assert.deepEqual(sorted(after.map((c) => subjectOf(world, c))), ['Standup: @alice, 2026-11-19', 'Weekly update: @alice, 2026-W47']);
    for (const c of after) assert.equal(changedBy(world, c).filter((f) => f !== 'README.md').length, 1, subjectOf(world, c));
  });

  it('offline: sync({ oneCommit }) keeps every post queued with the reason; with the remote back, they land in one commit', async () => {
    const sa = await open(world, a);
    await sa.post(standupPost('alice', '2026-11-18', 'online'));
    const [tip] = commits(world);
    renameSync(world.bare, `${world.bare}.away`);
    const posts = [standupPost('alice', '2026-11-19', 'x'), standupPost('alice', '2026-11-20', 'y'), standupPost('bob', '2026-11-20', 'z')];
    await sa.enqueue(posts);
    const offline = await sa.sync({ oneCommit: MOVE });
    assert.equal(offline.fetch.ok, false);
    assert.deepEqual(offline.pushed, []);
    assert.deepEqual(sorted(offline.waiting.map((q) => `${q.file} ${q.failure?.kind}`)), sorted(posts.map((p) => `${p.file} remote-gone`)));
    renameSync(`${world.bare}.away`, world.bare);
    const back = await (await open(world, a)).sync({ oneCommit: MOVE });
    assert.deepEqual(sorted(back.pushed), sorted(posts.map((p) => p.file)));
    const after = commits(world);
    assert.deepEqual(after.slice(1), [tip]);
    assert.deepEqual(changedBy(world, after[0]!), sorted(posts.map((p) => p.file)));
  });

  it("a machine where git has no identity: the one commit is authored with oneCommit.author's GitHub no-reply address", async () => {
    const bare = makeWorld(['alice', 'bob'], { identity: false });
    try {
      const clone = bare.clone('c');
      const sharing = await open(bare, clone);
      await sharing.enqueue([standupPost('alice', '2026-11-19', 'x'), standupPost('bob', '2026-11-19', 'y')]);
      const report = await sharing.sync({ oneCommit: { subject: 'Move 2 standup(s)', author: 'bob' } });
      assert.equal(report.pushed.length, 2);
      assert.equal(bare.git(bare.bare, 'log', '-1', '--format=%an <%ae>|%s', BRANCH).trim(), 'bob <bob@users.noreply.github.com>|Move 2 standup(s)');
    } finally {
      bare.cleanup();
    }
  });

  describe('deliver(t, posts, oneCommit)', () => {
    const transportOf = (sharing: Sharing, cwd: string): Transport => ({
      git: sharing.git,
      cwd,
      remote: sharing.remote,
      remoteUrl: sharing.remoteUrl,
      branch: sharing.branch,
      folders: sharing.folders,
      oidLength: sharing.repository.oidLength,
      maxAttempts: 5,
      random: () => 0,
      pushUpdatesTracking: fetchSpecMaps(sharing.repository.fetchSpecs, sharing.branch, sharing.trackingRef),
    });

    it('from a stale clone: the push is rejected once, built again on the new tip, and is still one commit', async () => {
      const sa = await open(world, a);
      await sa.post(standupPost('alice', '2026-11-18', 'first'));
      // Someone else posts: the branch moves on; clone A has not fetched since.
      const b = world.clone('b');
      const bobs = standupPost('bob', '2026-11-19', 'meanwhile');
      assert.equal((await (await open(world, b)).post(bobs)).kind, 'pushed');
      const [theirTip] = commits(world);
      assert.notEqual(world.git(a, 'rev-parse', `origin/${BRANCH}`).trim(), theirTip, 'A is stale');

      const posts = [standupPost('alice', '2026-11-19', 'p'), standupPost('alice', '2026-11-20', 'q'), standupPost('alice', '2026-11-21', 'r')];
      const delivery = await deliver(transportOf(sa, a), posts, MOVE);
      assert.equal(delivery.failure, undefined);
      assert.equal(delivery.attempts, 2, 'rejected once, then landed');
      assert.deepEqual(sorted(delivery.landed), sorted(posts.map((p) => p.file)));
      assert.deepEqual(delivery.unchanged, []);
      const after = commits(world);
      assert.equal(after.length, 3, "the first post, Bob's, and one commit for the three");
      assert.equal(delivery.commit, after[0]);
      assert.equal(world.git(world.bare, 'rev-parse', `${after[0]}^`).trim(), theirTip, "built on Bob's post");
      assert.deepEqual(changedBy(world, after[0]!), sorted(posts.map((p) => p.file)));
      assert.equal(onBranch(world, bobs.file), bobs.text, "Bob's post is kept");
      assert.equal(world.git(a, 'rev-parse', `origin/${BRANCH}`).trim(), after[0], 'the tracking ref follows the push');
      assert.ok(onlyFastForwards(world, `refs/heads/${BRANCH}`));
    });

    it('only unchanged posts: landed and unchanged, no commit, no push', async () => {
      const sa = await open(world, a);
      const p = standupPost('alice', '2026-11-19', 'same');
      await sa.post(p);
      const before = commits(world);
      const delivery = await deliver(transportOf(sa, a), [{ ...p, base: await sa.baseOf(p.file) }], MOVE);
      assert.deepEqual(delivery, { landed: [p.file], unchanged: [p.file], conflicts: [], attempts: 1 });
      assert.deepEqual(commits(world), before);
    });

    it('identical texts in two files: both written, in one commit', async () => {
      const sa = await open(world, a);
      const text = '# Nothing to report\n';
      const posts = [
        { file: 'docs/updates/2026-W47-alice.md', text, author: 'alice', base: null },
        { file: 'docs/updates/2026-W48-alice.md', text, author: 'alice', base: null },
      ];
      const delivery = await deliver(transportOf(sa, a), posts, MOVE);
      assert.deepEqual(
        sorted(delivery.landed),
        posts.map((p) => p.file),
      );
      const [root] = commits(world);
      assert.deepEqual(changedBy(world, root!), ['README.md', ...posts.map((p) => p.file)]);
      for (const p of posts) assert.equal(onBranch(world, p.file), text);
    });
  });
});
