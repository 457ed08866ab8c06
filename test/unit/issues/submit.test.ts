// Submitting issues against the fake GitHub: the marker and its look-up (so a retry never creates a
// second issue, even when GitHub created the first and its answer was lost), push access, assignable
// users, milestones and Projects (v2) dates. Every test ends with the fake's `violations` empty.
import assert from 'node:assert/strict';
import {
  assignableUsers,
  checkPushAccess,
  describeSubmitError,
  hasMarker,
  isIsoDate,
  submitIssue,
  withMarker,
  MAX_ASSIGNABLE_USERS,
  type IssueRequest,
  type SubmitOptions,
} from '../../../src/core/issues/submit';
import { GitHubError, isGitHubError, type GitHubErrorKind } from '../../../src/core/github';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../../fakeGithub/server';
import { restDescription } from '../../fakeGithub/openapi';
import { githubSchema } from '../../fakeGithub/graphql';
import { clientFor } from '../github/helpers';

const NOW = new Date('2026-11-21T09:00:00Z');
const REPO = { owner: 'acme', repo: 'app' };
// Short enough for tests that wait for it, long enough for the fake's first validation of an endpoint.
const TIMEOUT_MS = 1500;
const REQUEST: IssueRequest = {
  title: 'Ship the ledger export',
  body: '### What\n\nExport\n\nDue: 2026-11-26 (Thu) 17:30 Europe/Berlin, end of day for @alice',
  labels: ['action-item'],
  assignees: ['alice'],
};

function fakeOptions(extra: Partial<FakeGitHubOptions> = {}): FakeGitHubOptions {
  return {
    now: () => NOW,
    users: ['alice', 'bob', 'carol'],
    organizations: { acme: ['octocat', 'alice'] },
    repos: {
      'acme/app': { collaborators: { octocat: 'admin', alice: 'push', bob: 'triage' }, issueTypes: ['Task', 'Bug'] },
      'acme/quiet': { hasIssues: false },
    },
    projects: [{ owner: 'acme', number: 3, title: 'Roadmap', fields: { Due: 'DATE', 'Start date': 'DATE', Notes: 'TEXT' } }],
    tokens: { 'fake-token': 'octocat', 'tok-bob': 'bob', 'tok-alice': 'alice', 'tok-repo-only': { login: 'octocat', scopes: ['repo'] } },
    ...extra,
  };
}

// The fake reads GitHub's descriptions once per process: not inside a request with a short timeout.
before(() => {
  restDescription();
  githubSchema();
});

