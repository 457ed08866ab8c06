// What the Team Clock draws for a day, computed on the host: one row per teammate (working, focus,
// away, off from dayTimeline), the shared overlap band, offset changes (DST) and the ticks, all in the
// viewer's zone. Pure (no vscode calls): the panel (teamClock.ts) sends it to the webview as data.
import { dayTimeline, formatOffsetDifference, memberState, teamOverlap, type Member } from '../../core/team';
import { clockText, dayNumber, isoDate, MINUTE, zoneClock } from '../../core/team/zone';
import { offsetChanges } from '../../core/team/overlap';
import { dayLabel } from '../../core/shared/dates';
import type { ClockBand, ClockMember, ClockSegment, ClockShift, ClockTick, TeamClockState } from '../../protocol/teamClock';
import type { FolderTeam } from './teamStore';
import type { Viewer } from './viewer';

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
  const minutes = ((Math.round((ts + offset * MINUTE) / MINUTE) % 1440) + 1440) % 1440;
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
