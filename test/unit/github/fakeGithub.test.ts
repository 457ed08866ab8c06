import assert from 'node:assert/strict';
import { startFakeGitHub, DEFAULT_LOGIN, type FakeGitHub } from '../../fakeGithub/server';
import { nodeId } from '../../fakeGithub/objects';
import { restDescription } from '../../fakeGithub/openapi';
import { call, graphql } from './helpers';

const STATUS = 'status { emoji message indicatesLimitedAvailability expiresAt }';

describe('fake GitHub: validation', () => {
  let server: FakeGitHub;
  before(async () => {
    server = await startFakeGitHub({
      users: [{ login: 'alice', name: 'Alice', status: { emoji: ':dart:', message: 'Deep work', indicatesLimitedAvailability: true } }, 'bob'],
      repos: { 'acme/app': { collaborators: { alice: 'push' } } },
    });
  });
  after(() => server.close());
  afterEach(() => server.reset());

  it('binds to 127.0.0.1 on a free port, GraphQL at /graphql', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.graphqlUrl, `${server.url}/graphql`);
  });

  it('a valid aliased query passes and is answered like GitHub, unknown logins as NOT_FOUND errors', async () => {
    const res = await graphql(
      server,
      `{ u0: user(login: "alice") { login ${STATUS} } u1: user(login: "nobody") { login } u2: user(login: "BOB") { login ${STATUS} } viewer { login } }`,
    );
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(res.body, {
      data: {
        u0: { login: 'alice', status: { emoji: ':dart:', message: 'Deep work', indicatesLimitedAvailability: true, expiresAt: null } },
        u1: null,
        u2: { login: 'bob', status: null },
        viewer: { login: DEFAULT_LOGIN },
      },
      errors: [{ type: 'NOT_FOUND', path: ['u1'], locations: [{ line: 1, column: 102 }], message: "Could not resolve to a User with the login of 'nobody'." }],
    });
    assert.deepEqual(server.violations, []);
    assert.equal(server.requests[0]!.operation, 'graphql');
    assert.match(server.requests[0]!.graphql!.query, /u0: user/);
  });

  it('a field GitHub does not have is rejected and recorded as a violation', async () => {
    const res = await graphql(server, '{ viewer { login busyUntil } }');
    assert.equal(res.status, 200); // GitHub answers schema errors with 200 and no data
    assert.equal(res.body.data, undefined);
    assert.match(res.body.errors[0].message, /Cannot query field "busyUntil" on type "User"/);
    assert.deepEqual(
      server.violations.map((v) => v.kind),
      ['invalid-graphql'],
    );
  });

  it('syntax errors, bad variables and a missing query are violations', async () => {
    await graphql(server, '{ viewer { login }');
    await graphql(server, 'query($l: String!) { user(login: $l) { login } }', { l: 42 });
    await call(server, 'POST', '/graphql', { body: { variables: {} } });
    await call(server, 'GET', '/graphql');
    assert.deepEqual(
      server.violations.map((v) => v.kind),
      ['invalid-graphql', 'invalid-graphql', 'invalid-graphql', 'unknown-operation'],
    );
  });

  it('valid GraphQL the fake does not implement is reported as unimplemented, not silently null', async () => {
    await graphql(server, '{ repository(owner: "acme", name: "app") { id } }');
    assert.deepEqual(
      server.violations.map((v) => v.kind),
      ['unimplemented'],
    );
    assert.match(server.violations[0]!.messages[0]!, /Query\.repository is not implemented/);
  });

  it('REST: an unknown path or method is a violation answered 404', async () => {
    assert.equal((await call(server, 'GET', '/repos/acme/app/standups')).status, 404);
    assert.equal((await call(server, 'DELETE', '/user')).status, 404);
    assert.deepEqual(
      server.violations.map((v) => [v.kind, v.method, v.path]),
      [
        ['unknown-operation', 'GET', '/repos/acme/app/standups'],
        ['unknown-operation', 'DELETE', '/user'],
      ],
    );
  });

  it('REST: a bad body (missing, wrong type, unknown field) is a violation answered 422', async () => {
    const res = await call(server, 'POST', '/repos/acme/app/issues', { body: { title: 'T', labels: 'bug', assignes: ['alice'] } });
    assert.equal(res.status, 422);
    assert.match(res.body.message, /^Invalid request\./);
    assert.deepEqual(server.violations[0]!.messages, [
      'body.labels must be array',
      'body field "assignes" is not defined for POST /repos/{owner}/{repo}/issues',
    ]);
    await call(server, 'POST', '/repos/acme/app/issues');
    await call(server, 'POST', '/repos/acme/app/milestones', { body: { title: 'v1', due_on: '2026-11-26' } });
    await call(server, 'POST', '/repos/acme/app/issues', { rawBody: '{"title":', headers: { 'content-type': 'application/json' } });
    assert.deepEqual(
      server.violations.slice(1).map((v) => v.messages),
      [['a JSON body is required for POST /repos/{owner}/{repo}/issues'], ['body.due_on must match format "date-time"'], ['the body is not valid JSON']],
    );
  });

  it('REST: query and path parameters are validated against their schemas', async () => {
    await call(server, 'GET', '/repos/acme/app/milestones?state=late');
    await call(server, 'GET', '/repos/acme/app/milestones?per_page=ten');
    await call(server, 'GET', '/repos/acme/app/assignees?perpage=10');
    await call(server, 'GET', '/search/issues');
    assert.deepEqual(
      server.violations.map((v) => v.messages[0]),
      [
        'query.state must be equal to one of the allowed values (open, closed, all)',
        'query.per_page must be integer',
        'query parameter "perpage" is not defined for GET /repos/{owner}/{repo}/assignees',
        "query must have required property 'q'",
      ],
    );
  });
});

