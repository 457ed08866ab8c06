// The integration tests' way into the running extension, in one place and in its own bundle
// (dist/testHooks.js). features/main.ts loads it only when VS Code runs the extension for tests
// (ExtensionMode.Test), and activate() hands it out through the extension's exports there only: an
// installed extension registers no test command and ships no test code in its start-up bundles
// (ADR-0014). Tests reach it with `testHooks()` from test/integration/helpers.ts.
//
// This bundle has its own copies of the shared modules (clock, ui, log), so everything it touches is
// passed in by features/main.ts as `TestHookSources`: the features bundle's own instances.
import * as vscode from 'vscode';
import type { SharingHub } from './sharing/sharingHub';
import type { SharingStatus } from './sharing/api';
import type { HostToTodayMessage, TodayState, TodayToHostMessage } from '../protocol/today';
import type { GitHubAccess } from './github/githubAccess';
import type { TeamTreeProvider } from './team/teamTree';
import type { TeamStatusSource } from './team/githubStatus';
import type { StandupsTreeProvider } from './standups/standupsTree';
import type { StandupReminder } from './standups/reminder';
import type { TodayViewProvider } from './today/todayView';
import type { OpenPromptView } from './rituals/prompt';
import type { Confirm } from './shared/ui';
import type { IssueService } from './issues/issueService';
import type { IssueFormPanel } from './issues/issueFormPanel';
import type { HostToIssueFormMessage } from '../protocol/issueForm';
import type { FocusController, FocusSnapshot } from './focus/focusController';

export interface TestHookSources {
  fixClock(iso: string | undefined): void;
  answerQuestions(confirm: Confirm | undefined): void;
  github: GitHubAccess;
  team: { tree: TeamTreeProvider; status: TeamStatusSource; view: vscode.TreeView<unknown> };
  standups: { tree: StandupsTreeProvider; reminder: StandupReminder };
  today: TodayViewProvider;
  /** The indexes' change events (a rescan fires one). */
  indexes: Record<IndexName, vscode.Event<unknown>>;
  focus: FocusController;
  /** The issue service (loads the issues bundle). */
  issueService(): IssueService;
  /** Fires with each issue form as it opens. */
  issueFormOpened: vscode.Event<IssueFormPanel>;
  /** The ritual title prompt that is open now (loads the rituals bundle). */
  ritualPrompt(): OpenPromptView | undefined;
  /** Sharing over git (loads the sharing bundle). */
  sharing(): SharingHub;
}

export type IndexName = 'decisions' | 'standups' | 'team';

export interface TeamGroupSnapshot {
  label: string;
  members: { label: string; description: string; tooltip?: string }[];
}

export interface StandupDaySnapshot {
  label: string;
  children: string[];
}

export interface PromptSnapshot {
  title: string;
  value: string;
  validationMessage: string;
}

/** A tree item's label or description as the reader sees it. */
function text(value: string | boolean | vscode.TreeItemLabel | undefined): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? value.label : '';
}

export type TestHooks = ReturnType<typeof createTestHooks>;

