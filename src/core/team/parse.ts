// Team file (SPEC §2.1) -> Team model plus problems at exact 0-based lines and columns. Walks yaml's
// Document nodes (not plain JS values) so that every problem points at the node it is about. Never
// throws. Rules:
//  - a member entry with any error is reported and left out (so no state is computed from a half-read
//    entry); warnings (unknown keys, a focus block outside working time) keep the member;
//  - a duplicate login (case-insensitive) keeps the first entry;
//  - a bad top-level value (a response time, a holiday date, a due rule) is reported and dropped.
// The team file is read once per change, never on a hot path, so unlike decision front matter
// (docs/decisions/0005) it needs no fast path around yaml.
import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { readBlockYaml } from '../shared/blockYaml';
import type { Problem } from '../shared/problem';
import { LOGIN_RE } from '../shared/login';
import { lineStarts } from '../shared/text';
import { entries, lineOf, rangeOf, report, resolve, scalarText, type YamlCtx } from '../shared/yamlReader';
import type { AwayRange, DueRule, FocusBlock, IssueDefaults, LocalSpan, Member, Team, Weekday } from './types';
import { WEEKDAY_NAMES } from './types';
import { dayNumber, isValidZone, spanText } from './zone';

export const DEFAULT_HOURS: LocalSpan = { start: 9 * 60, end: 17 * 60 };
export const DEFAULT_DAYS: Weekday[] = [1, 2, 3, 4, 5];

const TIME = '([01]?\\d|2[0-3]):([0-5]\\d)';
const END_TIME = '([01]?\\d|2[0-3]|24):([0-5]\\d)';
const HOURS_RE = new RegExp(`^${TIME}\\s*-\\s*${END_TIME}$`);
const FOCUS_RE = new RegExp(`^(\\S+)\\s+${TIME}\\s*-\\s*${END_TIME}$`);
const DURATION_RE = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const DUE_RE = /^\+\s*(\d+)\s*(workdays?|days?)$/;

const TOP_KEYS = ['team', 'workingAgreement', 'responseTimes', 'holidays', 'members', 'issues'];
const MEMBER_KEYS = ['github', 'name', 'timezone', 'hours', 'days', 'focus', 'holidays', 'away', 'role'];

/** A GitHub login as the team file accepts it (GitHub's rules for new accounts: letters, digits and
 *  single inner hyphens, at most 39 characters). */
export function isTeamLogin(login: string): boolean {
  return LOGIN_RE.test(login);
}

/** "09:00-17:30" -> minutes; "22:00-06:00" crosses midnight (end + 1440); else an error. */
export function parseSpan(text: string): LocalSpan | { error: string } {
  const m = HOURS_RE.exec(text.trim());
  if (!m) return { error: 'malformed' };
  return spanOf(m, 1);
}

function spanOf(m: RegExpExecArray, i: number): LocalSpan | { error: string } {
  const start = Number(m[i]) * 60 + Number(m[i + 1]);
  let end = Number(m[i + 2]) * 60 + Number(m[i + 3]);
  if (end > 1440) return { error: 'malformed' };
  if (end === start) return { error: 'empty' };
  if (end < start) end += 1440;
  return { start, end };
}

/** "Tue 09:00-12:00" -> a focus block, or an error text. */
export function parseFocus(text: string): FocusBlock | { error: string } {
  const m = FOCUS_RE.exec(text.trim());
  if (!m) return { error: 'malformed' };
  const day = WEEKDAY_NAMES.indexOf(m[1] as (typeof WEEKDAY_NAMES)[number]);
  if (day < 0) return { error: `day "${m[1]}"` };
  const span = spanOf(m, 2);
  if ('error' in span) return span;
  return { day: (day + 1) as Weekday, ...span };
}

/** "15m", "24h", "1h30m", "2d" -> minutes, or null. */
export function parseDuration(text: string): number | null {
  const m = DURATION_RE.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The most a due rule counts ahead ("+366 workdays", "+366 days"): a year and a day. Resolving a rule
 *  walks the owner's calendar day by day, so a larger amount would only cost time (a file or a
 *  `--due` asking for "+999999 workdays" took minutes) for a date nobody plans an issue around. */
export const MAX_DUE_AMOUNT = 366;

/** "+3 workdays", "+1 workday", "+7 days" -> a due rule, or null. Null also for a rule counting more
 *  than MAX_DUE_AMOUNT: dueRuleError says so. */
