// The Team view: teammates grouped by state (Working now, Focus, Busy, Off hours, Away), with their
// local time, offset from you and when the state ends. Ticks at each minute boundary while visible:
// members whose group did not change are refreshed one by one; the tree is rebuilt only when someone
// moves between groups. No timer runs while the view is hidden.
import * as vscode from 'vscode';
import {
  bestTimeToReach,
  computeStates,
  formatClock,
  formatDuration,
  formatOffsetDifference,
  hoursInZone,
  overlapWindows,
  zoneOffsetMinutes,
  type GitHubStatus,
  type MemberState,
  type StateKind,
} from '../../core/team';
import type { MemberRef, TeamStore } from './teamStore';
import { currentViewer, type Viewer } from './viewer';
import { now, onDidSetClock } from '../shared/clock';

export interface StatusSource {
  statuses(): Map<string, GitHubStatus>;
  readonly onDidChange: vscode.Event<void>;
}

const GROUPS: { state: StateKind; label: string; icon: string; color?: string }[] = [
  { state: 'working', label: 'Working now', icon: 'circle-filled', color: 'charts.green' },
  { state: 'focus', label: 'Focus', icon: 'eye-closed', color: 'charts.purple' },
  { state: 'busy', label: 'Busy', icon: 'bell-slash', color: 'charts.orange' },
  { state: 'off', label: 'Off hours', icon: 'circle-outline', color: 'disabledForeground' },
  { state: 'away', label: 'Away', icon: 'debug-disconnect', color: 'charts.red' },
];

export type TeamNode = { kind: 'group'; state: StateKind } | { kind: 'member'; key: string };

export interface Row {
  ref: MemberRef;
  state: MemberState;
}

const keyOf = (ref: MemberRef) => `${ref.folder.workspaceFolder.uri.toString()}#${ref.member.github.toLowerCase()}`;

