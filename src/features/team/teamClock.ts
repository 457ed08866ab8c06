// The Team Clock: a webview panel with a 24-hour grid of one day in the viewer's zone, one row per
// teammate (working, focus, away, off from dayTimeline), the shared overlap band, a now-line and a
// day picker. The host computes everything (luxon, via the team core) and sends it as data; the
// webview (webview-ui/teamClock) only lays it out with DOM APIs and textContent.
import * as vscode from 'vscode';
import { dayTimeline, formatOffsetDifference, memberState, teamOverlap, type Member } from '../../core/team';
import { clockText, dayNumber, isoDate, MINUTE, zoneClock } from '../../core/team/zone';
import { offsetChanges } from '../../core/team/overlap';
import { addDays, dayLabel } from '../../core/shared/dates';
import type {
  ClockBand,
  ClockMember,
  ClockSegment,
  ClockShift,
  ClockTick,
  HostToTeamClockMessage,
  TeamClockState,
  TeamClockToHostMessage,
} from '../../protocol/teamClock';
import { reportError, UserError } from '../shared/errors';
import { webviewHtml } from '../shared/webviewHtml';
import type { FolderTeam, TeamStore } from './teamStore';
import { currentViewer, type Viewer } from './viewer';


let current: TeamClockPanel | undefined;

/**
 * Opens the Team Clock (or reveals the open one) on `date` ('YYYY-MM-DD' in the viewer's zone;
 * default: today, following the clock past midnight). `now` is the Team view's clock, so a fixed test
 * clock applies here too.
 */
export async function showTeamClock(context: vscode.ExtensionContext, store: TeamStore, now: () => Date, date?: string): Promise<vscode.WebviewPanel> {
  // Menus may pass a tree node or a Uri: only a string is a date.
  const picked = typeof date === 'string' && date.trim() !== '' ? date.trim() : undefined;
  if (picked !== undefined && dayNumber(picked) === null) throw new UserError(`"${picked}" is not a date (YYYY-MM-DD).`);
  if (current) {
    current.setClock(now);
    if (picked) current.select(picked);
    current.panel.reveal(undefined, false);
    return current.panel;
  }
  await store.ready();
  current = new TeamClockPanel(context, store, now, picked);
  return current.panel;
}

class TeamClockPanel {
  readonly panel: vscode.WebviewPanel;
  /** The day shown; undefined = today (rolls over at the viewer's midnight). */
  private date: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shownDate = '';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    context: vscode.ExtensionContext,
    private readonly store: TeamStore,
    private now: () => Date,
    date: string | undefined,
  ) {
    this.date = date;
    const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      'asyncDesk.teamClock',
      'Team Clock',
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [root] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'async-desk.svg');
    this.panel.webview.html = webviewHtml(this.panel.webview, context.extensionUri, 'teamClock', 'Team Clock', TEAM_CLOCK_CSS);
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((m: TeamClockToHostMessage) => void this.onMessage(m)),
      this.panel.onDidChangeViewState(() => this.schedule()),
      this.panel.onDidDispose(() => this.dispose()),
      store.onDidChange(() => this.post()),
    );
    // Disposed with the extension while open; taken out again when closed, so closed panels do not pile up.
    context.subscriptions.push(this.panel);
    this.subscriptions.push({
      dispose: () => {
        const at = context.subscriptions.indexOf(this.panel);
        if (at >= 0) context.subscriptions.splice(at, 1);
      },
    });
  }

  setClock(now: () => Date): void {
    this.now = now;
  }

  select(date: string | undefined): void {
    this.date = date;
    this.post();
  }

  private today(): string {
    return viewerToday(currentViewer(this.store).zone, this.now());
  }

  private async onMessage(message: TeamClockToHostMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          await this.store.ready();
          this.post();
          this.schedule();
          break;
        case 'pickDay': {
          const today = this.today();
          const shown = this.date ?? today;
          const day = message.day;
          if (day === 'today') this.select(undefined);
          else if (day === 'tomorrow') this.select(addDays(today, 1));
          else if (day === 'previous' || day === 'next') {
            const next = addDays(shown, day === 'next' ? 1 : -1);
            this.select(next === today ? undefined : next);
          } else if (dayNumber(day) !== null) this.select(day === today ? undefined : day);
          break;
        }
        case 'openTeamFile': {
          const folder = this.store.all().find((f) => f.exists);
          if (folder) await vscode.window.showTextDocument(folder.uri);
          break;
        }
      }
    } catch (error) {
      await reportError('Team Clock', error);
    }
  }

  private post(): void {
    if (!this.panel.visible) return;
    const now = this.now();
    const viewer = currentViewer(this.store);
    const date = this.date ?? viewerToday(viewer.zone, now);
    this.shownDate = date;
    const message: HostToTeamClockMessage = { type: 'state', state: teamClockState(this.store.all(), viewer, date, now) };
    void this.panel.webview.postMessage(message); // resolves false when the panel is gone: nothing to do then
  }

  /** Each minute boundary while visible: the now-line moves; at midnight "today" rolls over. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.panel.visible) return;
    this.timer = setTimeout(() => {
      if (this.date === undefined && this.today() !== this.shownDate) this.post();
      else void this.panel.webview.postMessage({ type: 'now', nowMs: this.now().getTime() } satisfies HostToTeamClockMessage); // as in post()
      this.schedule();
    }, MINUTE - (Date.now() % MINUTE) + 50);
  }

  private dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    if (current === this) current = undefined;
  }
}

/** The viewer's local date at `now`, 'YYYY-MM-DD'. */
export function viewerToday(zone: string, now: Date): string {
  return isoDate(zoneClock(zone).local(now.getTime()).day);
}

