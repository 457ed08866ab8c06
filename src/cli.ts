// `async-desk` command line: a thin front end over src/core for terminals and CI.
//   async-desk decisions [--root DIR] [--json]     list decision records
//   async-desk team [--root DIR] [--at ISO] [--json] each member's state from the team file
//   async-desk standups [--root DIR] [--date D] [--now ISO] [--me LOGIN] [--json]  the team digest of a day
//   async-desk templates [--root DIR] [--json]      the repository's issue templates, github.com's order
//   async-desk issue create --repo O/N --template T --title X --owner L [--due D] [--answers F] [--dry-run]
//   async-desk check [--root DIR]                   report problems; exit 1 when there are any
import { parseArgs } from 'node:util';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { scanDecisions } from './core/decisions';
import type { Problem } from './core/shared/problem';
import { localIsoDate } from './core/shared/dates';
import { DEFAULT_LIMITS, MB, readFileSafely, RepoFiles } from './core/shared/repoFiles';
import { terminalSafe } from './core/terminalText';
import { computeStates, formatClock, formatDuration, parseTeamFile, type Team } from './core/team';
import { buildDigest, checkStandup, parseStandup, scanStandups, standupDate, type DigestEntry, type Standup } from './core/standups';
import { Octokit } from '@octokit/core';
import { createGitHubClient, toGitHubError, GITHUB_API_URL } from './core/github';
import {
  buildIssueRequest,
  discoverTemplates,
  resolveDue,
  templateDefaults,
  UPLOAD_NOTE,
  uploadNotes,
  validateAnswers,
  withTitlePrefix,
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
              Built-in templates for async work when the repository has none. A problem in
              config.yml is reported but never hides the templates or fails the command
  issue create
              Open an issue from a template: the body github.com writes for the form's answers,
              the owner as assignee, and a due line in the owner's day. --dry-run prints the
              request instead of sending it. Exits 1 when GitHub or a check refuses the issue
              (missing required field, unknown owner), 2 when it could not be sent. The owner is
              assigned first, then the form's own assignees. File uploads (type: upload) are
              attached on github.com after the issue is created: the REST API takes no files
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
  --template NAME       The template: its file name without extension (bug_report) or its name.
                        Values may start with "-" (--template ---bug-report)
  --title TEXT          The issue title. The form's title prefix (title: "[Bug]: ") is put in
                        front of it, as github.com pre-fills it, unless it already starts with it
  --no-title-prefix     Send --title as given, without the form's title prefix
  --answers FILE.json   Form answers: a JSON object from field id to a string, or to a list of
                        strings (the options of a multi-select dropdown, the ticked checkboxes);
                        "templates --json" lists each form's fields. Markdown templates: "body".
                        A regular file of at most 1 MB
  --owner LOGIN         The one owner: a teammate in the team file (assigned; due in their day)
  --due WHEN            end-of-day, +1 workday, +2 workdays, +3 workdays, friday or YYYY-MM-DD,
                        in the owner's zone and calendar (default: the team file's issues defaults)
  --now ISO-8601        The clock for due dates (default: now)
  --dry-run             Print the REST request body as JSON and send nothing
  --api-url URL         GitHub API base URL (default ${GITHUB_API_URL}; GHES: https://HOST/api/v3).
                        The token comes from the GITHUB_TOKEN environment variable
  --today YYYY-MM-DD    check: the date review-by dates are compared with (default: today)
  -h, --help            Show this help

Dates and times must exist (2026-02-30 and 25:00 are refused). Tables and problem lines show
control and bidi characters from the repository as escapes (ESC as \\u001b, a line break as \\n).
`;

/** Exit code 2 with usage: the command line itself was wrong. */
class UsageError extends Error {}

interface Context {
  root: string;
  /** Every file the CLI reads itself goes through here: inside the root, regular files, size-limited. */
  files: RepoFiles;
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
    // A repository without a team file is fine: team time is optional. One that cannot be read (a
    // link out of the root, a FIFO, too large) is a problem on it.
    name: 'team',
    async run(ctx) {
      const read = loadTeam(ctx);
      return read.kind === 'missing' ? [] : read.problems;
    },
  },
  {
    // Every file under the standups folder: its name (scan), then its contents.
    name: 'standups',
    async run(ctx) {
      const index = await scanStandups(ctx.root, ctx.standupsDir);
      const problems = [...index.problems];
      for (const entry of index.entries) {
        const read = ctx.files.read(entry.file);
        if (read.ok) problems.push(...checkStandup(read.text, entry.file, ctx.standupsDir));
        else if (!read.missing) problems.push(read.problem); // missing: deleted between listing and reading
      }
      return problems;
    },
  },
];

// Everything printed in tables and problem lines that comes from a repository (titles, names, logins,
// file names, messages) goes through terminalSafe first: no escape sequence or bidi override reaches
// the terminal raw, and a line break inside a value cannot start a line of its own. --json needs none
// of this (JSON.stringify escapes control characters).
const safe = terminalSafe;

/**
 * Lines of a table: left-aligned columns two spaces apart, the last one not padded. Cells are made
 * inert first, so the widths are those of the text printed.
 */
function table(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map((row) => row.map(safe));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** `file:line: message` (1-based line), always one line. */
function problemLine(p: Problem): string {
  return `${safe(p.file)}:${p.line + 1}: ${safe(p.message)}`;
}

const printProblems = (problems: Problem[], err: (s: string) => void) => {
  if (problems.length) err(`${problems.map(problemLine).join('\n')}\n`);
};

async function listDecisions(ctx: Context, json: boolean, out: (s: string) => void): Promise<number> {
  const options: { decisionsDir?: string } = {};
  if (ctx.decisionsDir) options.decisionsDir = ctx.decisionsDir;
  const index = await scanDecisions(ctx.root, options);
  if (json) {
    const rows = index.records.map((r) => ({
      file: r.file,
      title: r.title,
      status: r.status,
      // The author's own words (free-text statuses such as "Pending"; "Approved" for accepted).
      statusText: r.statusText ?? null,
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
    out(`No decision records in ${safe(where)}.\n`);
    return 0;
  }
  const rows = index.records.map((r) => [r.number === null ? '' : String(r.number).padStart(4, '0'), r.status ? (r.statusText && r.statusText.toLowerCase() !== r.status ? `${r.status} (${r.statusText})` : r.status) : r.statusText ? `other: ${r.statusText}` : '-', r.date ?? '', r.title, r.file]);
  out(`${table(['#', 'Status', 'Date', 'Title', 'File'], rows).join('\n')}\n`);
  return 0;
}

/**
 * The team file, read through RepoFiles (only inside the root, a regular file, within the team file
 * limit): missing; not read, with the problem on it (`problems` holds just that one); or parsed.
 */
type TeamRead = { kind: 'missing' } | { kind: 'unread'; problems: Problem[] } | { kind: 'parsed'; team: Team; problems: Problem[] };

function loadTeam(ctx: Context): TeamRead {
  const read = ctx.files.read(ctx.teamFile, DEFAULT_LIMITS.teamFile);
  if (read.ok) return { kind: 'parsed', ...parseTeamFile(read.text, ctx.teamFile) };
  return read.missing ? { kind: 'missing' } : { kind: 'unread', problems: [read.problem] };
}

/** The team file; null (after a message) when it is missing. */
function readTeam(ctx: Context, err: (s: string) => void): Exclude<TeamRead, { kind: 'missing' }> | null {
  const read = loadTeam(ctx);
  if (read.kind === 'missing') {
    err(`async-desk: no team file at ${safe(ctx.teamFile)} in ${safe(ctx.root)}. Create one (see the README) or pass --team-file.\n`);
    return null;
  }
  return read;
}

// Busy (GitHub status with limited availability) needs the GitHub API, which the CLI does not call
// (yet): states here come from the team file alone, so nobody is ever "busy" in this output.
async function listTeam(ctx: Context, at: Date, json: boolean, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const read = readTeam(ctx, err);
  if (!read) return 2;
  // Problems go to stderr so that stdout (the table or JSON) stays usable; the valid members still print.
  printProblems(read.problems, err);
  if (read.kind === 'unread') {
    // Nobody to list: an empty list for scripts, nothing for people (the problem says why).
    if (json) out('[]\n');
    return 1;
  }
  const { team, problems } = read;
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
    out(`No members in ${safe(ctx.teamFile)}.\n`);
  } else {
    const words = { away: 'away', busy: 'busy', focus: 'focus', working: 'working', off: 'off hours' };
    const rows = states.map((s, i) => {
      const m = team.members[i]!;
      const until = s.until ? `${formatClock(s.until)} (in ${formatDuration(Date.parse(s.until) - at.getTime())})` : '';
      return [m.name ? `${m.name} (@${m.github})` : `@${m.github}`, formatClock(s.localTime), m.timezone, words[s.state] + (s.awayNote ? `: ${s.awayNote}` : ''), until];
    });
    out(`${table(['Member', 'Local time', 'Zone', 'State', 'Until (their time)'], rows).join('\n')}\n`);
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
  // Without a team file (or with one that could not be read) the digest still lists who posted.
  const teamRead = loadTeam(ctx);
  const team = teamRead.kind === 'parsed' ? teamRead.team : undefined;
  const problems = teamRead.kind === 'missing' ? [] : [...teamRead.problems];
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
  // A file that is gone (deleted since the scan) or could not be read (its problem) counts as not posted.
  const parsed = new Map<string, { standup?: Standup; problem?: Problem }>();
  const readFile = (file: string): { standup?: Standup; problem?: Problem } => {
    let result = parsed.get(file);
    if (!result) {
      const outcome = ctx.files.read(file);
      result = outcome.ok ? { standup: parseStandup(outcome.text, file) } : outcome.missing ? {} : { problem: outcome.problem };
      parsed.set(file, result);
    }
    return result;
  };
  const read = (file: string | undefined): Standup | undefined => (file === undefined ? undefined : readFile(file).standup);
  const standups = new Map<string, Standup>();
  const [start, end] = runs.get(date) ?? [0, 0];
  for (const e of index.entries.slice(start, end)) {
    const { standup, problem } = readFile(e.file);
    if (problem) problems.push(problem);
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
  printProblems(problems, err);

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
    const note =
      teamRead.kind === 'missing'
        ? `No team file at ${ctx.teamFile}: only the people who posted are listed.`
        : teamRead.kind === 'unread'
          ? `The team file ${ctx.teamFile} was not read (see the problem above): only the people who posted are listed.`
          : null;
    out(standupsTable(date, options.now, entries, note));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function standupsTable(date: string, now: Date, entries: DigestEntry[], note: string | null): string {
  const lines = [`Standups of ${date}, each person's own local day (at ${now.toISOString().slice(0, 16)}Z)`];
  if (note) lines.push(safe(note));
  if (entries.length === 0) return `${lines.join('\n')}\nNobody has posted.\n`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const rows = entries.map((e) => [
    e.name ? `${e.name} (@${e.github})` : `@${e.github}`,
    e.localTime ? formatClock(e.localTime) : '',
    e.status,
    (e.status === 'posted' ? `${plural(e.done.length, 'done item')}, ${plural(e.next.length, 'next item')}, ${plural(e.blockers.length, 'open blocker')}` : e.detail) + (e.mentionsMe ? ' (mentions you)' : ''),
  ]);
  lines.push('', ...table(['Member', 'Local time', 'Status', 'Detail'], rows));
  for (const [i, e] of entries.entries()) {
    if (e.status !== 'posted') continue;
    lines.push('', `${safe(rows[i]![0]!)}: ${safe(e.file ?? '')}`);
    const list = (title: string, items: string[]) => {
      if (items.length) lines.push(`  ${title}`, ...items.map((x) => `    - ${safe(x)}`));
    };
    list('Done', e.done);
    list('Next', e.next);
    list(
      'Blockers',
      e.blockerDetails.map((b) => `${b.text} (${b.openWorkdays === 0 ? 'new' : `open ${plural(b.openWorkdays, 'working day')}, since ${b.since}`}${b.stale ? ', stale' : ''})`),
    );
    if (e.notes) lines.push('  Notes', ...e.notes.split(/\r?\n/).map((x) => `    ${safe(x)}`.trimEnd()));
  }
  return `${lines.join('\n')}\n`;
}

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
          : [
              {
                id: f.id,
                type: f.type,
                label: f.label,
                required: f.required,
                ...(f.type === 'dropdown' ? { options: f.options, multiple: f.multiple } : f.type === 'checkboxes' ? { options: f.options.map((o) => o.label) } : {}),
                // Uploads take no answer: the files go on github.com once the issue exists.
                ...(f.type === 'upload' ? { note: UPLOAD_NOTE } : {}),
              },
            ],
      ),
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    out(templatesTable(set));
  }
  // The chooser's config (config.yml) never fails the listing: github.com still shows the templates
  // when it is broken. Its problems are printed above all the same (and `check` counts them).
  return problems.some((p) => p.severity === 'error' && !isTemplateConfig(p.file)) ? 1 : 0;
}