export function parseDueRule(text: string): DueRule | null {
  const m = DUE_RE.exec(text.trim());
  if (!m) return null;
  const amount = Number(m[1]);
  if (!(amount <= MAX_DUE_AMOUNT)) return null;
  return { text: text.trim(), amount, unit: m[2]!.startsWith('work') ? 'workdays' : 'days' };
}

/** Why a text written like a due rule is not one (it counts too far ahead), else null. */
export function dueRuleError(text: string): string | null {
  const m = DUE_RE.exec(text.trim());
  if (!m || Number(m[1]) <= MAX_DUE_AMOUNT) return null;
  return `"${text.trim()}" is too far ahead: a due rule counts at most ${MAX_DUE_AMOUNT} workdays or days.`;
}

// The YAML reading helpers (node ranges to lines, problems, aliases, map entries) are shared with the
// issue-template parsers: src/core/yamlReader.ts.
type Ctx = YamlCtx;

function unknownKey(ctx: Ctx, keyNode: unknown, offset: number, key: string, where: string, known: string[]): void {
  const hint = known.find((k) => k.toLowerCase() === key.toLowerCase());
  report(ctx, rangeOf(keyNode, offset), 'warning', 'unknown-key', `Unknown key "${key}" in ${where}${hint ? `; did you mean "${hint}"?` : ''}. Known keys: ${known.join(', ')}.`);
}

/** A date 'YYYY-MM-DD' from a scalar, or undefined. */
function dateOf(node: unknown): string | undefined {
  const text = scalarText(node)?.trim();
  return text !== undefined && dayNumber(text) !== null ? text : undefined;
}

/** A list of scalars, or a single scalar as a one-item list (for `holidays: DE` and `labels: triage`). */
function scalarList(ctx: Ctx, node: unknown): { text: string | undefined; node: unknown }[] | null {
  if (isSeq(node)) return node.items.map((item) => ({ text: scalarText(resolve(ctx, item)), node: resolve(ctx, item) ?? item }));
  if (isScalar(node) && node.value !== null) return [{ text: scalarText(node), node }];
  return null;
}

/** How parseTeamFile reads the YAML: 'auto' tries the simple block reader first (src/core/shared/blockYaml.ts)
 *  and falls back to yaml; 'yaml' skips it (the differential test compares the two). */
export type TeamReader = 'auto' | 'yaml';

export function parseTeamFile(text: string, file: string, reader: TeamReader = 'auto'): { team: Team; problems: Problem[] } {
  const team: Team = { name: '', responseTimes: {}, holidays: {}, members: [], issues: { templates: {} } };
  const ctx: Ctx = { file, text, starts: lineStarts(text), base: 0, doc: undefined as unknown as Document, problems: [] };
  try {
    readTeam(ctx, team, reader);
  } catch (error) {
    // A bug of ours must not take the Team view down with it: report it like any other problem.
    report(ctx, [0, 0], 'error', 'internal-error', `Could not read the team file: ${(error as Error)?.message ?? error}`);
  }
  // Top-level values are read before members (calendars first); report in file order all the same.
  ctx.problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { team, problems: ctx.problems };
}

