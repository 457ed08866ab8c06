import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { fetchStatuses, formatWait, isGitHubError, toGitHubError, GitHubError, type GitHubClient } from '../../../src/core/github';
import { startFakeGitHub, type FakeGitHub } from '../../fakeGithub/server';
import { clientFor } from './helpers';

/** The GitHubError a call rejects with. */
async function failure(promise: Promise<unknown>): Promise<GitHubError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isGitHubError(error), `not a GitHubError: ${String(error)}`);
    return error;
  }
  throw new assert.AssertionError({ message: 'expected the call to fail' });
}

describe('GitHub errors: every failure classified, with a sentence for the user', () => {
  let server: FakeGitHub;
  let client: GitHubClient;
  /** How messages name a host other than github.com. */
  let svc: string;
  before(async () => {
    server = await startFakeGitHub({ users: ['alice'], repos: { 'acme/app': { collaborators: { octocat: 'admin' } } } });
    client = clientFor(server);
    svc = `GitHub at ${new URL(server.url).host}`;
  });
  after(() => server.close());
  afterEach(() => {
    assert.deepEqual(server.violations, []);
    server.reset();
  });

  const statuses = () => fetchStatuses(client, ['alice']);
  const createIssue = (body: Record<string, unknown> = { title: 'T' }) =>
    client.request('POST /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'app', ...body });

  it('401 → auth: sign in again', async () => {
    server.failNext({ status: 401 });
    const e = await failure(statuses());
    assert.deepEqual([e.kind, e.status], ['auth', 401]);
    assert.equal(e.message, `${svc} did not accept your sign-in (Bad credentials): the token may have expired or been revoked. Sign in to GitHub again.`);
  });

  it('403 → forbidden; with x-github-sso, how to authorize', async () => {
    server.failNext({ status: 403 });
    const e = await failure(createIssue());
    assert.equal(e.kind, 'forbidden');
    assert.equal(
      e.message,
      `${svc} refused the request (403: Resource not accessible by personal access token). Check that your account has access, or sign in again with the needed permissions.`,
    );
    const sso = toGitHubError(
      httpError(
        403,
        { message: 'Resource protected by organization SAML enforcement.' },
        { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=X' },
      ),
    );
    assert.equal(
      sso.message,
      'The organization requires single sign-on for this token. Authorize it at https://github.com/orgs/acme/sso?authorization_request=X, then try again.',
    );
  });

  it('404 → not-found, a real one from the fake too', async () => {
    const e = await failure(client.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'missing' }));
    assert.deepEqual([e.kind, e.status], ['not-found', 404]);
    assert.equal(
      e.message,
      `${svc} found nothing there (404). Check the repository or user name, and that your account can see it: GitHub answers 404 for private repositories you cannot access.`,
    );
  });

  it('422 → validation with GitHub’s field errors', async () => {
    const e = await failure(createIssue({ title: 'T', assignees: ['mallory'] }));
    assert.equal(e.kind, 'validation');
    assert.deepEqual(e.fieldErrors, [{ resource: 'Issue', code: 'invalid', field: 'assignees', value: 'mallory' }]);
    assert.equal(e.message, `${svc} rejected the request (422): assignees ("mallory") is not valid. Correct it and try again.`);
  });

  it('422 whose errors are plain sentences: kept as field errors without a field', () => {
    const e = toGitHubError(httpError(422, { message: 'Validation Failed', errors: ['Could not resolve to a node with the global id of X'] }));
    assert.deepEqual(e.fieldErrors, [{ code: 'custom', message: 'Could not resolve to a node with the global id of X' }]);
    assert.equal(e.message, 'GitHub rejected the request (422): Could not resolve to a node with the global id of X. Correct it and try again.');
  });

  it('a GraphQL query GitHub’s schema rejects → validation (and a violation in the fake)', async () => {
    const e = await failure(client.graphql('{ viewer { nope } }'));
    assert.equal(e.kind, 'validation');
    assert.ok(e.message.startsWith(`${svc} rejected the request: Cannot query field "nope" on type "User"`), e.message);
    assert.equal(server.violations.length, 1);
    server.violations.length = 0;
  });

  it('500 and 502 (an HTML page) → server: temporary, try again', async () => {
    server.failNext({ status: 500 });
    const e500 = await failure(statuses());
    assert.deepEqual(
      [e500.kind, e500.message],
      ['server', `${svc} had a problem answering (500 Server Error). This is usually temporary: try again in a few minutes.`],
    );
    server.failNext({ status: 502 });
    const e502 = await failure(createIssue());
    assert.deepEqual([e502.kind, e502.message], ['server', `${svc} had a problem answering (502). This is usually temporary: try again in a few minutes.`]);
  });

  it('primary rate limit, REST (403 + x-ratelimit-reset) → rate-limit with resetAt', async () => {
    server.failNext({ rateLimit: { resetSeconds: 12 * 60 } });
    const e = await failure(createIssue());
    assert.equal(e.kind, 'rate-limit');
    assert.ok(Math.abs(e.resetAt!.getTime() - (Date.now() + 12 * 60_000)) < 3000);
    assert.equal(e.message, `${svc}'s API rate limit for your account is used up; it resets in about 12 minutes. Try again after that.`);
  });

  it('primary rate limit, GraphQL (200 with RATE_LIMITED, or 403) → rate-limit with resetAt', async () => {
    server.failNext({ rateLimit: { resetSeconds: 30 * 60 } });
    const e = await failure(statuses());
    assert.equal(e.kind, 'rate-limit');
    assert.ok(Math.abs(e.resetAt!.getTime() - (Date.now() + 30 * 60_000)) < 3000);
    assert.match(e.message, /resets in about 30 minutes/);
    server.failNext({ rateLimit: { resetSeconds: 60 }, status: 403 });
    assert.equal((await failure(statuses())).kind, 'rate-limit');
  });

  it('secondary rate limit (429 or 403 with retry-after) → rate-limit after retry-after', async () => {
    server.failNext({ rateLimit: { resetSeconds: 45, secondary: true } });
    const e = await failure(statuses());
    assert.equal(e.kind, 'rate-limit');
    assert.equal(e.message, `${svc} is limiting how fast requests may be sent (secondary rate limit). Try again in 45 seconds.`);
    assert.ok(Math.abs(e.resetAt!.getTime() - (Date.now() + 45_000)) < 3000);
    server.failNext({ rateLimit: { resetSeconds: 120, secondary: true }, status: 403 });
    assert.match((await failure(createIssue())).message, /secondary rate limit\)\. Try again in about 2 minutes\.$/);
  });

  it('no answer within the timeout → timeout', async () => {
    server.failNext({ delayMs: 1000 });
    const started = Date.now();
    const e = await failure(fetchStatuses(clientFor(server, { timeoutMs: 200 }), ['alice']));
    assert.ok(Date.now() - started < 900, 'gave up at the timeout, not when the server answered');
    assert.deepEqual([e.kind, e.message], ['timeout', `${svc} did not answer within 200 ms. Check your connection and try again.`]);
    assert.equal(
      toGitHubError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), { timeoutMs: 10_000 }).message,
      'GitHub did not answer within 10 seconds. Check your connection and try again.',
    );
    const within = (timeoutMs: number) => /within (.+)\. Check/.exec(toGitHubError(new DOMException('x', 'TimeoutError'), { timeoutMs }).message)?.[1];
    assert.deepEqual([1000, 1500, 999].map(within), ['1 second', '1.5 seconds', '999 ms']);
  });

  it('connection dropped → offline', async () => {
    server.failNext({ dropConnection: true });
    const e = await failure(statuses());
    assert.equal(e.kind, 'offline');
    assert.equal(e.message, `The connection to ${new URL(server.url).host} was closed before it answered. Check your network connection and try again.`);
  });

  it('connection refused (a closed port) → offline, pointing at the apiUrl setting', async () => {
    const port = await closedPort();
    const e = await failure(fetchStatuses(clientFor(server, { apiUrl: `http://127.0.0.1:${port}` }), ['alice']));
    assert.equal(e.kind, 'offline');
    assert.equal(e.message, `Could not connect to 127.0.0.1:${port} (connection refused). Check your network and the asyncDesk.github.apiUrl setting.`);
  });
});