/** 'UTC+1', 'UTC+5:45', 'UTC-3', 'UTC'. */
function utcText(offset: number): string {
  if (offset === 0) return 'UTC';
  const a = Math.abs(offset);
  return `UTC${offset < 0 ? '-' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

/** '1 h', '30 min', '1 h 30 min'. */
function shiftAmount(minutes: number): string {
  const a = Math.abs(minutes);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** Wall clock 'HH:mm' of instant ts under UTC offset `offset`. */
function wall(ts: number, offset: number): string {
  const minutes = (((Math.round((ts + offset * MINUTE) / MINUTE) % 1440) + 1440) % 1440);
  return clockText(minutes);
}


const displayName = (m: Member) => m.name ?? `@${m.github}`;

/**
 * Everything the Team Clock draws for the viewer's day `date`: pure (no vscode calls), so it can be
 * checked without a webview.
 */
export function teamClockState(folders: FolderTeam[], viewer: Viewer, date: string, now: Date): TeamClockState {
  const zone = viewer.zone;
  const vclock = zoneClock(zone);
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD).`);
  const startMs = vclock.at(day, 0).ts;
  const endMs = vclock.at(day + 1, 0).ts;
  const length = Math.round((endMs - startMs) / MINUTE);
  const pos = (ts: number) => Math.round((ts - startMs) / MINUTE);
  const tsOf = (at: number) => startMs + at * MINUTE;
  /** The viewer's wall clock at a position; the day's end reads 24:00. */
  const viewerWall = (at: number) => (at >= length ? '24:00' : wall(tsOf(at), vclock.offset(tsOf(at))));
  const viewerSpan = (s: number, e: number) => `${viewerWall(s)}-${e >= length ? '24:00' : wall(tsOf(e), vclock.offset(tsOf(e) - 1))}`;

  // The viewer's own DST change, if any.
  const viewerChanges = offsetChanges(vclock, startMs, endMs);
  const viewerOffsets = [{ at: 0, offsetMinutes: vclock.offset(startMs) }, ...viewerChanges.map((ts) => ({ at: pos(ts), offsetMinutes: vclock.offset(ts) }))];
  let viewerShift: string | undefined;
  if (viewerChanges.length > 0) {
    const ts = viewerChanges[0]!;
    const from = vclock.offset(ts - 1);
    const to = vclock.offset(ts);
    const hours = Math.round((length / 60) * 10) / 10;
    viewerShift = `${hours}-hour day in ${zone}: clocks go ${to > from ? 'forward' : 'back'} ${shiftAmount(to - from)} at ${wall(ts, from)}.`;
  }

  const ticks: ClockTick[] = [];
  let prevWall: number | undefined;
  for (let at = 0; at < length; at += 60) {
    const ts = tsOf(at);
    const w = ((Math.round((ts + vclock.offset(ts) * MINUTE) / MINUTE) % 1440) + 1440) % 1440;
    ticks.push({
      at,
      label: w % 60 === 0 ? String(w / 60).padStart(2, '0') : clockText(w),
      shifted: prevWall !== undefined && w !== (prevWall + 60) % 1440,
    });
    prevWall = w;
  }

  const midday = startMs + (endMs - startMs) / 2;
  const viewerMidOffset = vclock.offset(midday);
  const members: ClockMember[] = [];
  const working = new Map<string, [number, number][]>();
  for (const folder of folders) {
    for (const member of folder.team.members) {
      const id = `${folder.workspaceFolder.uri.toString()}#${member.github.toLowerCase()}`;
      const isViewer = !!viewer.member && viewer.member === member;
      const segments: ClockSegment[] = dayTimeline(member, folder.team, date, zone).map((s) => {
        const a = Date.parse(s.start);
        const b = Date.parse(s.end);
        return {
          start: pos(a),
          end: pos(b),
          kind: s.kind,
          offsetMinutes: s.offsetMinutes,
          localText: `${wall(a, s.offsetMinutes)}-${wall(b, s.offsetMinutes)}`,
          viewerText: viewerSpan(pos(a), pos(b)),
        };
      });
      const shifts: ClockShift[] = [];
      for (let i = 1; i < segments.length; i++) {
        const prev = segments[i - 1]!;
        const seg = segments[i]!;
        if (prev.offsetMinutes === seg.offsetMinutes) continue;
        const ts = tsOf(seg.start);
        const forward = seg.offsetMinutes > prev.offsetMinutes;
        shifts.push({
          at: seg.start,
          fromOffset: prev.offsetMinutes,
          toOffset: seg.offsetMinutes,
          text:
            `Clocks go ${forward ? 'forward' : 'back'} ${shiftAmount(seg.offsetMinutes - prev.offsetMinutes)} in ${member.timezone} ` +
            `at ${wall(ts, prev.offsetMinutes)} local (${viewerWall(seg.start)} your time): ${utcText(prev.offsetMinutes)} → ${utcText(seg.offsetMinutes)}`,
        });
      }
      const away = segments.find((s) => s.kind === 'away');
      const awayNote = away ? memberState(member, folder.team, new Date(tsOf((away.start + away.end) / 2))).awayNote : undefined;
      const memberOffset = zoneClock(member.timezone).offset(midday);
      const offsetText = isViewer
        ? `${utcText(memberOffset)} · you`
        : `${utcText(memberOffset)} · ${formatOffsetDifference(memberOffset - viewerMidOffset)}${memberOffset === viewerMidOffset ? '' : ' from you'}`;
      const shortOffset = isViewer ? utcText(memberOffset) : formatOffsetDifference(memberOffset - viewerMidOffset);
      const name = displayName(member);
      const busy = segments.filter((s) => s.kind !== 'off');
      const described = busy.length
        ? busy
            .map((s) => {
              const what = s.kind === 'away' ? `away${awayNote ? ` (${awayNote})` : ''}` : s.kind;
              if (s.start === 0 && s.end === length) return `${what} all day`;
              return `${what} ${s.viewerText} your time (${s.localText} their time)`;
            })
            .join('; ')
        : 'off all day';
      const summary = `${name}${isViewer ? ' (you)' : ''}, ${member.timezone}, ${offsetText}: ${described}.${shifts.map((s) => ` ${s.text}.`).join('')}`;
      members.push({
        id,
        name,
        github: member.github,
        timezone: member.timezone,
        isViewer,
        offsetText,
        shortOffset,
        segments,
        shifts,
        ...(awayNote ? { awayNote } : {}),
        summary,
      });
      working.set(
        id,
        segments.filter((s) => s.kind === 'working' || s.kind === 'focus').map((s) => [s.start, s.end]),
      );
    }
  }

  // Everyone working: teamOverlap per team file, intersected across folders.
  let overlap: [number, number][] | undefined;
  for (const folder of folders) {
    if (folder.team.members.length === 0) continue;
    const spans = teamOverlap(folder.team.members, date, zone, folder.team).map((r): [number, number] => [pos(Date.parse(r.start)), pos(Date.parse(r.end))]);
    overlap = overlap === undefined ? spans : intersect(overlap, spans);
  }
  const band = ([s, e]: [number, number]): ClockBand => ({ start: s, end: e, text: viewerSpan(s, e) });
  const state: TeamClockState = {
    date,
    dayLabel: dayLabel(date),
    relative: '',
    today: viewerToday(zone, now),
    viewerZone: zone,
    viewerLabel: viewer.member ? `${zone} (@${viewer.member.github})` : zone,
    dayStartMs: startMs,
    nowMs: now.getTime(),
    length,
    viewerOffsets,
    ...(viewerShift ? { viewerShift } : {}),
    ticks,
    members,
    overlap: (overlap ?? []).filter(([s, e]) => e > s).map(band),
    teamName: [...new Set(folders.map((f) => f.team.name).filter(Boolean))].join(' + '),
  };
  const diff = dayNumber(date)! - dayNumber(state.today)!;
  state.relative = diff === 0 ? 'today' : diff === 1 ? 'tomorrow' : diff === -1 ? 'yesterday' : '';
  if (state.overlap.length === 0 && members.length > 2) state.partial = partialOverlap(members, working, viewerSpan);

  const broken = folders.filter((f) => f.problems.some((p) => p.severity === 'error'));
  if (broken.length) state.notice = `${broken.map((f) => f.file).join(', ')} has errors (see Problems); showing the valid members.`;
  else if (!folders.some((f) => f.exists)) state.notice = 'No team file yet: run "Async Desk: Add Teammate…" to create one.';
  else if (members.length === 0) state.notice = 'The team file lists nobody yet.';
  return state;
}

