// The persisted focus session and the decisions about it (pure): what storage may hold, when an
// expired session is ended and by which window, when the clock ticks, which GitHub status comes back.
import assert from 'node:assert/strict';
import type { OwnStatus } from '../../../src/core/github';
import {
  dueToEnd,
  isSession,
  newSession,
  nextTickDelay,
  OWNER_GRACE_MS,
  restoreStep,
  runningAt,
  statusBeforeSession,
  type PendingRestore,
} from '../../../src/core/focus';

const NOW = Date.parse('2026-11-24T13:00:00Z');
const status = (message: string): OwnStatus => ({ emoji: ':coffee:', message, busy: false, expiresAt: null, organizationId: null });
const pending = (previous: OwnStatus | null): PendingRestore => ({ sessionId: 's1', login: 'Ana', previous, message: 'Focusing until 15:30 (Europe/Berlin)' });

describe('focus session state', () => {
  it('writes a session storage accepts back, and refuses anything else', () => {
    const s = newSession('abc', NOW, NOW + 25 * 60_000, 'Europe/Berlin', true);
    assert.deepEqual(s, {
      version: 1,
      id: 'abc',
      startedAt: '2026-11-24T13:00:00.000Z',
      endsAt: '2026-11-24T13:25:00.000Z',
      zone: 'Europe/Berlin',
      dndToggled: true,
    });
    assert.ok(isSession(s));
    assert.ok(isSession(JSON.parse(JSON.stringify(s))), 'survives storage');
    const bad = [undefined, null, 'x', {}, { ...s, version: 2 }, { ...s, id: 7 }, { ...s, endsAt: 'soon' }];
    for (const value of bad) assert.equal(isSession(value), false, JSON.stringify(value));
  });

  it('runs until its end, not at it', () => {
    const s = newSession('abc', NOW, NOW + 60_000, 'UTC', false);
    assert.equal(runningAt(s, NOW + 59_999), s);
    assert.equal(runningAt(s, NOW + 60_000), undefined);
    assert.equal(runningAt(undefined, NOW), undefined);
  });

  it('an expired session is ended at once by its own window, by others only after the grace period', () => {
    const s = newSession('abc', NOW - 60_000, NOW, 'UTC', true);
    assert.equal(dueToEnd(s, 'abc', NOW - 1), false, 'still running');
    assert.equal(dueToEnd(s, 'abc', NOW), true, 'its window, at the end');
    assert.equal(dueToEnd(s, undefined, NOW + OWNER_GRACE_MS - 1), false, 'another window waits for the owner');
    assert.equal(dueToEnd(s, 'other', NOW + OWNER_GRACE_MS), true, 'then ends it (the owner may be closed)');
    assert.equal(dueToEnd(undefined, 'abc', NOW), false);
  });

  it('ticks on the countdown seconds during a session, on the minute otherwise', () => {
    const s = newSession('abc', NOW, NOW + 60_000, 'UTC', true);
    assert.equal(nextTickDelay(s, NOW + 250), 750 + 15, 'the next whole second left');
    assert.equal(nextTickDelay(s, NOW), 1000 + 15, 'exactly on a second: a second later');
    assert.equal(nextTickDelay(undefined, NOW + 20_000), 40_000 + 15, 'the next minute boundary');
  });
});

describe('focus session GitHub status', () => {
  it('keeps the status shown at the start, unless an earlier restore is still pending for you', () => {
    assert.deepEqual(statusBeforeSession('ana', status('Reviewing'), undefined), { previous: status('Reviewing'), dropPending: false });
    const earlier = pending(status('Reviewing'));
    // GitHub shows the earlier session's status, or nothing (it expired): the pending one is the real one.
    assert.deepEqual(statusBeforeSession('ana', status(earlier.message), earlier), { previous: status('Reviewing'), dropPending: true });
    assert.deepEqual(statusBeforeSession('ANA', null, earlier), { previous: status('Reviewing'), dropPending: true });
    // You set one yourself since: that one comes back, and the stale restore is dropped.
    assert.deepEqual(statusBeforeSession('ana', status('In a meeting'), earlier), { previous: status('In a meeting'), dropPending: true });
    // Another account's pending restore is not this one's.
    assert.deepEqual(statusBeforeSession('bo', null, earlier), { previous: null, dropPending: false });
  });

  it('puts the previous status back only over ours, for the same login', () => {
    const p = pending(status('Reviewing'));
    assert.deepEqual(restoreStep(p, 'ana', status(p.message)), { kind: 'restore', write: true }, 'ours still shows (login compared without case)');
    assert.deepEqual(restoreStep(p, 'Ana', null), { kind: 'restore', write: true }, 'ours expired');
    assert.deepEqual(restoreStep(pending(null), 'Ana', null), { kind: 'restore', write: false }, 'nothing before, nothing now: nothing to write');
    assert.deepEqual(restoreStep(pending(null), 'Ana', status(p.message)), { kind: 'restore', write: true }, 'ours is cleared');
    assert.deepEqual(restoreStep(p, 'Ana', status('In a meeting')), { kind: 'changed' });
    assert.deepEqual(restoreStep(p, 'bo', status(p.message)), { kind: 'other-login' });
  });
});
