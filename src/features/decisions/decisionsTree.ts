// The Decisions view: records grouped by status, with filters by status, owner and text.
import * as vscode from 'vscode';
import { STATUSES, type DecisionStatus } from '../../core/decisions/types';
import { localIsoDate } from '../../core/shared/dates';
import { isOverdue, numberLabel } from '../../core/decisions/summary';
import type { DecisionStore, RecordRef } from './decisionStore';
import { now } from '../shared/clock';

export interface DecisionFilter {
  statuses?: DecisionStatus[];
  owner?: string;
  text?: string;
}

type StatusKey = DecisionStatus | 'unknown';
const GROUP_ORDER: StatusKey[] = ['proposed', 'draft', 'accepted', 'rejected', 'deprecated', 'superseded', 'unknown'];
const GROUP_LABEL: Record<StatusKey, string> = {
  proposed: 'Proposed',
  draft: 'Draft',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deprecated: 'Deprecated',
  superseded: 'Superseded',
  unknown: 'Unknown status',
};
const STATUS_ICON: Record<StatusKey, [string, string | undefined]> = {
  proposed: ['git-pull-request-draft', 'charts.blue'],
  draft: ['edit', undefined],
  accepted: ['pass', 'charts.green'],
  rejected: ['circle-slash', 'charts.red'],
  deprecated: ['archive', 'disabledForeground'],
  superseded: ['replace', 'charts.purple'],
  unknown: ['question', 'problemsWarningIcon.foreground'],
};

/** A group of records: by status, or (status 'unknown' with `text`) by a status outside our set, e.g. "Pending". */
export type DecisionNode = { kind: 'group'; status: StatusKey; text?: string; items: RecordRef[] } | { kind: 'record'; ref: RecordRef };

/** The group a record goes in: its status, 'other:<text>' for a free-text status ("Pending"), or 'unknown'. */
export function groupKey(ref: RecordRef): string {
  const { status, statusText } = ref.record;
  if (status) return status;
  return statusText ? `other:${statusText.toLowerCase()}` : 'unknown';
}

/** "Other (Pending)" for a free-text status, else the status group's label. */
export function groupLabel(node: { status: StatusKey; text?: string }): string {
  return node.text ? `Other (${node.text})` : GROUP_LABEL[node.status];
}

export function recordNumberLabel(ref: RecordRef): string {
  return numberLabel(ref.record);
}

