// "How long?" for Start Focus Session: a quick pick of presets, the end of your working day (when
// your team-file entry says you are in it) and Custom…, which asks for minutes, hours or an end time.
import * as vscode from 'vscode';
import { endOfWorkingDay, endText, MINUTE_MS, parseCustomLength, PRESET_MINUTES, spokenDuration } from '../../core/focus';
import { Cancelled, UserError } from '../shared/errors';
import { getSettings } from '../shared/settings';
import type { TeamStore } from '../team/teamStore';

/**
 * The end instant picked, in your zone. `githubBusy`: the session will set your GitHub status (the
 * prompt says so). Throws Cancelled when dismissed, UserError for a custom entry that is not a length.
 */
export async function pickSessionEnd(team: TeamStore, zone: string, clock: () => number, githubBusy: boolean): Promise<number> {
  type Item = vscode.QuickPickItem & { end: () => number | 'custom' };
  const now = clock();
  const items: Item[] = PRESET_MINUTES.map((minutes) => ({
    label: `$(watch) ${minutes} minutes`,
    description: `until ${endText(now + minutes * MINUTE_MS, now, zone)}`,
    end: () => clock() + minutes * MINUTE_MS, // from when it is picked, not when the list was shown
  }));
  const me = getSettings().me;
  const ref = me ? team.find(me) : undefined;
  const dayEnd = endOfWorkingDay(ref?.member, ref?.folder.team, now);
  if (dayEnd !== null) {
    items.push({
      label: '$(calendar) Until the end of my working day',
      description: `until ${endText(dayEnd, now, zone)} · ${spokenDuration(dayEnd - now)}`,
      end: () => dayEnd,
    });
  }
  items.push({ label: '$(edit) Custom…', description: 'minutes, hours or an end time', end: () => 'custom' });
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Start Focus Session',
    ignoreFocusOut: true, // a webview or notification taking focus must not close the choice
    placeHolder: `How long? Do Not Disturb stays on until the end${githubBusy ? '; your GitHub status shows you as busy' : ''}.`,
  });
  if (!picked) throw new Cancelled();
  const end = picked.end();
  if (end !== 'custom') return end;
  const text = await vscode.window.showInputBox({
    title: 'Start Focus Session',
    ignoreFocusOut: true, // a click elsewhere must not throw away what was typed
    prompt: `Minutes (45), hours (1h30) or an end time in ${zone} (15:30)`,
    placeHolder: '45',
    validateInput: (value) => {
      const parsed = parseCustomLength(value, clock(), zone);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  if (text === undefined) throw new Cancelled();
  const parsed = parseCustomLength(text, clock(), zone);
  if ('error' in parsed) throw new UserError(parsed.error);
  return parsed.endsAt;
}
