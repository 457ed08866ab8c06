// The outbox: its state (queue, edit, remove, stored JSON of any shape) and flushing it against the
// fake GitHub in order, stopping early on failures every entry would share, never duplicating.
import assert from 'node:assert/strict';
import { Outbox, flushOutbox, type NewOutboxEntry, type OutboxEntry } from '../../../src/core/issues/outbox';
import { startFakeGitHub, type FakeGitHub } from '../../fakeGithub/server';
import { restDescription } from '../../fakeGithub/openapi';
import { clientFor } from '../github/helpers';

const T0 = new Date('2026-11-21T09:00:00Z');
const entry = (id: string, extra: Partial<NewOutboxEntry> = {}): NewOutboxEntry => ({
  id,
  repo: { owner: 'acme', repo: 'app' },
  request: { title: `Issue ${id}`, body: `Body of ${id}`, labels: [], assignees: [] },
  ...extra,
});

describe('Outbox state', () => {
  it('queues in order; pending is what is still to send; every change is announced', () => {
    const outbox = new Outbox();
    const seen: string[][] = [];
    const stop = outbox.onDidChange((entries) => seen.push(entries.map((e) => `${e.id}:${e.status}`)));
    const a = outbox.add(entry('a', { context: { template: 'blocker' } }), T0);
    outbox.add(entry('b'), new Date('2026-11-21T09:01:00Z'));
    assert.deepEqual(a, {
      id: 'a',
      createdAt: '2026-11-21T09:00:00.000Z',
      attempts: 0,
      status: 'pending',
      repo: { owner: 'acme', repo: 'app' },
      request: entry('a').request,
      context: { template: 'blocker' },
    });
    outbox.update('a', { status: 'sent', result: { number: 1, url: 'u', reused: false, warnings: [] } });
    assert.deepEqual(
      outbox.pending().map((e) => e.id),
      ['b'],
    );
    assert.equal(outbox.clearSent(), 1);
    assert.equal(outbox.remove('b'), true);
    assert.equal(outbox.remove('b'), false);
    stop();
    outbox.add(entry('c'));
    assert.deepEqual(seen, [['a:pending'], ['a:pending', 'b:pending'], ['a:sent', 'b:pending'], ['b:pending'], []]);
  });

  it('a draft queued again (after an edit) keeps its place, first time and attempts, and is pending again', () => {
    const outbox = new Outbox();
    outbox.add(entry('a'), T0);
    outbox.add(entry('b'), T0);
    outbox.update('a', { status: 'failed', attempts: 2, lastError: { kind: 'validation', message: 'x', at: T0.toISOString() } });
    const edited = outbox.add(entry('a', { request: { title: 'Fixed', body: '', labels: [], assignees: ['bob'] } }), new Date('2026-11-22T00:00:00Z'));
    assert.deepEqual(
      [edited.createdAt, edited.attempts, edited.status, edited.lastError, edited.request.title],
      ['2026-11-21T09:00:00.000Z', 2, 'pending', undefined, 'Fixed'],
    );
    assert.deepEqual(
      outbox.all().map((e) => e.id),
      ['a', 'b'],
    );
  });

  it('update: undefined removes a key; an unknown id changes nothing; a bad draft id, or one being sent, is refused', () => {
    const outbox = new Outbox();
    outbox.add(entry('a'), T0);
    outbox.update('a', { lastError: { kind: 'offline', message: 'm', at: 't' } });
    assert.ok('lastError' in outbox.get('a')!);
    outbox.update('a', { lastError: undefined });
    assert.ok(!('lastError' in outbox.get('a')!));
    assert.equal(outbox.update('zz', { attempts: 9 }), undefined);
    assert.throws(() => outbox.add(entry('not valid')), RangeError);
    outbox.update('a', { status: 'sending' });
    assert.throws(() => outbox.add(entry('a')), /The issue for draft a is being sent right now; change it once that attempt has ended\./);
  });

  it('round-trips through JSON; an entry left "sending" by a closed window is pending again', () => {
    const outbox = new Outbox();
    outbox.add(entry('a', { milestone: { dueDate: '2026-11-26' }, project: { owner: 'acme', number: 3, dateField: 'Due', date: '2026-11-26' } }), T0);
    outbox.update('a', { status: 'sending', attempts: 1 });
    const stored = JSON.parse(JSON.stringify(outbox));
    const { outbox: loaded, problems } = Outbox.fromJSON(stored);
    assert.deepEqual(problems, []);
    assert.deepEqual(loaded.toJSON(), [{ ...stored[0], status: 'pending' }]);
  });

  it('stored JSON of any shape: malformed entries are left out and said, the rest kept', () => {
    const good = JSON.parse(JSON.stringify(new Outbox([]).add(entry('ok'), T0)));
    const { outbox, problems } = Outbox.fromJSON([
      good,
      null,
      { id: 'no repo', request: good.request },
      { ...good, id: 'bad-request', request: { title: 'x', body: 1, labels: [], assignees: [] } },
      { ...good, id: 'bad-project', project: { owner: 'acme', number: 'three' } },
      { ...good, id: 'ok' },
      { ...good, id: 'sent-without-result', status: 'sent', attempts: -1, createdAt: 'never' },
    ]);
    assert.deepEqual(
      outbox.all().map((e) => [e.id, e.status, e.attempts, e.createdAt]),
      [
        ['ok', 'pending', 0, '2026-11-21T09:00:00.000Z'],
        ['sent-without-result', 'pending', 0, '1970-01-01T00:00:00.000Z'],
      ],
    );
    assert.deepEqual(problems, [
      'stored outbox entry 2: not an object; it was left out',
      'stored outbox entry 3: no valid draft id; it was left out',
      'stored outbox entry 4: draft bad-request: no valid issue (title, body, labels, assignees); it was left out',
      'stored outbox entry 5: draft bad-project: a malformed project; it was left out',
      'stored outbox entry 6: a second entry for draft ok; it was left out',
    ]);
    assert.deepEqual(Outbox.fromJSON({ not: 'a list' }).problems, ['the stored outbox is not a list; it was ignored']);
    assert.deepEqual(Outbox.fromJSON(undefined).outbox.all(), []);
  });
});

