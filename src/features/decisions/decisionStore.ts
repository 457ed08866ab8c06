// Keeps the decision index of every workspace folder up to date: one full scan per folder when first
// needed, then incremental re-parses of single files on change (file watcher and unsaved edits).
import * as vscode from 'vscode';
import * as path from 'node:path';
import { checkIndex, isRecordFileName, isTemplateRecord, parseRecord, readRecordText, scanDecisions } from '../../core/decisions';
import { repoFilesOf } from '../shared/repoFiles';
import type { DecisionFolder, DecisionIndex, DecisionRecord } from '../../core/decisions/types';
import type { Problem } from '../../core/shared/problem';
import { localIsoDate } from '../../core/shared/dates';
import { getSettings, affectsSettings, SETTINGS_READ_BY } from '../shared/settings';
import { log } from '../shared/log';
import { now } from '../shared/clock';

/** The records of one workspace folder. */
export class FolderDecisions {
  index: DecisionIndex;
  constructor(
    readonly workspaceFolder: vscode.WorkspaceFolder,
    index: DecisionIndex,
  ) {
    this.index = index;
  }
  get root(): vscode.Uri {
    return this.workspaceFolder.uri;
  }
  uriOf(file: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, ...file.split('/'));
  }
  /** Root-relative path with forward slashes, or undefined when uri is outside this folder. */
  relativeOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme) return undefined;
    const rel = path.relative(this.root.fsPath, uri.fsPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }
  recordFor(uri: vscode.Uri): DecisionRecord | undefined {
    const rel = this.relativeOf(uri);
    return rel === undefined ? undefined : this.index.records.find((r) => r.file === rel);
  }
  /** The decision folder (deepest match) that contains a root-relative file. */
  folderOf(file: string): DecisionFolder | undefined {
    let best: DecisionFolder | undefined;
    for (const folder of this.index.folders) {
      const dirOfFile = file.slice(0, file.lastIndexOf('/'));
      if (dirOfFile === folder.dir && (!best || folder.dir.length > best.dir.length)) best = folder;
    }
    return best;
  }
}

export interface RecordRef {
  folder: FolderDecisions;
  record: DecisionRecord;
}

export class DecisionStore implements vscode.Disposable {
  private readonly folders = new Map<string, FolderDecisions>();
  private loading: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any index changed (full scan or one file). */
  readonly onDidChange = this.changed.event;
  private loaded = false;

