// The Team Clock webview: lays out what the host computed (one row per teammate on a shared axis of
// minutes since the viewer's midnight) with DOM APIs and textContent only, so names and notes from the
// team file can never become markup. Hover (or arrow keys on the focused grid) shows every member's
// local time at that moment.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { ClockBand, ClockMember, ClockSegment, HostToTeamClockMessage, TeamClockState, TeamClockToHostMessage } from '../../src/protocol/teamClock';

declare function acquireVsCodeApi(): { postMessage(message: TeamClockToHostMessage): void };
const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
// The grid re-renders on each update; announcements go through #live instead.
app.removeAttribute('aria-live');

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const KIND_TEXT: Record<ClockSegment['kind'], string> = { working: 'working', focus: 'focus', away: 'away', off: 'off' };

let state: TeamClockState | undefined;
let nowMs = 0;
/** Hover / keyboard cursor, minutes after the day's start; undefined = hidden. */
let cursor: number | undefined;

const live = el('div', { className: 'sr-only', id: 'live' });
live.setAttribute('aria-live', 'polite');
const tooltip = el('div', { className: 'tooltip', id: 'clock-tooltip', hidden: true });
tooltip.setAttribute('role', 'tooltip');
document.body.append(live, tooltip);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function attrs<T extends Element>(node: T, values: Record<string, string>): T {
  for (const [k, v] of Object.entries(values)) node.setAttribute(k, v);
  return node;
}

function button(
  label: string,
  onClick: () => void,
  { secondary = true, aria, className }: { secondary?: boolean; aria?: string; className?: string } = {},
): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (secondary) b.setAttribute('secondary', '');
  if (aria) b.setAttribute('aria-label', aria);
  if (className) b.className = className;
  b.addEventListener('click', onClick);
  return b;
}

const pct = (minutes: number) => `${(minutes / state!.length) * 100}%`;
const two = (n: number) => String(n).padStart(2, '0');

