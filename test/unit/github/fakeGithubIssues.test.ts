// The fake GitHub's parts for submitting issues: listing a user's issues, collaborator permission,
// Projects (v2) over GraphQL with their scopes, and faults that strike after a request took effect.
import assert from 'node:assert/strict';
import { startFakeGitHub, type FakeGitHub } from '../../fakeGithub/server';
import { nodeId } from '../../fakeGithub/objects';
import { call, graphql } from './helpers';

const PROJECT = `query($owner: String!, $number: Int!) {
  repositoryOwner(login: $owner) {
    __typename
    ... on User { projectV2(number: $number) { ...P } }
    ... on Organization { projectV2(number: $number) { ...P } }
  }
}
fragment P on ProjectV2 { id title fields(first: 20) { totalCount nodes { ... on ProjectV2FieldCommon { id name dataType } } } }`;
const ADD = 'mutation($input: AddProjectV2ItemByIdInput!) { addProjectV2ItemById(input: $input) { item { id type } } }';
const SET = 'mutation($input: UpdateProjectV2ItemFieldValueInput!) { updateProjectV2ItemFieldValue(input: $input) { projectV2Item { id } } }';

describe('fake GitHub: issues and projects', () => {
  let server: FakeGitHub;
  let now = new Date('2026-11-21T09:00:00Z');
  before(async () => {
    server = await startFakeGitHub({
      now: () => now,
      users: ['alice', 'bob', 'carol'],
      organizations: { acme: ['octocat', 'alice'] },
      repos: { 'acme/app': { collaborators: { octocat: 'admin', alice: 'push', bob: 'triage', carol: 'maintain' } } },
      projects: [
        { owner: 'acme', number: 3, title: 'Roadmap', fields: { Due: 'DATE', Notes: 'TEXT' } },
        { owner: 'bob', number: 1, title: 'Bob’s board', fields: { Due: 'DATE' } },
      ],
      tokens: {
        'fake-token': 'octocat',
        'tok-bob': 'bob',
        'tok-repo': { login: 'alice', scopes: ['repo'] },
        'tok-read': { login: 'alice', scopes: ['repo', 'read:project'] },
      },
    });
  });
  after(() => server.close());
  afterEach(() => {
    assert.deepEqual(server.violations, [], JSON.stringify(server.violations, null, 2));
    server.reset();
  });

  it('GET …/collaborators/{user}/permission: the legacy permission and the role name', async () => {
    const of = async (user: string) => (await call(server, 'GET', `/repos/acme/app/collaborators/${user}/permission`)).body;
    assert.deepEqual(
      [(await of('octocat')).permission, (await of('alice')).permission, (await of('carol')).permission, (await of('bob')).permission],
      ['admin', 'write', 'write', 'read'],
    );
    assert.deepEqual([(await of('alice')).role_name, (await of('carol')).role_name, (await of('bob')).role_name], ['write', 'maintain', 'triage']);
    assert.equal((await call(server, 'GET', '/repos/acme/app/collaborators/nobody-here/permission')).status, 404);
  });

  it('GET …/issues with creator, state and since (updated since), newest first', async () => {
    const create = (title: string, auth = 'token fake-token') => call(server, 'POST', '/repos/acme/app/issues', { body: { title }, auth });
    await create('Old one');
    now = new Date('2026-11-21T10:00:00Z');
    await create('By bob', 'token tok-bob');
    now = new Date('2026-11-21T11:00:00Z');
    await create('New one');
    server.state.repo('acme', 'app')!.issues[0]!.state = 'closed';
    const titles = async (query: string) => (await call(server, 'GET', `/repos/acme/app/issues?${query}`)).body.map((i: { title: string }) => i.title);
    assert.deepEqual(await titles('creator=octocat&state=all'), ['New one', 'Old one']);
    assert.deepEqual(await titles('creator=octocat'), ['New one']);
    assert.deepEqual(await titles(`state=all&since=${encodeURIComponent('2026-11-21T09:30:00Z')}`), ['New one', 'By bob']);
    assert.deepEqual(await titles('state=all&direction=asc&per_page=2'), ['Old one', 'By bob']);
    const bad = await call(server, 'GET', '/repos/acme/app/issues?since=yesterday');
    assert.equal(bad.status, 422);
    assert.match(server.violations[0]!.messages.join(), /since/);
    assert.equal((await call(server, 'GET', '/repos/acme/app/issues?labels=bug')).status, 500);
    assert.match(server.violations[1]!.messages.join(), /the "labels" filter is not implemented by the fake GitHub/);
    server.violations.length = 0;
  });

  it('Projects v2: the project of a user or an organization with its fields; NOT_FOUND for one the viewer cannot use', async () => {
    const org = await graphql(server, PROJECT, { owner: 'acme', number: 3 });
    assert.equal(org.body.data.repositoryOwner.__typename, 'Organization');
    const project = org.body.data.repositoryOwner.projectV2;
    assert.equal(project.title, 'Roadmap');
    assert.deepEqual(
      project.fields.nodes.map((f: { name: string; dataType: string }) => `${f.name}:${f.dataType}`),
      ['Title:TITLE', 'Assignees:ASSIGNEES', 'Status:SINGLE_SELECT', 'Labels:LABELS', 'Milestone:MILESTONE', 'Repository:REPOSITORY', 'Due:DATE', 'Notes:TEXT'],
    );
    const hidden = await graphql(server, PROJECT, { owner: 'bob', number: 1 });
    assert.deepEqual(hidden.body.data, { repositoryOwner: { __typename: 'User', projectV2: null } });
    assert.deepEqual([hidden.body.errors[0].type, hidden.body.errors[0].message], ['NOT_FOUND', 'Could not resolve to a ProjectV2 with the number 1.']);
    assert.equal((await graphql(server, PROJECT, { owner: 'bob', number: 1 }, 'token tok-bob')).body.data.repositoryOwner.projectV2.title, 'Bob’s board');
    assert.deepEqual((await graphql(server, PROJECT, { owner: 'no-such-owner', number: 1 })).body, { data: { repositoryOwner: null } });
    const one = await graphql(
      server,
      '{ organization(login: "acme") { projectV2(number: 3) { due: field(name: "Due") { ... on ProjectV2Field { name dataType } } none: field(name: "due") { __typename } last: fields(last: 1) { nodes { ... on ProjectV2Field { name } } pageInfo { hasPreviousPage } } items(first: 5) { totalCount } } } }',
    );
    assert.deepEqual(one.body, {
      data: {
        organization: {
          projectV2: {
            due: { name: 'Due', dataType: 'DATE' },
            none: null,
            last: { nodes: [{ name: 'Notes' }], pageInfo: { hasPreviousPage: true } },
            items: { totalCount: 0 },
          },
        },
      },
    });
    const unpaged = await graphql(server, '{ organization(login: "acme") { projectV2(number: 3) { fields { totalCount } } } }');
    assert.match(unpaged.body.errors[0].message, /You must provide a `first` or `last` value/);
    const tooMany = await graphql(server, '{ organization(login: "acme") { projectV2(number: 3) { fields(first: 101) { totalCount } } } }');
    assert.match(tooMany.body.errors[0].message, /Requesting 101 records on the `fields` connection exceeds the `first` limit of 100 records\./);
    assert.equal(server.violations.length, 2);
    server.violations.length = 0;
  });

  it('addProjectV2ItemById (twice: the same item) and updateProjectV2ItemFieldValue, readable in the state', async () => {
    const issue = await call(server, 'POST', '/repos/acme/app/issues', { body: { title: 'For the roadmap' } });
    const project = server.state.project('acme', 3)!;
    const projectId = nodeId('ProjectV2', project.id);
    const added = await graphql(server, ADD, { input: { projectId, contentId: issue.body.node_id } });
    const again = await graphql(server, ADD, { input: { projectId, contentId: issue.body.node_id } });
    assert.equal(added.body.data.addProjectV2ItemById.item.type, 'ISSUE');
    assert.equal(again.body.data.addProjectV2ItemById.item.id, added.body.data.addProjectV2ItemById.item.id);
    const itemId = added.body.data.addProjectV2ItemById.item.id;
    const due = project.fields.find((f) => f.name === 'Due')!;
    const notes = project.fields.find((f) => f.name === 'Notes')!;
    const set = await graphql(server, SET, { input: { projectId, itemId, fieldId: nodeId('ProjectV2Field', due.id), value: { date: '2026-11-26' } } });
    assert.equal(set.body.data.updateProjectV2ItemFieldValue.projectV2Item.id, itemId);
    assert.deepEqual(
      project.items.map((i) => [i.content, i.values]),
      [[`acme/app#${issue.body.number}`, { Due: '2026-11-26' }]],
    );
    const wrongKind = await graphql(server, SET, { input: { projectId, itemId, fieldId: nodeId('ProjectV2Field', notes.id), value: { date: '2026-11-26' } } });
    assert.deepEqual([wrongKind.body.data.updateProjectV2ItemFieldValue, wrongKind.body.errors[0].type], [null, 'UNPROCESSABLE']);
    const badDate = await graphql(server, SET, { input: { projectId, itemId, fieldId: nodeId('ProjectV2Field', due.id), value: { date: '26.11.2026' } } });
    assert.match(badDate.body.errors[0].message, /not a valid date/);
    const stranger = await graphql(server, ADD, { input: { projectId, contentId: issue.body.node_id } }, 'token tok-bob');
    assert.deepEqual([stranger.body.data.addProjectV2ItemById, stranger.body.errors[0].type], [null, 'NOT_FOUND']);
  });

  it('scopes: reading a project needs read:project (or project), changing one needs project; no data then', async () => {
    const projectId = nodeId('ProjectV2', server.state.project('acme', 3)!.id);
    const read = await graphql(server, PROJECT, { owner: 'acme', number: 3 }, 'token tok-repo');
    assert.equal(read.body.data, undefined);
    assert.equal(read.body.errors.length, 1, 'one error per field name, though two fragments select it');
    assert.equal(read.body.errors[0].type, 'INSUFFICIENT_SCOPES');
    assert.match(
      read.body.errors[0].message,
      /The 'projectV2' field requires one of the following scopes: \['read:project'\], but your token has only been granted the: \['repo'\] scopes/,
    );
    assert.equal((await graphql(server, PROJECT, { owner: 'acme', number: 3 }, 'token tok-read')).body.data.repositoryOwner.projectV2.title, 'Roadmap');
    const write = await graphql(server, ADD, { input: { projectId, contentId: 'x' } }, 'token tok-read');
    assert.deepEqual([write.body.data, write.body.errors[0].type], [undefined, 'INSUFFICIENT_SCOPES']);
    assert.match(write.body.errors[0].message, /'addProjectV2ItemById' field requires one of the following scopes: \['project'\]/);
    assert.equal(server.state.project('acme', 3)!.items.length, 1);
  });
});