describe('fake GitHub: the fake checks itself', () => {
  it('a response of the fake that does not match GitHub’s schema, or an undocumented status, is caught', () => {
    const rest = restDescription();
    const op = rest.match('GET', '/repos/acme/app')!;
    assert.equal(op.id, 'repos/get');
    assert.ok(rest.checkResponse(op, 200, { name: 'app' }).some((m) => /must have required property 'full_name'/.test(m)));
    assert.deepEqual(rest.checkResponse(op, 418, {}), ['status 418 is not a documented response of repos/get']);
    assert.ok(rest.stats.parseMs > 0 && rest.stats.compiledOperations > 0);
  });
});

describe('fake GitHub: auth', () => {
  let server: FakeGitHub;
  before(async () => {
    server = await startFakeGitHub({ tokens: { 'tok-a': 'alice', 'tok-repo': { login: 'bob', scopes: ['repo'] } } });
  });
  after(() => server.close());

  it('accepts `token X` and `bearer X`; 401 without a header or with an unknown token', async () => {
    assert.equal((await call(server, 'GET', '/user', { auth: 'token tok-a' })).body.login, 'alice');
    assert.equal((await call(server, 'GET', '/user', { auth: 'Bearer tok-a' })).body.login, 'alice');
    const missing = await call(server, 'GET', '/user', { auth: null });
    assert.deepEqual([missing.status, missing.body.message], [401, 'Requires authentication']);
    const bad = await call(server, 'GET', '/user', { auth: 'token nope' });
    assert.deepEqual([bad.status, bad.body.message], [401, 'Bad credentials']);
    const gql = await graphql(server, '{ viewer { login } }', undefined, null);
    assert.deepEqual([gql.status, gql.body.message], [401, 'This endpoint requires you to be authenticated.']);
    assert.deepEqual(server.violations, []);
  });

  it('the accepted schemes are configurable', async () => {
    const strict = await startFakeGitHub({ tokens: { t: 'carol' }, authSchemes: ['bearer'] });
    try {
      assert.equal((await call(strict, 'GET', '/user', { auth: 'token t' })).status, 401);
      assert.equal((await call(strict, 'GET', '/user', { auth: 'bearer t' })).status, 200);
    } finally {
      await strict.close();
    }
  });

  it('scopes: sent in x-oauth-scopes, and changeUserStatus without `user` is INSUFFICIENT_SCOPES with no data', async () => {
    const res = await graphql(server, 'mutation { changeUserStatus(input: { message: "hi" }) { status { message } } }', undefined, 'token tok-repo');
    assert.equal(res.headers.get('x-oauth-scopes'), 'repo');
    assert.equal(res.body.data, undefined);
    assert.equal(res.body.errors[0].type, 'INSUFFICIENT_SCOPES');
    assert.match(res.body.errors[0].message, /requires one of the following scopes: \['user'\], but your token has only been granted the: \['repo'\] scopes/);
    assert.equal(server.state.user('bob')!.status, null);
  });

  it('rate-limit headers on every answer, counted per user and resource', async () => {
    const a = await call(server, 'GET', '/user', { auth: 'token tok-a' });
    const b = await call(server, 'GET', '/user', { auth: 'token tok-a' });
    assert.equal(a.headers.get('x-ratelimit-limit'), '5000');
    assert.equal(Number(a.headers.get('x-ratelimit-remaining')) - Number(b.headers.get('x-ratelimit-remaining')), 1);
    assert.equal(b.headers.get('x-ratelimit-resource'), 'core');
    assert.ok(Number(b.headers.get('x-ratelimit-reset')) > Date.now() / 1000);
    const g = await graphql(server, '{ viewer { login } }', undefined, 'token tok-a');
    assert.equal(g.headers.get('x-ratelimit-resource'), 'graphql');
  });

  it('an exhausted window answers with the primary rate limit by itself', async () => {
    const tiny = await startFakeGitHub({ rateLimits: { graphql: 1 } });
    try {
      assert.equal((await graphql(tiny, '{ viewer { login } }')).body.data.viewer.login, DEFAULT_LOGIN);
      const limited = await graphql(tiny, '{ viewer { login } }');
      assert.equal(limited.body.errors[0].type, 'RATE_LIMITED');
      assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    } finally {
      await tiny.close();
    }
  });
});