/** .github/ISSUE_TEMPLATE/config.yml and the like: the template chooser's config. */
function isTemplateConfig(file: string): boolean {
  return /(?:^|\/)config\.ya?ml$/i.test(file);
}

function templatesTable(set: TemplateSet): string {
  const lines: string[] = [];
  if (set.templates[0]?.builtIn) lines.push('No issue templates in .github/ISSUE_TEMPLATE or docs/ISSUE_TEMPLATE: these are the built-in ones.', '');
  const rows = set.templates.map((t) => [t.name, t.kind, t.labels.join(', '), t.builtIn ? `(built in: ${t.key})` : t.file]);
  lines.push(...table(['Name', 'Kind', 'Labels', 'File'], rows));
  if (!set.blankIssuesEnabled) lines.push('', 'Blank issues are turned off (config.yml).');
  if (set.contactLinks.length) lines.push('', 'Contact links:', ...set.contactLinks.map((l) => `  ${safe(l.name)}: ${safe(l.url)}\n    ${safe(l.about)}`));
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
  /** --no-title-prefix: --title as given. */
  noTitlePrefix: boolean;
}

/** The largest --answers file read: form answers are a few KB. */
const ANSWERS_LIMIT = 1 * MB;

/**
 * The --answers file: a JSON object from field id to a string or a list of strings. Read like a
 * repository's files (readFileSafely): a regular file only, so a device (/dev/zero) or a FIFO is
 * refused without being opened, and at most ANSWERS_LIMIT.
 */
