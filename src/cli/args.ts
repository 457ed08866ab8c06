// The command line of `async-desk`: the usage text (--help), the options, and parseCommandLine, which
// turns argv into an Invocation (what to run, with which checked values) or says why it cannot.
// Running it is main.ts's business; what each command does is in commands/.
import { parseArgs } from 'node:util';
import { GITHUB_API_URL } from '../core/github';
import { checkDate, dateProblem, instant } from './dateArgs';
import { UsageError } from './usageError';

export const USAGE = `Usage: async-desk <command> [options]

Commands:
  decisions   List decision records (table, or --json)
  team        Each teammate's local time and state (working, focus, off, away) from the team file
  standups    The team's standups of one day, each person on their own local day: who posted
              (done, next, open blockers), who has not started their working day yet, who is
              missing, who is away (table, or --json). Reads the sharing branch as last fetched,
              the posts waiting in the queue and the standup files of the working tree
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
  check       Report problems in decision records, the team file, standups and issue templates,
              and what the sharing branch holds that is not read (a symlink, a file outside the
              standups and updates folders, one over the size limit), as last fetched: no network.
              Exits 1 when there are any
  standup post
              Post FILE (a standup in the SPEC format; front matter optional: author and date are
              filled in) as --author's standup of --date (default: the author's local today from
              the team file at --now) onto the sharing branch (team file sharing.branch, default
              async-desk), without touching the working tree, the index, HEAD or the stash.
              Exit 0: pushed (or already there). Exit 2: not pushed yet, the reason on stderr: kept
              in the queue (offline, authentication, a server hook, remote gone; it goes out with
              the next sync), a conflict (another revision of the file is on the branch: posted
              from another machine? --replace posts it over that one), or not shared at all (no
              remote: written to the working tree). Exit 1: invalid input (unknown author, bad
              date, a file that is not a standup, a wrong command line); nothing is queued.
              With sharing.branch "" the file is written to the working tree (exit 0)
  sync        Push the posts waiting in the queue and fetch the sharing branch: "pushed 1, fetched
              3 new posts". Exit 0 when everything is pushed and the fetch worked, 2 otherwise

Options:
  --root DIR            Repository root (default: current directory)
  --decisions-dir DIR   Decision records folder, relative to the root (default: discovered)
  --team-file FILE      Team file, relative to the root (default: .github/team.yml)
  --standups-dir DIR    Standups folder, relative to the root (default: docs/standups)
  --at ISO-8601         team: the instant to compute states for (default: now), e.g. 2026-11-24T10:30:00Z
  --date YYYY-MM-DD     standups: the day to show (default: today in your zone: the zone of --me in
                        the team file, else this machine's); standup post: the standup's day
  --now ISO-8601        standups, standup post: the clock (default: now), e.g. 2026-11-24T10:30:00Z
  --me LOGIN            standups: your GitHub login; blockers that @mention you come first
  --author LOGIN        standup post: the author, a member of the team file
  --file FILE.md        standup post: the standup to post (a regular file of at most 1 MB)
  --replace             standup post: post over another revision of the file on the branch
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

/** Every option of every command (node:util parseArgs' table). */
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
  author: { type: 'string' },
  file: { type: 'string' },
  replace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Options of `issue create`, as given (main checks them once it knows the repository). */
export interface IssueArgs {
  repo?: string;
  template?: string;
  title?: string;
  answers?: string;
  owner?: string;
  due?: string;
  dryRun: boolean;
  apiUrl?: string;
  /** --no-title-prefix: --title as given. */
  noTitlePrefix: boolean;
}

/** Options of `standup post`, as given. */
export interface StandupArgs {
  author?: string;
  file?: string;
  /** --replace: post over another revision of the file on the branch. */
  replace: boolean;
}

/** A command line that names a command, its values checked (dates are real dates, instants real instants). */
export interface Invocation {
  /** The first word ("issue" stands for "issue create", "standup" for "standup post"). Not checked here: main refuses an unknown one. */
  command: string;
  /** --root as given (main resolves it against the current directory). */
  root?: string;
  decisionsDir?: string;
  teamFile?: string;
  standupsDir?: string;
  today?: string;
  date?: string;
  /** --at, else now. */
  at: Date;
  /** --now, else now. */
  now: Date;
  /** --me without spaces or a leading "@"; undefined when empty. */
  me?: string;
  json: boolean;
  issue: IssueArgs;
  standup: StandupArgs;
}

/**
 * What a command line asks for. "malformed": node's parser refused it (an unknown option, a missing
 * value); its message is printed as it is, with the usage text, exit 2.
 */
export type CommandLine = { kind: 'malformed'; message: string } | { kind: 'help' } | { kind: 'run'; invocation: Invocation };

/**
 * Reads argv (without node and the script). Throws a UsageError when the words parse but make no
 * sense: no command, an unknown issue command, an extra argument, a date or instant that is not one.
 * --help (or the command "help") wins over every such mistake.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: joinOptionValues(argv, OPTIONS), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    return { kind: 'malformed', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === 'help') return { kind: 'help' };

  if (!command) throw new UsageError('no command given.');
  const subcommand = command === 'issue' || command === 'standup' ? positionals[1] : undefined;
  if (command === 'issue' && subcommand !== 'create') {
    throw new UsageError(subcommand ? `unknown issue command "${subcommand}"; did you mean "issue create"?` : 'issue needs a command: issue create.');
  }
  if (command === 'standup' && subcommand !== 'post') {
    throw new UsageError(subcommand ? `unknown standup command "${subcommand}"; did you mean "standup post"?` : 'standup needs a command: standup post.');
  }
  const extra = positionals[command === 'issue' || command === 'standup' ? 2 : 1];
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
  return {
    kind: 'run',
    invocation: {
      command,
      root: values.root,
      decisionsDir: values['decisions-dir'],
      teamFile: values['team-file'],
      standupsDir: values['standups-dir'],
      today: values.today,
      date: values.date,
      at,
      now,
      me: values.me?.trim() ? values.me.trim().replace(/^@/, '') : undefined,
      json: values.json ?? false,
      issue: {
        repo: values.repo,
        template: values.template,
        title: values.title,
        answers: values.answers,
        owner: values.owner,
        due: values.due,
        dryRun: values['dry-run'] ?? false,
        apiUrl: values['api-url'],
        noTitlePrefix: values['no-title-prefix'] ?? false,
      },
      standup: { author: values.author?.trim().replace(/^@/, ''), file: values.file, replace: values.replace ?? false },
    },
  };
}

/** The command word of argv as far as it can be told before parsing (for exit codes of a line that does not parse). */
export function commandWord(argv: readonly string[]): string | undefined {
  const options: Record<string, { type: string }> = OPTIONS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (!arg.includes('=') && options[arg.replace(/^--?/, '')]?.type === 'string') i++;
  }
  return undefined;
}

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
