// The ritual commands: New Weekly Update, New Intent Brief, New Working Agreement, New Retrospective.
// Each writes a new Markdown file from the team's template (docs/templates/<kind>.md) or the built-in
// one and opens it at the first thing to fill in. Nothing is overwritten: an existing weekly update of
// the week, or the working agreement, is opened as it is; a brief or retrospective whose file exists
// asks for another title. Every command also takes its inputs as an argument object (RitualArgs), so
// other features and tests can skip the prompts.
import * as vscode from 'vscode';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import {
  builtInTemplate,
  coreHoursText,
  isoWeek,
  planRitual,
  ritualFile,
  ritualTitle,
  RITUAL_NAMES,
  workspacePath,
  type RitualInput,
  type RitualKind,
} from '../../core/rituals';
import { dayNumber, isoDate, zoneClock } from '../../core/team/zone';
import { FileExistsError, writeFileAtomic } from '../../core/shared/fs';
import type { CommandId, HandlersOf } from '../commandIds';
import { Cancelled, showWithLog, UserError } from '../shared/errors';
import { log } from '../shared/log';
import { repoFilesOf } from '../shared/repoFiles';
import { getSettings } from '../shared/settings';
import { assertTrusted } from '../shared/trust';
import type { TeamStore } from '../team/teamStore';
import { currentViewer } from '../team/viewer';
import { askText } from './prompt';
import { now } from '../shared/clock';
import type { SharingApi } from '../sharing/api';

export type RitualCommandId = Extract<CommandId, `asyncDesk.rituals.${string}`>;

export interface RitualArgs {
  /** A workspace folder (or a file in one) to write in; default: the only folder, else asked. */
  folder?: vscode.Uri;
  /** Intent brief and retrospective: the title (asked when missing). */
  title?: string;
  /** The author's local date, YYYY-MM-DD (default: today in your zone). */
  date?: string;
  /** Author login (default: asyncDesk.me, else the OS user name). */
  author?: string;
  /** Open the file in an editor (default true). */
  open?: boolean;
}

export interface RitualResult {
  uri: vscode.Uri;
  /** False when the file existed and was opened as it is. */
  created: boolean;
  /** What the user was warned about: unknown placeholders (file:line), path and team file notes. */
  warnings: string[];
}

/** Templates live here in every workspace folder (SPEC §2: "docs/templates/<kind>.md"). */
const TEMPLATES_DIR = 'docs/templates';
const COPY_CORE_HOURS = 'Copy Computed Core Hours';
const OPEN_TEMPLATE = 'Open Template';

export function ritualCommandHandlers(team: TeamStore, sharing?: SharingApi): HandlersOf<'asyncDesk.rituals.'> {
  const run = (kind: RitualKind) => (args?: unknown) => newRitual(team, kind, ritualArgs(args), sharing);
  return {
    'asyncDesk.rituals.newWeeklyUpdate': run('weekly-update'),
    'asyncDesk.rituals.newIntentBrief': run('intent-brief'),
    'asyncDesk.rituals.newWorkingAgreement': run('working-agreement'),
    'asyncDesk.rituals.newRetrospective': run('retrospective'),
  };
}

/** Arguments from a caller; a Uri (from a menu) names the folder; anything else is ignored. */
function ritualArgs(raw: unknown): RitualArgs {
  if (raw instanceof vscode.Uri) return { folder: raw };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const a = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    folder: a.folder instanceof vscode.Uri ? a.folder : undefined,
    title: text(a.title),
    date: text(a.date),
    author: text(a.author),
    open: typeof a.open === 'boolean' ? a.open : undefined,
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return fsp.stat(uri.fsPath).then(
    () => true,
    () => false,
  );
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'me'; // no passwd entry (some containers)
  }
}

async function pickFolder(hint?: vscode.Uri): Promise<vscode.WorkspaceFolder> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) throw new UserError('Open a folder first: Async Desk keeps rituals as Markdown files in the repository.');
  if (hint) {
    const folder = vscode.workspace.getWorkspaceFolder(hint);
    if (!folder) throw new UserError(`${hint.fsPath} is not in an open workspace folder.`);
    return folder;
  }
  if (folders.length === 1) return folders[0]!;
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  const picked = await vscode.window.showQuickPick(
    folders
      .map((f) => ({ label: f.name, description: f === activeFolder ? 'folder of the active editor' : undefined, folder: f }))
      .sort((a, b) => Number(b.folder === activeFolder) - Number(a.folder === activeFolder)),
    { placeHolder: 'Which workspace folder?' },
  );
  if (!picked) throw new Cancelled();
  return picked.folder;
}