function intersect(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s1, e1] of a) for (const [s2, e2] of b) if (Math.max(s1, s2) < Math.min(e1, e2)) out.push([Math.max(s1, s2), Math.min(e1, e2)]);
  return out.sort((x, y) => x[0] - y[0]);
}

/** When there is no time everyone works: the times when the most members (at least 2) work together. */
function partialOverlap(
  members: ClockMember[],
  working: Map<string, [number, number][]>,
  viewerSpan: (s: number, e: number) => string,
): TeamClockState['partial'] {
  const cuts = new Set<number>();
  for (const spans of working.values()) for (const [s, e] of spans) cuts.add(s).add(e);
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: { s: number; e: number; ids: string[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const ids = members.filter((m) => working.get(m.id)!.some(([a, b]) => a <= s && s < b)).map((m) => m.id);
    pieces.push({ s, e, ids });
  }
  const best = Math.max(0, ...pieces.map((p) => p.ids.length));
  if (best < 2) return undefined;
  const bands: ClockBand[] = [];
  let last: { s: number; e: number; ids: string[] } | undefined;
  for (const p of pieces.filter((x) => x.ids.length === best)) {
    if (last && last.e === p.s && last.ids.join() === p.ids.join()) last.e = p.e;
    else {
      if (last) bands.push(toBand(last));
      last = { ...p };
    }
  }
  if (last) bands.push(toBand(last));
  function toBand(p: { s: number; e: number; ids: string[] }): ClockBand {
    return { start: p.s, end: p.e, text: viewerSpan(p.s, p.e), names: p.ids.map((id) => members.find((m) => m.id === id)!.name) };
  }
  return { count: best, total: members.length, bands };
}

// Styles of the clock (added to the shared webview shell). Theme colours only; kinds also differ by
// pattern and border, so they read in high contrast and without colour.
const TEAM_CLOCK_CSS = `
  :root {
    --name-w: 230px; --row-h: 30px; --ok: var(--vscode-charts-green); --focus: var(--vscode-charts-purple); --away: var(--vscode-charts-red);
    --band: var(--vscode-charts-yellow); --now: var(--vscode-charts-orange, var(--vscode-charts-red));
    --line: var(--vscode-widget-border, var(--vscode-panel-border, rgba(128,128,128,.35)));
  }
  body { padding: 8px 20px 20px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  header.bar { display: flex; align-items: center; justify-content: space-between; gap: 12px 24px; flex-wrap: wrap; margin: 8px 0 4px; }
  header.bar h1 { font-size: 1.1em; font-weight: 600; margin: 0; color: var(--vscode-descriptionForeground); }
  header.bar .daytitle { font-size: 1.5em; font-weight: 600; margin-top: 2px; }
  header.bar .relative { color: var(--vscode-descriptionForeground); font-weight: normal; margin-left: 8px; }
  .controls { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
  .controls vscode-textfield { width: 150px; }
  .controls vscode-button.step { min-width: 0; }
  .sub { color: var(--vscode-descriptionForeground); margin: 4px 0 10px; }
  .sub .shift { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); }
  .legend { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; margin: 6px 0 12px; color: var(--vscode-descriptionForeground); }
  .legend span { display: inline-flex; align-items: center; gap: 6px; }
  .legend i { display: inline-block; width: 22px; height: 12px; position: relative; }
  .notice {
    border-left: 3px solid var(--vscode-editorWarning-foreground, var(--vscode-focusBorder)); padding: 4px 10px; margin: 6px 0 10px;
    background: var(--vscode-textBlockQuote-background, transparent);
  }
  .grid { position: relative; min-width: 620px; }
  .row { display: grid; grid-template-columns: var(--name-w) 1fr; align-items: stretch; }
  .row.head .track { height: 22px; border: none; background: none; }
  .name { padding: 3px 10px 3px 0; overflow: hidden; display: flex; flex-direction: column; justify-content: center; min-height: var(--row-h); }
  .name .n { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 600; }
  .name .you { font-weight: normal; color: var(--vscode-descriptionForeground); }
  .name .z { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 90%; color: var(--vscode-descriptionForeground); }
  .body .row { border-top: 1px solid var(--line); }
  .body .row:last-child { border-bottom: 1px solid var(--line); }
  .body .row.viewer .name .n::before { content: '▸ '; }
  .track { position: relative; margin: 4px 0; height: calc(var(--row-h) - 2px); }
  .tick {
    position: absolute; top: 2px; transform: translateX(-50%); font-size: 11px; font-variant-numeric: tabular-nums;
    color: var(--vscode-descriptionForeground); white-space: nowrap;
  }
  .tick.shifted { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); font-weight: 600; }
  .tick.hide { visibility: hidden; }
  .seg {
    position: absolute; top: 0; bottom: 0; box-sizing: border-box; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-size: 11px;
    line-height: calc(var(--row-h) - 4px); padding: 0 4px; border-radius: 3px;
  }
  .seg.working { background: color-mix(in srgb, var(--ok) 38%, transparent); border: 1px solid var(--ok); }
  .seg.focus {
    background-color: color-mix(in srgb, var(--focus) 45%, transparent);
    background-image: radial-gradient(color-mix(in srgb, var(--vscode-foreground) 30%, transparent) 1px, transparent 1.5px); background-size: 6px 6px;
    border: 2px solid var(--focus);
  }
  .seg .lbl { padding: 0 3px; border-radius: 2px; }
  .seg.focus .lbl, .seg.away .lbl { background: color-mix(in srgb, var(--vscode-editor-background) 80%, transparent); }
  .seg.away {
    background: repeating-linear-gradient(135deg, color-mix(in srgb, var(--away) 55%, transparent) 0 4px, transparent 4px 9px);
    border: 1px dashed var(--away);
  }
  .seg.off { border: none; }
  .seg.off::after {
    content: ''; position: absolute; left: 0; right: 0; top: 50%;
    border-top: 1px dotted color-mix(in srgb, var(--vscode-descriptionForeground) 60%, transparent);
  }
  .seg.cut-left { border-top-left-radius: 0; border-bottom-left-radius: 0; border-left-style: none; }
  .seg.cut-right { border-top-right-radius: 0; border-bottom-right-radius: 0; border-right-style: none; }
  .seg.joined-left { border-top-left-radius: 0; border-bottom-left-radius: 0; }
  .seg.joined-right { border-top-right-radius: 0; border-bottom-right-radius: 0; }
  .shiftmark {
    position: absolute; top: -3px; bottom: -3px; width: 0; border-left: 2px dashed var(--vscode-editorWarning-foreground, var(--vscode-foreground));
  }
  .shiftmark span {
    position: absolute; top: -2px; left: 3px; font-size: 10px; font-weight: 600;
    color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); background: var(--vscode-editor-background); padding: 0 2px;
  }
  .overlay { position: absolute; top: 0; bottom: 0; left: var(--name-w); right: 0; pointer-events: none; }
  .hourline { position: absolute; top: 0; bottom: 0; border-left: 1px solid color-mix(in srgb, var(--line) 70%, transparent); }
  .hourline.major { border-left-color: var(--line); }
  .band {
    position: absolute; top: -2px; bottom: -2px; background: color-mix(in srgb, var(--band) 16%, transparent); border-left: 2px solid var(--band);
    border-right: 2px solid var(--band);
  }
  .band.partial { background: color-mix(in srgb, var(--band) 9%, transparent); border-left-style: dashed; border-right-style: dashed; }
  .nowline { position: absolute; top: -20px; bottom: -4px; border-left: 2px solid var(--now); }
  .nowline span {
    position: absolute; top: 0; left: 3px; font-size: 10px; font-weight: 600; color: var(--now); background: var(--vscode-editor-background);
    padding: 0 2px; white-space: nowrap;
  }
  .hoverline { position: absolute; top: -4px; bottom: -4px; border-left: 1px dashed var(--vscode-foreground); }
  .body { position: relative; cursor: crosshair; outline: none; }
  .body:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  .overlap-text { margin: 12px 0 0; }
  .overlap-text strong { font-weight: 600; }
  .hint { margin: 6px 0 0; color: var(--vscode-descriptionForeground); font-size: 90%; }
  .legend .shiftsample { border-left: 2px dashed var(--vscode-editorWarning-foreground, var(--vscode-foreground)); width: 0; height: 14px; }
  .legend .nowsample { border-left: 2px solid var(--now); width: 0; height: 14px; }
  .legend .bandsample {
    background: color-mix(in srgb, var(--band) 16%, transparent); border-left: 2px solid var(--band); border-right: 2px solid var(--band);
    box-sizing: border-box;
  }
  .legend .bandsample.partial { background: color-mix(in srgb, var(--band) 9%, transparent); border-left-style: dashed; border-right-style: dashed; }
  .tooltip {
    position: fixed; z-index: 10; pointer-events: none; min-width: 220px; max-width: 420px; padding: 6px 10px;
    background: var(--vscode-editorHoverWidget-background); color: var(--vscode-editorHoverWidget-foreground, var(--vscode-foreground));
    border: 1px solid var(--vscode-editorHoverWidget-border, var(--line)); border-radius: 4px;
    box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.3)); font-size: 12px;
  }
  .tooltip .head { font-weight: 600; margin-bottom: 4px; }
  .tooltip table { border-collapse: collapse; }
  .tooltip td { padding: 1px 10px 1px 0; white-space: nowrap; }
  .tooltip td.t { font-variant-numeric: tabular-nums; }
  .tooltip td.k { color: var(--vscode-descriptionForeground); }
  .vscode-high-contrast .seg.working, .vscode-high-contrast-light .seg.working { border-width: 2px; }
  .vscode-high-contrast .band, .vscode-high-contrast-light .band { border-width: 3px; }
`;
