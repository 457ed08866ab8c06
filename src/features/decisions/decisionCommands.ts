// Decision-record commands: new, accept / reject / deprecate, supersede, renumber, update index, filter.
// Every command also takes its inputs as an argument object, so other features and tests can call it
// without prompts.
import * as vscode from 'vscode';
import { contextLine, createRecord, findCollisions, planRenumber, renderIndexTable, setStatus, supersede, updateIndexSection } from '../../core/decisions';
import type { DecisionFolder, DecisionStatus, FileChange, NewRecordInput } from '../../core/decisions/types';
import { localIsoDate } from '../../core/shared/dates';
import { readTeamMembers } from '../../core/team/teamMembers';
import { Cancelled, UserError } from '../shared/errors';
import type { CommandId, HandlersOf } from '../commandIds';
import { applyChanges, readCurrentText } from '../shared/files';
import { repoFilesOf } from '../shared/repoFiles';
import { getSettings } from '../shared/settings';
import { assertTrusted } from '../shared/trust';
import type { DecisionStore, FolderDecisions, RecordRef } from './decisionStore';
import { describeFilter, recordNumberLabel, type DecisionNode, type DecisionsTreeProvider } from './decisionsTree';
import { now } from '../shared/clock';

export interface NewRecordArgs {
  title?: string;
  owner?: string | null;
  status?: DecisionStatus;
  /** Workspace folder URI or the decision folder dir (root-relative) to create in. */
  folder?: vscode.Uri | string;
  /** Open the new file in an editor (default true). */
  open?: boolean;
}

export type DecisionCommandId = Extract<CommandId, `asyncDesk.decisions.${string}`>;

/** Handlers of the decision commands (registered by the entry point; errors reported by its wrapper). */
export function decisionCommandHandlers(store: DecisionStore, tree: DecisionsTreeProvider): HandlersOf<'asyncDesk.decisions.'> {
  return {
    'asyncDesk.decisions.new': (args?: NewRecordArgs) => newRecord(store, args),
    'asyncDesk.decisions.accept': (target?: unknown) => changeStatus(store, target, 'accepted'),
    'asyncDesk.decisions.reject': (target?: unknown) => changeStatus(store, target, 'rejected'),
    'asyncDesk.decisions.deprecate': (target?: unknown) => changeStatus(store, target, 'deprecated'),
    'asyncDesk.decisions.supersede': (target?: unknown, args?: NewRecordArgs) => supersedeRecord(store, target, args),
    'asyncDesk.decisions.renumber': (args?: { confirm?: boolean }) => renumber(store, args),
    'asyncDesk.decisions.updateIndex': () => updateIndex(store),
    'asyncDesk.decisions.refresh': () => store.reload(),
    'asyncDesk.decisions.filter': () => pickFilter(store, tree),
    'asyncDesk.decisions.clearFilter': () => tree.setFilter({}),
  };
}

/** What other features (the Today view) ask of decisions. */
export interface DecisionsApi {
  /** Creates a record (prompting for what args leave out) and returns its file. */
  newRecord(args?: NewRecordArgs): Promise<vscode.Uri>;
  /** Sets the status of the record in a file (accept, reject, deprecate). */
  setStatus(file: vscode.Uri, status: Exclude<DecisionStatus, 'superseded'>): Promise<void>;
}

export function decisionsApi(store: DecisionStore): DecisionsApi {
  return {
    newRecord: (args) => newRecord(store, args),
    setStatus: (file, status) => changeStatus(store, file, status),
  };
}

// ---------------------------------------------------------------------------------------------
// Targets and prompts

