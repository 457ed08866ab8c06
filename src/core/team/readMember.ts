// One member entry of the team file (an item of `members:`) -> Member, with problems at its nodes. An
// entry with any error is reported and left out (so no state is computed from a half-read entry);
// warnings (unknown keys, a focus block outside working time) keep the member. A duplicate login
// (case-insensitive) keeps the first entry.
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { LOGIN_RE } from '../shared/login';
import { entries, scalarText } from '../shared/yamlFields';
import { lineOf, rangeOf, report, resolve, type YamlCtx } from '../shared/yamlReader';
import type { AwayRange, Member, Team, Weekday } from './types';
import { WEEKDAY_NAMES } from './types';
import { DEFAULT_DAYS, DEFAULT_HOURS, parseFocus, parseSpan } from './values';
import { dateOf, scalarList, unknownKey } from './yamlNodes';
import { isValidZone, spanText } from './zone';

type Ctx = YamlCtx;

const MEMBER_KEYS = ['github', 'name', 'timezone', 'hours', 'days', 'focus', 'holidays', 'away', 'role'];

/** The member at `node` (an item of `members:` starting at itemOffset), or null when it has an error.
 *  `logins` maps the logins read so far (lower case) to their entry's line. */
export function readMember(ctx: Ctx, team: Team, node: unknown, itemOffset: number, logins: Map<string, number>): Member | null {
  const before = ctx.problems.length;
  const line = lineOf(ctx, itemOffset);
  if (!isMap(node)) {
    report(ctx, rangeOf(node, itemOffset), 'error', 'bad-member', 'A member must be a mapping starting with "github: <login>".');
    return null;
  }
  const start = rangeOf(node, itemOffset);
  const at: [number, number] = [start[0], start[0]];
  const member: Member = { github: '', timezone: '', hours: { ...DEFAULT_HOURS }, days: [...DEFAULT_DAYS], focus: [], holidays: [], away: [], line };
  let github: string | undefined;
  let timezone: string | undefined;
  let duplicate = false;
  for (const { key, keyNode, value, offset } of entries(ctx, node, 'a member')) {
    const where = rangeOf(value, offset);
    switch (key) {
      case 'github': {
        const login = scalarText(value)?.trim();
        if (!login) report(ctx, where, 'error', 'missing-github', 'Member has no GitHub login: write `github: <login>`.');
        else if (!LOGIN_RE.test(login)) {
          report(ctx, where, 'error', 'bad-github', `"${login}" is not a GitHub login${login.startsWith('@') ? ' (write it without "@")' : ''}.`);
        } else {
          const first = logins.get(login.toLowerCase());
          if (first !== undefined) {
            report(ctx, where, 'error', 'duplicate-login', `Duplicate member @${login}: already listed on line ${first + 1}.`);
            duplicate = true;
          } else logins.set(login.toLowerCase(), line);
          github = login;
        }
        break;
      }
      case 'name':
      case 'role': {
        const textValue = scalarText(value);
        if (textValue === undefined) report(ctx, where, 'error', `bad-${key}`, `\`${key}\` must be text.`);
        else if (textValue.trim()) member[key] = textValue.trim();
        break;
      }
      case 'timezone': {
        const zone = scalarText(value)?.trim();
        if (!zone) report(ctx, where, 'error', 'missing-timezone', 'Member has no time zone: write `timezone: <IANA zone>`, e.g. Europe/Berlin.');
        else if (!isValidZone(zone)) {
          const hint = /^(?:UTC|GMT)?[+-]\d/.test(zone)
            ? ' Use a zone such as Asia/Kolkata rather than a UTC offset, so DST is followed.'
            : ' Use an IANA zone such as Europe/Berlin or America/New_York.';
          report(ctx, where, 'error', 'unknown-zone', `Unknown time zone "${zone}".${hint}`);
        } else timezone = zone;
        break;
      }
      case 'hours': {
        const textValue = scalarText(value);
        const span = textValue === undefined ? null : parseSpan(textValue);
        if (!span || 'error' in span) {
          const why = span && span.error === 'empty' ? ': start and end are the same' : '';
          const message = `Working hours "${textValue ?? ''}" are not like "09:00-17:30"${why} (24-hour clock; "22:00-06:00" crosses midnight).`;
          report(ctx, where, 'error', 'bad-hours', message);
        } else member.hours = span;
        break;
      }
      case 'days':
        readDays(ctx, member, value, where);
        break;
      case 'focus':
        readFocus(ctx, member, value, where);
        break;
      case 'holidays': {
        const list = isScalar(value) && value.value === null ? [] : scalarList(ctx, value);
        if (!list) {
          report(ctx, where, 'error', 'bad-holidays', '`holidays` must be a calendar name or a list of them.');
          break;
        }
        for (const item of list) {
          const name = item.text?.trim();
          if (!name || !Object.prototype.hasOwnProperty.call(team.holidays, name)) {
            const known = Object.keys(team.holidays);
            const fix = known.length ? `Calendars in this file: ${known.join(', ')}.` : 'Define it under `holidays:` at the top of the file.';
            report(ctx, rangeOf(item.node, where[0]), 'error', 'unknown-holiday-calendar', `Unknown holiday calendar "${name ?? ''}". ${fix}`);
          } else if (!member.holidays.includes(name)) member.holidays.push(name);
        }
        break;
      }
      case 'away':
        readAway(ctx, member, value, where);
        break;
      default:
        unknownKey(ctx, keyNode, offset, key, 'a member', MEMBER_KEYS);
    }
  }
  if (github === undefined && !ctx.problems.slice(before).some((p) => p.code === 'missing-github' || p.code === 'bad-github')) {
    report(ctx, at, 'error', 'missing-github', 'Member has no GitHub login: write `github: <login>`.');
  }
  if (timezone === undefined && !ctx.problems.slice(before).some((p) => p.code === 'missing-timezone' || p.code === 'unknown-zone')) {
    const message = `Member${github ? ` @${github}` : ''} has no time zone: write \`timezone: <IANA zone>\`, e.g. Europe/Berlin.`;
    report(ctx, at, 'error', 'missing-timezone', message);
  }
  if (github !== undefined && timezone !== undefined) {
    member.github = github;
    member.timezone = timezone;
    focusOutsideHours(ctx, member, node, itemOffset);
  }
  if (duplicate || ctx.problems.slice(before).some((p) => p.severity === 'error')) return null;
  return member;
}

