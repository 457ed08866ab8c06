// `async-desk standup post`, `async-desk sync` and `async-desk standups` over the sharing branch, and
// `async-desk check` on what the branch holds as last fetched, run as a terminal would (dist/cli.js)
// in real clones of a bare repository (gitFixtures.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, requireBuiltCli } from '../cliHelpers';
import { importCommit, makeBusy, makeWorld, userState, type GitWorld } from './gitFixtures';

type Run = { status: number | null; stdout: string; stderr: string };

function cli(world: GitWorld, cwd: string, ...args: string[]): Run {
  return cliWithEnv(world, {}, cwd, ...args);
}

function cliWithEnv(world: GitWorld, env: NodeJS.ProcessEnv, cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...world.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BODY = '## Done\n- Shipped the ledger export\n## Next\n- Review the migration\n## Blockers\n- [ ] Staging credentials from @bob\n';

describe('async-desk standup post / sync / standups (sharing branch)', function () {
  this.timeout(60_000);
  let world: GitWorld;
  let a: string;
  let b: string;

  before(requireBuiltCli);
  beforeEach(() => {
    world = makeWorld(['alice:Asia/Tokyo', 'bob']);
    a = world.clone('a');
    b = world.clone('b');
    writeFileSync(path.join(world.dir, 'standup.md'), BODY);
  });
  afterEach(() => world.cleanup());

  const queueOf = (clone: string) => {
    const dir = path.join(clone, '.git', 'async-desk', 'queue');
    return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  };

  it("posts from clone A (front matter filled in, dated by the author's own day); clone B reads it after sync", () => {
    makeBusy(world, a);
    const before = userState(world, a);
    // 20:00 UTC is already the next day in Tokyo.
    const post = cli(world, world.dir, 'standup', 'post', '--root', a, '--author', '@alice', '--now', '2026-11-23T20:00:00Z', '--file', 'standup.md');
    assert.equal(post.status, 0, post.stderr);
    assert.match(post.stdout, /^Posted docs\/standups\/2026-11-24\/alice\.md to async-desk \([0-9a-f]{12}\)\.\n$/);
    assert.equal(post.stderr, '');
    assert.deepEqual(userState(world, a), before);
    assert.equal(world.git(world.bare, 'show', 'async-desk:docs/standups/2026-11-24/alice.md'), `---\nauthor: alice\ndate: 2026-11-24\n---\n${BODY}`);

    // Before a sync, B sees nothing; after it, the post, with `file` the path inside the branch.
    const none = JSON.parse(cli(world, b, 'standups', '--date', '2026-11-24', '--now', '2026-11-24T06:00:00Z', '--json').stdout) as {
      github: string;
      status: string;
    }[];
    assert.equal(none.find((r) => r.github === 'alice')!.status, 'missing');
    const synced = cli(world, b, 'sync');
    assert.equal(synced.status, 0, synced.stderr);
    assert.equal(synced.stdout, 'pushed 0, fetched 1 new post\n');
    const rows = JSON.parse(cli(world, b, 'standups', '--date', '2026-11-24', '--now', '2026-11-24T06:00:00Z', '--json').stdout) as Record<string, unknown>[];
    const alice = rows.find((r) => r.github === 'alice')!;
    assert.equal(alice.status, 'posted');
    assert.equal(alice.file, 'docs/standups/2026-11-24/alice.md');
    assert.deepEqual(alice.blockers, ['Staging credentials from @bob']);
    assert.equal(world.git(b, 'status', '--porcelain'), '');
    // A second sync brings nothing new.
    assert.equal(cli(world, b, 'sync').stdout, 'pushed 0, fetched 0 new posts\n');
  });

  it('invalid input is exit 1 and queues nothing: unknown author, bad date, not a standup, another author or day in the file', () => {
    const cases: [string[], RegExp][] = [
      [['--author', 'mallory', '--file', 'standup.md'], /@mallory is not a member of the team file/],
      [['--author', 'alice', '--date', '2026-02-30', '--file', 'standup.md'], /--date must be a date/],
      [['--author', 'alice', '--file', 'nothing.md'], /nothing\.md does not exist/],
      [['--author', 'alice'], /needs --file FILE\.md/],
      [['--author', 'alice', '--file', 'standup.md', '--bogus'], /Unknown option '--bogus'/],
      [['--author', 'alice', '--file', 'notes.md'], /No "## Next" section/],
      [['--author', 'alice', '--file', 'bob.md'], /author "bob", not "alice"/],
      [['--author', 'alice', '--date', '2026-11-21', '--file', 'dated.md'], /date 2026-11-20, not 2026-11-21/],
    ];
    writeFileSync(path.join(world.dir, 'notes.md'), '## Done\n- x\n');
    writeFileSync(path.join(world.dir, 'bob.md'), `---\nauthor: bob\n---\n${BODY}`);
    writeFileSync(path.join(world.dir, 'dated.md'), `---\ndate: 2026-11-20\n---\n${BODY}`);
    for (const [args, message] of cases) {
      const r = cli(world, world.dir, 'standup', 'post', '--root', a, ...args);
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
    }
    assert.deepEqual(queueOf(a), []);
    assert.equal(world.git(world.bare, 'branch', '--list', 'async-desk'), '');
  });

  it('offline (the remote moved away): exit 2 with the reason, read back from the queue, sent by the next sync', () => {
    const moved = `${world.bare}.moved`;
    renameSync(world.bare, moved);
    const post = cli(world, world.dir, 'standup', 'post', '--root', a, '--author', 'bob', '--date', '2026-11-21', '--file', 'standup.md');
    assert.equal(post.status, 2);
    assert.match(post.stderr, /waiting to be posted: remote not found\. The remote "origin" \(.*origin\.git\) was not found/);
    assert.equal(queueOf(a).length, 1);
    // The queued post counts as posted in this clone's own digest.
    const rows = JSON.parse(cli(world, a, 'standups', '--date', '2026-11-21', '--now', '2026-11-21T12:00:00Z', '--json').stdout) as Record<string, unknown>[];
    assert.deepEqual([rows.find((r) => r.github === 'bob')!.status, rows.find((r) => r.github === 'bob')!.file], ['posted', 'docs/standups/2026-11-21/bob.md']);
    const failed = cli(world, a, 'sync');
    assert.equal(failed.status, 2);
    assert.match(failed.stdout, /^pushed 0, fetch failed: remote not found\n$/);
    assert.match(failed.stderr, /waiting to be posted: docs\/standups\/2026-11-21\/bob\.md: remote not found/);
    renameSync(moved, world.bare);
    const synced = cli(world, a, 'sync');
    assert.equal(synced.status, 0, synced.stderr);
    assert.equal(synced.stdout, 'pushed 1, fetched 0 new posts\n');
    assert.deepEqual(queueOf(a), []);
  });

  it('two machines of one person: the second post is not written over the first; --replace puts it over', () => {
    assert.equal(cli(world, world.dir, 'standup', 'post', '--root', a, '--author', 'bob', '--date', '2026-11-21', '--file', 'standup.md').status, 0);
    writeFileSync(path.join(world.dir, 'other.md'), BODY.replace('Shipped the ledger export', 'Something else'));
    const second = cli(world, world.dir, 'standup', 'post', '--root', b, '--author', 'bob', '--date', '2026-11-21', '--file', 'other.md');
    assert.equal(second.status, 2);
    assert.match(second.stderr, /not posted: async-desk has another revision of docs\/standups\/2026-11-21\/bob\.md/);
    assert.match(world.git(world.bare, 'show', 'async-desk:docs/standups/2026-11-21/bob.md'), /Shipped the ledger export/);
    const sync = cli(world, b, 'sync');
    assert.equal(sync.status, 2);
    assert.match(sync.stderr, /waiting to be posted: docs\/standups\/2026-11-21\/bob\.md: another revision is on async-desk/);
    const replaced = cli(world, world.dir, 'standup', 'post', '--root', b, '--author', 'bob', '--date', '2026-11-21', '--file', 'other.md', '--replace');
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.match(world.git(world.bare, 'show', 'async-desk:docs/standups/2026-11-21/bob.md'), /Something else/);
    assert.deepEqual(queueOf(b), []);
  });

  it('no remote: written to the working tree, exit 2 "not shared"; sharing.branch "": the working tree, exit 0', () => {
    world.git(a, 'remote', 'remove', 'origin');
    const noRemote = cli(world, world.dir, 'standup', 'post', '--root', a, '--author', 'bob', '--date', '2026-11-21', '--file', 'standup.md');
    assert.equal(noRemote.status, 2);
    assert.match(noRemote.stderr, /Not shared: the repository has no remote "origin".* Written to docs\/standups\/2026-11-21\/bob\.md in the working tree/);
    assert.match(readFileSync(path.join(a, 'docs/standups/2026-11-21/bob.md'), 'utf8'), /^---\nauthor: bob\ndate: 2026-11-21\n---\n## Done/);
    assert.equal(cli(world, a, 'sync').status, 2);

    writeFileSync(path.join(b, '.github', 'team.yml'), `${readFileSync(path.join(b, '.github', 'team.yml'), 'utf8')}sharing:\n  branch: ""\n`);
    const off = cli(world, world.dir, 'standup', 'post', '--root', b, '--author', 'bob', '--date', '2026-11-21', '--file', 'standup.md');
    assert.equal(off.status, 0, off.stderr);
    assert.match(off.stdout, /^Written to docs\/standups\/2026-11-21\/bob\.md \(Sharing is off/);
    assert.ok(existsSync(path.join(b, 'docs/standups/2026-11-21/bob.md')));
    assert.match(cli(world, b, 'sync').stdout, /^Nothing to sync: Sharing is off/);
    assert.equal(world.git(world.bare, 'branch', '--list', 'async-desk'), '');
  });
});

describe('async-desk check: the sharing branch as last fetched', function () {
  this.timeout(60_000);
  let world: GitWorld;
  let b: string;

  before(requireBuiltCli);
  beforeEach(() => {
    world = makeWorld(['alice', 'bob']);
    b = world.clone('b');
    // A branch pushed by hand: one good standup, a symlink to /etc/passwd, project code, a file over the 1 MB limit.
    importCommit(world, [
      ['100644', 'README.md', '# async-desk\n'],
      ['100644', 'docs/standups/2026-11-21/alice.md', `---\nauthor: alice\ndate: 2026-11-21\n---\n${BODY}`],
      ['120000', 'docs/standups/2026-11-21/evil.md', '/etc/passwd'],
      ['100644', 'src/app.js', 'console.log("not here")\n'],
      ['100644', 'docs/standups/2026-11-21/big.md', Buffer.alloc(1024 * 1024 + 1, 0x61)],
    ]);
  });
  afterEach(() => world.cleanup());

  const HOSTILE = [
    'docs/standups/2026-11-21/big.md:1: docs/standups/2026-11-21/big.md on the sharing branch is 1 MB, over the 1 MB limit; not read.',
    'docs/standups/2026-11-21/evil.md:1: docs/standups/2026-11-21/evil.md on the sharing branch is a symbolic link; ignored (only regular files are read from the sharing branch).',
    'src/app.js:1: src/app.js on the sharing branch is outside docs/standups/ and docs/updates/; ignored (only standups and weekly updates are read from the sharing branch)',
  ];
  const CLEAN = 'No problems found.\n';

  it('reports each entry it will not read with file and line, exit 1; only once fetched, and without fetching again', () => {
    // Never fetched: nothing on the branch is known here.
    const unfetched = cli(world, b, 'check', '--today', '2026-11-21');
    assert.deepEqual([unfetched.status, unfetched.stdout, unfetched.stderr], [0, CLEAN, '']);

    assert.equal(cli(world, b, 'sync').status, 0);
    const tracking = world.git(b, 'rev-parse', 'origin/async-desk').trim();
    const check = cli(world, b, 'check', '--today', '2026-11-21');
    assert.equal(check.status, 1, check.stderr);
    assert.equal(check.stdout, `${HOSTILE.join('\n')}\n`);
    assert.equal(check.stderr, '');
    // Nothing of the branch was checked out to be checked.
    assert.equal(existsSync(path.join(b, 'docs')), false);
    assert.equal(world.git(b, 'status', '--porcelain'), '');

    // The remote's branch is cleaned up meanwhile: check still says what this clone last fetched.
    importCommit(world, [], { from: true, deletes: ['docs/standups/2026-11-21/evil.md', 'src/app.js', 'docs/standups/2026-11-21/big.md'] });
    const stale = cli(world, b, 'check', '--today', '2026-11-21');
    assert.deepEqual([stale.status, stale.stdout], [1, check.stdout]);
    assert.equal(world.git(b, 'rev-parse', 'origin/async-desk').trim(), tracking, 'check fetched nothing');
    // No git command of check goes to the network (ASYNC_DESK_GIT_LOG=1 lists each one on stderr).
    const logged = cliWithEnv(world, { ASYNC_DESK_GIT_LOG: '1' }, b, 'check', '--today', '2026-11-21');
    assert.equal(logged.status, 1);
    const commands = logged.stderr.split('\n').filter((l) => l.startsWith('async-desk: git '));
    assert.ok(commands.length > 0, logged.stderr);
    assert.deepEqual(
      commands.filter((l) => /^async-desk: git (fetch|push|ls-remote|pull|remote update)\b/.test(l)),
      [],
    );
    // Nor does it need the remote at all.
    renameSync(world.bare, `${world.bare}.away`);
    const offline = cli(world, b, 'check', '--today', '2026-11-21');
    assert.deepEqual([offline.status, offline.stdout, offline.stderr], [1, check.stdout, '']);
    renameSync(`${world.bare}.away`, world.bare);

    // After the next sync the clone has the cleaned-up branch: no problems.
    assert.equal(cli(world, b, 'sync').status, 0);
    const fixed = cli(world, b, 'check', '--today', '2026-11-21');
    assert.deepEqual([fixed.status, fixed.stdout, fixed.stderr], [0, CLEAN, '']);
  });

  it("the branch's problems are sorted in with the working tree's", () => {
    assert.equal(cli(world, b, 'sync').status, 0);
    mkdirSync(path.join(b, 'docs', 'standups', '2026-11-21'), { recursive: true });
    writeFileSync(path.join(b, 'docs', 'standups', '2026-11-21', 'bob.md'), '---\nauthor: alice\n---\n## Done\n## Next\n## Blockers\n');
    const check = cli(world, b, 'check', '--today', '2026-11-21');
    assert.equal(check.status, 1, check.stderr);
    const files = check.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(0, l.indexOf(':')));
    assert.ok(files.includes('docs/standups/2026-11-21/bob.md'), check.stdout);
    for (const line of HOSTILE) assert.ok(check.stdout.includes(`${line}\n`), `${line} in:\n${check.stdout}`);
    assert.deepEqual(files, [...files].sort(), 'sorted by file');
  });

  it('not shared: sharing.branch "", no remote, not a repository or no git: nothing of the branch, no error, exit 0', () => {
    assert.equal(cli(world, b, 'sync').status, 0); // the hostile branch is in the clone, as last fetched
    const team = path.join(b, '.github', 'team.yml');
    const teamText = readFileSync(team, 'utf8');

    writeFileSync(team, `${teamText}sharing:\n  branch: ""\n`);
    const off = cli(world, b, 'check', '--today', '2026-11-21');
    assert.deepEqual([off.status, off.stdout, off.stderr], [0, CLEAN, '']);
    writeFileSync(team, teamText);

    // git is not on PATH: not shared (and check does not fail for it).
    const noGit = cliWithEnv(world, { PATH: path.join(world.dir, 'no-bin') }, b, 'check', '--today', '2026-11-21');
    assert.deepEqual([noGit.status, noGit.stdout, noGit.stderr], [0, CLEAN, '']);

    world.git(b, 'remote', 'remove', 'origin');
    const noRemote = cli(world, b, 'check', '--today', '2026-11-21');
    assert.deepEqual([noRemote.status, noRemote.stdout, noRemote.stderr], [0, CLEAN, '']);

    const plain = path.join(world.dir, 'plain');
    mkdirSync(path.join(plain, '.github'), { recursive: true });
    writeFileSync(path.join(plain, '.github', 'team.yml'), teamText);
    const notRepo = cli(world, plain, 'check', '--today', '2026-11-21');
    assert.deepEqual([notRepo.status, notRepo.stdout, notRepo.stderr], [0, CLEAN, '']);
  });
});
