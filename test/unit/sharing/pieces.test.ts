// The pieces under the transport, one by one: the git runner's environment (credentials only through
// GIT_CONFIG_*, appended after the caller's; variables that would point git elsewhere removed),
// redaction, the timeout; what each git failure means; the lock between processes; the merged view
// of branch, queue and working tree; filling in a standup's front matter for the CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fillFrontMatter } from '../../../src/cli/commands/standupPost';
import { classifyGitFailure, GitError, GitRunner, mergeStandups, tokenConfig } from '../../../src/core/sharing';
import { withLock } from '../../../src/core/sharing/lock';
import { PostQueue } from '../../../src/core/sharing/queue';

const WHERE = { remote: 'origin', branch: 'async-desk', remoteUrl: 'https://github.com/acme/app.git' };
const failure = (stderr: string, code = 128) => classifyGitFailure(new GitError('git push', code, stderr, false), WHERE);

describe('sharing: the pieces', () => {
  describe('GitRunner', () => {
    const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const secretConfig = tokenConfig('https://github.com/acme/app.git', TOKEN);

    it("credentials reach git only through GIT_CONFIG_*, for network commands, after the caller's own entries", () => {
      const git = new GitRunner({ env: { PATH: '/bin', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'a.b', GIT_CONFIG_VALUE_0: 'c' }, secretConfig });
      assert.deepEqual(secretConfig, [
        { key: 'http.https://github.com/.extraHeader', value: `Authorization: Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}` },
      ]);
      const network = git.environment({ network: true });
      assert.equal(network.GIT_CONFIG_COUNT, '2');
      assert.equal(network.GIT_CONFIG_KEY_0, 'a.b');
      assert.equal(network.GIT_CONFIG_KEY_1, 'http.https://github.com/.extraHeader');
      const local = git.environment({ readOnly: true });
      assert.equal(local.GIT_CONFIG_COUNT, '1');
      assert.equal(local.GIT_OPTIONAL_LOCKS, '0');
      assert.equal(
        Object.values(local).some((v) => v?.includes('Authorization')),
        false,
      );
      assert.equal(network.GIT_OPTIONAL_LOCKS, undefined);
      assert.equal(network.LC_ALL, 'C');
      assert.equal(network.GIT_TERMINAL_PROMPT, '0');
    });

    it('a token only for HTTP(S) remotes; new credentials later are used and redacted from then on', () => {
      assert.deepEqual(tokenConfig('git@github.com:acme/app.git', TOKEN), []);
      assert.deepEqual(tokenConfig('ssh://git@github.com/acme/app.git', TOKEN), []);
      const git = new GitRunner({ env: {} });
      assert.equal(git.environment({ network: true }).GIT_CONFIG_COUNT, undefined);
      git.useCredentials(secretConfig, [TOKEN]);
      assert.equal(git.hasCredentials, true);
      assert.equal(git.environment({ network: true }).GIT_CONFIG_KEY_0, 'http.https://github.com/.extraHeader');
      assert.equal(git.redact(`x ${TOKEN} y`), 'x *** y');
    });

    it("drops variables that would point git at another repository or index (a hook's GIT_DIR, GIT_INDEX_FILE)", () => {
      const env = new GitRunner({ env: { GIT_DIR: '/elsewhere', GIT_INDEX_FILE: '/x/index', GIT_WORK_TREE: '/w', HOME: '/h' } }).environment({});
      assert.equal(env.GIT_DIR, undefined);
      assert.equal(env.GIT_INDEX_FILE, undefined);
      assert.equal(env.GIT_WORK_TREE, undefined);
      assert.equal(env.HOME, '/h');
    });

    it('redacts the token, its Basic header, credentials in URLs and any Authorization header', () => {
      const git = new GitRunner({ secretConfig, secrets: [TOKEN] });
      const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
      const text = `token ${TOKEN}; header Authorization: Basic ${basic}; url https://user:${TOKEN}@github.com/a/b; Authorization: Bearer zzz`;
      const redacted = git.redact(text);
      assert.equal(redacted.includes(TOKEN) || redacted.includes(basic) || redacted.includes('zzz'), false, redacted);
      assert.match(redacted, /url https:\/\/\*\*\*@github\.com\/a\/b/);
    });

    it('a command that does not end in time is killed and says so; a missing binary says that', async () => {
      const slow = new GitRunner({ gitPath: process.execPath });
      await assert.rejects(
        slow.run(['-e', 'setTimeout(() => {}, 10000)'], { cwd: tmpdir(), timeoutMs: 200 }),
        (e: unknown) => e instanceof GitError && e.timedOut,
      );
      const missing = new GitRunner({ gitPath: '/nonexistent/git' });
      await assert.rejects(missing.run(['version'], { cwd: tmpdir() }), (e: unknown) => e instanceof GitError && e.spawnCode === 'ENOENT');
      assert.equal(classifyGitFailure(new GitError('git fetch', null, '', true), WHERE).kind, 'offline');
      assert.equal(classifyGitFailure(new GitError('git fetch', null, '', false, 'ENOENT'), WHERE).kind, 'no-git');
    });
  });

  describe('what a git failure means', () => {
    const cases: [string, string][] = [
      ["fatal: unable to access 'https://github.com/acme/app.git/': Could not resolve host: github.com", 'offline'],
      ["fatal: unable to access 'https://github.com/acme/app.git/': Failed to connect to github.com port 443 after 3 ms: Connection refused", 'offline'],
      ['ssh: connect to host github.com port 22: Network is unreachable\nfatal: Could not read from remote repository.', 'offline'],
      ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'auth'],
      ["remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/app.git/'", 'auth'],
      ['git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.', 'auth'],
      ['remote: Permission to acme/app.git denied to bob.\nfatal: unable to access ...: The requested URL returned error: 403', 'auth'],
      ["remote: Repository not found.\nfatal: repository 'https://github.com/acme/app.git/' not found", 'remote-gone'],
      ["fatal: '/srv/git/app.git' does not appear to be a git repository\nfatal: Could not read from remote repository.", 'remote-gone'],
      [' ! [rejected]        abc -> async-desk (fetch first)\nerror: failed to push some refs', 'non-fast-forward'],
      [' ! [rejected]        abc -> async-desk (non-fast-forward)', 'non-fast-forward'],
      [" ! [remote rejected] abc -> async-desk (cannot lock ref 'refs/heads/async-desk': is at 1 but expected 2)", 'non-fast-forward'],
      [
        'remote: error: GH006: Protected branch update failed for refs/heads/async-desk.\n ! [remote rejected] abc -> async-desk (protected branch hook declined)',
        'hook-rejected',
      ],
      ['fatal: the remote end hung up unexpectedly', 'other'],
    ];
    for (const [stderr, kind] of cases) {
      it(`${kind}: ${stderr.split('\n').pop()!.slice(0, 70)}`, () => {
        const f = failure(stderr);
        assert.equal(f.kind, kind);
        assert.ok(f.reason && f.message.length > 20, f.message);
      });
    }

    it('a protected branch says which rule and what to do', () => {
      const f = failure('remote: error: GH006: Protected branch update failed.\n ! [remote rejected] abc -> async-desk (protected branch hook declined)');
      assert.match(f.message, /\(protected branch hook declined: "error: GH006: Protected branch update failed\."\)/);
      assert.match(f.message, /Ask the repository's admins to allow pushes to async-desk/);
    });
  });

  describe('the lock', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'async-desk-lock-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('one holder at a time', async () => {
      const lock = path.join(dir, 'lock');
      const events: string[] = [];
      const hold = (name: string) =>
        withLock(lock, async () => {
          events.push(`${name} in`);
          await new Promise((r) => setTimeout(r, 30));
          events.push(`${name} out`);
        });
      await Promise.all([hold('a'), hold('b'), hold('c')]);
      for (let i = 0; i < events.length; i += 2) assert.equal(events[i]!.split(' ')[0], events[i + 1]!.split(' ')[0], events.join(', '));
    });

    it('a lock left by a process that is gone is taken over; a live holder is waited for, then given up on', async () => {
      const lock = path.join(dir, 'lock');
      writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), at: Date.now(), token: 'dead' }));
      assert.equal(await withLock(lock, () => Promise.resolve('ran'), { waitMs: 500 }), 'ran');
      writeFileSync(lock, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), at: Date.now(), token: 'alive' }));
      await assert.rejects(
        withLock(lock, () => Promise.resolve('ran'), { waitMs: 100 }),
        /Another Async Desk process is sharing/,
      );
    });
  });

  it('the queue: one entry per file, newest text, oldest first; unreadable entries skipped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'async-desk-queue-'));
    try {
      const queue = new PostQueue(dir);
      await queue.put({ file: 'docs/standups/2026-11-22/bob.md', text: 'b', author: 'bob', base: null, queuedAt: '2026-11-22T10:00:00Z', attempts: 0 });
      await queue.put({ file: 'docs/standups/2026-11-21/alice.md', text: 'a1', author: 'alice', base: null, queuedAt: '2026-11-21T10:00:00Z', attempts: 0 });
      await queue.put({ file: 'docs/standups/2026-11-21/alice.md', text: 'a2', author: 'alice', base: null, queuedAt: '2026-11-21T10:00:00Z', attempts: 1 });
      writeFileSync(path.join(dir, 'broken.json'), '{ not json');
      assert.deepEqual(
        (await queue.list()).map((q) => [q.file, q.text]),
        [
          ['docs/standups/2026-11-21/alice.md', 'a2'],
          ['docs/standups/2026-11-22/bob.md', 'b'],
        ],
      );
      await queue.remove('docs/standups/2026-11-21/alice.md');
      assert.equal((await queue.list()).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merged view: a queued post wins for its file, the branch over the working tree, one entry per person and day', () => {
    const merged = mergeStandups(
      [
        { date: '2026-11-21', login: 'alice', file: 'docs/standups/2026-11-21/alice.md', blob: 'b1', size: 10 },
        { date: '2026-11-21', login: 'bob', file: 'docs/standups/2026-11-21/bob.md', blob: 'b2', size: 10 },
      ],
      [{ file: 'docs/standups/2026-11-21/bob.md', text: 't', author: 'bob', base: 'b2', queuedAt: '', attempts: 0 }],
      [
        { date: '2026-11-21', login: 'Alice', file: 'docs/standups/2026-11-21/Alice.md' },
        { date: '2026-11-20', login: 'carol', file: 'docs/standups/2026-11-20/carol.md' },
      ],
      'docs/standups',
    );
    assert.deepEqual(
      merged.map((e) => [e.date, e.login, e.source, e.blob ?? null]),
      [
        ['2026-11-20', 'carol', 'worktree', null],
        ['2026-11-21', 'alice', 'branch', 'b1'],
        ['2026-11-21', 'bob', 'queue', 'b2'],
      ],
    );
  });

  it('the CLI fills in front matter: none, partial, empty values; refuses another author or day', () => {
    const body = '## Done\n- x\n## Next\n## Blockers\n';
    assert.deepEqual(fillFrontMatter(body, 'alice', '2026-11-21'), { text: `---\nauthor: alice\ndate: 2026-11-21\n---\n${body}` });
    assert.deepEqual(fillFrontMatter(`---\ndate: 2026-11-21\n---\n${body}`, 'alice', '2026-11-21'), {
      text: `---\nauthor: alice\ndate: 2026-11-21\n---\n${body}`,
    });
    assert.deepEqual(fillFrontMatter(`---\nauthor:\ndate:\nmood: ok\n---\n${body}`, 'alice', '2026-11-21'), {
      text: `---\nauthor: alice\ndate: 2026-11-21\nmood: ok\n---\n${body}`,
    });
    const crlf = `---\r\nmood: ok\r\n---\r\n${body.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(fillFrontMatter(crlf, 'alice', '2026-11-21'), {
      text: `---\r\nauthor: alice\r\ndate: 2026-11-21\r\nmood: ok\r\n---\r\n${body.replace(/\n/g, '\r\n')}`,
    });
    assert.deepEqual(fillFrontMatter(`\uFEFF${body}`, 'alice', '2026-11-21'), { text: `\uFEFF---\nauthor: alice\ndate: 2026-11-21\n---\n${body}` });
    assert.match((fillFrontMatter(`---\nauthor: bob\n---\n${body}`, 'alice', '2026-11-21') as { error: string }).error, /author "bob", not "alice"/);
    assert.match((fillFrontMatter(`---\nauthor: alice\n${body}`, 'alice', '2026-11-21') as { error: string }).error, /no closing "---"/);
  });
});