export class TeamTreeProvider implements vscode.TreeDataProvider<TeamNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TeamNode | TeamNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows = new Map<string, Row>();
  /** Member nodes are kept so that per-member refreshes address the same objects the tree holds. */
  private readonly nodes = new Map<string, TeamNode>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: TeamStore,
    private readonly status?: StatusSource,
  ) {
    this.subscriptions = [
      store.onDidChange(() => this.refresh()),
      onDidSetClock(() => this.refresh()),
      ...(status ? [status.onDidChange(() => this.refresh())] : []),
    ];
  }

  now(): Date {
    return now();
  }

  /** Starts or stops the minute tick with the view's visibility. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.tick();
    else this.stopTimer();
  }

  rowsFor(state: StateKind): Row[] {
    return [...this.rows.values()].filter((r) => r.state.state === state);
  }

  row(key: string): Row | undefined {
    return this.rows.get(key);
  }

  /** Recomputes all states and rebuilds the tree. */
  refresh(): void {
    this.rows = this.compute();
    this.changed.fire(undefined);
  }

  private compute(): Map<string, Row> {
    const at = this.now();
    const statuses = this.status?.statuses();
    const rows = new Map<string, Row>();
    for (const folder of this.store.all()) {
      const states = computeStates(folder.team, at, statuses);
      folder.team.members.forEach((member, i) => {
        const ref = { folder, member };
        rows.set(keyOf(ref), { ref, state: states[i]! });
      });
    }
    return rows;
  }

  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Updates now, then schedules itself for the next minute boundary. */
  private tick(): void {
    this.stopTimer();
    const next = this.compute();
    const moved = next.size !== this.rows.size || [...next].some(([key, row]) => this.rows.get(key)?.state.state !== row.state.state);
    this.rows = next;
    if (moved) this.changed.fire(undefined);
    else this.changed.fire([...next.keys()].map((key) => this.nodeFor(key)));
    if (!this.visible) return;
    this.timer = setTimeout(() => this.tick(), 60_000 - (Date.now() % 60_000) + 50);
  }

  private nodeFor(key: string): TeamNode {
    let node = this.nodes.get(key);
    if (!node) this.nodes.set(key, (node = { kind: 'member', key }));
    return node;
  }

  async getChildren(node?: TeamNode): Promise<TeamNode[]> {
    if (!node) {
      await this.store.ready();
      if (this.rows.size === 0) this.rows = this.compute();
      return GROUPS.filter((g) => this.rowsFor(g.state).length > 0).map((g) => ({ kind: 'group', state: g.state }));
    }
    if (node.kind === 'member') return [];
    return this.rowsFor(node.state)
      .sort((a, b) => (a.ref.member.name ?? a.ref.member.github).localeCompare(b.ref.member.name ?? b.ref.member.github))
      .map((row) => this.nodeFor(keyOf(row.ref)));
  }

  getTreeItem(node: TeamNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const group = GROUPS.find((g) => g.state === node.state)!;
      const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.state}`;
      item.description = String(this.rowsFor(node.state).length);
      item.contextValue = `teamGroup.${node.state}`;
      return item;
    }
    const row = this.rows.get(node.key);
    if (!row) return new vscode.TreeItem('(gone)');
    return memberItem(row, this.now(), currentViewer(this.store), this.store.all().length > 1);
  }

  dispose(): void {
    this.stopTimer();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

/** "focus until 12:00", "back Mon 09:00 (in 2 d 18 h)", "until 17:30". */
export function stateEndText(state: MemberState, now: Date): string {
  const until = state.until ? formatClock(state.until) : null;
  const inTime = state.until ? ` (in ${formatDuration(Date.parse(state.until) - now.getTime())})` : '';
  switch (state.state) {
    case 'away':
      return until ? `back ${until}${inTime}` : 'away';
    case 'busy':
      return until ? `busy until ${until}` : 'busy';
    case 'focus':
      return until ? `focus until ${until}` : 'in focus';
    case 'working':
      return until ? `until ${until}` : 'working';
    case 'off':
      return state.nextOnline ? `back ${formatClock(state.nextOnline)} (in ${formatDuration(Date.parse(state.nextOnline) - now.getTime())})` : 'off';
  }
}

function memberItem(row: Row, now: Date, viewer: Viewer, multiTeam: boolean): vscode.TreeItem {
  const viewerZone = viewer.zone;
  const { member, folder } = row.ref;
  const { state } = row;
  const item = new vscode.TreeItem(member.name ?? `@${member.github}`, vscode.TreeItemCollapsibleState.None);
  item.id = `member:${keyOf(row.ref)}`;
  const offset = state.offsetMinutes - zoneOffsetMinutes(viewerZone, now);
  const parts = [formatClock(state.localTime), formatOffsetDifference(offset), stateEndText(state, now)];
  if (state.githubStatus?.emoji) parts.unshift(state.githubStatus.emoji);
  if (multiTeam) parts.push(folder.workspaceFolder.name);
  item.description = parts.join(' · ');
  const group = GROUPS.find((g) => g.state === state.state)!;
  item.iconPath = new vscode.ThemeIcon(group.icon, group.color ? new vscode.ThemeColor(group.color) : undefined);
  item.contextValue = `teamMember.${state.state}`;
  item.tooltip = memberTooltip(row, now, viewer);
  item.accessibilityInformation = {
    label: `${member.name ?? member.github}, ${state.state}, local time ${formatClock(state.localTime)}, ${stateEndText(state, now)}`,
  };
  return item;
}

export function memberTooltip(row: Row, now: Date, viewer: Viewer): vscode.MarkdownString {
  const viewerZone = viewer.zone;
  const { member, folder } = row.ref;
  const { state } = row;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false; // names, notes and status messages are repo / GitHub content
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(member.name ? `${member.name} (@${member.github})` : `@${member.github}`);
  md.appendMarkdown('**\n\n');
  const line = (label: string, value: string) => {
    md.appendMarkdown(`${label}: `);
    md.appendText(value);
    md.appendMarkdown('  \n');
  };
  line('Local time', `${formatClock(state.localTime)} (${member.timezone})`);
  line('State', stateEndText(state, now));
  const today = hoursInZone(member, state.localDate, viewerZone, folder.team);
  if (today) line('Working hours in your time', `${today.text}${today.away ? ' (away that day)' : ''}`);
  if (viewer.member && viewer.member.github.toLowerCase() !== member.github.toLowerCase()) {
    const overlap = overlapWindows(viewer.member, member, now, 48, folder.team)[0];
    line('Next overlap with you', overlap ? `${formatClock(overlap.start)}-${overlap.end.slice(11, 16)}` : 'none in the next two days');
  }
  if (state.githubStatus && (state.githubStatus.emoji || state.githubStatus.message)) {
    const expiry = state.githubStatus.expiresAt ? ` (until ${new Date(state.githubStatus.expiresAt).toLocaleString()})` : '';
    line('GitHub status', `${state.githubStatus.emoji ?? ''} ${state.githubStatus.message ?? ''}${expiry}`.trim());
  }
  if (state.awayNote) line('Away', state.awayNote);
  md.appendMarkdown('\n');
  md.appendText(bestTimeToReach(member, viewerZone, now, folder.team));
  return md;
}