describe('fake GitHub: the small in-memory GitHub', () => {
  let server: FakeGitHub;
  let now = new Date('2026-11-21T09:00:00Z');
  before(async () => {
    server = await startFakeGitHub({
      now: () => now,
      users: ['alice', 'bob', 'dave'],
      organizations: { acme: ['octocat', 'alice'] },
      repos: { 'acme/app': { collaborators: { octocat: 'admin', alice: 'push', bob: 'triage' }, issueTypes: ['Task'] }, 'dave/secret': { private: true } },
      tokens: { 'fake-token': 'octocat', 'tok-bob': 'bob', 'tok-dave': 'dave' },
    });
  });
  after(() => server.close());
  afterEach(() => assert.deepEqual(server.violations, [], JSON.stringify(server.violations, null, 2)));

  it('GET /user and GET /repos/{owner}/{repo} with the viewer’s permissions (404 for private repos one cannot see)', async () => {
    assert.equal((await call(server, 'GET', '/user')).body.login, DEFAULT_LOGIN);
    assert.deepEqual((await call(server, 'GET', '/repos/acme/app')).body.permissions, { admin: true, maintain: true, push: true, triage: true, pull: true });
    assert.deepEqual((await call(server, 'GET', '/repos/acme/app', { auth: 'token tok-bob' })).body.permissions, {
      admin: false,
      maintain: false,
      push: false,
      triage: true,
      pull: true,
    });
    assert.equal((await call(server, 'GET', '/repos/dave/secret')).status, 404);
    assert.equal((await call(server, 'GET', '/repos/dave/secret', { auth: 'token tok-dave' })).status, 200);
  });

  it('POST issues: created with labels, assignees, milestone and type; 422 for a non-assignable login', async () => {
    const milestone = await call(server, 'POST', '/repos/acme/app/milestones', { body: { title: 'Sprint 12', due_on: '2026-11-26T12:00:00Z' } });
    assert.deepEqual([milestone.status, milestone.body.number, milestone.body.due_on], [201, 1, '2026-11-26T12:00:00Z']);
    const res = await call(server, 'POST', '/repos/acme/app/issues', {
      body: { title: 'Ship it', body: 'Due: Thu\n<!-- async-desk:abc123 -->', labels: ['blocker'], assignees: ['alice'], milestone: 1, type: 'Task' },
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('location'), `${server.url}/repos/acme/app/issues/1`);
    assert.deepEqual(
      [res.body.number, res.body.labels.map((l: { name: string }) => l.name), res.body.assignee.login, res.body.milestone.title, res.body.type.name],
      [1, ['blocker'], 'alice', 'Sprint 12', 'Task'],
    );
    const bad = await call(server, 'POST', '/repos/acme/app/issues', { body: { title: 'X', assignees: ['mallory'] } });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors, [{ resource: 'Issue', code: 'invalid', field: 'assignees', value: 'mallory' }]);
  });

  it('POST issues without push access: labels, assignees and milestone silently dropped, as on GitHub', async () => {
    const res = await call(server, 'POST', '/repos/acme/app/issues', {
      body: { title: 'From triage', labels: ['bug'], assignees: ['alice'], milestone: 1 },
      auth: 'token tok-bob',
    });
    assert.equal(res.status, 201);
    assert.deepEqual([res.body.labels, res.body.assignees, res.body.milestone], [[], [], null]);
  });

  it('GET /search/issues finds the idempotency marker', async () => {
    const res = await call(server, 'GET', `/search/issues?q=${encodeURIComponent('repo:acme/app is:issue in:body "async-desk:abc123"')}`);
    assert.deepEqual([res.body.total_count, res.body.items[0].title], [1, 'Ship it']);
    const none = await call(server, 'GET', `/search/issues?q=${encodeURIComponent('repo:acme/app async-desk:zzz')}`);
    assert.equal(none.body.total_count, 0);
    assert.equal(none.headers.get('x-ratelimit-resource'), 'search');
  });

  it('assignees (paginated with a Link header) and milestones (list, duplicate title)', async () => {
    const page1 = await call(server, 'GET', '/repos/acme/app/assignees?per_page=2');
    assert.deepEqual(
      page1.body.map((u: { login: string }) => u.login),
      ['alice', 'bob'],
    );
    assert.match(page1.headers.get('link')!, /[?&]page=2>; rel="next"/);
    const page2 = await call(server, 'GET', '/repos/acme/app/assignees?per_page=2&page=2');
    assert.deepEqual(
      page2.body.map((u: { login: string }) => u.login),
      ['octocat'],
    );
    const list = await call(server, 'GET', '/repos/acme/app/milestones?state=all&sort=due_on');
    assert.deepEqual(
      list.body.map((m: { title: string; open_issues: number }) => [m.title, m.open_issues]),
      [['Sprint 12', 1]],
    );
    const dup = await call(server, 'POST', '/repos/acme/app/milestones', { body: { title: 'Sprint 12' } });
    assert.deepEqual([dup.status, dup.body.errors], [422, [{ resource: 'Milestone', code: 'already_exists', field: 'title' }]]);
    const denied = await call(server, 'POST', '/repos/acme/app/milestones', { body: { title: 'Mine' }, auth: 'token tok-bob' });
    assert.equal(denied.status, 404);
  });

  it('changeUserStatus sets, an org-only status keeps its organization, an expired status is no longer shown', async () => {
    const orgId = nodeId('Organization', server.state.organizations.get('acme')!.id);
    const res = await graphql(
      server,
      'mutation($input: ChangeUserStatusInput!) { changeUserStatus(input: $input) { status { emoji message indicatesLimitedAvailability expiresAt organization { id } } } }',
      { input: { emoji: ':headphones:', message: 'Focus until 11:00', limitedAvailability: true, expiresAt: '2026-11-21T10:00:00Z', organizationId: orgId } },
    );
    assert.deepEqual(res.body.data.changeUserStatus.status, {
      emoji: ':headphones:',
      message: 'Focus until 11:00',
      indicatesLimitedAvailability: true,
      expiresAt: '2026-11-21T10:00:00Z',
      organization: { id: orgId },
    });
    assert.equal((await graphql(server, `{ viewer { ${STATUS} } }`)).body.data.viewer.status.message, 'Focus until 11:00');
    now = new Date('2026-11-21T10:00:01Z');
    assert.equal((await graphql(server, `{ viewer { ${STATUS} } }`)).body.data.viewer.status, null);
  });
});