function readDays(ctx: Ctx, member: Member, node: unknown, where: [number, number]): void {
  if (!isSeq(node)) {
    report(ctx, where, 'error', 'bad-days', '`days` must be a list like [Mon, Tue, Wed, Thu, Fri].');
    return;
  }
  const days = new Set<Weekday>();
  for (const item of node.items) {
    const n = resolve(ctx, item);
    const name = scalarText(n)?.trim();
    const index = WEEKDAY_NAMES.indexOf(name as (typeof WEEKDAY_NAMES)[number]);
    if (index < 0) report(ctx, rangeOf(n ?? item, where[0]), 'error', 'bad-days', `Unknown day "${name ?? ''}": use Mon, Tue, Wed, Thu, Fri, Sat or Sun.`);
    else days.add((index + 1) as Weekday);
  }
  member.days = [...days].sort((a, b) => a - b);
  if (member.days.length === 0 && node.items.length === 0) {
    report(ctx, where, 'warning', 'no-working-days', '`days` is empty: this member is never shown as working.');
  }
}

function readFocus(ctx: Ctx, member: Member, node: unknown, where: [number, number]): void {
  if (isScalar(node) && node.value === null) return;
  if (!isSeq(node)) {
    report(ctx, where, 'error', 'bad-focus', '`focus` must be a list like ["Tue 09:00-12:00"].');
    return;
  }
  for (const item of node.items) {
    const n = resolve(ctx, item);
    const text = scalarText(n);
    const block = text === undefined ? null : parseFocus(text);
    if (!block || 'error' in block) {
      const why = block?.error.startsWith('day') ? `: unknown ${block.error}, use Mon..Sun` : block?.error === 'empty' ? ': start and end are the same' : '';
      report(ctx, rangeOf(n ?? item, where[0]), 'error', 'bad-focus', `Focus block "${text ?? ''}" is not like "Tue 09:00-12:00"${why}.`);
    } else member.focus.push(block);
  }
}

