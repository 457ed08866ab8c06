// Authentication for real: the remote is git's own smart-HTTP backend behind a loopback server that
// demands a token (test/gitHttp/server.ts). With the token given as credentials (config entries that
// reach git only through GIT_CONFIG_* in its environment) a post lands; without it, the post waits
// with "authentication failed" and lands on the next sync that has the token. Meanwhile every
// process on the machine is sampled (/proc/*/cmdline): the token is never on a command line, and
// never in the log. An unreachable host is "offline".
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { openSharing, sharedFolders, tokenConfig, type Sharing, type SharingOptions } from '../../../src/core/sharing';
import { startGitHttpServer, type GitHttpServer } from '../../gitHttp/server';
import { CLI, requireBuiltCli } from '../cliHelpers';
import { makeWorld, userState, type GitWorld } from './gitFixtures';

const TOKEN = 'gho_T0kenThatMustNeverLeak1234567890';
const standup = (login: string, done: string) => `---\nauthor: ${login}\ndate: 2026-11-24\n---\n## Done\n- ${done}\n## Next\n## Blockers\n`;

/** Samples every process's command line until stopped; returns those that mention git. */
function sampleCommandLines(): { stop(): string[] } {
  const seen = new Set<string>();
  let running = true;
  const sample = () => {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
        if (/git/.test(cmdline)) seen.add(cmdline);
      } catch {
        // gone already
      }
    }
    if (running) setTimeout(sample, 1);
  };
  sample();
  return {
    stop() {
      running = false;
      return [...seen];
    },
  };
}

const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
const leaks = (text: string) => text.includes(TOKEN) || text.includes(basic);

describe('sharing over smart HTTP with a token (git http-backend)', function () {
  this.timeout(30_000);
  let world: GitWorld;
  let server: GitHttpServer;
  let a: string;
  let remoteUrl: string;
  let log: string[];

  before(requireBuiltCli);
  beforeEach(async () => {
    world = makeWorld(['alice', 'bob']);
    world.git(world.bare, 'config', 'http.receivepack', 'true');
    server = await startGitHttpServer({ projectRoot: world.dir, token: TOKEN, env: world.env });
    remoteUrl = `${server.url}origin.git`;
    a = world.clone('a');
    world.git(a, 'remote', 'set-url', 'origin', remoteUrl);
    log = [];
  });
  afterEach(async () => {
    await server.close();
    world.cleanup();
  });

  const open = async (withToken: boolean, extra: Partial<SharingOptions> = {}): Promise<Sharing> => {
    const opened = await openSharing({
      root: a,
      branch: 'async-desk',
      folders: sharedFolders(),
      git: { env: world.env, log: (line) => log.push(line), ...(withToken ? { secretConfig: tokenConfig(remoteUrl, TOKEN), secrets: [TOKEN] } : {}) },
      ...extra,
    });
    assert.equal(opened.kind, 'shared');
    return (opened as { sharing: Sharing }).sharing;
  };

  it('with the token the post lands; the token is on no command line and in no log line', async () => {
    const before = userState(world, a);
    const sampler = sampleCommandLines();
    const result = await (
      await open(true)
    ).post({ file: 'docs/standups/2026-11-24/alice.md', text: standup('alice', 'over https'), author: 'alice', base: null });
    const seen = sampler.stop();
    assert.equal(result.kind, 'pushed', JSON.stringify(result));
    assert.match(world.git(world.bare, 'show', 'async-desk:docs/standups/2026-11-24/alice.md'), /over https/);
    assert.ok(server.requests.some((r) => r.method === 'POST' && r.path.endsWith('/git-receive-pack') && r.authorized));
    // The sampler did see the push's processes (so their absence of the token means something).
    assert.ok(
      seen.some((c) => /\bpush\b/.test(c) || /remote-http/.test(c)),
      seen.join('\n'),
    );
    assert.deepEqual(
      seen.filter((c) => leaks(c)),
      [],
    );
    assert.ok(log.some((l) => l.startsWith('git push')));
    assert.deepEqual(
      log.filter((l) => leaks(l)),
      [],
    );
    assert.deepEqual(userState(world, a), before);
  });

  it('without it the post waits with "authentication failed", and the next sync with the token sends it', async () => {
    const result = await (await open(false)).post({ file: 'docs/standups/2026-11-24/alice.md', text: standup('alice', 'later'), author: 'alice', base: null });
    assert.ok(result.kind === 'queued', JSON.stringify(result));
    assert.equal(result.failure.kind, 'auth');
    assert.equal(result.failure.reason, 'authentication failed');
    assert.ok(server.requests.every((r) => !r.authorized));
    // Signed in after the failure: the same Sharing takes the token for its next sync.
    const sharing = await open(false);
    sharing.useCredentials(tokenConfig(remoteUrl, TOKEN), [TOKEN]);
    const report = await sharing.sync();
    assert.deepEqual(report.pushed, ['docs/standups/2026-11-24/alice.md']);
    assert.deepEqual(report.waiting, []);
    assert.deepEqual(
      log.filter((l) => leaks(l)),
      [],
    );
  });

  it('the CLI passes a token given through GIT_CONFIG_* on to git, and logs (ASYNC_DESK_GIT_LOG=1) without it', async () => {
    const env = {
      ...world.env,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: tokenConfig(remoteUrl, TOKEN)[0]!.key,
      GIT_CONFIG_VALUE_0: tokenConfig(remoteUrl, TOKEN)[0]!.value,
      ASYNC_DESK_GIT_LOG: '1',
    };
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        // Asynchronous: the server answering git runs in this process.
        const child = spawn(process.execPath, [CLI, ...args], { cwd: a, env });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
        child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    writeFileSync(path.join(world.dir, 'standup.md'), '## Done\n- from the CLI\n## Next\n## Blockers\n');
    const r = await run('standup', 'post', '--author', 'bob', '--date', '2026-11-24', '--file', path.join(world.dir, 'standup.md'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /git push .*origin/);
    assert.equal(leaks(r.stderr) || leaks(r.stdout), false);
    assert.match(world.git(world.bare, 'show', 'async-desk:docs/standups/2026-11-24/bob.md'), /from the CLI/);
  });

  it('a host that cannot be reached is "offline", and the post waits', async () => {
    world.git(a, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/origin.git');
    const result = await (await open(false)).post({ file: 'docs/standups/2026-11-24/bob.md', text: standup('bob', 'x'), author: 'bob', base: null });
    assert.ok(result.kind === 'queued', JSON.stringify(result));
    assert.equal(result.failure.kind, 'offline');
    assert.match(result.failure.message, /cannot be reached/);
    assert.equal(path.basename(a), 'a');
  });
});