  constructor() {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e, SETTINGS_READ_BY.decisionIndex)) void this.reload(); // scanAll logs a folder it cannot scan; ready() callers await it
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && e.document.languageId === 'markdown') this.reparseSoon(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.isDirty) this.reparseFromDisk(d.uri); // unsaved edits were discarded
      }),
    );
  }

  /** Resolves once every folder has been scanned (starts the scan on first call). */
  ready(): Promise<void> {
    this.loading ??= this.scanAll();
    return this.loading;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  all(): FolderDecisions[] {
    return [...this.folders.values()];
  }

  forUri(uri: vscode.Uri): FolderDecisions | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf ? this.folders.get(wf.uri.toString()) : undefined;
  }

  recordAt(uri: vscode.Uri): RecordRef | undefined {
    const folder = this.forUri(uri);
    const record = folder?.recordFor(uri);
    return folder && record ? { folder, record } : undefined;
  }

  records(): RecordRef[] {
    return this.all().flatMap((folder) => folder.index.records.map((record) => ({ folder, record })));
  }

  /** Full rescan (settings, folders or discovery files changed, or Refresh). */
  reload(): Promise<void> {
    this.loading = this.scanAll();
    return this.loading;
  }

  private async scanAll(): Promise<void> {
    const started = performance.now();
    const today = localIsoDate(now());
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const results = await Promise.all(
      workspaceFolders.map(async (wf) => {
        try {
          const settings = getSettings(wf);
          return new FolderDecisions(
            wf,
            await scanDecisions(wf.uri.fsPath, { decisionsDir: settings.decisionsDir || undefined, today, limits: settings.limits }),
          );
        } catch (error) {
          log().error(`Scanning decision records in ${wf.name} failed: ${error instanceof Error ? (error.stack ?? String(error)) : String(error)}`);
          return new FolderDecisions(wf, { root: wf.uri.fsPath, folders: [], records: [], problems: [] });
        }
      }),
    );
    this.folders.clear();
    for (const folder of results) this.folders.set(folder.workspaceFolder.uri.toString(), folder);
    this.watch();
    this.loaded = true;
    void vscode.commands.executeCommand('setContext', 'asyncDesk.decisions.loaded', true); // when-clauses only: nothing to wait for
    const count = results.reduce((n, f) => n + f.index.records.length, 0);
    log().info(`Indexed ${count} decision record(s) in ${results.length} folder(s) in ${(performance.now() - started).toFixed(0)} ms.`);
    this.changed.fire();
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of this.folders.values()) {
      // Discovery files: a change can move the decisions folder, so rescan everything.
      const discovery = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.root, '{.adr-dir,.log4brains.yml}'));
      this.watchers.push(
        discovery,
        discovery.onDidCreate(() => this.reload()),
        discovery.onDidChange(() => this.reload()),
        discovery.onDidDelete(() => this.reload()),
      );
      const dirs = [...new Set(folder.index.folders.map((f) => f.dir))];
      for (const dir of dirs.filter((d) => !dirs.some((o) => o !== d && d.startsWith(`${o}/`)))) {
        // Folders too (not just *.md): see onFileEvent.
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.root, `${dir}/**`));
        this.watchers.push(
          watcher,
          watcher.onDidCreate((uri) => this.onFileEvent(uri, true)),
          // Only files: a folder's change event (its entries changed) must not rescan everything.
          watcher.onDidChange((uri) => /\.md$/i.test(uri.path) && this.onFileEvent(uri, true)),
          watcher.onDidDelete((uri) => this.onFileEvent(uri, false)),
        );
      }
    }
  }

  private onFileEvent(uri: vscode.Uri, exists: boolean): void {
    const folder = this.forUri(uri);
    const rel = folder?.relativeOf(uri);
    if (!folder || !rel) return;
    if (rel.endsWith('.md')) {
      // A record in a known folder: re-parse that one file. A new category folder changes numbering
      // groups: rescan.
      if (folder.folderOf(rel)) this.reparseFromDisk(uri);
      else this.reloadSoon();
      return;
    }
    // A folder came or went (a pull, a branch switch): the watcher may report only the folder, not the
    // records in it, so rescan. Other files (images next to records) change nothing.
    const prefix = `${rel}/`;
    if (!exists) {
      if (folder.index.records.some((r) => r.file.startsWith(prefix))) this.reloadSoon();
      return;
    }
    void vscode.workspace.fs.stat(uri).then(
      (stat) => {
        if (stat.type & vscode.FileType.Directory) this.reloadSoon();
      },
      () => undefined, // gone again
    );
  }

  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  /** One rescan for a burst of events (a pull creates many files at once). */
  private reloadSoon(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), 100); // as in onDidChangeConfiguration
  }

  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();

  /** Typing re-indexes the record once the user pauses, not on every keystroke. */
  private reparseSoon(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        if (!document.isClosed) this.reparse(document.uri, document.getText());
      }, 200),
    );
  }

  private reparseFromDisk(uri: vscode.Uri): void {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
    if (open) return this.reparse(uri, open.getText());
    const folder = this.forUri(uri);
    const rel = folder?.relativeOf(uri);
    if (!folder || !rel) return;
    // Through the safe reader: a record linked out of the folder, a device or a huge file becomes a
    // problem on that file, never a read.
    const read = readRecordText(repoFilesOf(folder.workspaceFolder), rel);
    this.reparse(uri, read.text, read.problem);
  }

  /**
   * Re-indexes one file from text (null: the file is gone, or was not read: `unread` says why). Cheap:
   * one parse plus the cross-record check.
   */
  private reparse(uri: vscode.Uri, text: string | null, unread?: Problem): void {
    const folder = this.forUri(uri);
    const rel = folder?.relativeOf(uri);
    if (!folder || !rel || !rel.endsWith('.md')) return;
    const decisionFolder = folder.folderOf(rel);
    if (!decisionFolder) return;
    if (!isRecordFileName(rel.slice(rel.lastIndexOf('/') + 1))) return;
    const records = folder.index.records.filter((r) => r.file !== rel);
    const record = text !== null ? parseRecord(text, rel, decisionFolder.dir) : null;
    if (record && !isTemplateRecord(record)) records.push(record);
    records.sort((a, b) => a.file.localeCompare(b.file));
    const fileProblems = [...(folder.index.fileProblems ?? []).filter((p) => p.file !== rel), ...(unread ? [unread] : [])];
    const problems: Problem[] = [...fileProblems, ...records.flatMap((r) => r.problems), ...checkIndex(records, localIsoDate(now()))];
    folder.index = { ...folder.index, records, problems, fileProblems };
    this.changed.fire();
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    clearTimeout(this.reloadTimer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
