// What the issue form shows besides the fields: owners with their time and state, due-date choices
// resolved in the owner's zone and calendar (and in yours), warnings, and the exact request.
import { buildIssueRequest, resolveDue, dueLine, validateAnswers, type IssueTemplate, type ResolvedDue } from '../../core/issues';
import { formatClock, memberState, type Member, type Team, type GitHubStatus } from '../../core/team';
import { zoneClock } from '../../core/team/zone';
import { dayLabel } from '../../core/shared/dates';
import type { Derived, DueOption, FormValues, OwnerOption } from '../../protocol/issueForm';
import { stateEndText } from '../team/teamTree';

export const DUE_PRESETS: { id: string; label: string }[] = [
  { id: 'end-of-day', label: 'End of their day today' },
  { id: '+1 workday', label: '+1 workday' },
  { id: '+2 workdays', label: '+2 workdays' },
  { id: '+3 workdays', label: '+3 workdays' },
  { id: 'friday', label: 'Friday, end of their day' },
];

export interface FormContext {
  template: IssueTemplate;
  team: Team | undefined;
  /** Your zone (the viewer). */
  zone: string;
  now: Date;
  /** Teammates' GitHub statuses when known (busy). */
  statuses?: Map<string, GitHubStatus>;
  /** Labels the team file adds for this template. */
  extraLabels: string[];
  /** The team file's default due rule for this template, shown as an extra choice when it is not a preset. */
  defaultDue?: string;
  pushWarning?: string;
}

/** 'Thu 26 Nov 17:30' of an ISO string with offset (its own wall clock). */
function wallText(iso: string): string {
  return `${dayLabel(iso.slice(0, 10)).replace(/ \d{4}$/, '')} ${iso.slice(11, 16)}`;
}

export function ownerOptions(
  team: Team | undefined,
  now: Date,
  repoUsers: { login: string; name?: string }[] = [],
  statuses?: Map<string, GitHubStatus>,
): OwnerOption[] {
  const options: OwnerOption[] = [];
  for (const member of team?.members ?? []) {
    const state = memberState(member, team, now, statuses?.get(member.github.toLowerCase()));
    options.push({
      login: member.github,
      ...(member.name ? { name: member.name } : {}),
      source: 'team',
      localTime: formatClock(state.localTime),
      state: state.state,
      stateText: state.state === 'working' ? `working ${stateEndText(state, now)}` : stateEndText(state, now),
    });
  }
  const known = new Set(options.map((o) => o.login.toLowerCase()));
  for (const user of repoUsers) {
    if (known.has(user.login.toLowerCase())) continue;
    known.add(user.login.toLowerCase());
    options.push({ login: user.login, ...(user.name ? { name: user.name } : {}), source: 'repo' });
  }
  return options;
}

function memberOf(team: Team | undefined, login: string): Member | undefined {
  const wanted = login.toLowerCase();
  return team?.members.find((m) => m.github.toLowerCase() === wanted);
}

function resolve(spec: string, ctx: FormContext, owner: Member | undefined): ResolvedDue | { error: string } {
  return resolveDue(spec, ctx.now, owner, ctx.team, ctx.zone);
}

function yoursText(due: ResolvedDue, zone: string): string {
  return `${wallText(zoneClock(zone).iso(Date.parse(due.at)))} your time`;
}

function dueOptions(ctx: FormContext, owner: Member | undefined): DueOption[] {
  const presets = [...DUE_PRESETS];
  if (ctx.defaultDue && !presets.some((p) => p.id === ctx.defaultDue)) presets.unshift({ id: ctx.defaultDue, label: `${ctx.defaultDue} (team default)` });
  return [
    ...presets.map((p): DueOption => {
      const due = resolve(p.id, ctx, owner);
      const label = p.id === ctx.defaultDue && !p.label.includes('default') ? `${p.label} (team default)` : p.label;
      if ('error' in due) return { id: p.id, label, error: due.error };
      return { id: p.id, label, theirs: `${wallText(due.at)} ${due.zone}`, yours: yoursText(due, ctx.zone) };
    }),
    { id: 'date', label: 'A date…' },
  ];
}

/** Away or busy past the due date: say so before assigning. */
function ownerWarning(ctx: FormContext, owner: Member | undefined, due: ResolvedDue | undefined): string | undefined {
  if (!owner) return undefined;
  const who = owner.name ?? `@${owner.github}`;
  const status = ctx.statuses?.get(owner.github.toLowerCase());
  const now = memberState(owner, ctx.team, ctx.now, status);
  if (due) {
    const atDue = memberState(owner, ctx.team, new Date(Date.parse(due.at) - 60_000), status);
    if (atDue.state === 'away') return `${who} is away on the due date (${atDue.awayNote ?? 'away'}, back ${atDue.until ? wallText(atDue.until) : 'later'}).`;
    if (now.state === 'busy' && now.until && Date.parse(now.until) >= Date.parse(due.at)) {
      return `${who} is busy on GitHub until ${wallText(now.until)}, past the due date.`;
    }
  }
  if (now.state === 'away') return `${who} is away now (${now.awayNote ?? 'away'}), back ${now.until ? wallText(now.until) : 'later'}.`;
  if (now.state === 'busy') {
    return `${who} is busy on GitHub${now.until ? ` until ${wallText(now.until)}` : ''}${now.githubStatus?.message ? `: ${now.githubStatus.message}` : ''}.`;
  }
  return undefined;
}

/** A due date as the form shows it: in their time and yours, and the line the body ends with. */
function dueView(due: ResolvedDue, zone: string, owner: string): { theirs: string; yours: string; line: string } {
  return { theirs: `${wallText(due.at)} ${due.zone}`, yours: yoursText(due, zone), line: dueLine(due, owner || undefined) };
}

export function derive(ctx: FormContext, values: FormValues): Derived {
  const owner = values.owner ? memberOf(ctx.team, values.owner) : undefined;
  let due: ResolvedDue | { error: string } | undefined;
  if (values.due) due = resolve(values.due, ctx, owner);
  const resolved = due && !('error' in due) ? due : undefined;
  const answers = ctx.template.kind === 'markdown' ? {} : values.answers;
  const errors = validateAnswers(ctx.template, values.title, answers);
  if (due && 'error' in due) errors.push({ field: 'due', message: due.error });
  const request = buildIssueRequest({
    template: ctx.template.kind === 'markdown' ? { ...ctx.template, body: values.body } : ctx.template,
    title: values.title,
    answers,
    ...(values.owner ? { owner: values.owner } : {}),
    ...(resolved ? { due: resolved } : {}),
    extraLabels: ctx.extraLabels,
  });
  const warning = ownerWarning(ctx, owner, resolved);
  return {
    errors,
    dueOptions: dueOptions(ctx, owner),
    ...(due ? { due: 'error' in due ? due : dueView(due, ctx.zone, values.owner) } : {}),
    ...(warning ? { ownerWarning: warning } : {}),
    preview: { title: request.title, body: request.body, labels: request.labels, assignees: request.assignees },
    ...(ctx.pushWarning ? { pushWarning: ctx.pushWarning } : {}),
  };
}