async function newRitual(team: TeamStore, kind: RitualKind, args: RitualArgs, sharing?: SharingApi): Promise<RitualResult> {
  const name = RITUAL_NAMES[kind];
  assertTrusted(`Creating ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`);
  const folder = await pickFolder(args.folder);
  const root = folder.uri;
  const settings = getSettings(folder);
  const recordsDir = workspacePath(settings.recordsDir);
  if (recordsDir === null) throw new UserError(`The setting asyncDesk.recordsDir ("${settings.recordsDir}") must be a folder inside the workspace folder.`);
  await team.ready();
  const folderTeam = team.all().find((f) => f.workspaceFolder.uri.toString() === root.toString());
  const zone = currentViewer(team).zone;
  const date = args.date?.trim() || isoDate(zoneClock(zone).local(now().getTime()).day);
  if (dayNumber(date) === null) throw new UserError(`"${date}" is not a date (YYYY-MM-DD).`);
  const teamFile = folderTeam?.file ?? settings.teamFile;
  const input: RitualInput = {
    kind,
    date,
    zone,
    author: args.author?.trim().replace(/^@/, '') || settings.me || osUser(),
    teamName: folderTeam?.team.name || folder.name,
    team: folderTeam?.exists ? folderTeam.team : null,
    teamFile,
    recordsDir,
  };
  const uriOf = (file: string) => vscode.Uri.joinPath(root, ...file.split('/'));
  const fileFor = (title: string) =>
    ritualFile(kind, { ...input, title: ritualTitle({ ...input, title }), workingAgreement: input.team?.workingAgreement }).file;

  if (kind === 'intent-brief' || kind === 'retrospective') {
    input.title = args.title?.trim() ? args.title : await askTitle(kind, fileFor, uriOf);
    while (await exists(uriOf(fileFor(input.title)))) input.title = await askTitle(kind, fileFor, uriOf, input.title);
  }

  const templateFile = `${TEMPLATES_DIR}/${kind}.md`;
  // Through the safe reader: a template linked out of the folder is never copied into a new file.
  const templateRead = repoFilesOf(folder).read(templateFile, undefined, 'setting asyncDesk.maxFileSizeMB');
  if (!templateRead.ok && !templateRead.missing) throw new UserError(`${templateRead.problem.message} Nothing was written.`);
  const templateText = templateRead.ok ? templateRead.text : null;
  const warnings: string[] = [];
  let template: { file: string; text: string } | undefined;
  if (templateText !== null && templateText.trim() === '') warnings.push(`${templateFile} is empty, so the built-in ${name} template was used.`);
  else if (templateText !== null) template = { file: templateFile, text: templateText };

  const plan = planRitual(input, template);
  warnings.push(...plan.problems.map((p) => `${p.file}:${p.line + 1}: ${p.message}`));
  const usesTeam = /\{\{\s*(coreHours|responseTimes)\s*\}\}/.test(template?.text ?? builtInTemplate(kind));
  const invalid = folderTeam?.problems.filter((p) => p.severity === 'error').length ?? 0;
  if (usesTeam && invalid > 0)
    warnings.push(`${teamFile} has errors (see the Problems panel), so core hours and response times come from its valid entries only.`);

  // A weekly update travels on the sharing branch like a standup (issue 13), when the folder shares.
  if (kind === 'weekly-update' && sharing && (await sharing.shared(folder))) return newSharedUpdate(sharing, folder, plan, input, args, warnings);

  const uri = uriOf(plan.file);
  let created = true;
  try {
    await writeFileAtomic(uri.fsPath, plan.text, { create: true });
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw new UserError(`Could not write ${plan.file}: ${(error as Error).message}. Nothing was written.`);
    // Briefs and retrospectives checked the name just now: someone else created the file meanwhile.
    if (kind === 'intent-brief' || kind === 'retrospective')
      throw new UserError(`${plan.file} was just created by someone else; it was not overwritten. Run the command again for another title.`);
    created = false;
  }

  if (created) {
    log().info(`Created ${plan.file}${template ? ` from ${templateFile}` : ''}.`);
    if (args.open !== false) await openAt(uri, plan.cursor);
  } else {
    log().info(`${plan.file} already exists: opened it unchanged.`);
    if (args.open !== false) await vscode.window.showTextDocument(uri);
    announceExisting(kind, plan.file, input);
  }
  if (created && warnings.length > 0)
    reportWarnings(warnings, template ? uriOf(templateFile) : undefined, plan.problems.find((p) => p.file === templateFile)?.line);
  return { uri, created, warnings: created ? warnings : [] };
}