function readTeam(ctx: Ctx, team: Team, reader: TeamReader): void {
  // uniqueKeys: duplicates are reported by entries() with a clearer message.
  // yaml makes an Error per problem, and capturing its stack costs ~100 µs in yaml's generator-based
  // parser: a badly broken file (hundreds of errors while someone is typing) took 25 ms instead of 3.
  // We never read those stacks, so capture none while parsing (synchronous, restored right after).
  const simple = reader === 'yaml' ? null : readBlockYaml(ctx.text);
  if (simple) {
    ctx.doc = new Document();
    ctx.doc.contents = simple;
  } else {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      ctx.doc = parseDocument(ctx.text, { prettyErrors: false, uniqueKeys: false });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
  for (const error of ctx.doc.errors) {
    const pos = error.pos ?? [0, 0];
    report(ctx, [pos[0], pos[1]], 'error', 'yaml-syntax', `Not valid YAML: ${firstLine(error.message)}`);
  }
  for (const warning of ctx.doc.warnings) {
    const pos = warning.pos ?? [0, 0];
    report(ctx, [pos[0], pos[1]], 'warning', 'yaml-warning', `YAML: ${firstLine(warning.message)}`);
  }
  const root = resolve(ctx, ctx.doc.contents);
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    if (ctx.doc.errors.length === 0) report(ctx, [0, 0], 'error', 'missing-members', 'The team file is empty: add `team:` and a `members:` list.');
    return;
  }
  if (!isMap(root)) {
    report(ctx, rangeOf(root, 0), 'error', 'bad-team-file', 'The team file must be a YAML mapping with `team:` and `members:`.');
    return;
  }
  const top = entries(ctx, root, 'the team file');
  let membersNode: unknown;
  let membersOffset = 0;
  for (const { key, keyNode, value, offset } of top) {
    const at = rangeOf(value, offset);
    switch (key) {
      case 'team': {
        const name = scalarText(value);
        if (name === undefined) report(ctx, at, 'error', 'bad-team-name', '`team` must be the team\'s name.');
        else team.name = name.trim();
        break;
      }
      case 'workingAgreement': {
        const link = scalarText(value);
        if (link === undefined || !link.trim()) report(ctx, at, 'error', 'bad-working-agreement', '`workingAgreement` must be a path or link to the working agreement.');
        else team.workingAgreement = link.trim();
        break;
      }
      case 'responseTimes':
        readResponseTimes(ctx, team, value, at);
        break;
      case 'holidays':
        readHolidays(ctx, team, value, at);
        break;
      case 'members':
        membersNode = value;
        membersOffset = offset;
        break;
      case 'issues':
        team.issues = readIssues(ctx, value, at);
        break;
      default:
        unknownKey(ctx, keyNode, offset, key, 'the team file', TOP_KEYS);
    }
  }
  // Members last: their holiday calendar names are checked against `holidays`, wherever it is written.
  if (membersNode === undefined) {
    report(ctx, [0, 0], 'error', 'missing-members', 'The team file has no `members:` list.');
    return;
  }
  if (isScalar(membersNode) && membersNode.value === null) return; // `members:` with nothing yet
  if (!isSeq(membersNode)) {
    report(ctx, rangeOf(membersNode, membersOffset), 'error', 'bad-members', '`members` must be a list of entries starting with "- github: <login>".');
    return;
  }
  const logins = new Map<string, number>();
  for (const item of membersNode.items) {
    const member = readMember(ctx, team, resolve(ctx, item), rangeOf(item, rangeOf(membersNode, membersOffset)[0])[0], logins);
    if (member) team.members.push(member);
  }
}