describe('fake GitHub: faults after the request took effect (a lost answer)', () => {
  let server: FakeGitHub;
  before(async () => {
    server = await startFakeGitHub({ repos: { 'octocat/hello': {} } });
  });
  after(() => server.close());
  afterEach(() => {
    assert.deepEqual(server.violations, []);
    server.reset();
  });
  const issues = () => server.state.repo('octocat', 'hello')!.issues;

  it('dropConnection after the issue was created: the client sees a network error, the issue exists', async () => {
    server.failNext({ afterEffect: true, dropConnection: true, match: { operation: 'issues/create' } });
    await assert.rejects(
      call(server, 'GET', '/user').then(() => call(server, 'POST', '/repos/octocat/hello/issues', { body: { title: 'Lost' } })),
      /fetch failed/,
    );
    assert.deepEqual(
      issues().map((i) => i.title),
      ['Lost'],
    );
    assert.deepEqual(
      server.requests.map((r) => [r.operation, r.status]),
      [
        ['users/get-authenticated', 200],
        ['issues/create', undefined],
      ],
    );
  });

  it('a status after the effect (502): created all the same', async () => {
    server.failNext({ afterEffect: true, status: 502 });
    assert.equal((await call(server, 'POST', '/repos/octocat/hello/issues', { body: { title: 'Created, 502' } })).status, 502);
    assert.equal(issues().at(-1)!.title, 'Created, 502');
  });

  it('a delay after the effect holds the answer back; a fault before it prevents the effect', async () => {
    server.failNext({ afterEffect: true, delayMs: 120 });
    const started = Date.now();
    assert.equal((await call(server, 'POST', '/repos/octocat/hello/issues', { body: { title: 'Late' } })).status, 201);
    assert.ok(Date.now() - started >= 110);
    const count = issues().length;
    server.failNext({ status: 500 });
    assert.equal((await call(server, 'POST', '/repos/octocat/hello/issues', { body: { title: 'Never' } })).status, 500);
    assert.equal(issues().length, count);
  });

  it('an unauthenticated request does not use up an after-effect fault', async () => {
    server.failNext({ afterEffect: true, status: 500 });
    assert.equal((await call(server, 'GET', '/user', { auth: null })).status, 401);
    assert.equal((await call(server, 'GET', '/user')).status, 500);
  });
});
