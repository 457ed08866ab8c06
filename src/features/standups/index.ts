// Wires standups: the index of standup files, the Standups view, the composer (shown in the Today
// view), the reminder and the standup commands.
import * as vscode from 'vscode';
import { weeklySummary, type Standup } from '../../core/standups';
import { addDays, dayLabel, localIsoDate } from '../../core/shared/dates';
import type { CommandId, HandlersOf } from '../commandIds';
import { Cancelled, UserError } from '../shared/errors';
import { affectsSettings, SETTINGS_READ_BY } from '../shared/settings';
import type { TeamStore } from '../team/teamStore';
import { StandupStore } from './standupStore';
import { StandupsTreeProvider, type StandupNode } from './standupsTree';
import { Composer, type Me } from './composer';
import { StandupReminder } from './reminder';
import type { IssuesApi } from '../issues/api';
import type { FocusApi } from '../focus/api';
import type { SharingApi } from '../sharing/api';
import { now } from '../shared/clock';

export type StandupCommandId = Extract<CommandId, `asyncDesk.standups.${string}`>;

/** What other features (the Today view) ask of standups. */
export interface StandupsApi {
  /** Your login; asks for it once when it is not known (rejects with Cancelled when dismissed). */
  meOrAsk(): Promise<Me>;
  /** Opens your standup file of today, writing it first from the panel's draft or pre-fill. */
  openToday(): Promise<vscode.Uri>;
  /** Opens the issue form for a blocker in someone's standup. */
  openBlockerIssue(args: BlockerIssueArgs): Promise<unknown>;
}

export interface BlockerIssueArgs {
  login: string;
  text: string;
  date: string;
}

export interface Standups {
  store: StandupStore;
  composer: Composer;
  tree: StandupsTreeProvider;
  reminder: StandupReminder;
  api: StandupsApi;
  /** "Write Today's Standup" lives with the Today view, which holds the composer. */
  handlers: Omit<HandlersOf<'asyncDesk.standups.'>, 'asyncDesk.standups.write'>;
}

export function registerStandups(context: vscode.ExtensionContext, team: TeamStore, issues: IssuesApi, focus: FocusApi, sharing?: SharingApi): Standups {
  const store = new StandupStore(sharing);
  const composer = new Composer(context, store, team, sharing);
  const tree = new StandupsTreeProvider(store, team);
  const view = vscode.window.createTreeView('asyncDesk.standups', { treeDataProvider: tree, showCollapseAll: true });
  // The view shows the team's posts: while it is visible, the sharing branch is fetched in the background.
  if (sharing) {
    context.subscriptions.push(view.onDidChangeVisibility((e) => sharing.setVisible('standups', e.visible)));
    if (view.visible) sharing.setVisible('standups', true);
  }
  const reminder = new StandupReminder(composer, store, () => focus.inSession());
  context.subscriptions.push(
    store,
    tree,
    view,
    reminder,
    vscode.authentication.onDidChangeSessions(() => composer.forgetLogin()),
    vscode.workspace.onDidChangeConfiguration((e) => affectsSettings(e, SETTINGS_READ_BY.login) && composer.forgetLogin()),
  );

  const meOrAsk = async (): Promise<Me> => {
    let me = await composer.me();
    if (!me) {
      await composer.askLogin();
      me = await composer.me();
    }
    if (!me) throw new Cancelled();
    return me;
  };

  const api: StandupsApi = {
    meOrAsk,
    openToday: async () => {
      const me = await meOrAsk();
      const folder = store.home();
      if (!folder) throw new UserError('Open a folder first: standups are files in the repository.');
      const state = await composer.state(me);
      if (!state) throw new UserError('Open a folder first: standups are files in the repository.');
      let uri = store.entry(folder, state.date, me.login)?.uri ?? store.uriOf(folder, state.file);
      // No file yet: write what the panel holds (your draft, else the pre-fill), then open it. When
      // standups are shared, that is a post (your post, opened from the branch: a save is posted with the next sync).
      if (!state.exists) uri = (await composer.save(me, state.date, state.draft?.fields ?? state.saved, { allowEmpty: true, queueOnly: true })).uri;
      await vscode.window.showTextDocument(uri);
      return uri;
    },
    openBlockerIssue: (args) => openBlockerIssue(store, issues, args),
  };

  return {
    store,
    composer,
    tree,
    reminder,
    api,
    handlers: {
      'asyncDesk.standups.openToday': () => api.openToday(),
      'asyncDesk.standups.summaryForWeek': (args?: { date?: string }) => summaryForWeek(store, team, composer, args?.date),
      'asyncDesk.standups.filterByPerson': async (login?: string) => {
        await store.ready();
        let wanted = typeof login === 'string' ? login.replace(/^@/, '') : undefined;
        if (!wanted) {
          const logins = [...new Set(store.entries().map((e) => e.login))].sort((a, b) => a.localeCompare(b));
          if (logins.length === 0) throw new UserError('There are no standups to filter yet.');
          const picked = await vscode.window.showQuickPick(
            logins.map((l) => ({ label: team.find(l)?.member.name ?? `@${l}`, description: `@${l}`, login: l })),
            { placeHolder: 'Show the standups of…' },
          );
          if (!picked) throw new Cancelled();
          wanted = picked.login;
        }
        tree.setFilter(wanted);
        view.description = `@${wanted}`;
      },
      'asyncDesk.standups.clearFilter': () => {
        tree.setFilter(undefined);
        view.description = undefined;
      },
      'asyncDesk.standups.refresh': () => store.reload(),
      'asyncDesk.standups.openBlockerIssue': (args?: BlockerIssueArgs) => {
        if (!args?.text) throw new UserError('Open an issue for a blocker from the team digest in the Today view.');
        return api.openBlockerIssue(args);
      },
    },
  };
}

