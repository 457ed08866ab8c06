// `async-desk` command line: a thin front end over src/core for terminals and CI.
//   async-desk decisions [--root DIR] [--json]     list decision records
//   async-desk team [--root DIR] [--at ISO] [--json] each member's state from the team file
//   async-desk standups [--root DIR] [--date D] [--now ISO] [--me LOGIN] [--json]  the team digest of a day
//   async-desk templates [--root DIR] [--json]      the repository's issue templates, github.com's order
//   async-desk issue create --repo O/N --template T --title X --owner L [--due D] [--answers F] [--dry-run]
//   async-desk check [--root DIR]                   report problems; exit 1 when there are any
import { parseArgs } from 'node:util';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { scanDecisions } from './core/decisions';
import type { Problem } from './core/decisions/types';
import { localIsoDate } from './core/dates';
import { readTextIfExists } from './core/fs';
import { computeStates, formatClock, formatDuration, parseTeamFile, type Team } from './core/team';
import { buildDigest, checkStandup, parseStandup, scanStandups, standupDate, type DigestEntry, type Standup } from './core/standups';
import { isDate } from './core/standups/paths';
import { Octokit } from '@octokit/core';
import { createGitHubClient, toGitHubError, GITHUB_API_URL } from './core/github';
import {
  buildIssueRequest,
  discoverTemplates,
  resolveDue,
  templateDefaults,
  validateAnswers,
  type Answers,
  type IssueTemplate,
  type TemplateSet,
} from './core/issues';

const USAGE = `Usage: async-desk <command> [options]

Commands:
  decisions   List decision records (table, or --json)
  team        Each teammate's local time and state (working, focus, off, away) from the team file
  standups    The team's standups of one day, each person on their own local day: who posted
              (done, next, open blockers), who has not started their working day yet, who is
              missing, who is away (table, or --json)
  templates   The repository's issue templates (.github/ISSUE_TEMPLATE, docs/ISSUE_TEMPLATE) in
              github.com's order: forms, then Markdown templates, by file name (table, or --json).
              Built-in templates for async work when the repository has none
  issue create
              Open an issue from a template: the body github.com writes for the form's answers,
              the owner as assignee, and a due line in the owner's day. --dry-run prints the
              request instead of sending it. Exits 1 when GitHub or a check refuses the issue
              (missing required field, unknown owner), 2 when it could not be sent
  check       Report problems in decision records, the team file, standups and issue templates;
              exits 1 when there are any

Options:
  --root DIR            Repository root (default: current directory)
  --decisions-dir DIR   Decision records folder, relative to the root (default: discovered)
  --team-file FILE      Team file, relative to the root (default: .github/team.yml)
  --standups-dir DIR    Standups folder, relative to the root (default: docs/standups)
  --at ISO-8601         team: the instant to compute states for (default: now), e.g. 2026-11-24T10:30:00Z
  --date YYYY-MM-DD     standups: the day to show (default: today in your zone: the zone of --me in
                        the team file, else this machine's)
  --now ISO-8601        standups: the clock (default: now), e.g. 2026-11-24T10:30:00Z
  --me LOGIN            standups: your GitHub login; blockers that @mention you come first
  --json                decisions, team, standups, templates: print a JSON array instead of a table

Options of issue create:
  --repo OWNER/NAME     The repository to open the issue in
  --template NAME       The template: its file name without extension (bug_report) or its name
  --title TEXT          The issue title
  --answers FILE.json   Form answers: a JSON object from field id to a string, or to a list of
                        strings (the options of a multi-select dropdown, the ticked checkboxes);
                        "templates --json" lists each form's fields. Markdown templates: "body"
  --owner LOGIN         The one owner: a teammate in the team file (assigned; due in their day)
  --due WHEN            end-of-day, +1 workday, +2 workdays, +3 workdays, friday or YYYY-MM-DD,
                        in the owner's zone and calendar (default: the team file's issues defaults)
  --now ISO-8601        The clock for due dates (default: now)
  --dry-run             Print the REST request body as JSON and send nothing
  --api-url URL         GitHub API base URL (default ${GITHUB_API_URL}; GHES: https://HOST/api/v3).
                        The token comes from the GITHUB_TOKEN environment variable
  --today YYYY-MM-DD    check: the date review-by dates are compared with (default: today)
  -h, --help            Show this help
`;