describe('fake GitHub: faults', () => {
  let server: FakeGitHub;
  before(async () => {
    server = await startFakeGitHub({ repos: { 'octocat/hello': {} } });
  });
  after(() => server.close());
  afterEach(() => {
    assert.deepEqual(server.violations, []);
    server.reset();
  });

  for (const status of [401, 403, 404, 422, 500] as const) {
    it(`status ${status}: JSON like GitHub's, then back to normal`, async () => {
      server.failNext({ status });
      const failed = await call(server, 'GET', '/repos/octocat/hello');
      assert.equal(failed.status, status);
      assert.equal(failed.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(failed.body.status, String(status));
      assert.equal(typeof failed.body.message, 'string');
      assert.equal((await call(server, 'GET', '/repos/octocat/hello')).status, 200);
      assert.deepEqual(
        server.requests.map((r) => r.fault?.status),
        [status, undefined],
      );
    });
  }

  it('502: an HTML page, as GitHub’s front end sends', async () => {
    server.failNext({ status: 502 });
    const res = await graphql(server, '{ viewer { login } }');
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type')!, /^text\/html/);
  });

  it('times and match: only the matching requests fail, as often as asked', async () => {
    server.failNext({ status: 500, times: 2, match: { method: 'POST', graphql: true } });
    assert.equal((await call(server, 'GET', '/user')).status, 200);
    assert.equal((await graphql(server, '{ viewer { login } }')).status, 500);
    assert.equal((await graphql(server, '{ viewer { login } }')).status, 500);
    assert.equal((await graphql(server, '{ viewer { login } }')).status, 200);
  });

  it('primary rate limit: REST 403 with remaining 0 and the reset time; GraphQL 200 with RATE_LIMITED', async () => {
    server.failNext({ rateLimit: { resetSeconds: 600 }, times: 2 });
    const rest = await call(server, 'GET', '/user');
    assert.equal(rest.status, 403);
    assert.equal(rest.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(Math.abs(Number(rest.headers.get('x-ratelimit-reset')) - (Date.now() / 1000 + 600)) < 5);
    assert.match(rest.body.message, /^API rate limit exceeded for user ID \d+\./);
    const gql = await graphql(server, '{ viewer { login } }');
    assert.equal(gql.status, 200);
    assert.equal(gql.body.errors[0].type, 'RATE_LIMITED');
    assert.equal(gql.headers.get('x-ratelimit-remaining'), '0');
  });

  it('secondary rate limit: 429 (or 403) with retry-after', async () => {
    server.failNext({ rateLimit: { resetSeconds: 42, secondary: true } });
    server.failNext({ rateLimit: { resetSeconds: 7, secondary: true }, status: 403 });
    const a = await graphql(server, '{ viewer { login } }');
    const b = await call(server, 'GET', '/user');
    assert.deepEqual([a.status, a.headers.get('retry-after'), b.status, b.headers.get('retry-after')], [429, '42', 403, '7']);
    assert.match(a.body.message, /secondary rate limit/);
  });

  it('delayMs holds the answer back', async () => {
    server.failNext({ delayMs: 150 });
    const started = Date.now();
    assert.equal((await call(server, 'GET', '/user')).status, 200);
    assert.ok(Date.now() - started >= 140);
  });

  it('dropConnection destroys the socket: the client sees a network error', async () => {
    server.failNext({ dropConnection: true });
    await assert.rejects(call(server, 'GET', '/user'), (e: Error) => e instanceof TypeError && /fetch failed/.test(e.message));
    assert.equal(server.requests[0]!.status, undefined);
    assert.equal((await call(server, 'GET', '/user')).status, 200);
  });
});
