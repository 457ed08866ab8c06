// What the focus status bar item says: your local time when no session runs, a countdown with the
// end time during one. Pure (no vscode), so the texts, tooltips and screen-reader labels are unit-tested;
// src/features/focus/focusStatusBar.ts puts them on the item.
import { countdownText, endText, spokenDuration, wallClock } from './focusTime';
import type { GitHubOutcome, StoredSession } from './session';

export interface StatusView {
  text: string;
  tooltip: string;
  /** A click starts or ends a session. */
  command: { command: 'asyncDesk.focus.start' | 'asyncDesk.focus.end'; title: string };
  accessibilityLabel: string;
}

/**
 * A running session. `mine`: this window started it (and manages Do Not Disturb); `lastGitHub`: what
 * happened to your GitHub status at the start, shown when it was not set.
 */
export function sessionView(session: StoredSession, now: number, mine: boolean, lastGitHub: GitHubOutcome): StatusView {
  const endsAt = Date.parse(session.endsAt);
  const left = endsAt - now;
  const until = `${endText(endsAt, now, session.zone)} (${session.zone})`;
  const lines = [`Focus session until ${until}: ${spokenDuration(left)} left.`];
  if (mine) lines.push(session.dndToggled ? 'Do Not Disturb is on in this window until then.' : 'Do Not Disturb was not changed.');
  else lines.push('Started in another window; Do Not Disturb is managed there.');
  if (session.github) lines.push(`GitHub status: busy, "${session.github.message}".`);
  else if (lastGitHub.state === 'failed') lines.push(`GitHub status not set: ${lastGitHub.error}`);
  else if (lastGitHub.state === 'skipped') lines.push(`GitHub status not set (${lastGitHub.reason}).`);
  lines.push('', 'Click to end the session.');
  return {
    text: `$(eye-closed) Focus ${countdownText(left)} left`,
    tooltip: lines.join('\n'),
    command: { command: 'asyncDesk.focus.end', title: 'End Focus Session' },
    accessibilityLabel: `Focus session, ${spokenDuration(left)} left, until ${until}. Activate to end it.`,
  };
}

/** No session: the wall clock in your zone. */
export function clockView(now: number, zone: string): StatusView {
  const clock = wallClock(now, zone);
  return {
    text: `$(clock) ${clock.time}`,
    tooltip: `Your local time: ${clock.time} ${clock.weekday} (${zone})\n\nClick to start a focus session.`,
    command: { command: 'asyncDesk.focus.start', title: 'Start Focus Session' },
    accessibilityLabel: `Local time ${clock.time} ${clock.weekday}, ${zone}. Activate to start a focus session.`,
  };
}