/** Exit code 2 with usage: the command line itself was wrong. */
class UsageError extends Error {}

interface Context {
  root: string;
  decisionsDir?: string;
  teamFile: string;
  standupsDir: string;
  today: string;
}

const DEFAULT_TEAM_FILE = '.github/team.yml';
const DEFAULT_STANDUPS_DIR = 'docs/standups';
/** asyncDesk.standups.staleBlockerDays' default. */
const STALE_AFTER_WORKDAYS = 2;

/** One source of problems for `check`. */
interface Checker {
  name: string;
  run(ctx: Context): Promise<Problem[]>;
}

const checkers: Checker[] = [
  {
    // Only the repository's own templates: built-ins have no file to fix.
    name: 'templates',
    async run(ctx) {
      const set = await discoverTemplates(ctx.root);
      return [...set.problems, ...set.templates.flatMap((t) => t.problems)];
    },
  },
  {
    name: 'decisions',
    async run(ctx) {
      const options: { today: string; decisionsDir?: string } = { today: ctx.today };
      if (ctx.decisionsDir) options.decisionsDir = ctx.decisionsDir;
      return (await scanDecisions(ctx.root, options)).problems;
    },
  },
  {
    // A repository without a team file is fine: team time is optional.
    name: 'team',
    async run(ctx) {
      const text = await readTextIfExists(path.resolve(ctx.root, ctx.teamFile));
      return text === null ? [] : parseTeamFile(text, ctx.teamFile).problems;
    },
  },
  {
    // Every file under the standups folder: its name (scan), then its contents.
    name: 'standups',
    async run(ctx) {
      const index = await scanStandups(ctx.root, ctx.standupsDir);
      const problems = [...index.problems];
      for (const entry of index.entries) {
        const text = readTextSync(path.join(ctx.root, entry.file));
        if (text !== null) problems.push(...checkStandup(text, entry.file, ctx.standupsDir));
      }
      return problems;
    },
  },
];

/** Synchronous reads: measured ~10x faster than fs.promises for many small files (see core/decisions/scan.ts). */
function readTextSync(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // deleted between listing and reading
  }
}