export function createTestHooks(sources: TestHookSources) {
  const { team, standups, today } = sources;
  const changes: Record<IndexName, number> = { decisions: 0, standups: 0, team: 0 };
  const formMessages = new WeakMap<IssueFormPanel, HostToIssueFormMessage[]>();
  sources.issueFormOpened((panel) => {
    const messages: HostToIssueFormMessage[] = [];
    formMessages.set(panel, messages);
    panel.onDidPost((message) => {
      messages.push(message);
      if (messages.length > 50) messages.shift();
    });
  });
  for (const name of Object.keys(changes) as IndexName[]) sources.indexes[name](() => changes[name]++);
  return {
    /** How many times each index has changed since the hooks were created (a rescan counts one). */
    indexChanges: (): Record<IndexName, number> => ({ ...changes }),
    /** Fixes the extension's "now" for every feature (undefined: real time again). */
    setClock: (iso: string | undefined): void => sources.fixClock(iso),
    /** Signs in with a token, as the password box would (the command itself never takes one). */
    signInWithToken: (token: string): Promise<void> => sources.github.signInWithToken(token),
    /**
     * Answers the modal questions of src/features/shared/ui.ts: true picks the action, false cancels,
     * 'fail' fails the question (a test that must not be asked), undefined shows dialogs again.
     */
    answerQuestions(answer: boolean | 'fail' | undefined): void {
      sources.answerQuestions(
        answer === undefined
          ? undefined
          : (message) => {
              if (answer === 'fail') return Promise.reject(new Error(`Unexpected question: ${message}`));
              return Promise.resolve(answer);
            },
      );
    },
    team: {
      refreshStatus: (): Promise<void> => team.status.refresh(),
      viewMessage: (): string | undefined => team.view.message,
      polling: () => team.status.polling(),
      /** The Team view as a reader sees it: groups, then each member's label, description and tooltip. */
      async snapshot(): Promise<TeamGroupSnapshot[]> {
        const groups = await team.tree.getChildren();
        return Promise.all(
          groups.map(async (g) => ({
            label: text(team.tree.getTreeItem(g).label),
            members: (await team.tree.getChildren(g)).map((m) => {
              const item = team.tree.getTreeItem(m);
              const tooltip = (item.tooltip as vscode.MarkdownString | undefined)?.value;
              return { label: text(item.label), description: text(item.description), ...(tooltip !== undefined ? { tooltip } : {}) };
            }),
          })),
        );
      },
    },
    sharing: {
      /** Where sharing stands for the first workspace folder (starts it when it has not yet). */
      async status(): Promise<SharingStatus> {
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (!folder) throw new Error('no workspace folder');
        const hub = sources.sharing();
        await hub.shared(folder);
        return hub.status(folder);
      },
      /** When the next background fetch is due (epoch ms), undefined while none is scheduled. */
      nextBackgroundFetch: (): number | undefined => sources.sharing().nextBackgroundFetch(),
      /** Runs the background fetch now, as its timer would. */
      backgroundFetch: (): Promise<void> => sources.sharing().backgroundFetch(),
      /** Sync now ("pushed 1, fetched 2 new posts"). */
      sync: (): Promise<string> => sources.sharing().sync(vscode.workspace.workspaceFolders![0]!),
    },
    standups: {
      /** Runs the reminder's check as at an instant (default: the clock's now); true when it reminded. */
      checkReminder: (iso?: string): Promise<boolean> => (iso ? standups.reminder.check(new Date(iso)) : standups.reminder.check()),
      /** The Standups view: each day's label and the labels under it. */
      async snapshot(): Promise<StandupDaySnapshot[]> {
        const days = await standups.tree.getChildren();
        return Promise.all(
          days.map(async (d) => ({
            label: text((await standups.tree.getTreeItem(d)).label),
            children: await Promise.all((await standups.tree.getChildren(d)).map(async (p) => text((await standups.tree.getTreeItem(p)).label))),
          })),
        );
      },
    },
    today: {
      /** What the Today webview would be sent now. */
      state: (): Promise<TodayState | undefined> => today.currentState(),
      /** Handles a message as if the webview had sent it; returns what the host posted to the webview meanwhile. */
      async send(message: TodayToHostMessage): Promise<HostToTodayMessage[]> {
        const posted: HostToTodayMessage[] = [];
        const listening = today.onDidPost((m) => posted.push(m));
        try {
          await today.handle(message);
        } finally {
          listening.dispose();
        }
        return posted;
      },
    },
    focus: {
      snapshot: (): FocusSnapshot => sources.focus.snapshot(),
      /** What a window reload does to the session's owner: suspend, then resume (a real reload cannot happen inside a test run). */
      suspend: (): void => sources.focus.suspend(),
      async resume(): Promise<FocusSnapshot> {
        await sources.focus.resume();
        return sources.focus.snapshot();
      },
    },
    issues: {
      /** The issue service: open forms (and their panels), drafts, the outbox, retries. */
      service: (): IssueService => sources.issueService(),
      /** The last 50 messages an issue form sent to its webview (recorded from the moment it opened). */
      sent: (panel: IssueFormPanel): readonly HostToIssueFormMessage[] => formMessages.get(panel) ?? [],
    },
    rituals: {
      /** The open ritual title prompt, or null when none is open. */
      prompt(): PromptSnapshot | null {
        const open = sources.ritualPrompt();
        return open ? { title: open.title, value: open.value, validationMessage: open.validationMessage } : null;
      },
      /**
       * Types a value into the open prompt and accepts it if it validates (returns the validation
       * message, '' when accepted); null dismisses the prompt. No prompt open: null.
       */
      async answerPrompt(answer: string | null): Promise<string | null> {
        const open = sources.ritualPrompt();
        if (!open) return null;
        if (answer !== null) return open.type(answer);
        open.dismiss();
        return '';
      },
    },
  };
}