describe('flushOutbox', () => {
  let server: FakeGitHub;
  let clock = T0;
  const now = () => clock;
  const titles = () => server.state.repo('acme', 'app')!.issues.map((i) => i.title);
  const posts = () => server.requests.filter((r) => r.operation === 'issues/create');
  const queue = (...ids: string[]) => {
    const outbox = new Outbox();
    for (const id of ids) outbox.add(entry(id), T0);
    return outbox;
  };
  const brief = (entries: readonly OutboxEntry[]) =>
    entries.map((e) => `${e.id}:${e.status}:${e.attempts}${e.result ? `:#${e.result.number}` : ''}${e.lastError ? `:${e.lastError.kind}` : ''}`);

  before(() => restDescription());
  beforeEach(async () => {
    clock = T0;
    server = await startFakeGitHub({ now, users: ['alice'], repos: { 'acme/app': { collaborators: { octocat: 'admin', alice: 'push' } } } });
  });
  afterEach(async () => {
    assert.deepEqual(server.violations, [], JSON.stringify(server.violations, null, 2));
    await server.close();
  });

  it('sends every entry in the order queued, each with its result', async () => {
    const outbox = queue('a', 'b', 'c');
    const result = await flushOutbox(outbox, clientFor(server), now);
    assert.deepEqual(brief(result.sent), ['a:sent:1:#1', 'b:sent:1:#2', 'c:sent:1:#3']);
    assert.deepEqual([result.failed, result.stopped], [[], undefined]);
    assert.deepEqual(titles(), ['Issue a', 'Issue b', 'Issue c']);
    assert.deepEqual(outbox.pending(), []);
  });

  it('stops at the first offline failure, leaving the rest untouched; the next flush sends all, no duplicate', async () => {
    const outbox = queue('a', 'b', 'c');
    server.failNext({ dropConnection: true, match: { operation: 'issues/create' } });
    const first = await flushOutbox(outbox, clientFor(server), now);
    assert.deepEqual(brief(first.failed), ['a:failed:1:offline']);
    assert.equal(first.stopped?.kind, 'offline');
    assert.deepEqual(brief(outbox.all()), ['a:failed:1:offline', 'b:pending:0', 'c:pending:0']);
    const second = await flushOutbox(outbox, clientFor(server), now);
    assert.deepEqual(brief(second.sent), ['a:sent:2:#1', 'b:sent:1:#2', 'c:sent:1:#3']);
    assert.equal(outbox.get('a')!.lastError, undefined);
    assert.deepEqual(titles(), ['Issue a', 'Issue b', 'Issue c']);
  });

  it('a lost answer: the entry fails, the next flush finds the issue (reused), exactly one exists', async () => {
    const outbox = queue('a', 'b');
    server.failNext({ afterEffect: true, dropConnection: true, match: { operation: 'issues/create' } });
    await flushOutbox(outbox, clientFor(server), now);
    assert.deepEqual(titles(), ['Issue a']);
    const retry = await flushOutbox(outbox, clientFor(server), now);
    assert.deepEqual(
      retry.sent.map((e) => [e.id, e.result!.number, e.result!.reused]),
      [
        ['a', 1, true],
        ['b', 2, false],
      ],
    );
    assert.deepEqual(titles(), ['Issue a', 'Issue b']);
    assert.equal(posts().length, 2);
  });

  it('a rate limit stops the flush and holds the next ones until it lifts, without a request', async () => {
    const outbox = queue('a', 'b');
    server.failNext({ rateLimit: { resetSeconds: 600 }, match: { operation: 'issues/create' } });
    const client = clientFor(server, { now: () => clock.getTime() });
    const first = await flushOutbox(outbox, client, now);
    assert.deepEqual([first.stopped?.kind, first.stopped?.retryAt], ['rate-limit', '2026-11-21T09:10:00.000Z']);
    assert.deepEqual(brief(outbox.all()), ['a:failed:1:rate-limit', 'b:pending:0']);
    server.reset();
    clock = new Date('2026-11-21T09:05:00Z');
    const early = await flushOutbox(outbox, client, now);
    assert.deepEqual([early.sent, early.failed, early.stopped?.retryAt], [[], [], '2026-11-21T09:10:00.000Z']);
    assert.deepEqual(server.requests, []);
    clock = new Date('2026-11-21T09:10:01Z');
    const later = await flushOutbox(outbox, client, now);
    assert.deepEqual(brief(later.sent), ['a:sent:2:#1', 'b:sent:1:#2']);
  });

  it('stops on a sign-in failure too; carries on past an entry GitHub refuses (422), which keeps its field errors', async () => {
    const outbox = queue('a');
    outbox.add(entry('b', { request: { title: 'Bad owner', body: '', labels: [], assignees: ['mallory'] } }), T0);
    outbox.add(entry('c'), T0);
    const refused = await flushOutbox(outbox, clientFor(server), now);
    assert.deepEqual([brief(refused.sent), brief(refused.failed), refused.stopped], [['a:sent:1:#1', 'c:sent:1:#2'], ['b:failed:1:validation'], undefined]);
    assert.deepEqual(outbox.get('b')!.lastError!.fieldErrors, [{ field: 'assignees', message: '@mallory cannot be assigned issues in this repository.' }]);
    assert.equal(outbox.get('b')!.lastError!.at, '2026-11-21T09:00:00.000Z');

    outbox.add(entry('d'), T0);
    const signedOut = await flushOutbox(outbox, clientFor(server, { token: 'revoked' }), now);
    assert.deepEqual([brief(signedOut.failed), signedOut.stopped?.kind], [['b:failed:2:auth'], 'auth']);
    assert.equal(outbox.get('d')!.attempts, 0);
  });

  it('ids: only those entries', async () => {
    const outbox = queue('a', 'b');
    const result = await flushOutbox(outbox, clientFor(server), now, { ids: ['b'] });
    assert.deepEqual(brief(result.sent), ['b:sent:1:#1']);
    assert.deepEqual(brief(outbox.pending()), ['a:pending:0']);
  });

  it('two flushes at once send each entry once', async () => {
    const outbox = queue('a', 'b', 'c');
    const [x, y] = await Promise.all([flushOutbox(outbox, clientFor(server), now), flushOutbox(outbox, clientFor(server), now)]);
    assert.deepEqual([...x.sent, ...y.sent].map((e) => e.id).sort(), ['a', 'b', 'c']);
    assert.equal(posts().length, 3);
    assert.equal(titles().length, 3);
  });

  it('an entry removed while it was being sent is still reported sent (the issue exists)', async () => {
    const outbox = queue('a');
    const client = clientFor(server, {
      fetch: (input, init) => {
        if (init?.method === 'POST') outbox.remove('a');
        return fetch(input, init);
      },
    });
    const result = await flushOutbox(outbox, client, now);
    assert.deepEqual(brief(result.sent), ['a:sent:1:#1']);
    assert.deepEqual(outbox.all(), []);
  });

  it('passes the milestone, the project and the first-queued time on to submitIssue', async () => {
    const outbox = new Outbox();
    outbox.add(entry('a', { milestone: { dueDate: '2026-11-26' } }), T0);
    await flushOutbox(outbox, clientFor(server), now, { login: 'octocat' });
    assert.equal(server.state.repo('acme', 'app')!.milestones[0]!.title, 'Due 2026-11-26');
    assert.equal(server.requests.find((r) => r.operation === 'issues/list-for-repo')!.query.since, '2026-11-21T08:50:00Z');
    assert.equal(
      server.requests.some((r) => r.operation === 'users/get-authenticated'),
      false,
    );
  });
});