/**
 * The weekly update as your post on the sharing branch: queued (it goes out with the next Post or
 * Sync) and opened from there; a save queues the new text. An update of the week that is on the
 * branch or waiting already is opened as it is.
 */
async function newSharedUpdate(
  sharing: SharingApi,
  folder: vscode.WorkspaceFolder,
  plan: { file: string; text: string; cursor: { line: number; character: number } },
  input: RitualInput,
  args: RitualArgs,
  warnings: string[],
): Promise<RitualResult> {
  const uri = sharing.uriOf(folder, plan.file);
  const existing = await sharing.currentText(folder, plan.file);
  if (existing) {
    log().info(`${plan.file} is on the sharing branch already: opened it unchanged.`);
    if (args.open !== false) await vscode.window.showTextDocument(uri);
    announceExisting('weekly-update', plan.file, input);
    return { uri, created: false, warnings: [] };
  }
  await sharing.enqueue(folder, [{ file: plan.file, text: plan.text, author: input.author }]);
  log().info(`Queued ${plan.file} for the sharing branch.`);
  if (args.open !== false) await openAt(uri, plan.cursor);
  if (warnings.length > 0) reportWarnings(warnings, undefined, undefined);
  return { uri, created: true, warnings };
}

async function askTitle(kind: RitualKind, fileFor: (title: string) => string, uriOf: (file: string) => vscode.Uri, taken?: string): Promise<string> {
  const brief = kind === 'intent-brief';
  return askText({
    title: brief ? 'New Intent Brief' : 'New Retrospective',
    prompt:
      taken !== undefined
        ? `${fileFor(taken)} already exists. Choose another title.`
        : brief
          ? 'Title of the intent brief'
          : 'Title of the retrospective (what it looks back on)',
    value: taken ?? (brief ? '' : 'Retrospective'),
    placeholder: brief ? 'e.g. Payouts in under an hour' : 'e.g. Sprint 42 retrospective',
    validate: async (value) => {
      if (brief && !value.trim()) return 'An intent brief needs a title.';
      const file = fileFor(value);
      return (await exists(uriOf(file))) ? `${file} already exists. Choose another title.` : undefined;
    },
  });
}

async function openAt(uri: vscode.Uri, cursor: { line: number; character: number }): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const position = editor.document.validatePosition(new vscode.Position(cursor.line, cursor.character));
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Says why nothing was written; for the working agreement, offers the freshly computed core hours. */
function announceExisting(kind: RitualKind, file: string, input: RitualInput): void {
  if (kind !== 'working-agreement') {
    void vscode.window.showInformationMessage(`Your weekly update for ${isoWeek(input.date)} already exists (${file}): opened it.`);
    return;
  }
  void vscode.window.showInformationMessage(`${file} already exists: opened it unchanged.`, COPY_CORE_HOURS).then(async (choice) => {
    if (choice !== COPY_CORE_HOURS) return;
    await vscode.env.clipboard.writeText(coreHoursText({ team: input.team, teamFile: input.teamFile, date: input.date, zone: input.zone }));
    void vscode.window.setStatusBarMessage('$(clippy) Copied the core hours computed from the team file', 5000);
  });
}

/** Logs every warning and shows the first (not awaited: the command's result does not wait for a click). */
function reportWarnings(warnings: string[], template: vscode.Uri | undefined, templateLine: number | undefined): void {
  for (const w of warnings) log().warn(w);
  const more = warnings.length > 1 ? ` (and ${warnings.length - 1} more in the log)` : '';
  const actions = templateLine !== undefined && template ? [OPEN_TEMPLATE] : [];
  void showWithLog('warning', `${warnings[0]}${more}`, ...actions).then(async (choice) => {
    if (choice === OPEN_TEMPLATE && template && templateLine !== undefined) await openAt(template, { line: templateLine, character: 0 });
  });
}