async function listDecisions(ctx: Context, json: boolean, out: (s: string) => void): Promise<number> {
  const options: { decisionsDir?: string } = {};
  if (ctx.decisionsDir) options.decisionsDir = ctx.decisionsDir;
  const index = await scanDecisions(ctx.root, options);
  if (json) {
    const rows = index.records.map((r) => ({
      file: r.file,
      title: r.title,
      status: r.status,
      date: r.date,
      format: r.format,
      number: r.number,
      owner: r.owner,
      supersedes: r.supersedes,
      supersededBy: r.supersededBy,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (index.records.length === 0) {
    const where = index.folders.map((f) => f.dir).join(', ') || 'docs/decisions';
    out(`No decision records in ${where}.\n`);
    return 0;
  }
  const rows = index.records.map((r) => [r.number === null ? '' : String(r.number).padStart(4, '0'), r.status ?? (r.rawStatus ? `? ${r.rawStatus}` : '-'), r.date ?? '', r.title, r.file]);
  const header = ['#', 'Status', 'Date', 'Title', 'File'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  out(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  return 0;
}

/** Reads and parses the team file; null (after a message) when it is missing. */
async function readTeam(ctx: Context, err: (s: string) => void): Promise<{ team: Team; problems: Problem[] } | null> {
  const text = await readTextIfExists(path.resolve(ctx.root, ctx.teamFile));
  if (text === null) {
    err(`async-desk: no team file at ${ctx.teamFile} in ${ctx.root}. Create one (see the README) or pass --team-file.\n`);
    return null;
  }
  return parseTeamFile(text, ctx.teamFile);
}

// Busy (GitHub status with limited availability) needs the GitHub API, which the CLI does not call
// (yet): states here come from the team file alone, so nobody is ever "busy" in this output.
async function listTeam(ctx: Context, at: Date, json: boolean, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const read = await readTeam(ctx, err);
  if (!read) return 2;
  const { team, problems } = read;
  // Problems go to stderr so that stdout (the table or JSON) stays usable; the valid members still print.
  if (problems.length) err(problems.map((p) => `${p.file}:${p.line + 1}: ${p.message}`).join('\n') + '\n');
  const states = computeStates(team, at);
  if (json) {
    const rows = states.map((s, i) => {
      const m = team.members[i]!;
      return {
        github: m.github,
        name: m.name ?? null,
        timezone: m.timezone,
        state: s.state,
        localTime: s.localTime,
        until: s.until,
        nextOnline: s.nextOnline,
        ...(s.awayNote ? { awayNote: s.awayNote } : {}),
        ...(m.role ? { role: m.role } : {}),
      };
    });
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (states.length === 0) {
    out(`No members in ${ctx.teamFile}.\n`);
  } else {
    const words = { away: 'away', busy: 'busy', focus: 'focus', working: 'working', off: 'off hours' };
    const rows = states.map((s, i) => {
      const m = team.members[i]!;
      const until = s.until ? `${formatClock(s.until)} (in ${formatDuration(Date.parse(s.until) - at.getTime())})` : '';
      return [m.name ? `${m.name} (@${m.github})` : `@${m.github}`, formatClock(s.localTime), m.timezone, words[s.state] + (s.awayNote ? `: ${s.awayNote}` : ''), until];
    });
    const header = ['Member', 'Local time', 'Zone', 'State', 'Until (their time)'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
    out(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

interface StandupsOptions {
  date?: string;
  now: Date;
  me?: string;
  json: boolean;
}

/** The digest of one day: each member's standup of their own local `date`, from the path index. */
async function listStandups(ctx: Context, options: StandupsOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // Without a team file the digest still lists who posted.
  const teamText = await readTextIfExists(path.resolve(ctx.root, ctx.teamFile));
  const { team, problems } = teamText === null ? { team: undefined, problems: [] as Problem[] } : parseTeamFile(teamText, ctx.teamFile);
  const me = options.me ? team?.members.find((m) => m.github.toLowerCase() === options.me!.toLowerCase()) : undefined;
  const date = options.date ?? standupDate(options.now, me);

  const index = await scanStandups(ctx.root, ctx.standupsDir);
  // Entries come sorted by date: each day is a run of them, looked up by login when first asked for.
  const runs = new Map<string, [start: number, end: number]>();
  for (let i = 0, start = 0; i < index.entries.length; i++) {
    const d = index.entries[i]!.date;
    if (i + 1 === index.entries.length || index.entries[i + 1]!.date !== d) {
      runs.set(d, [start, i + 1]);
      start = i + 1;
    }
  }
  const days = new Map<string, Map<string, string>>();
  const fileOf = (day: string, login: string): string | undefined => {
    let logins = days.get(day);
    if (!logins) {
      const [start, end] = runs.get(day) ?? [0, 0];
      logins = new Map(index.entries.slice(start, end).map((e) => [e.login.toLowerCase(), e.file]));
      days.set(day, logins);
    }
    return logins.get(login);
  };
  const parsed = new Map<string, Standup | undefined>();
  const read = (file: string | undefined): Standup | undefined => {
    if (file === undefined) return undefined;
    if (!parsed.has(file)) {
      const text = readTextSync(path.join(ctx.root, file));
      parsed.set(file, text === null ? undefined : parseStandup(text, file));
    }
    return parsed.get(file);
  };
  const standups = new Map<string, Standup>();
  const [start, end] = runs.get(date) ?? [0, 0];
  for (const e of index.entries.slice(start, end)) {
    const standup = read(e.file);
    if (!standup) continue;
    standups.set(e.login.toLowerCase(), standup);
    // Problems of the day's files only: older ones read for blocker ages are `check`'s business.
    problems.push(...standup.problems);
  }
  const entries = buildDigest({
    team,
    date,
    now: options.now,
    ...(options.me ? { me: options.me } : {}),
    standups,
    history: (login, day) => read(fileOf(day, login)),
    staleAfterWorkdays: STALE_AFTER_WORKDAYS,
  });
  // Problems go to stderr so that stdout (the table or JSON) stays usable.
  if (problems.length) err(problems.map((p) => `${p.file}:${p.line + 1}: ${p.message}`).join('\n') + '\n');

  if (options.json) {
    const rows = entries.map((e) => ({
      github: e.github,
      name: e.name ?? null,
      timezone: e.timezone,
      status: e.status,
      detail: e.detail,
      localTime: e.localTime,
      file: e.file,
      done: e.done,
      next: e.next,
      blockers: e.blockers,
      blockerDetails: e.blockerDetails,
      notes: e.notes,
      mentionsMe: e.mentionsMe,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    out(standupsTable(date, options.now, entries, team === undefined ? ctx.teamFile : null));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function standupsTable(date: string, now: Date, entries: DigestEntry[], noTeamFile: string | null): string {
  const lines = [`Standups of ${date}, each person's own local day (at ${now.toISOString().slice(0, 16)}Z)`];
  if (noTeamFile) lines.push(`No team file at ${noTeamFile}: only the people who posted are listed.`);
  if (entries.length === 0) return `${lines.join('\n')}\nNobody has posted.\n`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const rows = entries.map((e) => [
    e.name ? `${e.name} (@${e.github})` : `@${e.github}`,
    e.localTime ? formatClock(e.localTime) : '',
    e.status,
    (e.status === 'posted' ? `${plural(e.done.length, 'done item')}, ${plural(e.next.length, 'next item')}, ${plural(e.blockers.length, 'open blocker')}` : e.detail) + (e.mentionsMe ? ' (mentions you)' : ''),
  ]);
  const header = ['Member', 'Local time', 'Status', 'Detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  lines.push('', line(header), ...rows.map(line));
  for (const [i, e] of entries.entries()) {
    if (e.status !== 'posted') continue;
    lines.push('', `${rows[i]![0]}: ${e.file}`);
    const list = (title: string, items: string[]) => {
      if (items.length) lines.push(`  ${title}`, ...items.map((x) => `    - ${x}`));
    };
    list('Done', e.done);
    list('Next', e.next);
    list(
      'Blockers',
      e.blockerDetails.map((b) => `${b.text} (${b.openWorkdays === 0 ? 'new' : `open ${plural(b.openWorkdays, 'working day')}, since ${b.since}`}${b.stale ? ', stale' : ''})`),
    );
    if (e.notes) lines.push('  Notes', ...e.notes.split('\n').map((x) => `    ${x}`.trimEnd()));
  }
  return `${lines.join('\n')}\n`;
}

const printProblems = (problems: Problem[], err: (s: string) => void) => {
  if (problems.length) err(problems.map((p) => `${p.file}:${p.line + 1}: ${p.message}`).join('\n') + '\n');
};

async function listTemplates(ctx: Context, json: boolean, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const set = await discoverTemplates(ctx.root);
  const problems = [...set.problems, ...set.templates.flatMap((t) => t.problems)];
  // Problems go to stderr so that stdout (the table or JSON) stays usable.
  printProblems(problems, err);
  if (json) {
    const rows = set.templates.map((t) => ({
      name: t.name,
      kind: t.kind,
      file: t.file,
      key: t.key,
      builtIn: t.builtIn,
      about: t.about,
      title: t.title,
      labels: t.labels,
      assignees: t.assignees,
      projects: t.projects,
      type: t.type ?? null,
      // What --answers of `issue create` refers to.
      fields: t.fields.flatMap((f) =>
        f.type === 'markdown'
          ? []
          : [{ id: f.id, type: f.type, label: f.label, required: f.required, ...(f.type === 'dropdown' ? { options: f.options, multiple: f.multiple } : f.type === 'checkboxes' ? { options: f.options.map((o) => o.label) } : {}) }],
      ),
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    out(templatesTable(set));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function templatesTable(set: TemplateSet): string {
  const lines: string[] = [];
  if (set.templates[0]?.builtIn) lines.push('No issue templates in .github/ISSUE_TEMPLATE or docs/ISSUE_TEMPLATE: these are the built-in ones.', '');
  const rows = set.templates.map((t) => [t.name, t.kind, t.labels.join(', '), t.builtIn ? `(built in: ${t.key})` : t.file]);
  const header = ['Name', 'Kind', 'Labels', 'File'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  lines.push(line(header), ...rows.map(line));
  if (!set.blankIssuesEnabled) lines.push('', 'Blank issues are turned off (config.yml).');
  if (set.contactLinks.length) lines.push('', 'Contact links:', ...set.contactLinks.map((l) => `  ${l.name}: ${l.url}\n    ${l.about}`));
  return `${lines.join('\n')}\n`;
}

interface IssueOptions {
  repo?: string;
  template?: string;
  title?: string;
  answers?: string;
  owner?: string;
  due?: string;
  now: Date;
  dryRun: boolean;
  apiUrl?: string;
}

/** The --answers file: a JSON object from field id to a string or a list of strings. */
async function readAnswers(file: string | undefined): Promise<Answers> {
  if (file === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--answers ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`--answers ${file} must hold a JSON object from field id to answer.`);
  for (const [id, answer] of Object.entries(value)) {
    if (typeof answer !== 'string' && !(Array.isArray(answer) && answer.every((a) => typeof a === 'string'))) {
      throw new UsageError(`--answers ${file}: the answer to "${id}" must be a string or a list of strings.`);
    }
  }
  return value as Answers;
}

function findTemplate(set: TemplateSet, wanted: string): IssueTemplate | undefined {
  const lower = wanted.trim().toLowerCase();
  return set.templates.find((t) => t.key.toLowerCase() === lower) ?? set.templates.find((t) => t.name.toLowerCase() === lower);
}

/** `issue create`: 0 created (or printed), 1 refused (by a check or by GitHub), 2 could not run. */
async function createIssue(ctx: Context, o: IssueOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  for (const [option, value] of [['--repo', o.repo], ['--template', o.template], ['--title', o.title], ['--owner', o.owner]] as const) {
    if (value === undefined) throw new UsageError(`issue create needs ${option}.`);
  }
  const repo = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(o.repo!.trim());
  if (!repo) throw new UsageError('--repo must be OWNER/NAME, like acme/payments.');
  const answers = await readAnswers(o.answers);

  const set = await discoverTemplates(ctx.root);
  const template = findTemplate(set, o.template!);
  if (!template) {
    err(`async-desk: no issue template "${o.template}". Templates: ${set.templates.map((t) => `${t.key} (${t.name})`).join(', ')}.\n`);
    return 1;
  }
  if (template.problems.some((p) => p.severity === 'error')) {
    err(`async-desk: the template ${template.file} has problems; fix them first:\n`);
    printProblems(template.problems, err);
    return 1;
  }

  // The owner's zone and working days place the due date: they must be in the team file. (GitHub's
  // assignable users who are not there have no calendar to place it in.)
  const teamText = await readTextIfExists(path.resolve(ctx.root, ctx.teamFile));
  if (teamText === null) {
    err(`async-desk: no team file at ${ctx.teamFile}: the owner's zone and working days come from it. Create one or pass --team-file.\n`);
    return 1;
  }
  const { team } = parseTeamFile(teamText, ctx.teamFile);
  const login = o.owner!.trim().replace(/^@/, '');
  const owner = team.members.find((m) => m.github.toLowerCase() === login.toLowerCase());
  if (!owner) {
    err(`async-desk: unknown owner @${login}: not a teammate in ${ctx.teamFile} (teammates: ${team.members.map((m) => m.github).join(', ') || 'none'}). The owner's zone and working days set the due date.\n`);
    return 1;
  }

  const defaults = templateDefaults(team, template.key);
  const dueSpec = o.due ?? defaults.due;
  if (dueSpec === undefined) throw new UsageError(`issue create needs --due: ${ctx.teamFile} sets no issues.defaultDue and no due for template "${template.key}".`);
  const due = resolveDue(dueSpec, o.now, owner, team, Intl.DateTimeFormat().resolvedOptions().timeZone);
  if ('error' in due) {
    err(`async-desk: --due: ${due.error}\n`);
    return 1;
  }
  const errors = validateAnswers(template, o.title!, answers);
  if (errors.length) {
    err(`async-desk: the issue is not complete:\n${errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}\n`);
    return 1;
  }
  if (due.warning) err(`async-desk: note: ${due.warning}\n`);
  const request = buildIssueRequest({ template, title: o.title!, answers, owner: owner.github, due, extraLabels: defaults.labels });
  if (o.dryRun) {
    out(`${JSON.stringify(request, null, 2)}\n`);
    return 0;
  }

  const token = process.env.GITHUB_TOKEN?.trim();
  if (!token) {
    err('async-desk: set GITHUB_TOKEN to a token that may create issues in the repository (or use --dry-run).\n');
    return 2;
  }
  const apiUrl = o.apiUrl ?? GITHUB_API_URL;
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl)) throw new UsageError('--api-url must be a web address like https://api.github.com.');
  const client = createGitHubClient({ token, apiUrl, userAgent: 'async-desk-cli', Octokit });
  try {
    const res = await client.request<{ number: number; html_url: string }>('POST /repos/{owner}/{repo}/issues', { owner: repo[1], repo: repo[2], ...request });
    out(`Created issue #${res.data.number}: ${res.data.html_url}\n`);
    return 0;
  } catch (error) {
    const failure = toGitHubError(error);
    err(`async-desk: ${failure.message}\n`);
    return failure.kind === 'validation' ? 1 : 2;
  }
}

async function check(ctx: Context, out: (s: string) => void): Promise<number> {
  const problems = (await Promise.all(checkers.map((c) => c.run(ctx)))).flat();
  if (problems.length === 0) {
    out('No problems found.\n');
    return 0;
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  out(problems.map((p) => `${p.file}:${p.line + 1}: ${p.message}`).join('\n') + '\n');
  return 1;
}

/** An instant with a date and a time (default: now); without an offset it is the machine's local time. */
function instant(value: string | undefined, option: string): Date {
  const at = value === undefined ? new Date() : new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? value : NaN);
  if (Number.isNaN(at.getTime())) throw new UsageError(`${option} must be an ISO 8601 date and time like 2026-11-24T10:30:00Z or 2026-11-24T11:30+01:00.`);
  return at;
}

export async function main(argv: string[], out = (s: string) => void process.stdout.write(s), err = (s: string) => void process.stderr.write(s)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string' },
        'decisions-dir': { type: 'string' },
        'team-file': { type: 'string' },
        'standups-dir': { type: 'string' },
        at: { type: 'string' },
        date: { type: 'string' },
        now: { type: 'string' },
        me: { type: 'string' },
        json: { type: 'boolean' },
        today: { type: 'string' },
        repo: { type: 'string' },
        template: { type: 'string' },
        title: { type: 'string' },
        answers: { type: 'string' },
        owner: { type: 'string' },
        due: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'api-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`async-desk: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === 'help') {
    out(USAGE);
    return 0;
  }
  try {
    if (!command) throw new UsageError('no command given.');
    const subcommand = command === 'issue' ? positionals[1] : undefined;
    if (command === 'issue' && subcommand !== 'create') throw new UsageError(subcommand ? `unknown issue command "${subcommand}"; did you mean "issue create"?` : 'issue needs a command: issue create.');
    const extra = positionals[command === 'issue' ? 2 : 1];
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}".`);
    if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError('--today must be a date like 2026-01-31.');
    if (values.date !== undefined && !isDate(values.date)) throw new UsageError('--date must be a date like 2026-01-31.');
    const at = instant(values.at, '--at');
    const now = instant(values.now, '--now');
    const root = path.resolve(values.root ?? process.cwd());
    const stat = await fsp.stat(root).catch(() => null);
    if (!stat?.isDirectory()) {
      err(`async-desk: ${root} is not a directory.\n`);
      return 2;
    }
    const ctx: Context = {
      root,
      teamFile: (values['team-file'] ?? DEFAULT_TEAM_FILE).replace(/\\/g, '/'),
      standupsDir: values['standups-dir']?.trim() || DEFAULT_STANDUPS_DIR,
      today: values.today ?? localIsoDate(),
    };
    if (values['decisions-dir']) ctx.decisionsDir = values['decisions-dir'];
    switch (command) {
      case 'decisions':
        return await listDecisions(ctx, values.json ?? false, out);
      case 'team':
        return await listTeam(ctx, at, values.json ?? false, out, err);
      case 'standups': {
        const options: StandupsOptions = { now, json: values.json ?? false };
        if (values.date !== undefined) options.date = values.date;
        if (values.me?.trim()) options.me = values.me.trim().replace(/^@/, '');
        return await listStandups(ctx, options, out, err);
      }
      case 'templates':
        return await listTemplates(ctx, values.json ?? false, out, err);
      case 'issue':
        return await createIssue(
          ctx,
          {
            repo: values.repo,
            template: values.template,
            title: values.title,
            answers: values.answers,
            owner: values.owner,
            due: values.due,
            now,
            dryRun: values['dry-run'] ?? false,
            apiUrl: values['api-url'],
          },
          out,
          err,
        );
      case 'check':
        return await check(ctx, out);
      default:
        throw new UsageError(`unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`async-desk: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Exit 2 for failures to run at all, so CI can tell them from "problems found" (1).
    err(`async-desk: ${(error as Error).message ?? error}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `async-desk decisions | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`async-desk: ${(error as Error)?.message ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
