// The focus status bar texts (pure): the clock when idle, the countdown, tooltip and screen-reader
// label during a session, and what the tooltip says about Do Not Disturb and the GitHub status.
import assert from 'node:assert/strict';
import { clockView, newSession, sessionView, type GitHubOutcome, type StoredSession } from '../../../src/core/focus';

const BERLIN = 'Europe/Berlin';
// Tue 24 Nov 2026, 14:00 in Berlin (UTC+1).
const NOW = Date.parse('2026-11-24T13:00:00Z');

describe('focus status bar', () => {
  it('shows your local time and starts a session on click when none runs', () => {
    assert.deepEqual(clockView(NOW, BERLIN), {
      text: '$(clock) 14:00',
      tooltip: 'Your local time: 14:00 Tue (Europe/Berlin)\n\nClick to start a focus session.',
      command: { command: 'asyncDesk.focus.start', title: 'Start Focus Session' },
      accessibilityLabel: 'Local time 14:00 Tue, Europe/Berlin. Activate to start a focus session.',
    });
  });

  it('counts a session down, says until when, and ends it on click', () => {
    const session = newSession('abc', NOW, NOW + 25 * 60_000, BERLIN, true);
    assert.deepEqual(sessionView(session, NOW + 47_600, true, { state: 'off' }), {
      text: '$(eye-closed) Focus 24:13 left',
      tooltip: 'Focus session until 14:25 (Europe/Berlin): 24 minutes left.\nDo Not Disturb is on in this window until then.\n\nClick to end the session.',
      command: { command: 'asyncDesk.focus.end', title: 'End Focus Session' },
      accessibilityLabel: 'Focus session, 24 minutes left, until 14:25 (Europe/Berlin). Activate to end it.',
    });
  });

  it('says who manages Do Not Disturb and what happened to your GitHub status', () => {
    const session = newSession('abc', NOW, NOW + 25 * 60_000, BERLIN, false);
    // The tooltip between its first line (until when) and its last two (blank, "Click to end").
    const lines = (s: StoredSession, mine: boolean, github: GitHubOutcome) => sessionView(s, NOW, mine, github).tooltip.split('\n').slice(1, -2);
    assert.deepEqual(lines(session, true, { state: 'off' }), ['Do Not Disturb was not changed.']);
    assert.deepEqual(lines(session, false, { state: 'off' }), ['Started in another window; Do Not Disturb is managed there.']);
    assert.deepEqual(lines(session, true, { state: 'failed', error: 'offline' }), ['Do Not Disturb was not changed.', 'GitHub status not set: offline']);
    assert.deepEqual(lines(session, true, { state: 'skipped', reason: 'Restricted Mode' }), [
      'Do Not Disturb was not changed.',
      'GitHub status not set (Restricted Mode).',
    ]);
    const withGitHub = { ...session, github: { login: 'ana', previous: null, message: 'Focusing until 14:25 (Europe/Berlin)' } };
    assert.deepEqual(lines(withGitHub, true, { state: 'failed', error: 'ignored: the status is set' }), [
      'Do Not Disturb was not changed.',
      'GitHub status: busy, "Focusing until 14:25 (Europe/Berlin)".',
    ]);
  });

  it('gives the weekday of an end on another day', () => {
    const session = newSession('abc', NOW, Date.parse('2026-11-25T08:00:00Z'), BERLIN, true);
    assert.match(sessionView(session, NOW, true, { state: 'off' }).tooltip, /^Focus session until 09:00 Wed \(Europe\/Berlin\): 19 hours left\./);
  });
});