export function matchesFilter(ref: RecordRef, filter: DecisionFilter): boolean {
  const r = ref.record;
  if (filter.statuses?.length && !filter.statuses.includes(r.status as DecisionStatus)) return false;
  if (filter.owner) {
    const owner = filter.owner.replace(/^@/, '').toLowerCase();
    const people = [r.owner ?? '', ...r.decisionMakers].map((p) => p.replace(/^@/, '').toLowerCase());
    if (!people.includes(owner)) return false;
  }
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    const hay = `${recordNumberLabel(ref)} ${r.title} ${r.file} ${r.tags.join(' ')}`.toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

export function describeFilter(filter: DecisionFilter): string {
  const parts: string[] = [];
  if (filter.statuses?.length) parts.push(`status: ${filter.statuses.join(', ')}`);
  if (filter.owner) parts.push(`owner: @${filter.owner.replace(/^@/, '')}`);
  if (filter.text) parts.push(`text: "${filter.text}"`);
  return parts.join('; ');
}

export class DecisionsTreeProvider implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DecisionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter: DecisionFilter = {};
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: DecisionStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  getFilter(): DecisionFilter {
    return this.filter;
  }

  setFilter(filter: DecisionFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'asyncDesk.decisions.filtered', describeFilter(filter) !== ''); // when-clauses only
    this.changed.fire(undefined);
  }

  async getChildren(node?: DecisionNode): Promise<DecisionNode[]> {
    if (node) return node.kind === 'group' ? node.items.map((ref) => ({ kind: 'record', ref })) : [];
    await this.store.ready();
    const refs = this.store.records().filter((ref) => matchesFilter(ref, this.filter));
    const groups = new Map<string, RecordRef[]>();
    for (const ref of refs) {
      const key = groupKey(ref);
      groups.set(key, [...(groups.get(key) ?? []), ref]);
    }
    const known: DecisionNode[] = GROUP_ORDER.filter((s) => s !== 'unknown' && groups.has(s)).map((status) => ({
      kind: 'group',
      status,
      items: groups.get(status)!.sort(compareRecords),
    }));
    // One group per free-text status, as the first record spells it, before records with no status.
    const other: DecisionNode[] = [...groups.keys()]
      .filter((k) => k.startsWith('other:'))
      .sort()
      .map((k) => ({ kind: 'group', status: 'unknown', text: groups.get(k)![0]!.record.statusText, items: groups.get(k)!.sort(compareRecords) }));
    const unknown: DecisionNode[] = groups.has('unknown') ? [{ kind: 'group', status: 'unknown', items: groups.get('unknown')!.sort(compareRecords) }] : [];
    return [...known, ...other, ...unknown];
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(groupLabel(node), vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.text ? `group:other:${node.text.toLowerCase()}` : `group:${node.status}`;
      item.description = String(node.items.length);
      item.contextValue = `group.${node.status}`;
      return item;
    }
    return recordTreeItem(node.ref, this.store.all().length > 1);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function compareRecords(a: RecordRef, b: RecordRef): number {
  // Newest first: the records people are discussing now are at the top.
  return (b.record.date ?? '').localeCompare(a.record.date ?? '') || a.record.file.localeCompare(b.record.file);
}

function recordTreeItem(ref: RecordRef, multiRoot: boolean): vscode.TreeItem {
  const { record, folder } = ref;
  const number = recordNumberLabel(ref);
  const item = new vscode.TreeItem(number ? `${number} ${record.title}` : record.title || record.file, vscode.TreeItemCollapsibleState.None);
  item.id = `record:${folder.root.toString()}:${record.file}`;
  item.resourceUri = folder.uriOf(record.file);
  const overdue = isOverdue(record, localIsoDate(now()));
  // The author's words when they say more than the group does ("Partly superseded", "Approved").
  const words =
    record.statusText && record.status && !/^super[cs]eded$/i.test(record.statusText) && record.statusText.toLowerCase() !== record.status
      ? record.statusText
      : undefined;
  const details = [words, record.date, record.owner ? `@${record.owner}` : undefined, overdue ? `review overdue since ${record.reviewBy}` : undefined];
  const decisionFolder = folder.folderOf(record.file);
  if (decisionFolder?.label) details.push(decisionFolder.label);
  if (multiRoot) details.push(folder.workspaceFolder.name);
  item.description = details.filter(Boolean).join(' · ');
  const [icon, color] = overdue ? ['warning', 'problemsWarningIcon.foreground'] : STATUS_ICON[record.status ?? 'unknown'];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = `record.${record.status ?? 'unknown'}${overdue ? '.overdue' : ''}`;
  item.command = { command: 'vscode.open', title: 'Open Decision Record', arguments: [item.resourceUri] };
  item.tooltip = recordTooltip(ref, overdue);
  item.accessibilityInformation = {
    label: `${number ? `ADR ${number}, ` : ''}${record.title}, ${record.status ?? record.statusText ?? 'unknown status'}${overdue ? ', review overdue' : ''}`,
  };
  return item;
}

export function recordTooltip(ref: RecordRef, overdue = isOverdue(ref.record, localIsoDate(now()))): vscode.MarkdownString {
  const r = ref.record;
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false; // record text is repo content: render it inert
  const number = recordNumberLabel(ref);
  md.appendMarkdown('**');
  md.appendText(`${number ? `ADR-${number}: ` : ''}${r.title}`);
  md.appendMarkdown('**\n\n');
  const rows: [string, string | null | undefined][] = [
    ['Status', r.rawStatus || r.statusText || r.status],
    ['Date', r.date],
    ['Owner', r.owner ? `@${r.owner}` : null],
    ['Decision makers', r.decisionMakers.join(', ')],
    ['Review by', r.reviewBy ? `${r.reviewBy}${overdue ? ' (overdue)' : ''}` : null],
    ['Review trigger', r.reviewTrigger],
    ['File', r.file],
  ];
  for (const [label, value] of rows) {
    if (!value) continue;
    md.appendMarkdown(`${label}: `);
    md.appendText(value);
    md.appendMarkdown('  \n');
  }
  return md;
}

export const ALL_STATUSES = STATUSES;