describe('toGitHubError', () => {
  it('DNS failures and unreachable networks → offline', () => {
    const dns = networkError('ENOTFOUND');
    assert.equal(
      toGitHubError(dns, { host: 'ghe.example.com' }).message,
      'Could not find ghe.example.com (name lookup failed). Check your network connection and the asyncDesk.github.apiUrl setting.',
    );
    assert.equal(toGitHubError(networkError('ENETUNREACH')).kind, 'offline');
    assert.equal(toGitHubError(networkError('UND_ERR_CONNECT_TIMEOUT')).kind, 'timeout');
  });

  it('names a GHES host; says GitHub for github.com', () => {
    assert.match(toGitHubError(httpError(500, { message: 'x' }), { host: 'ghe.example.com' }).message, /^GitHub at ghe\.example\.com had a problem/);
    assert.match(toGitHubError(httpError(500, { message: 'x' }), { host: 'api.github.com' }).message, /^GitHub had a problem/);
  });

  it('410 and unknown errors', () => {
    assert.equal(toGitHubError(httpError(410, { message: 'Issues are disabled for this repo' })).kind, 'not-found');
    const odd = toGitHubError(new RangeError('boom'));
    assert.deepEqual([odd.kind, odd.message], ['server', 'Something went wrong talking to GitHub: boom. Try again; if it keeps happening, see the log.']);
  });

  it('a GitHubError passes through; isGitHubError goes by name (separate bundles)', () => {
    const e = new GitHubError('auth', 'x');
    assert.equal(toGitHubError(e), e);
    assert.ok(isGitHubError(Object.assign(new Error('x'), { name: 'GitHubError', kind: 'auth' })));
    assert.ok(!isGitHubError(new Error('x')));
  });

  it('formatWait', () => {
    assert.deepEqual(
      [formatWait(1), formatWait(45_000), formatWait(89_000), formatWait(12 * 60_000), formatWait(3 * 3600_000)],
      ['in 1 second', 'in 45 seconds', 'in 89 seconds', 'in about 12 minutes', 'in about 3 hours'],
    );
  });
});

/** What Octokit throws for an HTTP error answer (RequestError), without importing it. */
function httpError(status: number, data: unknown, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error('HTTP error'), { name: 'HttpError', status, response: { status, headers, data, url: 'https://api.github.com/x' } });
}

/** What Octokit throws for a network failure: RequestError 500, cause fetch's TypeError, cause the socket error. */
function networkError(code: string): Error {
  const socket = Object.assign(new Error(`getaddrinfo ${code}`), { code });
  const fetchError = new TypeError('fetch failed', { cause: socket });
  return Object.assign(new Error(socket.message), { name: 'HttpError', status: 500, cause: fetchError });
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