/** Resolves a command target: a tree node, a file Uri, the active editor's record, or a pick. */
async function resolveTarget(store: DecisionStore, target: unknown, placeHolder: string): Promise<RecordRef> {
  await store.ready();
  if (target && typeof target === 'object' && 'kind' in target && (target as DecisionNode).kind === 'record') {
    return (target as Extract<DecisionNode, { kind: 'record' }>).ref;
  }
  const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.file(target) : undefined;
  const candidate = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (candidate) {
    const ref = store.recordAt(candidate);
    if (ref) return ref;
    if (uri) throw new UserError(`${vscode.workspace.asRelativePath(uri)} is not a decision record.`);
  }
  const refs = store.records();
  if (refs.length === 0) throw new UserError('There are no decision records in this workspace yet. Run "Async Desk: New Decision Record…" first.');
  const picked = await vscode.window.showQuickPick(
    refs.map((ref) => ({
      label: `${recordNumberLabel(ref)} ${ref.record.title}`.trim(),
      description: ref.record.status ?? 'unknown status',
      detail: ref.record.file,
      ref,
    })),
    { placeHolder, matchOnDetail: true },
  );
  if (!picked) throw new Cancelled();
  return picked.ref;
}

async function pickDecisionFolder(store: DecisionStore, hint?: vscode.Uri | string): Promise<{ folder: FolderDecisions; target: DecisionFolder }> {
  await store.ready();
  const all = store.all();
  if (all.length === 0) throw new UserError('Open a folder first: decision records live in a workspace folder.');
  const choices = all.flatMap((folder) => folder.index.folders.map((target) => ({ folder, target })));
  if (typeof hint === 'string') {
    const match = choices.find((c) => c.target.dir === hint.replace(/\\/g, '/').replace(/\/$/, ''));
    if (match) return match;
    throw new UserError(`${hint} is not a decision folder.`);
  }
  const scoped = hint ? choices.filter((c) => c.folder.root.toString() === hint.toString()) : choices;
  // Editing a record's neighbour? Default to the active record's folder.
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeRef = active ? store.recordAt(active) : undefined;
  if (scoped.length === 1) return scoped[0]!;
  const picked = await vscode.window.showQuickPick(
    scoped.map((c) => ({
      label: c.target.label || c.target.dir,
      description: `${c.target.dir}${all.length > 1 ? ` · ${c.folder.workspaceFolder.name}` : ''}`,
      picked: activeRef?.folder === c.folder && activeRef.record.folder === c.target.dir,
      choice: c,
    })),
    { placeHolder: 'Where should the new decision record go?' },
  );
  if (!picked) throw new Cancelled();
  return picked.choice;
}

function teamLogins(folder: FolderDecisions): { github: string; name?: string }[] {
  const teamFile = getSettings(folder.workspaceFolder).teamFile;
  const files = repoFilesOf(folder.workspaceFolder);
  const read = files.read(teamFile, files.limits.teamFile);
  return read.ok ? readTeamMembers(read.text) : [];
}

async function askTitle(prompt: string, value?: string): Promise<string> {
  const title = await vscode.window.showInputBox({
    prompt,
    value,
    placeHolder: 'e.g. Use PostgreSQL for the ledger',
    validateInput: (v) => (v.trim() ? undefined : 'A decision record needs a title.'),
  });
  if (title === undefined) throw new Cancelled();
  return title.trim();
}

async function askOwner(folder: FolderDecisions): Promise<string | undefined> {
  const members = teamLogins(folder);
  if (members.length === 0) return undefined; // no team file: owner can be filled in by hand
  const picked = await vscode.window.showQuickPick(
    [...members.map((m) => ({ label: `@${m.github}`, description: m.name, login: m.github })), { label: 'No owner yet', description: '', login: undefined }],
    { placeHolder: 'Who owns this decision? (from the team file)' },
  );
  if (!picked) throw new Cancelled();
  return picked.login;
}

function decisionTemplate(folder: FolderDecisions): string | undefined {
  // Through the safe reader: a template linked out of the folder is never copied into a new record.
  const read = repoFilesOf(folder.workspaceFolder).read('docs/templates/decision.md');
  if (!read.ok && !read.missing) throw new UserError(`${read.problem.message} Nothing was written.`);
  return read.ok ? read.text : undefined;
}