function readAnswers(file: string | undefined): Answers {
  if (file === undefined) return {};
  const help = 'Give --answers a JSON file (at most 1 MB) of the form\'s answers; "templates --json" lists each form\'s fields.';
  const read = readFileSafely(path.resolve(file), file, ANSWERS_LIMIT);
  if (!read.ok) throw new UsageError(read.missing ? `--answers ${file}: no such file.` : `--answers: ${read.problem.message} ${help}`);
  let value: unknown;
  try {
    value = JSON.parse(read.text.replace(/^\uFEFF/, '')); // a UTF-8 BOM is kept by the reader, JSON.parse refuses it
  } catch (error) {
    throw new UsageError(`--answers ${file}: not valid JSON (${(error as Error).message}). ${help}`);
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
  const answers = readAnswers(o.answers);

  const set = await discoverTemplates(ctx.root);
  const template = findTemplate(set, o.template!);
  if (!template) {
    err(`async-desk: no issue template "${safe(o.template!)}". Templates: ${safe(set.templates.map((t) => `${t.key} (${t.name})`).join(', '))}.\n`);
    return 1;
  }
  if (template.problems.some((p) => p.severity === 'error')) {
    err(`async-desk: the template ${safe(template.file)} has problems; fix them first:\n`);
    printProblems(template.problems, err);
    return 1;
  }

  // The owner's zone and working days place the due date: they must be in the team file. (GitHub's
  // assignable users who are not there have no calendar to place it in.)
  const teamRead = loadTeam(ctx);
  if (teamRead.kind === 'missing') {
    err(`async-desk: no team file at ${safe(ctx.teamFile)}: the owner's zone and working days come from it. Create one or pass --team-file.\n`);
    return 1;
  }
  if (teamRead.kind === 'unread') {
    printProblems(teamRead.problems, err);
    err(`async-desk: the team file ${safe(ctx.teamFile)} was not read: the owner's zone and working days come from it. Fix it or pass --team-file.\n`);
    return 1;
  }
  const { team } = teamRead;
  const login = o.owner!.trim().replace(/^@/, '');
  const owner = team.members.find((m) => m.github.toLowerCase() === login.toLowerCase());
  if (!owner) {
    err(`async-desk: unknown owner @${safe(login)}: not a teammate in ${safe(ctx.teamFile)} (teammates: ${safe(team.members.map((m) => m.github).join(', ') || 'none')}). The owner's zone and working days set the due date.\n`);
    return 1;
  }

  const defaults = templateDefaults(team, template.key);
  const dueSpec = o.due ?? defaults.due;
  if (dueSpec === undefined) throw new UsageError(`issue create needs --due: ${safe(ctx.teamFile)} sets no issues.defaultDue and no due for template "${safe(template.key)}".`);
  const due = resolveDue(dueSpec, o.now, owner, team, Intl.DateTimeFormat().resolvedOptions().timeZone);
  if ('error' in due) {
    err(`async-desk: --due: ${safe(due.error)}\n`);
    return 1;
  }
  const errors = validateAnswers(template, o.title!, answers);
  if (errors.length) {
    err(`async-desk: the issue is not complete:\n${errors.map((e) => `  ${safe(e.field)}: ${safe(e.message)}`).join('\n')}\n`);
    return 1;
  }
  if (due.warning) err(`async-desk: note: ${safe(due.warning)}\n`);
  for (const note of uploadNotes(template)) err(`async-desk: note: ${safe(note.message)}\n`);
  const title = o.noTitlePrefix ? o.title! : withTitlePrefix(template.title, o.title!);
  const request = buildIssueRequest({ template, title, answers, owner: owner.github, due, extraLabels: defaults.labels });
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
    out(`Created issue #${res.data.number}: ${safe(String(res.data.html_url))}\n`);
    return 0;
  } catch (error) {
    const failure = toGitHubError(error);
    err(`async-desk: ${safe(failure.message)}\n`);
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
  out(`${problems.map(problemLine).join('\n')}\n`);
  return 1;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why year-month-day is not a calendar date, or null when it is one. */
function calendarProblem(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, '0')}`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return null;
}

/**
 * A date option (--date, --today, --due YYYY-MM-DD): a real calendar date, checked field by field
 * (Date.parse would take 2026-02-30 for 2026-03-02). Returns why it is not one, or null.
 */
function dateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'not YYYY-MM-DD';
  return calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]));
}

function checkDate(value: string, option: string): void {
  const problem = dateProblem(value);
  if (problem === null) return;
  throw new UsageError(`${option} must be a date like 2026-01-31${problem === 'not YYYY-MM-DD' ? '' : `; ${value} is not one: ${problem}`}.`);
}

/** YYYY-MM-DDTHH:MM[:SS[.fff]] with Z, an offset (+01:00, +0100, +01) or none (local time). */
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 instant, strictly: a real calendar date and a real time of day (Date.parse rolls
 * 2026-02-30 over into March and takes hour 24). Without an offset it is the machine's local time.
 * The instant, or why the text is not one (null reason: not the ISO 8601 shape at all).
 */
function parseInstant(value: string): { at: Date } | { error: string | null } {
  const m = INSTANT_RE.exec(value.trim());
  if (!m) return { error: null };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const millisecond = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const calendar = calendarProblem(year, month, day);
  if (calendar) return { error: calendar };
  if (hour > 23) return { error: `hours go from 00 to 23, not ${m[4]}` };
  if (minute > 59) return { error: `minutes go from 00 to 59, not ${m[5]}` };
  if (second > 59) return { error: `seconds go from 00 to 59, not ${m[6]}` };
  const zone = m[8];
  let at: Date;
  if (zone === undefined) {
    at = new Date(0);
    at.setFullYear(year, month - 1, day);
    at.setHours(hour, minute, second, millisecond);
  } else {
    let offset = 0;
    if (zone.toUpperCase() !== 'Z') {
      const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
      const [oh, om] = [Number(o[2]), Number(o[3] ?? '0')];
      if (oh > 23 || om > 59) return { error: `the offset ${zone} is not one: offsets go from -23:59 to +23:59` };
      offset = (o[1] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    at = new Date(0);
    at.setUTCFullYear(year, month - 1, day);
    at.setUTCHours(hour, minute, second, millisecond);
    at = new Date(at.getTime() - offset * 60_000);
  }
  return Number.isNaN(at.getTime()) ? { error: 'it is out of range' } : { at };
}

/** An instant with a date and a time (default: now); without an offset it is the machine's local time. */
function instant(value: string | undefined, option: string): Date {
  if (value === undefined) return new Date();
  const parsed = parseInstant(value);
  if ('at' in parsed) return parsed.at;
  const shape = `${option} must be an ISO 8601 date and time like 2026-11-24T10:30:00Z or 2026-11-24T11:30+01:00`;
  throw new UsageError(parsed.error === null ? `${shape}.` : `${shape}; ${value.trim()} is not one: ${parsed.error}.`);
}

const OPTIONS = {
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
  'no-title-prefix': { type: 'boolean' },
  answers: { type: 'string' },
  owner: { type: 'string' },
  due: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'api-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * `--template ---bug-report` as `--template=---bug-report`: node:util's parseArgs refuses an option
 * value that starts with "-" unless it is joined with "=" ("argument is ambiguous"), yet template
 * files named "---bug-report.yml" (a naming scheme that sorts them) are real. Every option that takes
 * a value takes the next argument, whatever it starts with; nothing after "--" is touched.
 */
function joinOptionValues(argv: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>): string[] {
  const takesValue = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (takesValue.has(arg) && next !== undefined && next.startsWith('-')) {
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export async function main(argv: string[], out = (s: string) => void process.stdout.write(s), err = (s: string) => void process.stderr.write(s)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinOptionValues(argv, OPTIONS),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
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
    if (values.today !== undefined) checkDate(values.today, '--today');
    if (values.date !== undefined) checkDate(values.date, '--date');
    // --due takes presets and rules too (the core reads them); a date must be a real one.
    if (values.due !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(values.due.trim())) {
      const problem = dateProblem(values.due.trim());
      if (problem) throw new UsageError(`--due ${values.due.trim()} is not a date: ${problem}.`);
    }
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
      files: new RepoFiles(root),
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
            noTitlePrefix: values['no-title-prefix'] ?? false,
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
      err(`async-desk: ${safe(error.message)}\n\n${USAGE}`);
      return 2;
    }
    // Exit 2 for failures to run at all, so CI can tell them from "problems found" (1).
    err(`async-desk: ${safe(String((error as Error)?.message ?? error))}\n`);
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
      process.stderr.write(`async-desk: ${terminalSafe(String((error as Error)?.message ?? error))}\n`);
      process.exitCode = 2;
    },
  );
}
