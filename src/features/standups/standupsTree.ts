// The Standups view: days (newest first), then the people who posted that day; opening a person opens
// their file. Built from the path-only index, so it costs no file reads; a person's open blockers are
// read only when their day is expanded.
import * as vscode from 'vscode';
import { dayLabel } from '../../core/shared/dates';
import type { TeamStore } from '../team/teamStore';
import type { StandupEntry, StandupStore } from './standupStore';

export type StandupNode = { kind: 'day'; date: string } | { kind: 'person'; entry: StandupEntry };

export class StandupsTreeProvider implements vscode.TreeDataProvider<StandupNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StandupNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Lower-case login shown alone, or undefined for everybody. */
  private person: string | undefined;

  constructor(
    private readonly store: StandupStore,
    private readonly team: TeamStore,
  ) {
    this.disposables.push(
      store.onDidChange(() => this.changed.fire(undefined)),
      team.onDidChange(() => this.changed.fire(undefined)),
    );
  }

  get filter(): string | undefined {
    return this.person;
  }

  setFilter(login: string | undefined): void {
    this.person = login?.toLowerCase();
    void vscode.commands.executeCommand('setContext', 'asyncDesk.standups.filtered', !!login);
    this.changed.fire(undefined);
  }

  private visible(): StandupEntry[] {
    const all = this.store.entries();
    return this.person ? all.filter((e) => e.login.toLowerCase() === this.person) : all;
  }

  async getChildren(node?: StandupNode): Promise<StandupNode[]> {
    await this.store.ready();
    const entries = this.visible();
    if (!node) {
      const dates = [...new Set(entries.map((e) => e.date))].sort().reverse();
      return dates.map((date) => ({ kind: 'day', date }));
    }
    if (node.kind === 'day') {
      return entries
        .filter((e) => e.date === node.date)
        .sort((a, b) => this.nameOf(a).localeCompare(this.nameOf(b)))
        .map((entry) => ({ kind: 'person', entry }));
    }
    return [];
  }

  private nameOf(entry: StandupEntry): string {
    return this.team.find(entry.login, entry.uri)?.member.name ?? `@${entry.login}`;
  }

  async getTreeItem(node: StandupNode): Promise<vscode.TreeItem> {
    if (node.kind === 'day') {
      const count = this.visible().filter((e) => e.date === node.date).length;
      const item = new vscode.TreeItem(dayLabel(node.date), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `day:${node.date}`;
      item.description = `${count} standup${count === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'standupDay';
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(this.nameOf(entry), vscode.TreeItemCollapsibleState.None);
    item.id = `person:${entry.folder.uri.toString()}:${entry.file}`;
    item.resourceUri = entry.uri;
    item.command = { command: 'vscode.open', title: 'Open Standup', arguments: [entry.uri] };
    item.contextValue = 'standup';
    const standup = await this.store.read(entry);
    const open = standup?.blockers.filter((b) => !b.checked).length ?? 0;
    item.description = `@${entry.login}${open ? ` · ${open} open blocker${open === 1 ? '' : 's'}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(open ? 'warning' : 'person', open ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${escape(this.nameOf(entry))}** · ${dayLabel(entry.date)}\n\n`);
    if (standup) {
      for (const [title, items] of [
        ['Done', standup.done],
        ['Next', standup.next],
        ['Blockers', standup.blockers.filter((b) => !b.checked)],
      ] as const) {
        if (items.length) tip.appendMarkdown(`**${title}**\n\n${items.map((b) => `- ${escape(b.text)}`).join('\n')}\n\n`);
      }
    }
    tip.appendMarkdown(`\`${entry.file}\``);
    item.tooltip = tip;
    return item;
  }

  getParent(node: StandupNode): StandupNode | undefined {
    return node.kind === 'person' ? { kind: 'day', date: node.entry.date } : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Markdown-escapes repo text for tooltips (no links, no HTML). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