function firstLine(message: string): string {
  return String(message).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function readResponseTimes(ctx: Ctx, team: Team, node: unknown, at: [number, number]): void {
  if (!isMap(node)) {
    report(ctx, at, 'error', 'bad-response-times', '`responseTimes` must be a mapping like { urgent: 15m, standard: 24h }.');
    return;
  }
  for (const { key, keyNode, value, offset } of entries(ctx, node, '`responseTimes`')) {
    if (key !== 'urgent' && key !== 'standard') {
      unknownKey(ctx, keyNode, offset, key, '`responseTimes`', ['urgent', 'standard']);
      continue;
    }
    const text = scalarText(value);
    const minutes = text === undefined ? null : parseDuration(text);
    if (minutes === null || minutes === 0) {
      report(ctx, rangeOf(value, offset), 'error', 'bad-response-time', `Response time "${text ?? ''}" for ${key} is not a duration like 15m, 4h, 24h or 2d.`);
    } else team.responseTimes[key] = minutes;
  }
}

function readHolidays(ctx: Ctx, team: Team, node: unknown, at: [number, number]): void {
  if (!isMap(node)) {
    report(ctx, at, 'error', 'bad-holidays', '`holidays` must map calendar names to lists of dates, like { DE: [2026-12-24, 2026-12-25] }.');
    return;
  }
  for (const { key, value, offset } of entries(ctx, node, '`holidays`')) {
    const dates: string[] = [];
    team.holidays[key] = dates;
    if (isScalar(value) && value.value === null) continue;
    if (!isSeq(value)) {
      report(ctx, rangeOf(value, offset), 'error', 'bad-holidays', `Holiday calendar "${key}" must be a list of dates (YYYY-MM-DD).`);
      continue;
    }
    for (const item of value.items) {
      const node = resolve(ctx, item);
      const date = dateOf(node);
      if (date === undefined) report(ctx, rangeOf(node ?? item, rangeOf(value, offset)[0]), 'error', 'bad-holiday-date', `"${scalarText(node) ?? ''}" in holiday calendar "${key}" is not a date (YYYY-MM-DD).`);
      else dates.push(date);
    }
  }
}

function readDue(ctx: Ctx, node: unknown, offset: number, what: string): DueRule | undefined {
  const text = scalarText(node);
  const rule = text === undefined ? null : parseDueRule(text);
  const tooFar = text === undefined ? null : dueRuleError(text);
  if (tooFar) report(ctx, rangeOf(node, offset), 'error', 'bad-due', `${what}: ${tooFar}`);
  else if (!rule) report(ctx, rangeOf(node, offset), 'error', 'bad-due', `${what}: "${text ?? ''}" is not a due rule like "+3 workdays" or "+1 workday".`);
  return rule ?? undefined;
}

function readIssues(ctx: Ctx, node: unknown, at: [number, number]): IssueDefaults {
  const issues: IssueDefaults = { templates: {} };
  if (!isMap(node)) {
    report(ctx, at, 'error', 'bad-issues', '`issues` must be a mapping with `defaultDue` and `templates`.');
    return issues;
  }
  for (const { key, keyNode, value, offset } of entries(ctx, node, '`issues`')) {
    if (key === 'defaultDue') {
      const due = readDue(ctx, value, offset, '`defaultDue`');
      if (due) issues.defaultDue = due;
    } else if (key === 'templates') {
      if (!isMap(value)) {
        report(ctx, rangeOf(value, offset), 'error', 'bad-issues', '`issues.templates` must map template names to { due, labels }.');
        continue;
      }
      for (const t of entries(ctx, value, '`issues.templates`')) {
        const template: { due?: DueRule; labels?: string[] } = {};
        issues.templates[t.key] = template;
        if (isScalar(t.value) && t.value.value === null) continue;
        if (!isMap(t.value)) {
          report(ctx, rangeOf(t.value, t.offset), 'error', 'bad-issues', `Template "${t.key}" must be a mapping like { due: "+1 workday", labels: [triage] }.`);
          continue;
        }
        for (const f of entries(ctx, t.value, `template "${t.key}"`)) {
          if (f.key === 'due') {
            const due = readDue(ctx, f.value, f.offset, `Due date of template "${t.key}"`);
            if (due) template.due = due;
          } else if (f.key === 'labels') {
            const list = scalarList(ctx, f.value);
            const labels = list?.map((l) => l.text?.trim()).filter((l): l is string => !!l);
            if (!list || labels!.length !== list.length) report(ctx, rangeOf(f.value, f.offset), 'error', 'bad-labels', `Labels of template "${t.key}" must be a list of label names.`);
            else template.labels = labels;
          } else unknownKey(ctx, f.keyNode, f.offset, f.key, `template "${t.key}"`, ['due', 'labels']);
        }
      }
    } else unknownKey(ctx, keyNode, offset, key, '`issues`', ['defaultDue', 'templates']);
  }
  return issues;
}

function readMember(ctx: Ctx, team: Team, node: unknown, itemOffset: number, logins: Map<string, number>): Member | null {
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
        else if (!LOGIN_RE.test(login)) report(ctx, where, 'error', 'bad-github', `"${login}" is not a GitHub login${login.startsWith('@') ? ' (write it without "@")' : ''}.`);
        else {
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
          const hint = /^(?:UTC|GMT)?[+-]\d/.test(zone) ? ' Use a zone such as Asia/Kolkata rather than a UTC offset, so DST is followed.' : ' Use an IANA zone such as Europe/Berlin or America/New_York.';
          report(ctx, where, 'error', 'unknown-zone', `Unknown time zone "${zone}".${hint}`);
        } else timezone = zone;
        break;
      }
      case 'hours': {
        const textValue = scalarText(value);
        const span = textValue === undefined ? null : parseSpan(textValue);
        if (!span || 'error' in span) {
          const why = span && span.error === 'empty' ? ': start and end are the same' : '';
          report(ctx, where, 'error', 'bad-hours', `Working hours "${textValue ?? ''}" are not like "09:00-17:30"${why} (24-hour clock; "22:00-06:00" crosses midnight).`);
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
            report(ctx, rangeOf(item.node, where[0]), 'error', 'unknown-holiday-calendar', `Unknown holiday calendar "${name ?? ''}". ${known.length ? `Calendars in this file: ${known.join(', ')}.` : 'Define it under `holidays:` at the top of the file.'}`);
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
    report(ctx, at, 'error', 'missing-timezone', `Member${github ? ` @${github}` : ''} has no time zone: write \`timezone: <IANA zone>\`, e.g. Europe/Berlin.`);
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
  if (member.days.length === 0 && node.items.length === 0) report(ctx, where, 'warning', 'no-working-days', '`days` is empty: this member is never shown as working.');
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
    report(ctx, rangeOf(node, itemOffset), 'warning', 'focus-outside-hours', `Focus block "${WEEKDAY_NAMES[block.day - 1]} ${spanText(block)}" is outside @${member.github}'s working days and hours; it still shows as focus.`);
  }
}
