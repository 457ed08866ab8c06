// Your own focus session in the real VS Code: Do Not Disturb turned on and given back exactly once
// (VS Code's own notifications.toggleDoNotDisturbMode), the session kept in the extension's storage
// across a simulated window reload (resumed while running, ended when expired), the status bar clock
// and countdown, and your GitHub status set to busy and restored against the loopback fake GitHub
// (which validates every GraphQL request against GitHub's schema).
//
// VS Code has no API to read the Do Not Disturb mode, so DND is checked through what can be observed:
// the command exists in this VS Code, executing it succeeded (a failed executeCommand is not counted),
// how many times this window executed it (even = back to the state before), and the ownership
// marker the extension persisted. A real reload cannot happen inside a test run; the internal
// suspend/resume commands drop the in-memory state and timers and re-run the activation path on
// what was persisted, which is what a reload does.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startFakeGitHub, DEFAULT_TOKEN, DEFAULT_LOGIN, type FakeGitHub } from '../fakeGithub/server';
import { activateExtension, waitFor, testHooks } from './helpers';
import type { FocusSnapshot } from '../../src/features/focus/focusController';

const DND = 'notifications.toggleDoNotDisturbMode';

const start = (args: { minutes?: number; until?: string }) => vscode.commands.executeCommand<FocusSnapshot>('asyncDesk.focus.start', args);
const end = () => vscode.commands.executeCommand<FocusSnapshot>('asyncDesk.focus.end');
const snapshot = async () => (await testHooks()).focus.snapshot();
const suspend = async () => (await testHooks()).focus.suspend();
const resume = async () => (await testHooks()).focus.resume();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ready(): Promise<void> {
  await activateExtension();
  // Internal commands exist once the features bundle has loaded (just after activation).
  await testHooks(); // loads the features bundle
  if ((await snapshot()).session) await end();
}

/** HH:mm now (and a minute ago, in case the minute turns between two reads) in the host's zone. */
function clockNow(): string[] {
  const f = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return [f.format(new Date()), f.format(new Date(Date.now() - 60_000))];
}

