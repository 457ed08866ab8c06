// Reading the sharing branch as last fetched, without a checkout: what arrives there is as untrusted
// as any repository content. A branch written by hand (git fast-import into the bare repository)
// with a symlink to /etc/passwd, a submodule, project code, bad names, a file over the size limit,
// UTF-16 and UTF-8 BOM texts: each bad entry is a problem, nothing is read through a link, and the
// texts decode as the safe reader decodes files. Then the listing cache: a later tree is reached by
// diff-tree from the cached one and equals a listing made from scratch.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { openSharing, sharedFolders, type BranchListing, type Sharing } from '../../../src/core/sharing';
import { CLI, requireBuiltCli } from '../cliHelpers';
import { importCommit, makeWorld, type GitWorld } from './gitFixtures';

const standup = (login: string, date: string) => `---\nauthor: ${login}\ndate: ${date}\n---\n## Done\n- ${login} did things\n## Next\n## Blockers\n`;
const MB = 1024 * 1024;

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('the sharing branch as last fetched (listing, problems, reading)', function () {
  this.timeout(30_000);
  let world: GitWorld;
  let b: string;

  before(requireBuiltCli);
  beforeEach(() => {
    world = makeWorld(['alice', 'bob']);
    b = world.clone('b');
  });
  afterEach(() => world.cleanup());

  const open = async (): Promise<Sharing> => {
    const opened = await openSharing({ root: b, branch: 'async-desk', folders: sharedFolders(), git: { env: world.env } });
    assert.equal(opened.kind, 'shared');
    return (opened as { sharing: Sharing }).sharing;
  };
  const summary = (l: BranchListing) => ({
    standups: l.standups.map((s) => `${s.date}/${s.login}`),
    updates: l.updates.map((u) => `${u.week}/${u.login}`),
    problems: l.problems.map((p) => `${p.code} ${p.file}`),
  });

  it('reports what it will not read, reads the rest, decodes UTF-16 and keeps a UTF-8 BOM', async () => {
    importCommit(world, [
      ['100644', 'README.md', '# async-desk\n'],
      ['120000', 'docs/standups/2026-11-21/evil.md', '/etc/passwd'],
      ['160000', 'docs/standups/2026-11-21/sub.md', 'a'.repeat(40)],
      ['100644', 'docs/standups/2026-11-21/bad name.md', standup('bob', '2026-11-21')],
      ['100644', 'docs/standups/not-a-date/alice.md', standup('alice', '2026-11-21')],
      ['100644', 'docs/standups/2026-11-22/big.md', Buffer.alloc(MB + 1, 0x61)],
      ['100644', 'docs/standups/2026-11-22/carol.md', utf16(standup('carol', '2026-11-22'))],
      ['100644', 'docs/standups/2026-11-22/dave.md', `\uFEFF${standup('dave', '2026-11-22')}`],
      ['100755', 'docs/standups/2026-11-22/erin.md', standup('erin', '2026-11-22')],
      ['100644', 'docs/standups/2026-11-22/Erin.md', standup('Erin', '2026-11-22')],
      ['100644', 'docs/updates/2026-W47-alice.md', '# Week 47\n'],
      ['100644', 'docs/updates/notes.md', 'notes\n'],
      ['100644', 'src/app.js', 'console.log("not here")\n'],
    ]);
    const sharing = await open();
    const report = await sharing.sync();
    assert.ok(report.fetch.ok);
    const listing = await sharing.listing();
    assert.deepEqual(summary(listing), {
      standups: ['2026-11-22/carol', '2026-11-22/dave', '2026-11-22/Erin', '2026-11-22/erin'],
      updates: ['2026-W47/alice'],
      problems: [
        'bad-name-on-branch docs/standups/2026-11-21/bad name.md',
        'symlink-on-branch docs/standups/2026-11-21/evil.md',
        'submodule-on-branch docs/standups/2026-11-21/sub.md',
        'too-large docs/standups/2026-11-22/big.md',
        'bad-name-on-branch docs/standups/not-a-date/alice.md',
        'bad-name-on-branch docs/updates/notes.md',
        'outside-shared-folders src/app.js',
        'duplicate-standup docs/standups/2026-11-22/erin.md',
      ],
    });
    assert.match(
      listing.problems.find((p) => p.code === 'symlink-on-branch')!.message,
      /^docs\/standups\/2026-11-21\/evil\.md on the sharing branch is a symbolic link; ignored/,
    );
    assert.match(listing.problems.find((p) => p.code === 'too-large')!.message, /is 1 MB, over the 1 MB limit; not read\./);
    const texts = await sharing.readBranch(listing.standups.map((s) => ({ file: s.file, blob: s.blob })));
    assert.deepEqual(texts.get('docs/standups/2026-11-22/carol.md'), { ok: true, text: standup('carol', '2026-11-22') });
    assert.deepEqual(texts.get('docs/standups/2026-11-22/dave.md'), { ok: true, text: `\uFEFF${standup('dave', '2026-11-22')}` });
    // Nothing was checked out anywhere in the clone.
    assert.equal(existsSync(path.join(b, 'docs')), false);
    assert.equal(world.git(b, 'status', '--porcelain'), '');
    // `sync` on the command line says what it ignored, in the usual problem shape.
    const cli = spawnSync(process.execPath, [CLI, 'sync', '--root', b], { env: world.env, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stderr, /^docs\/standups\/2026-11-21\/evil\.md:1: docs\/standups\/2026-11-21\/evil\.md on the sharing branch is a symbolic link/m);
  });

  it('a later tree is listed from the cached one (diff-tree), and equals a listing made from scratch', async () => {
    importCommit(world, [
      ['100644', 'README.md', '# async-desk\n'],
      ['100644', 'docs/standups/2026-11-21/alice.md', standup('alice', '2026-11-21')],
      ['100644', 'docs/standups/2026-11-21/bob.md', standup('bob', '2026-11-21')],
    ]);
    const first = await open();
    await first.sync();
    assert.deepEqual(summary(await first.listing()).standups, ['2026-11-21/alice', '2026-11-21/bob']);
    const cache = path.join(b, '.git', 'async-desk', 'branch-listing');
    const headerOf = () => readFileSync(cache, 'utf8').split('\n')[0];
    const tree1 = world.git(b, 'rev-parse', 'origin/async-desk^{tree}').trim();
    assert.equal(headerOf(), `# async-desk branch listing v1 ${tree1}`);

    // Two new posts, one deleted, one changed (bigger than the limit now).
    importCommit(
      world,
      [
        ['100644', 'docs/standups/2026-11-22/alice.md', standup('alice', '2026-11-22')],
        ['100644', 'docs/updates/2026-W48-bob.md', '# 48\n'],
        ['100644', 'docs/standups/2026-11-21/alice.md', Buffer.alloc(MB + 10, 0x62)],
      ],
      { from: true, deletes: ['docs/standups/2026-11-21/bob.md'] },
    );
    const later = await open(); // a new process: only the cache file is known
    const report = await later.sync();
    assert.ok(report.fetch.ok);
    assert.deepEqual([...report.fetch.newPosts].sort(), [
      'docs/standups/2026-11-21/alice.md',
      'docs/standups/2026-11-22/alice.md',
      'docs/updates/2026-W48-bob.md',
    ]);
    const incremental = await later.listing();
    assert.equal(headerOf(), `# async-desk branch listing v1 ${world.git(b, 'rev-parse', 'origin/async-desk^{tree}').trim()}`);
    rmSync(cache);
    const scratch = await (await open()).listing();
    assert.deepEqual(incremental, scratch);
    assert.deepEqual(summary(scratch), {
      standups: ['2026-11-22/alice'],
      updates: ['2026-W48/bob'],
      problems: ['too-large docs/standups/2026-11-21/alice.md'],
    });
  });
});