/** Wall clock of instant ts under a UTC offset: { time: '14:30', weekday: 'Tue' }. */
function wallAt(ts: number, offsetMinutes: number): { time: string; weekday: string } {
  const d = new Date(ts + offsetMinutes * 60_000);
  return { time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`, weekday: WEEKDAYS[d.getUTCDay()]! };
}

function viewerOffsetAt(at: number): number {
  let offset = state!.viewerOffsets[0]!.offsetMinutes;
  for (const o of state!.viewerOffsets) if (o.at <= at) offset = o.offsetMinutes;
  return offset;
}

function segmentAt(member: ClockMember, at: number): ClockSegment | undefined {
  return member.segments.find((s) => s.start <= at && at < s.end) ?? member.segments[member.segments.length - 1];
}

function pickDay(day: string): void {
  vscode.postMessage({ type: 'pickDay', day });
}

function render(next: TeamClockState): void {
  state = next;
  nowMs = next.nowMs;
  if (cursor !== undefined && cursor >= next.length) cursor = undefined;

  const dateField = attrs(document.createElement('vscode-textfield'), {
    type: 'date',
    'aria-label': 'Show another day',
    title: 'Show another day',
  }) as HTMLElement & { value: string };
  dateField.value = next.date;
  dateField.id = 'day-input';
  dateField.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateField.value) && dateField.value !== state?.date) pickDay(dateField.value);
  });
  const controls = el(
    'div',
    { className: 'controls' },
    button('‹', () => pickDay('previous'), { aria: 'Previous day', className: 'step' }),
    button('Today', () => pickDay('today'), { secondary: next.relative !== 'today' }),
    button('Tomorrow', () => pickDay('tomorrow'), { secondary: next.relative !== 'tomorrow' }),
    button('›', () => pickDay('next'), { aria: 'Next day', className: 'step' }),
    dateField,
  );
  const title = el(
    'div',
    {},
    el('h1', { textContent: next.teamName ? `Team Clock · ${next.teamName}` : 'Team Clock' }),
    el(
      'div',
      { className: 'daytitle' },
      el('span', { className: 'day', id: 'day-label', textContent: next.dayLabel }),
      ...(next.relative ? [el('span', { className: 'relative', textContent: next.relative })] : []),
    ),
  );
  const header = el('header', { className: 'bar' }, title, controls);

  const sub = el('p', { className: 'sub' }, `Times on the grid are your time: ${next.viewerLabel}.`);
  if (next.viewerShift) sub.append(' ', el('span', { className: 'shift', textContent: next.viewerShift }));

  const legend = el(
    'div',
    { className: 'legend', ariaHidden: 'true' },
    ...(
      [
        ['working', 'Working'],
        ['focus', 'Focus'],
        ['away', 'Away / holiday'],
      ] as const
    ).map(([kind, label]) => el('span', {}, el('i', { className: `seg ${kind}` }), label)),
    ...(next.overlap.length > 0 || !next.partial ? [el('span', {}, el('i', { className: 'bandsample' }), 'Everyone working')] : []),
    ...(next.partial ? [el('span', {}, el('i', { className: 'bandsample partial' }), `Most at once (${next.partial.count} of ${next.partial.total})`)] : []),
    el('span', {}, el('i', { className: 'nowsample' }), 'Now'),
    el('span', {}, el('i', { className: 'shiftsample' }), 'Clocks change (DST)'),
  );

  const parts: Node[] = [header, sub, legend];
  if (next.notice) {
    const notice = el('div', { className: 'notice', textContent: next.notice });
    const open = el('a', { className: 'link', href: '#', textContent: 'Open the team file' });
    open.addEventListener('click', (e) => {
      e.preventDefault();
      vscode.postMessage({ type: 'openTeamFile' });
    });
    notice.append(' ', open);
    parts.push(notice);
  }
  if (next.members.length > 0) parts.push(grid(next), overlapText(next));
  parts.push(el('p', { className: 'hint', textContent: 'Hover the grid, or focus it and use ← → (Shift: 15 min), to see everyone’s local time.' }));
  app.replaceChildren(...parts);
  layoutTicks();
  updateCursor();
}

function grid(s: TeamClockState): HTMLElement {
  const table = attrs(el('div', { className: 'grid', id: 'clock-grid' }), {
    role: 'table',
    'aria-label': `Team clock for ${s.dayLabel}, in your time (${s.viewerZone})`,
  });
  const ticks = attrs(el('div', { className: 'track ticks' }), {
    role: 'columnheader',
    'aria-label': `Hours of ${s.dayLabel}, your time, ${s.length / 60} hours`,
  });
  for (const t of s.ticks) {
    const tick = el('span', { className: `tick${t.shifted ? ' shifted' : ''}`, textContent: t.label });
    tick.style.left = pct(t.at);
    tick.setAttribute('aria-hidden', 'true');
    if (t.shifted) tick.title = 'Your clocks change here';
    ticks.append(tick);
  }
  const head = attrs(
    el('div', { className: 'row head' }, attrs(el('div', { className: 'name', textContent: '' }), { role: 'columnheader', 'aria-label': 'Teammate' }), ticks),
    { role: 'row' },
  );
  const headGroup = attrs(el('div', { className: 'headgroup' }, head), { role: 'rowgroup' });

  const body = attrs(el('div', { className: 'body', tabIndex: 0, id: 'clock-body' }), { role: 'rowgroup', 'aria-describedby': 'live' });
  for (const m of s.members) body.append(memberRow(m));
  // Hour lines under the segments (first in the DOM), bands and lines over them (last).
  const underlay = el('div', { className: 'overlay under' });
  underlay.setAttribute('aria-hidden', 'true');
  for (const t of s.ticks) {
    const line = el('div', { className: `hourline${['00', '06', '12', '18'].includes(t.label) ? ' major' : ''}` });
    line.style.left = pct(t.at);
    underlay.append(line);
  }
  body.prepend(underlay);
  const overlay = el('div', { className: 'overlay' });
  overlay.setAttribute('aria-hidden', 'true');
  for (const b of s.overlap) overlay.append(band(b, false));
  for (const b of s.partial?.bands ?? []) overlay.append(band(b, true));
  overlay.append(el('div', { className: 'nowline', id: 'now-line', hidden: true }, el('span')));
  overlay.append(el('div', { className: 'hoverline', id: 'hover-line', hidden: true }));
  body.append(overlay);

  body.addEventListener('mousemove', (e) => {
    const at = positionOf(e.clientX);
    if (at === undefined) return hideCursor();
    cursor = Math.min(s.length - 1, Math.round(at / 15) * 15);
    updateCursor(e.clientX, e.clientY);
  });
  body.addEventListener('mouseleave', () => hideCursor());
  body.addEventListener('focus', () => {
    if (cursor === undefined) {
      const now = Math.floor((nowMs - s.dayStartMs) / 60_000);
      cursor = now >= 0 && now < s.length ? Math.floor(now / 60) * 60 : 9 * 60;
    }
    updateCursor();
  });
  body.addEventListener('blur', () => hideCursor());
  body.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 15 : 60;
    let at = cursor ?? 0;
    if (e.key === 'ArrowRight') at += step;
    else if (e.key === 'ArrowLeft') at -= step;
    else if (e.key === 'Home') at = 0;
    else if (e.key === 'End') at = s.length - 60;
    else if (e.key === 'Escape') return hideCursor();
    else return;
    e.preventDefault();
    cursor = Math.max(0, Math.min(s.length - 1, at));
    updateCursor();
    live.textContent = cursorText(cursor);
  });

  table.append(headGroup, body);
  return table;
}

function band(b: ClockBand, partial: boolean): HTMLElement {
  const node = el('div', { className: `band${partial ? ' partial' : ''}` });
  node.style.left = pct(b.start);
  node.style.width = pct(b.end - b.start);
  return node;
}

function memberRow(m: ClockMember): HTMLElement {
  const s = state!;
  const name = attrs(
    el(
      'div',
      { className: 'name' },
      el(
        'span',
        { className: 'n', textContent: m.name, title: `${m.name} (@${m.github})` },
        ...(m.isViewer ? [el('span', { className: 'you', textContent: ' (you)' })] : []),
      ),
      el('span', { className: 'z', textContent: `${m.timezone} · ${m.shortOffset}`, title: `${m.timezone} · ${m.offsetText}` }),
    ),
    { role: 'rowheader' },
  );
  const track = attrs(el('div', { className: 'track' }), { role: 'cell', 'aria-label': m.summary });
  m.segments.forEach((seg, i) => {
    const node = el('div', { className: `seg ${seg.kind}` });
    node.dataset.kind = seg.kind;
    node.style.left = pct(seg.start);
    node.style.width = pct(seg.end - seg.start);
    // A span running past midnight is cut at the day's edge; adjacent pieces of one span (split at a
    // focus block or DST change) join without rounded corners.
    if (seg.kind !== 'off') {
      if (seg.start === 0) node.classList.add('cut-left');
      if (seg.end === s.length) node.classList.add('cut-right');
      const prev = m.segments[i - 1];
      const next = m.segments[i + 1];
      if (prev && prev.kind !== 'off') node.classList.add('joined-left');
      if (next && next.kind !== 'off') node.classList.add('joined-right');
      const label = seg.kind === 'away' ? `away${m.awayNote ? ` · ${m.awayNote}` : ''}` : seg.kind === 'focus' ? `focus ${seg.localText}` : seg.localText;
      node.append(el('span', { className: 'lbl', textContent: label }));
    }
    node.setAttribute('aria-hidden', 'true');
    track.append(node);
  });
  for (const shift of m.shifts) {
    const mark = el('div', { className: 'shiftmark', title: shift.text }, el('span', { textContent: shift.toOffset > shift.fromOffset ? '+1h' : '−1h' }));
    const diff = Math.abs(shift.toOffset - shift.fromOffset);
    if (diff !== 60) mark.firstElementChild!.textContent = `${shift.toOffset > shift.fromOffset ? '+' : '−'}${diff}m`;
    mark.style.left = pct(shift.at);
    mark.setAttribute('aria-hidden', 'true');
    track.append(mark);
  }
  const row = attrs(el('div', { className: `row${m.isViewer ? ' viewer' : ''}` }, name, track), { role: 'row' });
  row.dataset.member = m.github;
  return row;
}

function overlapText(s: TeamClockState): HTMLElement {
  const p = el('p', { className: 'overlap-text', id: 'overlap-text' });
  if (s.overlap.length > 0) {
    p.append(el('strong', { textContent: 'Everyone working: ' }), `${s.overlap.map((b) => b.text).join(', ')} your time.`);
  } else if (s.members.length < 2) {
    p.append('Add teammates to see when you overlap.');
  } else {
    p.append(el('strong', { textContent: `No time when all ${s.members.length} are working. ` }));
    if (s.partial) {
      const bands = s.partial.bands.map((b) => `${b.text} (${(b.names ?? []).join(', ')})`).join('; ');
      p.append(`Most at once: ${s.partial.count} of ${s.partial.total}, ${bands} your time (dashed band).`);
    }
  }
  return p;
}

/** Minutes after the day's start under clientX, or undefined outside the tracks. */
function positionOf(clientX: number): number | undefined {
  const track = document.querySelector<HTMLElement>('#clock-body .track');
  if (!track || !state) return undefined;
  const r = track.getBoundingClientRect();
  if (clientX < r.left || clientX > r.right) return undefined;
  return ((clientX - r.left) / r.width) * state.length;
}

function cursorText(at: number): string {
  const s = state!;
  const ts = s.dayStartMs + at * 60_000;
  const me = wallAt(ts, viewerOffsetAt(at));
  return [
    `${me.time} your time:`,
    ...s.members.map((m) => {
      const seg = segmentAt(m, at);
      const w = wallAt(ts, seg?.offsetMinutes ?? 0);
      return `${m.name} ${w.time} ${w.weekday}, ${seg ? KIND_TEXT[seg.kind] : 'off'}`;
    }),
  ].join('; ');
}

function hideCursor(): void {
  cursor = undefined;
  tooltip.hidden = true;
  const line = document.getElementById('hover-line');
  if (line) line.hidden = true;
}

/** Moves the hover line and fills the tooltip (textContent only) for the cursor position. */
function updateCursor(clientX?: number, clientY?: number): void {
  updateNow();
  const line = document.getElementById('hover-line');
  if (!state || !line || cursor === undefined) {
    tooltip.hidden = true;
    if (line) line.hidden = true;
    return;
  }
  const s = state;
  const at = cursor;
  line.hidden = false;
  line.style.left = pct(at);
  const ts = s.dayStartMs + at * 60_000;
  const me = wallAt(ts, viewerOffsetAt(at));
  const rows = s.members.map((m) => {
    const seg = segmentAt(m, at);
    const w = wallAt(ts, seg?.offsetMinutes ?? 0);
    return el(
      'tr',
      {},
      el('td', { textContent: m.name }),
      el('td', { className: 't', textContent: `${w.time} ${w.weekday}` }),
      el('td', { className: 'k', textContent: seg ? KIND_TEXT[seg.kind] : 'off' }),
    );
  });
  tooltip.replaceChildren(el('div', { className: 'head', textContent: `${me.time} your time · ${me.weekday}` }), el('table', {}, el('tbody', {}, ...rows)));
  tooltip.hidden = false;
  const body = document.getElementById('clock-body')!.getBoundingClientRect();
  const track = document.querySelector<HTMLElement>('#clock-body .track')!.getBoundingClientRect();
  const x = clientX ?? track.left + (at / s.length) * track.width;
  const y = clientY ?? body.top;
  const tw = tooltip.offsetWidth;
  const th = tooltip.offsetHeight;
  const left = x + 16 + tw > window.innerWidth ? x - 16 - tw : x + 16;
  const top = Math.min(Math.max(4, y + 16), Math.max(4, window.innerHeight - th - 4));
  tooltip.style.left = `${Math.max(4, left)}px`;
  tooltip.style.top = `${top}px`;
}

function updateNow(): void {
  const line = document.getElementById('now-line');
  if (!state || !line) return;
  const at = (nowMs - state.dayStartMs) / 60_000;
  line.hidden = !(at >= 0 && at < state.length);
  if (line.hidden) return;
  line.style.left = pct(at);
  line.firstElementChild!.textContent = `now ${wallAt(nowMs, viewerOffsetAt(at)).time}`;
}

/** Thins the hour labels when the grid is narrow (every 2nd or 3rd hour). */
function layoutTicks(): void {
  const ticks = document.querySelector<HTMLElement>('.ticks');
  if (!ticks || !state) return;
  const perHour = ticks.getBoundingClientRect().width / (state.length / 60);
  const step = perHour >= 26 ? 1 : perHour >= 14 ? 2 : 3;
  ticks.querySelectorAll<HTMLElement>('.tick').forEach((t, i) => t.classList.toggle('hide', i % step !== 0 && !t.classList.contains('shifted')));
}

window.addEventListener('resize', layoutTicks);
window.addEventListener('message', (event: MessageEvent<HostToTeamClockMessage>) => {
  const message = event.data;
  if (message?.type === 'state') render(message.state);
  else if (message?.type === 'now') {
    nowMs = message.nowMs;
    updateNow();
  }
});
vscode.postMessage({ type: 'ready' });