describe('issue marker', () => {
  it('is appended after a blank line, exactly; alone for an empty body; never twice', () => {
    assert.equal(withMarker('Body', 'd-1'), 'Body\n\n<!-- async-desk:draft=d-1 -->');
    assert.equal(withMarker('', 'd-1'), '<!-- async-desk:draft=d-1 -->');
    assert.equal(withMarker(withMarker('Body', 'd-1'), 'd-1'), 'Body\n\n<!-- async-desk:draft=d-1 -->');
    assert.ok(hasMarker('x\n\n<!-- async-desk:draft=d-12 -->', 'd-12'));
    assert.ok(!hasMarker('x\n\n<!-- async-desk:draft=d-12 -->', 'd-1'), 'an id that is a prefix of another is not a match');
    assert.ok(!hasMarker(null, 'd-1'));
  });

  it('takes only ids search can find as one phrase', () => {
    for (const bad of ['', 'has space', 'quote"', 'a-->b', '-leading', 'x'.repeat(65)]) assert.throws(() => withMarker('b', bad), RangeError, bad);
    assert.doesNotThrow(() => withMarker('b', '2026-11-21T09.00_ab12'));
  });

  it('isIsoDate: real calendar dates only', () => {
    assert.deepEqual(['2026-11-26', '2028-02-29', '2026-02-29', '2026-13-01', '26-11-2026', '2026-11-26T00:00'].map(isIsoDate), [
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('checkPushAccess and assignableUsers', () => {
  let server: FakeGitHub;
  beforeEach(async () => {
    const collaborators = Object.fromEntries(Array.from({ length: 320 }, (_, i) => [`member-${String(i).padStart(3, '0')}`, 'triage' as const]));
    server = await startFakeGitHub(
      fakeOptions({
        repos: { 'acme/app': { collaborators: { octocat: 'admin', bob: 'triage' } }, 'acme/big': { collaborators }, 'acme/quiet': { hasIssues: false } },
      }),
    );
  });
  afterEach(async () => {
    assert.deepEqual(server.violations, [], JSON.stringify(server.violations, null, 2));
    await server.close();
  });

  it('push access from the repo’s permissions, with the login; a triager cannot push', async () => {
    assert.deepEqual(await checkPushAccess(clientFor(server), REPO), { push: true, login: 'octocat', hasIssues: true });
    assert.deepEqual(await checkPushAccess(clientFor(server, { token: 'tok-bob' }), REPO), { push: false, login: 'bob', hasIssues: true });
    assert.deepEqual(
      await checkPushAccess(clientFor(server), { owner: 'acme', repo: 'quiet' }),
      { push: false, login: 'octocat', hasIssues: false },
      'a public repo octocat is no collaborator of',
    );
  });

  it('a repository that does not exist (or cannot be seen): not-found naming it; a malformed name is refused without a request', async () => {
    await assert.rejects(
      checkPushAccess(clientFor(server), { owner: 'acme', repo: 'nope' }),
      (e: GitHubError) => e.kind === 'not-found' && /GitHub has no repository acme\/nope, or your account cannot see it/.test(e.message),
    );
    const before = server.requests.length;
    await assert.rejects(
      checkPushAccess(clientFor(server), { owner: 'acme', repo: 'a b' }),
      (e: GitHubError) => e.kind === 'not-found' && /"acme\/a b" is not a GitHub repository name/.test(e.message),
    );
    assert.equal(server.requests.length, before);
  });

  it('assignable users page by page, at most 300', async () => {
    const few = await assignableUsers(clientFor(server), REPO);
    assert.deepEqual(few, [{ login: 'bob' }, { login: 'octocat' }]);
    server.reset();
    const many = await assignableUsers(clientFor(server), { owner: 'acme', repo: 'big' });
    assert.equal(many.length, MAX_ASSIGNABLE_USERS);
    assert.deepEqual([many[0]!.login, many[299]!.login], ['member-000', 'member-299']);
    assert.deepEqual(
      server.requests.map((r) => r.query.page),
      ['1', '2', '3'],
    );
  });
});

describe('submitIssue', () => {
  let server: FakeGitHub;
  const options = (extra: Partial<SubmitOptions> = {}): SubmitOptions => ({ repo: REPO, request: REQUEST, draftId: 'draft-1', ...extra });
  const issues = (repo = 'app') => server.state.repo('acme', repo)!.issues;
  const posts = () => server.requests.filter((r) => r.operation === 'issues/create');

  beforeEach(async () => {
    server = await startFakeGitHub(fakeOptions());
  });
  afterEach(async () => {
    assert.deepEqual(server.violations, [], JSON.stringify(server.violations, null, 2));
    await server.close();
  });

  it('creates the issue with the marker, labels, assignees and type, after looking for an earlier attempt', async () => {
    const result = await submitIssue(clientFor(server), options({ request: { ...REQUEST, type: 'Task' } }));
    assert.deepEqual(result, { number: 1, url: 'https://github.com/acme/app/issues/1', reused: false, warnings: [], nodeId: result.nodeId });
    assert.match(result.nodeId!, /^\S+$/);
    const [issue] = issues();
    assert.equal(issue!.body, `${REQUEST.body}\n\n<!-- async-desk:draft=draft-1 -->`);
    assert.deepEqual([issue!.labels, issue!.assignees, issue!.type, issue!.milestone], [['action-item'], ['alice'], 'Task', null]);
    assert.deepEqual(
      server.requests.map((r) => r.operation),
      ['users/get-authenticated', 'search/issues-and-pull-requests', 'issues/list-for-repo', 'issues/create'],
    );
    assert.equal(server.requests[1]!.query.q, 'repo:acme/app is:issue in:body "async-desk:draft=draft-1"');
    assert.deepEqual(server.requests[2]!.query, { creator: 'octocat', state: 'all', sort: 'created', direction: 'desc', per_page: '100', page: '1' });
  });

  it('a second submit of the same draft returns the first issue (found by search) and creates nothing', async () => {
    const first = await submitIssue(clientFor(server), options());
    server.reset();
    const again = await submitIssue(clientFor(server), options({ login: 'octocat' }));
    assert.deepEqual([again.number, again.reused, again.warnings], [first.number, true, []]);
    assert.equal(issues().length, 1);
    assert.deepEqual(
      server.requests.map((r) => r.operation),
      ['search/issues-and-pull-requests'],
      'found by search: no list, no POST (and no GET /user with a login given)',
    );
  });

  it('reused after the draft was edited: the issue is not changed, and a warning says so', async () => {
    await submitIssue(clientFor(server), options());
    const edited = await submitIssue(clientFor(server), options({ request: { ...REQUEST, title: 'A better title', labels: ['other'] } }));
    assert.deepEqual(
      [edited.reused, edited.warnings],
      [true, ['#1 was created by an earlier attempt, before the draft was last edited: make those changes on GitHub.']],
    );
    assert.equal(issues()[0]!.title, REQUEST.title);
  });

  it('search finds an earlier attempt by another of the user’s accounts, which their own list would not show', async () => {
    await submitIssue(clientFor(server, { token: 'tok-alice' }), options());
    const again = await submitIssue(clientFor(server), options());
    assert.deepEqual([again.number, again.reused, issues().length], [1, true, 1]);
  });

  describe('created, but the answer was lost: the retry reuses it (exactly one issue)', () => {
    const lost = [
      { name: 'connection reset', kind: 'offline', fault: { dropConnection: true } },
      { name: '502 from the front end', kind: 'server', fault: { status: 502 as const } },
      { name: 'a hang past the timeout', kind: 'timeout', fault: { delayMs: 5000 } },
    ];
    for (const { name, kind, fault } of lost) {
      it(`${name} → ${kind}, and search has not indexed it yet: the user's own recent issues find it`, async () => {
        await server.close();
        server = await startFakeGitHub(fakeOptions({ searchLagSeconds: 60 }));
        const client = clientFor(server, { timeoutMs: TIMEOUT_MS });
        server.failNext({ ...fault, afterEffect: true, match: { operation: 'issues/create' } });
        const error = await submitIssue(client, options({ since: NOW.toISOString() })).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(isGitHubError(error), String(error));
        const described = describeSubmitError(error);
        assert.equal(described.kind, kind);
        assert.match(described.message, /Retrying is safe: if GitHub created the issue after all, a retry finds it rather than creating a second one\.$/);
        assert.equal(issues().length, 1, 'GitHub did create it');

        server.reset();
        const retry = await submitIssue(client, options({ since: NOW.toISOString() }));
        assert.deepEqual([retry.number, retry.reused, retry.warnings], [1, true, []]);
        assert.equal(issues().length, 1);
        assert.deepEqual(posts(), []);
        const list = server.requests.find((r) => r.operation === 'issues/list-for-repo')!;
        assert.equal(list.query.since, '2026-11-21T08:50:00Z', 'since the first attempt, less ten minutes for clock skew');
      });
    }

    it('search rate-limited on the retry: the list decides, still no duplicate', async () => {
      server.failNext({ afterEffect: true, dropConnection: true, match: { operation: 'issues/create' } });
      await assert.rejects(submitIssue(clientFor(server), options()));
      server.failNext({ rateLimit: { resetSeconds: 60 }, match: { operation: 'search/issues-and-pull-requests' } });
      const retry = await submitIssue(clientFor(server), options());
      assert.deepEqual([retry.reused, issues().length], [true, 1]);
    });
  });

  describe('failures before GitHub acted: words, kind, fields, retry time; then one retry creates exactly one issue', () => {
    const cases: {
      name: string;
      kind: GitHubErrorKind;
      fault: Parameters<FakeGitHub['failNext']>[0];
      message: RegExp;
      fieldErrors?: { field: string; message: string }[];
      retryAt?: string;
    }[] = [
      { name: '401', kind: 'auth', fault: { status: 401 }, message: /did not accept your sign-in \(Bad credentials\).*Sign in to GitHub again\.$/ },
      { name: '403', kind: 'forbidden', fault: { status: 403 }, message: /refused the request \(403: Resource not accessible by personal access token\)/ },
      {
        name: '403 SSO',
        kind: 'forbidden',
        fault: { status: 403, headers: { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=abc' } },
        message: /requires single sign-on for this token\. Authorize it at https:\/\/github\.com\/orgs\/acme\/sso\?authorization_request=abc/,
      },
      {
        name: 'primary rate limit',
        kind: 'rate-limit',
        fault: { rateLimit: { resetSeconds: 900 } },
        message: /rate limit for your account is used up; it resets in about 15 minutes/,
        retryAt: '2026-11-21T09:15:00.000Z',
      },
      {
        name: 'secondary rate limit',
        kind: 'rate-limit',
        fault: { rateLimit: { resetSeconds: 45, secondary: true } },
        message: /secondary rate limit\)\. Try again in 45 seconds/,
        retryAt: '2026-11-21T09:00:45.000Z',
      },
      { name: '404', kind: 'not-found', fault: { status: 404 }, message: /^GitHub has no repository acme\/app, or your account cannot see it/ },
      {
        name: '422 with field errors',
        kind: 'validation',
        fault: {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [
              { resource: 'Issue', code: 'custom', field: 'title', message: 'title is too long (maximum is 256 characters)' },
              { resource: 'Issue', code: 'invalid', field: 'assignees', value: ['mallory'] },
              { resource: 'Issue', code: 'invalid', field: 'labels', value: 'bad,label' },
              { resource: 'Issue', code: 'invalid', field: 'milestone', value: '9' },
              { resource: 'Issue', code: 'invalid', field: 'type', value: 'Epic' },
              { resource: 'Issue', code: 'missing_field', field: 'body' },
            ],
            documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
            status: '422',
          },
        },
        message:
          /^GitHub did not accept the issue: Title is too long \(maximum is 256 characters\)\. @mallory cannot be assigned .* Correct the form and submit again\.$/,
        fieldErrors: [
          { field: 'title', message: 'Title is too long (maximum is 256 characters).' },
          { field: 'assignees', message: '@mallory cannot be assigned issues in this repository.' },
          { field: 'labels', message: 'The label "bad,label" is not valid.' },
          { field: 'milestone', message: 'The milestone 9 does not exist in this repository (it may have been deleted).' },
          { field: 'type', message: '"Epic" is not an issue type of this repository.' },
          { field: 'body', message: 'Body is required.' },
        ],
      },
      {
        name: '500',
        kind: 'server',
        fault: { status: 500 },
        message: /had a problem answering \(500 Server Error\)\. This is usually temporary.*Retrying is safe/,
      },
      { name: '503 (an HTML page)', kind: 'server', fault: { status: 503 }, message: /had a problem answering \(503\)/ },
      {
        name: 'a hang (timeout)',
        kind: 'timeout',
        fault: { delayMs: 5000 },
        message: /did not answer within 1\.5 seconds\. Check your connection and try again\. Retrying is safe/,
      },
      {
        name: 'connection reset (offline)',
        kind: 'offline',
        fault: { dropConnection: true },
        message: /^The connection to 127\.0\.0\.1:\d+ was closed before it answered/,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const client = clientFor(server, { timeoutMs: TIMEOUT_MS, now: () => NOW.getTime() });
        server.failNext({ ...c.fault, match: { operation: 'issues/create' } });
        const error = await submitIssue(client, options()).then(
          () => undefined,
          (e: unknown) => e,
        );
        const d = describeSubmitError(error);
        assert.equal(d.kind, c.kind, d.message);
        assert.match(d.message, c.message);
        assert.deepEqual(d.fieldErrors, c.fieldErrors ?? []);
        assert.equal(d.retryAt, c.retryAt);
        assert.equal(issues().length, 0);

        const retry = await submitIssue(client, options());
        assert.deepEqual([retry.number, retry.reused], [1, false]);
        assert.equal(issues().length, 1);
        assert.equal(posts().length, 2, 'the failed POST and the one that worked');
      });
    }

    it('GitHub’s own 422s: an assignee who cannot be assigned, a type the repo does not have', async () => {
      const error = await submitIssue(clientFor(server), options({ request: { ...REQUEST, assignees: ['mallory'], type: 'Epic' } })).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.deepEqual(describeSubmitError(error).fieldErrors, [
        { field: 'assignees', message: '@mallory cannot be assigned issues in this repository.' },
        { field: 'type', message: '"Epic" is not an issue type of this repository.' },
      ]);
      assert.equal(issues().length, 0);
    });

    it('connection refused (nothing listening): offline before anything was sent', async () => {
      const dead = await startFakeGitHub();
      await dead.close();
      const d = describeSubmitError(
        await submitIssue(clientFor(dead), options()).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      assert.equal(d.kind, 'offline');
      assert.match(d.message, /^Could not connect to 127\.0\.0\.1:\d+ \(connection refused\)\. Check your network and the asyncDesk\.github\.apiUrl setting\./);
    });

    it('issues turned off for the repository (410)', async () => {
      const d = describeSubmitError(
        await submitIssue(clientFor(server), options({ repo: { owner: 'acme', repo: 'quiet' } })).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      assert.equal(d.kind, 'not-found');
      assert.match(d.message, /issues are turned off for the repository/);
    });

    it('the look-up fails (search offline, the list of recent issues a 500): nothing is created', async () => {
      server.failNext({ dropConnection: true, match: { operation: 'search/issues-and-pull-requests' } });
      await assert.rejects(submitIssue(clientFor(server), options()), (e: GitHubError) => e.kind === 'offline');
      server.failNext({ status: 500, match: { operation: 'issues/list-for-repo' } });
      await assert.rejects(submitIssue(clientFor(server), options()), (e: GitHubError) => e.kind === 'server');
      assert.deepEqual(posts(), []);
    });
  });

  it('without push access GitHub drops labels, assignees, milestone and type silently: said in a warning', async () => {
    const result = await submitIssue(clientFor(server, { token: 'tok-bob' }), options({ request: { ...REQUEST, labels: ['a', 'b'], type: 'Task' } }));
    assert.equal(result.reused, false);
    assert.deepEqual(result.warnings, [
      'GitHub did not set the labels a, b, assignee @alice, type Task on #1: it drops them silently when your account cannot push to acme/app. Ask a maintainer to set them.',
    ]);
  });

  describe('milestone', () => {
    const milestone = { dueDate: '2026-11-26' };

    it('created when none fits, due_on sent as noon UTC, titled "Due <date>"', async () => {
      const result = await submitIssue(clientFor(server), options({ milestone }));
      assert.deepEqual(result.milestone, { number: 1, title: 'Due 2026-11-26', created: true });
      const create = server.requests.find((r) => r.operation === 'issues/create-milestone')!;
      assert.deepEqual(create.body, { title: 'Due 2026-11-26', due_on: '2026-11-26T12:00:00Z' });
      assert.equal(issues()[0]!.milestone, 1);
      assert.deepEqual(result.warnings, []);
    });

    it('an open milestone with the title, or else one due that day, is used; closed ones are not', async () => {
      const repo = server.state.repo('acme', 'app')!;
      const add = (title: string, dueOn: string | null, state: 'open' | 'closed' = 'open') =>
        repo.milestones.push({
          id: server.state.newId(),
          number: repo.milestones.length + 1,
          title,
          description: null,
          state,
          dueOn,
          creator: 'octocat',
          createdAt: '2026-11-01T00:00:00Z',
          updatedAt: '2026-11-01T00:00:00Z',
        });
      add('Sprint 12', '2026-11-26T08:00:00Z', 'closed');
      add('Sprint 13', '2026-11-26T08:00:00Z');
      add('Launch', '2026-12-01T08:00:00Z');
      const byDate = await submitIssue(clientFor(server), options({ milestone }));
      assert.deepEqual(byDate.milestone, { number: 2, title: 'Sprint 13', created: false });
      const byTitle = await submitIssue(clientFor(server), options({ draftId: 'draft-2', milestone: { dueDate: '2026-11-26', title: 'launch' } }));
      assert.deepEqual(byTitle.milestone, { number: 3, title: 'Launch', created: false });
      const closed = await submitIssue(clientFor(server), options({ draftId: 'draft-3', milestone: { dueDate: '2026-11-30', title: 'Sprint 12' } }));
      assert.equal(closed.milestone, undefined);
      assert.deepEqual(closed.warnings, [
        'The milestone "Sprint 12" is closed, so the issue has no milestone. Reopen the milestone on GitHub and set it on the issue.',
      ]);
      assert.equal(server.requests.filter((r) => r.operation === 'issues/create-milestone').length, 0);
    });

    it('no push access: a warning, and the issue is created without it', async () => {
      const result = await submitIssue(clientFor(server, { token: 'tok-bob' }), options({ request: { ...REQUEST, labels: [], assignees: [] }, milestone }));
      assert.deepEqual([result.number, result.milestone], [1, undefined]);
      assert.deepEqual(result.warnings, [
        'The milestone "Due 2026-11-26" was not set: your account cannot create milestones in acme/app (that needs push access)',
      ]);
    });

    it('created meanwhile by someone else (422 already_exists): theirs is used', async () => {
      const repo = server.state.repo('acme', 'app')!;
      server.failNext({
        match: { operation: 'issues/create-milestone' },
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'Milestone', code: 'already_exists', field: 'title' }],
          documentation_url: 'https://docs.github.com/rest',
          status: '422',
        },
      });
      const racing = () =>
        repo.milestones.push({
          id: 1,
          number: 7,
          title: 'Due 2026-11-26',
          description: null,
          state: 'open',
          dueOn: null,
          creator: 'alice',
          createdAt: '2026-11-21T09:00:00Z',
          updatedAt: '2026-11-21T09:00:00Z',
        });
      const client = clientFor(server, {
        fetch: (input, init) => {
          if (String(input).includes('/milestones') && init?.method === 'POST') racing();
          return fetch(input, init);
        },
      });
      const result = await submitIssue(client, options({ milestone }));
      assert.deepEqual(result.milestone, { number: 7, title: 'Due 2026-11-26', created: false });
      assert.equal(issues()[0]!.milestone, 7);
    });

    it('a transient failure while finding it stops the submit before anything exists', async () => {
      server.failNext({ status: 500, match: { operation: 'issues/list-milestones' } });
      await assert.rejects(submitIssue(clientFor(server), options({ milestone })), (e: GitHubError) => e.kind === 'server');
      assert.equal(issues().length, 0);
    });

    it('not a date: a warning, no request', async () => {
      const result = await submitIssue(clientFor(server), options({ milestone: { dueDate: '2026-02-30' } }));
      assert.deepEqual(result.warnings, ['The milestone was not set: "2026-02-30" is not a date (YYYY-MM-DD).']);
      assert.equal(server.requests.filter((r) => r.operation?.includes('milestone')).length, 0);
    });
  });

  describe('project', () => {
    const project = { owner: 'acme', number: 3, dateField: 'due', date: '2026-11-26' };
    const items = () => server.state.project('acme', 3)!.items;

    it('added to the project, with the date field set', async () => {
      const result = await submitIssue(clientFor(server), options({ project }));
      assert.deepEqual(result.warnings, []);
      assert.ok(result.projectItemId);
      assert.deepEqual(
        items().map((i) => [i.content, i.values]),
        [['acme/app#1', { Due: '2026-11-26' }]],
      );
      const mutations = server.requests
        .filter((r) => r.graphql)
        .map((r) => /\b(addProjectV2ItemById|updateProjectV2ItemFieldValue|repositoryOwner)\b/.exec(r.graphql!.query)?.[1]);
      assert.deepEqual(mutations, ['repositoryOwner', 'addProjectV2ItemById', 'updateProjectV2ItemFieldValue']);
    });

    it('a user’s project works the same', async () => {
      server.state.addProject({ owner: 'octocat', number: 1, title: 'Mine', fields: { Due: 'DATE' } });
      const result = await submitIssue(clientFor(server), options({ project: { ...project, owner: 'octocat', number: 1 } }));
      assert.deepEqual(result.warnings, []);
      assert.deepEqual(server.state.project('octocat', 1)!.items[0]!.values, { Due: '2026-11-26' });
    });

    it('the answer lost after creating: the retry adds the same issue once', async () => {
      server.failNext({ afterEffect: true, dropConnection: true, match: { operation: 'issues/create' } });
      await assert.rejects(submitIssue(clientFor(server), options({ project })));
      assert.equal(items().length, 0);
      const retry = await submitIssue(clientFor(server), options({ project }));
      const again = await submitIssue(clientFor(server), options({ project }));
      assert.deepEqual([retry.reused, again.reused, again.projectItemId], [true, true, retry.projectItemId]);
      assert.deepEqual(
        items().map((i) => i.content),
        ['acme/app#1'],
      );
    });

    const warned: [string, Partial<typeof project>, RegExp, number][] = [
      [
        'a project that does not exist',
        { number: 99 },
        /^The issue was not added to project acme\/99: GitHub has no such project, or your account cannot see it\.$/,
        0,
      ],
      [
        'an owner that does not exist',
        { owner: 'nobody-at-all' },
        /^The issue was not added to project nobody-at-all\/3: GitHub has no user or organization "nobody-at-all"\.$/,
        0,
      ],
      [
        'a field that does not exist',
        { dateField: 'Deadline' },
        /^Added to "Roadmap", but its date was not set: the project has no field "Deadline" \(its date fields: "Due", "Start date"\)\.$/,
        1,
      ],
      [
        'a field that is not a date',
        { dateField: 'Notes' },
        /^Added to "Roadmap", but its date was not set: "Notes" is a text field, not a date \(date fields: "Due", "Start date"\)\.$/,
        1,
      ],
      ['a date that is not one', { date: 'next week' }, /^Added to "Roadmap", but its date was not set: "next week" is not a date \(YYYY-MM-DD\)\.$/, 1],
    ];
    for (const [name, change, warning, added] of warned) {
      it(`${name}: a clear warning, the issue kept`, async () => {
        const result = await submitIssue(clientFor(server), options({ project: { ...project, ...change } }));
        assert.equal(result.number, 1);
        assert.equal(result.warnings.length, 1, result.warnings.join('\n'));
        assert.match(result.warnings[0]!, warning);
        assert.equal(items().length, added);
        assert.deepEqual(items()[0]?.values ?? {}, {});
      });
    }

    it('a sign-in without the project scope: a warning naming the scope, and neededScopes to ask for it', async () => {
      const result = await submitIssue(clientFor(server, { token: 'tok-repo-only' }), options({ project }));
      assert.equal(result.number, 1);
      assert.deepEqual(result.warnings, [
        "The issue was not added to project acme/3: Your GitHub sign-in does not include the 'read:project' permission this needs. Sign in to GitHub again and grant it.",
      ]);
      assert.deepEqual(result.neededScopes, ['read:project']);
      assert.equal(items().length, 0);
    });

    it('GitHub failing between adding the item and setting the date: the item is kept and said', async () => {
      server.failNext({ status: 502, match: { graphql: true } });
      const unreachable = await submitIssue(clientFor(server), options({ project }));
      assert.match(unreachable.warnings[0]!, /^The issue was not added to project acme\/3: GitHub at 127\.0\.0\.1:\d+ had a problem answering \(502\)/);
      server.reset();
      let graphqlCalls = 0;
      // The third GraphQL request (setting the date) fails.
      const client = clientFor(server, {
        fetch: (input, init) => {
          if (String(input).endsWith('/graphql') && ++graphqlCalls === 3) server.failNext({ status: 500 });
          return fetch(input, init);
        },
      });
      const partly = await submitIssue(client, options({ draftId: 'draft-2', project }));
      assert.match(
        partly.warnings[0]!,
        /^The issue was added to project acme\/3, but its date was not set: GitHub at 127\.0\.0\.1:\d+ had a problem answering \(500 Server Error\)/,
      );
      assert.ok(partly.projectItemId);
      assert.deepEqual(
        items().map((i) => [i.content, i.values]),
        [['acme/app#2', {}]],
      );
    });
  });
});

describe('describeSubmitError', () => {
  it('any error: a GitHubError kind and words, never a throw', () => {
    assert.deepEqual(describeSubmitError(new Error('boom')).kind, 'server');
    assert.match(describeSubmitError('text').message, /Something went wrong talking to GitHub: text/);
  });

  it('field errors: missing title, several assignees, unknown fields kept under GitHub’s name, a 422 without details', () => {
    const e = new GitHubError('validation', 'GitHub rejected the request (422): …', {
      status: 422,
      fieldErrors: [
        { resource: 'Issue', code: 'missing_field', field: 'title' },
        { resource: 'Issue', code: 'invalid', field: 'assignee', value: ['x', 'y'] },
        { resource: 'Issue', code: 'invalid', field: 'issue_field_values', value: 'z' },
        { resource: 'Issue', code: 'weird_code', field: 'labels' },
      ],
    });
    assert.deepEqual(describeSubmitError(e).fieldErrors, [
      { field: 'title', message: 'A title is required.' },
      { field: 'assignees', message: '@x, @y cannot be assigned issues in this repository.' },
      { field: 'issue_field_values', message: '"z" is not valid.' },
      { field: 'labels', message: 'Labels: weird code.' },
    ]);
    const bare = describeSubmitError(
      new GitHubError('validation', 'GitHub rejected the request (422): Validation Failed. Correct it and try again.', { status: 422 }),
    );
    assert.deepEqual([bare.message, bare.fieldErrors], ['GitHub rejected the request (422): Validation Failed. Correct it and try again.', []]);
  });

  it('missing scopes are passed on', () => {
    assert.deepEqual(describeSubmitError(new GitHubError('forbidden', 'x', { neededScopes: ['project'] })).neededScopes, ['project']);
  });
});