describe('Focus session', function () {
  this.timeout(30_000);
  before(ready);
  afterEach(async () => {
    if ((await snapshot()).session) await end();
  });

  it('start turns Do Not Disturb on once, persists the session and counts down; end gives DND back once', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(DND), `${DND} exists in this VS Code`);
    const before = await snapshot();
    assert.equal(before.active, false);
    assert.equal(before.owner, null, 'no DND marker left over');

    const t0 = Date.now();
    const started = await start({ minutes: 1 });
    assert.equal(started.active, true);
    assert.ok(started.session, 'the session is in globalState');
    assert.ok(Math.abs(Date.parse(started.session.endsAt) - (t0 + 60_000)) < 5_000, `ends a minute from now: ${started.session.endsAt}`);
    assert.equal(started.session.dndToggled, true, `${DND} was executed successfully`);
    assert.deepEqual(started.owner, { sessionId: started.session.id, dnd: true }, 'this window owns the DND toggle');
    assert.equal(started.dndToggles, before.dndToggles + 1, 'DND toggled exactly once');
    assert.equal(started.github.state, 'off', 'GitHub status is off by default');

    // The status bar counts down every second, with the end time in the tooltip; a click ends it.
    assert.match(started.statusBar.text, /^\$\(eye-closed\) Focus (01:00|00:[0-5]\d) left$/);
    assert.equal(started.statusBar.command, 'asyncDesk.focus.end');
    assert.match(started.statusBar.tooltip, /^Focus session until \d\d:\d\d \(.+\): .* left\.\nDo Not Disturb is on/);
    assert.match(started.statusBar.accessibilityLabel ?? '', /^Focus session, (1 minute|less than a minute) left, until \d\d:\d\d/);
    assert.ok(started.statusBar.name, 'the item has a name');
    const later = await waitFor(
      'the countdown to move',
      async () => {
        const s = await snapshot();
        return s.statusBar.text !== started.statusBar.text ? s : undefined;
      },
      3_000,
    );
    assert.match(later.statusBar.text, /^\$\(eye-closed\) Focus 00:[0-5]\d left$/);

    // Starting again while it runs changes nothing: no second toggle, same end.
    const again = await start({ minutes: 5 });
    assert.equal(again.alreadyRunning, true);
    assert.equal(again.dndToggles, started.dndToggles);
    assert.equal(again.session?.endsAt, started.session.endsAt);

    const ended = await end();
    assert.equal(ended.active, false);
    assert.equal(ended.dndRestored, true);
    assert.equal(ended.dndToggles, before.dndToggles + 2, 'toggled back: an even number of toggles restores the state before');
    assert.equal(ended.session, null, 'removed from globalState');
    assert.equal(ended.owner, null, 'DND marker removed');
    assert.match(ended.statusBar.text, /^\$\(clock\) \d\d:\d\d$/);
    assert.equal(ended.statusBar.command, 'asyncDesk.focus.start');

    const endedAgain = await end();
    assert.equal(endedAgain.dndRestored, false, 'ending twice never toggles twice');
    assert.equal(endedAgain.dndToggles, ended.dndToggles);
  });

  it('after a reload a running session resumes without toggling DND again', async () => {
    const started = await start({ minutes: 1 });
    await suspend();
    const resumed = await resume();
    assert.equal(resumed.active, true);
    assert.equal(resumed.session?.id, started.session?.id);
    assert.equal(resumed.dndToggles, started.dndToggles, 'no toggle on resume');
    assert.match(resumed.statusBar.text, /^\$\(eye-closed\) Focus 0\d:\d\d left$/);
    const ended = await end();
    assert.equal(ended.dndToggles, started.dndToggles + 1);
  });

  it('a session that expired while the window was gone is ended on the next activation, DND given back once', async () => {
    const started = await start({ minutes: 0.03 }); // 1.8 s
    await suspend(); // the window goes away before the end: nothing ends it
    await sleep(2_500);
    const stale = await snapshot();
    assert.equal(stale.active, false, 'past its end');
    assert.equal(stale.session?.id, started.session?.id, 'still persisted: nobody ended it');
    assert.equal(stale.dndToggles, started.dndToggles, 'no toggle while the window was gone');
    const resumed = await resume();
    assert.equal(resumed.session, null);
    assert.equal(resumed.owner, null);
    assert.equal(resumed.dndToggles, started.dndToggles + 1, 'toggled back exactly once');
  });

  it('ends by itself at its end time', async () => {
    const started = await start({ until: new Date(Date.now() + 1_500).toISOString() });
    assert.equal(started.active, true);
    const ended = await waitFor(
      'the session to end',
      async () => {
        const s = await snapshot();
        return s.session === null && s.dndToggles > started.dndToggles ? s : undefined;
      },
      6_000,
    );
    assert.equal(ended.owner, null);
    await sleep(1_200); // a countdown tick or two later: still exactly one toggle back
    const settled = await snapshot();
    assert.equal(settled.dndToggles, started.dndToggles + 1);
    assert.match(settled.statusBar.text, /^\$\(clock\) \d\d:\d\d$/);
  });

  it('shows your local time when no session runs', async () => {
    const idle = await snapshot();
    const [now, before] = clockNow();
    assert.ok([`$(clock) ${now}`, `$(clock) ${before}`].includes(idle.statusBar.text), `${idle.statusBar.text} is ${now}`);
    assert.match(idle.statusBar.tooltip, /^Your local time: \d\d:\d\d \w{3} \(.+\)\n\nClick to start a focus session\.$/);
    assert.match(idle.statusBar.accessibilityLabel ?? '', /^Local time \d\d:\d\d/);
  });
});