/** The Monday of the week containing a date. */
function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Mon = 0
  return addDays(date, -weekday);
}

async function summaryForWeek(store: StandupStore, team: TeamStore, composer: Composer, date?: string): Promise<string> {
  await store.ready();
  const folder = store.home();
  if (!folder) throw new UserError('Open a folder with standups first.');
  const me = await composer.me();
  const today = me ? composer.today(me) : localIsoDate(now());
  let day = date;
  if (!day) {
    const thisWeek = mondayOf(today);
    const lastWeek = addDays(thisWeek, -7);
    const range = (monday: string) => `${dayLabel(monday)} – ${dayLabel(addDays(monday, 6))}`;
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'This week', description: range(thisWeek), date: thisWeek },
        { label: 'Last week', description: range(lastWeek), date: lastWeek },
        { label: 'Another week…', description: 'a date in that week', date: '' },
      ],
      { placeHolder: 'Summarise the standups of which week?' },
    );
    if (!picked) throw new Cancelled();
    day = picked.date;
    if (!day) {
      const typed = await vscode.window.showInputBox({
        prompt: 'A date in the week (YYYY-MM-DD)',
        value: lastWeek,
        validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim())) ? undefined : 'A date like 2026-11-16.'),
      });
      if (!typed) throw new Cancelled();
      day = typed.trim();
    }
  }
  const monday = mondayOf(day);
  const sunday = addDays(monday, 6);
  const entries = store.entries(folder).filter((e) => e.date >= monday && e.date <= sunday);
  const standups = (await Promise.all(entries.map((e) => store.read(e)))).filter((s): s is Standup => !!s);
  await team.ready();
  const folderTeam = team.all().find((f) => f.workspaceFolder === folder);
  const text = weeklySummary(day, standups, folderTeam?.exists ? folderTeam.team : undefined);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(document);
  return text;
}

/** A blocker becomes an issue: the issue form, with the built-in Blocker template, owned by its author. */
async function openBlockerIssue(store: StandupStore, issues: IssuesApi, args: BlockerIssueArgs): Promise<unknown> {
  const folder = store.home();
  const source = `${folder ? store.standupsDir(folder) : 'docs/standups'}/${args.date}/${args.login}.md`;
  return issues.open({
    template: 'blocker',
    title: `Blocker: ${args.text}`,
    owner: args.login,
    body: `${args.text}\n\nOpen in @${args.login}'s standups (${source}).`,
    source: `Blocker in @${args.login}'s standup of ${args.date}`,
    ...(folder ? { folder: folder.uri } : {}),
  });
}

export type { StandupNode };
