// Team file (SPEC §2.1) -> Team model plus problems at exact 0-based lines and columns. Walks yaml's
// Document nodes (not plain JS values) so that every problem points at the node it is about. Never
// throws. Rules:
//  - a member entry with any error is reported and left out (readMember.ts); warnings keep it;
//  - a duplicate login (case-insensitive) keeps the first entry;
//  - a bad top-level value (a response time, a holiday date, a due rule) is reported and dropped.
// The file is re-read on every edit and can list 1,000 members: its usual plain block shape is read by
// shared/blockYaml.ts into the same nodes yaml makes (a few ms instead of yaml's ~60), anything else by
// yaml. Text values (hours, focus blocks, durations, due rules) are read by values.ts.
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { readBlockYaml } from '../shared/blockYaml';
import { lineStarts } from '../shared/positions';
import type { Problem } from '../shared/problem';
import { entries, scalarText } from '../shared/yamlFields';
import { parseQuietly, rangeOf, report, reportYamlErrors, resolve, type YamlCtx } from '../shared/yamlReader';
import { readMember } from './readMember';
import type { DueRule, IssueDefaults, SharingSettings, Team } from './types';
import { branchNameError, dueRuleError, parseDueRule, parseDuration } from './values';
import { dateOf, scalarList, unknownKey } from './yamlNodes';

// Where these lived before values.ts; test/unit/team/dueRules.test.ts still imports two of them from here.
export { DEFAULT_DAYS, DEFAULT_HOURS, dueRuleError, isTeamLogin, MAX_DUE_AMOUNT, parseDueRule, parseDuration, parseFocus, parseSpan } from './values';

type Ctx = YamlCtx;

const TOP_KEYS = ['team', 'workingAgreement', 'responseTimes', 'holidays', 'members', 'issues', 'sharing'];

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
  const simple = reader === 'yaml' ? null : readBlockYaml(ctx.text);
  if (simple) {
    // What follows reads ctx.doc as it reads yaml's: the nodes, no syntax errors, no aliases.
    ctx.doc = new Document();
    ctx.doc.contents = simple;
  } else {
    ctx.doc = parseQuietly(ctx.text);
    reportYamlErrors(ctx);
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
        if (name === undefined) report(ctx, at, 'error', 'bad-team-name', "`team` must be the team's name.");
        else team.name = name.trim();
        break;
      }
      case 'workingAgreement': {
        const link = scalarText(value);
        if (link === undefined || !link.trim()) {
          report(ctx, at, 'error', 'bad-working-agreement', '`workingAgreement` must be a path or link to the working agreement.');
        } else team.workingAgreement = link.trim();
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
      case 'sharing': {
        const sharing = readSharing(ctx, value, at);
        if (sharing) team.sharing = sharing;
        break;
      }
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
      if (date === undefined) {
        const message = `"${scalarText(node) ?? ''}" in holiday calendar "${key}" is not a date (YYYY-MM-DD).`;
        report(ctx, rangeOf(node ?? item, rangeOf(value, offset)[0]), 'error', 'bad-holiday-date', message);
      } else dates.push(date);
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
          const message = `Template "${t.key}" must be a mapping like { due: "+1 workday", labels: [triage] }.`;
          report(ctx, rangeOf(t.value, t.offset), 'error', 'bad-issues', message);
          continue;
        }
        for (const f of entries(ctx, t.value, `template "${t.key}"`)) {
          if (f.key === 'due') {
            const due = readDue(ctx, f.value, f.offset, `Due date of template "${t.key}"`);
            if (due) template.due = due;
          } else if (f.key === 'labels') {
            const list = scalarList(ctx, f.value);
            const labels = list?.map((l) => l.text?.trim()).filter((l): l is string => !!l);
            if (!list || labels!.length !== list.length) {
              report(ctx, rangeOf(f.value, f.offset), 'error', 'bad-labels', `Labels of template "${t.key}" must be a list of label names.`);
            } else template.labels = labels;
          } else unknownKey(ctx, f.keyNode, f.offset, f.key, `template "${t.key}"`, ['due', 'labels']);
        }
      }
    } else unknownKey(ctx, keyNode, offset, key, '`issues`', ['defaultDue', 'templates']);
  }
  return issues;
}

/** `sharing: { branch: NAME }`; a branch git would refuse is reported and the default kept. */
function readSharing(ctx: Ctx, node: unknown, at: [number, number]): SharingSettings | undefined {
  if (isScalar(node) && node.value === null) return undefined;
  if (!isMap(node)) {
    report(ctx, at, 'error', 'bad-sharing', '`sharing` must be a mapping like { branch: async-desk }.');
    return undefined;
  }
  let sharing: SharingSettings | undefined;
  for (const { key, keyNode, value, offset } of entries(ctx, node, '`sharing`')) {
    if (key !== 'branch') {
      unknownKey(ctx, keyNode, offset, key, '`sharing`', ['branch']);
      continue;
    }
    const branch = isScalar(value) && value.value === null ? undefined : scalarText(value)?.trim();
    const error = branch === undefined ? 'must be a branch name, or "" to keep standups in the working tree' : branchNameError(branch);
    if (error) report(ctx, rangeOf(value, offset), 'error', 'bad-sharing-branch', `\`sharing.branch\` ${error}.`);
    else sharing = { branch: branch! };
  }
  return sharing;
}
