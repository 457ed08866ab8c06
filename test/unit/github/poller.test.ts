import assert from 'node:assert/strict';
import { GitHubError, StatusPoller, fetchStatuses, type PollerSnapshot, type PollerTimers } from '../../../src/core/github';
import { startFakeGitHub } from '../../fakeGithub/server';
import { clientFor } from './helpers';

const MIN = 60_000;

/** Fake timers: time moves only when the test says so. */
class FakeClock implements PollerTimers {
  time = Date.parse('2026-11-21T09:00:00Z');
  private next = 1;
  readonly pending = new Map<number, { at: number; callback: () => void }>();

  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.next++;
    this.pending.set(id, { at: this.time + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.pending.delete(handle as number);
  };

  /** Moves time forward, firing due timers in order and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
    await settle();
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A fetch whose results the test scripts: values or errors, in order, and counts calls. */
function scripted(results: (string | GitHubError)[]) {
  const calls: number[] = [];
  let clock: FakeClock;
  const fetch = async () => {
    calls.push(clock.time);
    const next = results.shift() ?? 'ok';
    if (typeof next !== 'string') throw next;
    return next;
  };
  return { calls, fetch, bind: (c: FakeClock) => (clock = c) };
}

describe('StatusPoller', () => {
  it('refreshes at once when shown, then every interval while active', async () => {
    const clock = new FakeClock();
    const s = scripted([]);
    s.bind(clock);
    const updates: PollerSnapshot<string>[] = [];
    const poller = new StatusPoller({ fetch: s.fetch, timers: clock, intervalMs: 5 * MIN, onUpdate: (u) => updates.push(u) });
    await clock.advance(60 * MIN);
    assert.equal(s.calls.length, 0, 'nothing runs before the view is visible');
    poller.setActive(true);
    await clock.advance(0);
    await clock.advance(16 * MIN);
    assert.deepEqual(
      s.calls.map((t) => (t - s.calls[0]!) / MIN),
      [0, 5, 10, 15],
    );
    assert.equal(updates.length, 4);
    assert.deepEqual(updates[3], { value: 'ok', updatedAt: s.calls[3], lastError: undefined, nextRunAt: s.calls[3]! + 5 * MIN });
    poller.dispose();
  });

  it('pauses while hidden (no timer at all) and, when shown again, refreshes only if one is due', async () => {
    const clock = new FakeClock();
    const s = scripted([]);
    s.bind(clock);
    const poller = new StatusPoller({ fetch: s.fetch, timers: clock, intervalMs: 5 * MIN });
    poller.setActive(true);
    await clock.advance(2 * MIN);
    poller.setActive(false);
    assert.equal(clock.pending.size, 0);
    assert.equal(poller.nextRunAt, undefined);
    await clock.advance(MIN);
    poller.setActive(true); // 3 min after the last refresh: wait the remaining 2
    await clock.advance(0);
    assert.equal(s.calls.length, 1);
    assert.equal(poller.nextRunAt, s.calls[0]! + 5 * MIN);
    poller.setActive(false);
    await clock.advance(30 * MIN);
    assert.equal(s.calls.length, 1);
    poller.setActive(true); // long overdue: at once
    await clock.advance(0);
    assert.equal(s.calls.length, 2);
    poller.dispose();
  });

  it('backs off exponentially on errors (×2, up to 30 minutes) and recovers', async () => {
    const clock = new FakeClock();
    const offline = () => new GitHubError('offline', 'Could not reach api.github.com.');
    const s = scripted([offline(), offline(), offline(), offline(), 'back']);
    s.bind(clock);
    const updates: PollerSnapshot<string>[] = [];
    const poller = new StatusPoller({ fetch: s.fetch, timers: clock, intervalMs: 5 * MIN, onUpdate: (u) => updates.push(u) });
    poller.setActive(true);
    await clock.advance(0);
    assert.equal(poller.lastError?.kind, 'offline');
    await clock.advance(120 * MIN);
    const gaps = s.calls.slice(1).map((t, i) => (t - s.calls[i]!) / MIN);
    assert.deepEqual(gaps.slice(0, 5), [10, 20, 30, 30, 5]);
    assert.equal(updates[4]!.value, 'back');
    assert.equal(updates[4]!.lastError, undefined);
    assert.equal(updates[3]!.value, undefined);
    poller.dispose();
  });

  it('waits until a rate limit resets, and a manual refresh does not spend a request meanwhile', async () => {
    const clock = new FakeClock();
    const limited = new GitHubError('rate-limit', 'used up', { resetAt: new Date(clock.time + 47 * MIN) });
    const s = scripted([limited]);
    s.bind(clock);
    const poller = new StatusPoller({ fetch: s.fetch, timers: clock, intervalMs: 5 * MIN });
    poller.setActive(true);
    await clock.advance(0);
    assert.equal(poller.nextRunAt, clock.time + 47 * MIN + 1000);
    await poller.refresh();
    await clock.advance(46 * MIN);
    assert.equal(s.calls.length, 1);
    await clock.advance(2 * MIN);
    assert.equal(s.calls.length, 2);
    assert.equal(poller.lastError, undefined);
    poller.dispose();
  });

  it('never runs two requests at once: refresh() joins the one in flight, and a timer does not start another', async () => {
    const clock = new FakeClock();
    let started = 0;
    let release!: () => void;
    const poller = new StatusPoller({
      fetch: () => {
        started++;
        return new Promise<string>((resolve) => (release = () => resolve('done')));
      },
      timers: clock,
      intervalMs: MIN,
    });
    poller.setActive(true);
    const a = poller.refresh();
    const b = poller.refresh();
    assert.equal(a, b);
    await clock.advance(10 * MIN);
    poller.setActive(false);
    poller.setActive(true);
    assert.equal(started, 1);
    release();
    await a;
    assert.equal(poller.value, 'done');
    poller.dispose();
  });

  it('errors of any kind are classified; hidden while a request runs means no reschedule', async () => {
    const clock = new FakeClock();
    let release!: (v: string) => void;
    let calls = 0;
    const poller = new StatusPoller({
      fetch: () => {
        calls++;
        return calls === 1 ? new Promise<string>((resolve) => (release = resolve)) : Promise.reject(new TypeError('fetch failed'));
      },
      timers: clock,
    });
    poller.setActive(true);
    await clock.advance(0);
    poller.setActive(false);
    release('first');
    await clock.advance(0);
    assert.equal(clock.pending.size, 0);
    await poller.refresh();
    assert.equal(poller.lastError?.kind, 'offline');
    assert.equal(poller.value, 'first', 'the last good value is kept on error');
    poller.dispose();
  });

  it('with the real client and fake GitHub: a rate limit, then success at the reset', async () => {
    const server = await startFakeGitHub({ users: ['alice'] });
    try {
      const clock = new FakeClock();
      clock.time = Date.now();
      const client = clientFor(server, { now: clock.now });
      const poller = new StatusPoller({ fetch: () => fetchStatuses(client, ['alice']), timers: clock });
      server.failNext({ rateLimit: { resetSeconds: 600 } });
      await poller.refresh();
      assert.equal(poller.lastError?.kind, 'rate-limit');
      const due = poller.lastError!.resetAt!.getTime() + 1000;
      poller.setActive(true);
      assert.equal(poller.nextRunAt, due);
      clock.time = due;
      await poller.refresh();
      assert.equal(poller.lastError, undefined);
      assert.deepEqual([...poller.value!.entries()], [['alice', null]]);
      assert.equal(server.requests.length, 2);
      assert.deepEqual(server.violations, []);
      poller.dispose();
    } finally {
      await server.close();
    }
  });
});