describe('Focus session with GitHub status', function () {
  this.timeout(30_000);
  let github: FakeGitHub;
  const config = () => vscode.workspace.getConfiguration('asyncDesk');
  const PREVIOUS = { emoji: ':coffee:', message: 'Reviewing PRs', indicatesLimitedAvailability: false, expiresAt: null };
  const status = () => github.state.visibleStatus(DEFAULT_LOGIN);

  before(async () => {
    await ready();
    github = await startFakeGitHub();
    await config().update('github.apiUrl', github.url, vscode.ConfigurationTarget.Global);
    await (await testHooks()).signInWithToken(DEFAULT_TOKEN);
    await config().update('focus.setGitHubStatus', true, vscode.ConfigurationTarget.Global);
  });

  beforeEach(() => {
    github.state.setStatus(DEFAULT_LOGIN, PREVIOUS);
    github.reset();
  });

  afterEach(async () => {
    if ((await snapshot()).session) await end();
  });

  after(async () => {
    await config().update('focus.setGitHubStatus', undefined, vscode.ConfigurationTarget.Global);
    await config().update('github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('asyncDesk.github.signOut');
    await github?.close();
  });

  it('sets your status to busy until the end and restores the previous one at the end', async () => {
    const started = await start({ minutes: 30 });
    assert.deepEqual(started.github, { state: 'set', message: started.session?.github?.message });
    const busy = status();
    assert.ok(busy, 'a status is set');
    assert.equal(busy.indicatesLimitedAvailability, true);
    assert.equal(busy.emoji, ':no_bell:');
    // The end time in your zone, with the weekday when it falls on another day.
    assert.match(busy.message ?? '', /^Focusing until \d\d:\d\d( (Mon|Tue|Wed|Thu|Fri|Sat|Sun))? \(.+\)$/);
    assert.equal(Date.parse(busy.expiresAt ?? ''), Date.parse(started.session!.endsAt), 'expires at the end of the session');
    assert.equal(started.session?.github?.previous?.message, 'Reviewing PRs', 'the previous status is kept in globalState');
    assert.match(started.statusBar.tooltip, /GitHub status: busy/);

    const ended = await end();
    assert.equal(ended.github.state, 'restored');
    assert.equal(ended.pendingGitHubRestore, null);
    const back = status();
    assert.equal(back?.message, 'Reviewing PRs');
    assert.equal(back?.emoji, ':coffee:');
    assert.equal(back?.indicatesLimitedAvailability, false);
    assert.equal(back?.expiresAt, null);
    const mutations = github.requests.filter((r) => r.graphql?.query.includes('changeUserStatus'));
    assert.equal(mutations.length, 2, 'one mutation to set, one to restore');
    assert.deepEqual(github.violations, [], 'every request is one GitHub would accept');
  });

  it('a GitHub failure does not block the session', async () => {
    github.failNext({ status: 502, match: { graphql: true } });
    const started = await start({ minutes: 30 });
    assert.equal(started.active, true, 'the session runs');
    assert.equal(started.session?.dndToggled, true, 'with Do Not Disturb');
    assert.equal(started.github.state, 'failed');
    assert.equal(started.session?.github, undefined, 'nothing to restore');
    assert.equal(status()?.message, 'Reviewing PRs', 'status untouched');
    assert.match(started.statusBar.tooltip, /GitHub status not set/);
    const ended = await end();
    assert.equal(ended.dndRestored, true);
    assert.equal(status()?.message, 'Reviewing PRs');
    assert.deepEqual(github.violations, []);
  });

  it('a status you set during the session is left alone at the end', async () => {
    await start({ minutes: 30 });
    github.state.setStatus(DEFAULT_LOGIN, { emoji: ':calendar:', message: 'In a meeting' });
    const ended = await end();
    assert.deepEqual(ended.github, { state: 'kept', reason: 'changed since' });
    assert.equal(status()?.message, 'In a meeting');
  });

  it('a session that expired while the window was gone restores the previous status on the next activation', async () => {
    const started = await start({ minutes: 0.03 }); // 1.8 s; GitHub drops the busy status by itself at expiresAt
    assert.equal(started.github.state, 'set');
    await suspend();
    await sleep(2_500);
    assert.equal(status(), null, 'the fake GitHub expired our status');
    const resumed = await resume();
    assert.equal(resumed.session, null);
    assert.equal(resumed.dndToggles, started.dndToggles + 1);
    assert.equal(resumed.github.state, 'restored');
    assert.equal(status()?.message, 'Reviewing PRs');
    assert.deepEqual(github.violations, []);
  });
});