function readAway(ctx: Ctx, member: Member, node: unknown, where: [number, number]): void {
  if (isScalar(node) && node.value === null) return;
  if (!isSeq(node)) {
    report(ctx, where, 'error', 'bad-away', '`away` must be a list like [{ from: 2026-12-20, to: 2027-01-03, note: Holiday }].');
    return;
  }
  for (const item of node.items) {
    const n = resolve(ctx, item);
    const itemAt = rangeOf(n ?? item, where[0]);
    if (!isMap(n)) {
      report(ctx, itemAt, 'error', 'bad-away', 'An away range must be like { from: 2026-12-20, to: 2027-01-03, note: Holiday }.');
      continue;
    }
    const range: Partial<AwayRange> = {};
    let toNode: unknown;
    let bad = false;
    for (const { key, keyNode, value, offset } of entries(ctx, n, 'an away range')) {
      if (key === 'from' || key === 'to') {
        const date = dateOf(value);
        if (date === undefined) {
          report(ctx, rangeOf(value, offset), 'error', 'bad-away', `\`${key}\` "${scalarText(value) ?? ''}" is not a date (YYYY-MM-DD).`);
          bad = true;
        } else range[key] = date;
        if (key === 'to') toNode = value;
      } else if (key === 'note') {
        const note = scalarText(value);
        if (note?.trim()) range.note = note.trim();
      } else unknownKey(ctx, keyNode, offset, key, 'an away range', ['from', 'to', 'note']);
    }
    if (bad) continue;
    if (range.from === undefined) {
      report(ctx, itemAt, 'error', 'bad-away', 'An away range needs `from` (and `to` unless it is one day).');
      continue;
    }
    range.to ??= range.from; // one day
    if (range.to < range.from) {
      report(ctx, rangeOf(toNode, itemAt[0]), 'error', 'away-end-before-start', `Away range ends (${range.to}) before it starts (${range.from}).`);
      continue;
    }
    member.away.push(range as AwayRange);
  }
}

/** Focus blocks that never touch the member's working time are probably a typo: a warning, and the
 *  block still counts (a declared block wins over working and off time, see states.ts). */
function focusOutsideHours(ctx: Ctx, member: Member, memberNode: YAMLMap, itemOffset: number): void {
  if (member.focus.length === 0) return;
  const focusPair = memberNode.items.find((p) => scalarText(resolve(ctx, p.key)) === 'focus');
  const seq = resolve(ctx, focusPair?.value);
  const items = isSeq(seq) ? seq.items.map((i) => resolve(ctx, i)) : [];
  const { start, end } = member.hours;
  for (const block of member.focus) {
    // Working time as minutes of the week (a week of 10,080 minutes, wrapping), block likewise.
    const overlaps = member.days.some((d) => {
      for (const shift of [-10_080, 0, 10_080]) {
        const ws = (d - 1) * 1440 + start + shift;
        const bs = (block.day - 1) * 1440 + block.start;
        if (bs < ws + (end - start) && ws < bs + (block.end - block.start)) return true;
      }
      return false;
    });
    if (overlaps) continue;
    const node = items.find((n) => {
      const parsed = parseFocus(scalarText(n) ?? '');
      return !('error' in parsed) && parsed.day === block.day && parsed.start === block.start && parsed.end === block.end;
    });
    const what = `Focus block "${WEEKDAY_NAMES[block.day - 1]} ${spanText(block)}"`;
    const message = `${what} is outside @${member.github}'s working days and hours; it still shows as focus.`;
    report(ctx, rangeOf(node, itemOffset), 'warning', 'focus-outside-hours', message);
  }
}
