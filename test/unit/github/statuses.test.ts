import assert from 'node:assert/strict';
import { Octokit } from '@octokit/core';
import {
  createGitHubClient,
  fetchStatuses,
  getOwnStatus,
  graphqlUrlFor,
  isGitHubError,
  restoreOwnStatus,
  setOwnStatus,
  statusQuery,
  emojiFromHtml,
  type GitHubError,
} from '../../../src/core/github';
import { startFakeGitHub, DEFAULT_LOGIN, type FakeGitHub } from '../../fakeGithub/server';
import { nodeId } from '../../fakeGithub/objects';
import { measureStatusRequests } from '../../fakeGithub/benchStatuses';
import { clientFor } from './helpers';

const members = (n: number) => Array.from({ length: n }, (_, i) => `member-${i}`);

describe('GitHub client', () => {
  it('derives the GraphQL endpoint from the REST base', () => {
    assert.equal(graphqlUrlFor('https://api.github.com'), 'https://api.github.com/graphql');
    assert.equal(graphqlUrlFor('https://ghe.example.com/api/v3'), 'https://ghe.example.com/api/graphql');
    assert.equal(graphqlUrlFor('https://ghe.example.com/api/v3/'), 'https://ghe.example.com/api/graphql');
    assert.equal(graphqlUrlFor('http://127.0.0.1:4000'), 'http://127.0.0.1:4000/graphql');
    const client = createGitHubClient({ token: 't', userAgent: 'x', Octokit });
    assert.deepEqual([client.apiUrl, client.graphqlUrl, client.host], ['https://api.github.com', 'https://api.github.com/graphql', 'api.github.com']);
  });

  it('sends the token and user agent, REST at the base and GraphQL at /graphql, through an injected fetch', async () => {
    const server = await startFakeGitHub();
    try {
      let fetched = 0;
      const client = clientFor(server, { userAgent: 'async-desk/0.1.0', fetch: (input, init) => (fetched++, fetch(input, init)) });
      assert.equal((await client.request<{ login: string }>('GET /user')).data.login, DEFAULT_LOGIN);
      assert.equal((await client.graphql<{ viewer: { login: string } }>('{ viewer { login } }')).data.viewer.login, DEFAULT_LOGIN);
      assert.deepEqual(
        server.requests.map((r) => [r.method, r.path, r.headers.authorization]),
        [
          ['GET', '/user', 'token fake-token'],
          ['POST', '/graphql', 'token fake-token'],
        ],
      );
      assert.match(server.requests[0]!.headers['user-agent']!, /^async-desk\/0\.1\.0 octokit-core\.js\//);
      assert.equal(fetched, 2);
      assert.deepEqual(server.violations, []);
    } finally {
      await server.close();
    }
  });
});

describe('fetchStatuses', () => {
  let server: FakeGitHub;
  before(async () => {
    server = await startFakeGitHub({
      users: [
        ...members(150).map((login, i) => ({
          login,
          status:
            i % 3 === 0 ? { emoji: ':palm_tree:', message: `Away ${i}`, indicatesLimitedAvailability: i % 2 === 0, expiresAt: '2099-01-01T00:00:00Z' } : null,
        })),
        { login: 'alice', status: { emoji: ':headphones:', message: 'Focus', indicatesLimitedAvailability: true, expiresAt: '2099-01-01T00:00:00Z' } },
        'bob',
      ],
    });
  });
  after(() => server.close());
  afterEach(() => {
    assert.deepEqual(server.violations, []);
    server.reset();
  });

  it('100 members: one GraphQL request with aliases', async () => {
    const statuses = await fetchStatuses(clientFor(server), members(100));
    assert.equal(server.requests.length, 1);
    assert.match(
      server.requests[0]!.graphql!.query,
      /^query TeamStatuses \{ u0: user\(login: "member-0"\) \{ login status \{ emoji message indicatesLimitedAvailability expiresAt emojiHTML \} \} u1: /,
    );
    assert.equal(statuses.size, 100);
    assert.deepEqual(statuses.get('member-0'), { emoji: '🌴', message: 'Away 0', busy: true, expiresAt: '2099-01-01T00:00:00Z' });
    assert.deepEqual(statuses.get('member-3'), { emoji: '🌴', message: 'Away 3', busy: false, expiresAt: '2099-01-01T00:00:00Z' });
    assert.equal(statuses.get('member-1'), null);
  });

  it('150 members: two requests (100 + 50)', async () => {
    const statuses = await fetchStatuses(clientFor(server), members(150));
    assert.equal(server.requests.length, 2);
    assert.deepEqual(
      server.requests.map((r) => (r.graphql!.query.match(/user\(login:/g) ?? []).length),
      [100, 50],
    );
    assert.equal(statuses.size, 150);
    assert.equal(statuses.get('member-149'), null);
  });

  it('unknown logins are absent, the rest is returned (NOT_FOUND is not fatal)', async () => {
    const statuses = await fetchStatuses(clientFor(server), ['alice', 'no-such-user', 'bob']);
    assert.deepEqual([...statuses.keys()], ['alice', 'bob']);
    // The emoji comes from GitHub's emojiHTML, as a character a tree view can show.
    assert.deepEqual(statuses.get('alice'), { emoji: '🎧', message: 'Focus', busy: true, expiresAt: '2099-01-01T00:00:00Z' });
    assert.equal(statuses.get('bob'), null);
  });

  it('only unknown logins: an empty map, not an error', async () => {
    assert.equal((await fetchStatuses(clientFor(server), ['ghost-1', 'ghost-2'])).size, 0);
  });

  it('invalid logins are never sent; case-insensitive duplicates are asked once and answered under each spelling', async () => {
    const statuses = await fetchStatuses(clientFor(server), ['Alice', 'alice', 'bad"login', '-dash', 'x'.repeat(40), 'a b', '']);
    assert.equal(server.requests.length, 1);
    assert.equal((server.requests[0]!.graphql!.query.match(/user\(login:/g) ?? []).length, 1);
    assert.deepEqual([...statuses.keys()], ['Alice', 'alice']);
  });

  it('keeps the shortcode when GitHub renders no emoji character', () => {
    assert.equal(emojiFromHtml('<div><g-emoji class="g-emoji" alias="no_bell">🔕</g-emoji></div>'), '🔕');
    assert.equal(emojiFromHtml(null), null);
    assert.equal(emojiFromHtml('<div><img src="x" alt=":custom:"></div>'), null);
  });

  it('no logins: no request', async () => {
    assert.equal((await fetchStatuses(clientFor(server), [])).size, 0);
    assert.equal(server.requests.length, 0);
  });

  it('the query escapes nothing because it only ever contains valid logins', () => {
    assert.equal(
      statusQuery(['a-b']),
      'query TeamStatuses { u0: user(login: "a-b") { login status { emoji message indicatesLimitedAvailability expiresAt emojiHTML } } }',
    );
  });

  it('a failing request rejects with a GitHubError', async () => {
    server.failNext({ status: 502 });
    await assert.rejects(fetchStatuses(clientFor(server), ['alice']), (e: GitHubError) => isGitHubError(e) && e.kind === 'server');
  });

  it('bench helper: one request for 100 members', async () => {
    const result = await measureStatusRequests(100);
    assert.equal(result.requests, 1);
    assert.equal(result.members, 100);
    assert.deepEqual(result.violations, []);
    assert.ok(result.ms > 0);
  });
});

describe('own status', () => {
  let server: FakeGitHub;
  let orgId: string;
  before(async () => {
    server = await startFakeGitHub({
      tokens: { 'fake-token': DEFAULT_LOGIN, 'repo-only': { login: 'bob', scopes: ['repo'] } },
      organizations: { acme: [DEFAULT_LOGIN] },
    });
    orgId = nodeId('Organization', server.state.organizations.get('acme')!.id);
  });
  after(() => server.close());
  afterEach(() => assert.deepEqual(server.violations, []));

  it('set a focus status, then restore the previous org-only status exactly', async () => {
    const client = clientFor(server);
    server.state.setStatus(DEFAULT_LOGIN, { emoji: ':house:', message: 'Working from home', expiresAt: '2099-01-01T00:00:00Z', organizationId: orgId });
    const before = await getOwnStatus(client);
    assert.deepEqual(before, {
      login: DEFAULT_LOGIN,
      status: { emoji: ':house:', message: 'Working from home', busy: false, expiresAt: '2099-01-01T00:00:00Z', organizationId: orgId },
    });

    const end = new Date(Date.now() + 50 * 60_000);
    const focus = await setOwnStatus(client, {
      emoji: ':headphones:',
      message: 'Focusing until 11:50 (Europe/Berlin)',
      limitedAvailability: true,
      expiresAt: end,
    });
    assert.deepEqual(focus, {
      emoji: ':headphones:',
      message: 'Focusing until 11:50 (Europe/Berlin)',
      busy: true,
      expiresAt: end.toISOString(),
      organizationId: null,
    });
    assert.equal(server.state.user(DEFAULT_LOGIN)!.status!.indicatesLimitedAvailability, true);

    const restored = await restoreOwnStatus(client, before.status);
    assert.deepEqual(restored, before.status);
    assert.deepEqual(server.state.user(DEFAULT_LOGIN)!.status!.organizationId, orgId);
  });

  it('restoring "no status" or one that has expired meanwhile clears the status', async () => {
    const client = clientFor(server);
    await setOwnStatus(client, { emoji: ':headphones:', message: 'Focus', limitedAvailability: true });
    assert.equal(await restoreOwnStatus(client, null), null);
    assert.equal((await getOwnStatus(client)).status, null);
    await setOwnStatus(client, { message: 'Focus' });
    const expired = { emoji: ':zzz:', message: 'Lunch', busy: false, expiresAt: '2026-01-01T12:00:00Z', organizationId: null };
    assert.equal(await restoreOwnStatus(client, expired, new Date('2026-01-01T13:00:00Z')), null);
    assert.equal(server.state.user(DEFAULT_LOGIN)!.status, null);
  });

  it('without the `user` scope: a forbidden GitHubError naming the scope to ask for', async () => {
    const client = clientFor(server, { token: 'repo-only' });
    await assert.rejects(setOwnStatus(client, { message: 'Focus' }), (e: GitHubError) => {
      assert.equal(e.kind, 'forbidden');
      assert.deepEqual(e.neededScopes, ['user']);
      assert.equal(e.message, "Your GitHub sign-in does not include the 'user' permission this needs. Sign in to GitHub again and grant it.");
      return true;
    });
  });
});