async function openAt(uri: vscode.Uri, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const position = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// ---------------------------------------------------------------------------------------------
// Commands

async function newRecord(store: DecisionStore, args: NewRecordArgs = {}): Promise<vscode.Uri> {
  assertTrusted('Creating a decision record');
  const { folder, target } = await pickDecisionFolder(store, args.folder);
  const title = args.title?.trim() || (await askTitle('Title of the new decision record'));
  const owner = args.owner === undefined ? await askOwner(folder) : (args.owner ?? undefined);
  const input: NewRecordInput = { title, date: localIsoDate(now()), owner, status: args.status, decisionMakers: owner ? [owner] : undefined };
  const change = createRecord(target, folder.index.records, input, decisionTemplate(folder));
  const [uri] = await applyChanges(folder.root, [change], { action: 'Creating a decision record' });
  await store.reload();
  if (args.open !== false && uri && change.text !== null) await openAt(uri, contextLine(change.text));
  return uri!;
}

async function changeStatus(store: DecisionStore, target: unknown, status: DecisionStatus): Promise<void> {
  const verb = { accepted: 'Accept', rejected: 'Reject', deprecated: 'Deprecate' }[status as 'accepted'];
  assertTrusted(`${verb} decision record`);
  const ref = await resolveTarget(store, target, `${verb} which decision record?`);
  const uri = ref.folder.uriOf(ref.record.file);
  const text = await readCurrentText(uri);
  if (text === null) throw new UserError(`${ref.record.file} no longer exists.`);
  if (ref.record.status === status) {
    // Not awaited, here and below: the promise settles only when the message is dismissed.
    void vscode.window.showInformationMessage(`${ref.record.title} is already ${status}.`);
    return;
  }
  const newText = setStatus(ref.record, text, status);
  await applyChanges(ref.folder.root, [{ file: ref.record.file, text: newText }], {
    action: `${verb} decision record`,
    basis: new Map([[ref.record.file, text]]),
  });
  await store.reload();
  vscode.window.setStatusBarMessage(`$(check) ${ref.record.title}: ${status}`, 4000); // hides itself
}

async function supersedeRecord(store: DecisionStore, target: unknown, args: NewRecordArgs = {}): Promise<vscode.Uri> {
  assertTrusted('Superseding a decision record');
  const ref = await resolveTarget(store, target, 'Supersede which decision record?');
  const decisionFolder = ref.folder.index.folders.find((f) => f.dir === ref.record.folder);
  if (!decisionFolder) throw new UserError(`Cannot find the decision folder of ${ref.record.file}.`);
  const oldUri = ref.folder.uriOf(ref.record.file);
  const oldText = await readCurrentText(oldUri);
  if (oldText === null) throw new UserError(`${ref.record.file} no longer exists.`);
  const title = args.title?.trim() || (await askTitle(`Title of the record that supersedes "${ref.record.title}"`, ref.record.title));
  const owner = args.owner === undefined ? await askOwner(ref.folder) : (args.owner ?? undefined);
  const changes = supersede(ref.record, oldText, decisionFolder, ref.folder.index.records, {
    title,
    date: localIsoDate(now()),
    owner,
    decisionMakers: owner ? [owner] : undefined,
  });
  await applyChanges(ref.folder.root, changes, { action: 'Superseding a decision record', basis: new Map([[ref.record.file, oldText]]) });
  await store.reload();
  const created = changes.find((c) => c.create);
  const uri = ref.folder.uriOf(created!.file);
  if (args.open !== false && created?.text) await openAt(uri, contextLine(created.text));
  return uri;
}

async function renumber(store: DecisionStore, args: { confirm?: boolean } = {}): Promise<number> {
  assertTrusted('Renumbering decision records');
  await store.reload();
  let renamed = 0;
  for (const folder of store.all()) {
    const collisions = findCollisions(folder.index.records);
    if (collisions.length === 0) continue;
    const texts = new Map<string, string>();
    for (const r of folder.index.records) {
      const text = await readCurrentText(folder.uriOf(r.file));
      if (text !== null) texts.set(r.file, text);
    }
    const changes = planRenumber(folder.index.records, texts);
    const renames = changes.filter((c) => c.renameFrom);
    const summary = renames.map((c) => `${c.renameFrom} → ${c.file.slice(c.file.lastIndexOf('/') + 1)}`).join('\n');
    if (args.confirm !== false) {
      const answer = await vscode.window.showWarningMessage(
        `Renumber ${renames.length} decision record(s) in ${folder.workspaceFolder.name}?`,
        { modal: true, detail: `${summary}\n\nLinks to the renamed files are rewritten in all records.` },
        'Renumber',
      );
      if (answer !== 'Renumber') throw new Cancelled();
    }
    await applyChanges(folder.root, changes, { action: 'Renumbering decision records', basis: texts });
    renamed += renames.length;
  }
  await store.reload();
  void vscode.window.showInformationMessage(
    // settles when dismissed: not awaited
    renamed ? `Renumbered ${renamed} decision record(s); links were updated.` : 'No decision numbers collide: nothing to renumber.',
  );
  return renamed;
}

async function updateIndex(store: DecisionStore): Promise<vscode.Uri[]> {
  assertTrusted('Updating the decision index');
  await store.ready();
  const written: vscode.Uri[] = [];
  for (const folder of store.all()) {
    // One index per top folder: categories and packages are listed in their parent's table.
    const tops = folder.index.folders.filter((f) => f.source !== 'category');
    for (const top of tops) {
      const records = folder.index.records.filter((r) => r.folder === top.dir || r.folder.startsWith(`${top.dir}/`));
      if (records.length === 0) continue;
      const readmeFile = `${top.dir}/README.md`;
      const current = await readCurrentText(folder.uriOf(readmeFile));
      const next = updateIndexSection(current, renderIndexTable(records, top.dir));
      if (next === current) continue;
      const change: FileChange = { file: readmeFile, text: next, create: current === null };
      written.push(
        ...(await applyChanges(folder.root, [change], {
          action: 'Updating the decision index',
          basis: current === null ? undefined : new Map([[readmeFile, current]]),
        })),
      );
    }
  }
  void vscode.window.showInformationMessage(
    // settles when dismissed: not awaited
    written.length
      ? `Updated the decision index in ${written.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}.`
      : 'The decision index is up to date.',
  );
  return written;
}

async function pickFilter(store: DecisionStore, tree: DecisionsTreeProvider): Promise<void> {
  await store.ready();
  const current = tree.getFilter();
  const kind = await vscode.window.showQuickPick(
    [
      { label: '$(filter) Status…', id: 'status' },
      { label: '$(person) Owner…', id: 'owner' },
      { label: '$(search) Text…', id: 'text' },
      { label: '$(clear-all) Clear filter', id: 'clear', description: describeFilter(current) || 'no filter set' },
    ],
    { placeHolder: 'Filter decision records by…' },
  );
  if (!kind) return;
  if (kind.id === 'clear') return tree.setFilter({});
  if (kind.id === 'status') {
    const picked = await vscode.window.showQuickPick(
      (['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as DecisionStatus[]).map((s) => ({
        label: s,
        picked: current.statuses?.includes(s) ?? false,
      })),
      { canPickMany: true, placeHolder: 'Show records with these statuses' },
    );
    if (picked) tree.setFilter({ ...current, statuses: picked.map((p) => p.label) });
  } else if (kind.id === 'owner') {
    const owners = new Set(
      store
        .records()
        .flatMap((r) => [r.record.owner, ...r.record.decisionMakers])
        .filter((o): o is string => !!o),
    );
    const picked = await vscode.window.showQuickPick(
      [...owners].sort().map((o) => ({ label: `@${o.replace(/^@/, '')}`, owner: o })),
      { placeHolder: 'Show records owned or decided by…' },
    );
    if (picked) tree.setFilter({ ...current, owner: picked.owner });
  } else {
    const text = await vscode.window.showInputBox({ prompt: 'Show records whose number, title, file or tags contain…', value: current.text });
    if (text !== undefined) tree.setFilter({ ...current, text: text.trim() || undefined });
  }
}
