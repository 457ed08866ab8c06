// Knows which standups exist in each workspace folder (a path-only index: date folders and login file
// names, so 100,000 files index without reading them) and reads files on demand, cached until the
// file watcher says they changed. Standup files that are open get diagnostics as you type. When the
// folder shares standups over git (issue 13), the posts on the sharing branch and in the queue are
// layered over the working tree's files (sharedLayer.ts): every reader (digest, Standups view,
// carry-over, weekly summary) sees the team's posts.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { checkStandup, parseStandup, parseStandupPath, scanStandups, StandupDays, standupHistory, type Standup } from '../../core/standups';
import { getSettings, affectsSettings, SETTINGS_READ_BY } from '../shared/settings';
import { errorDetails } from '../shared/errors';
import { log } from '../shared/log';
import { isInsideDir, normalizeDir } from '../../core/shared/paths';
import { toDiagnostic } from '../shared/diagnostics';
import { isReadProblem, repoFilesOf } from '../shared/repoFiles';
import type { SharingApi } from '../sharing/api';
import { dayKey, SharedLayer, type SharedEntry } from './sharedLayer';

export interface WorktreeEntry {
  folder: vscode.WorkspaceFolder;
  date: string;
  login: string;
  /** Root-relative path, forward slashes. */
  file: string;
  uri: vscode.Uri;
  source?: 'worktree';
}

/** A standup file of the working tree, or a post on the sharing branch or in the queue. */
export type StandupEntry = WorktreeEntry | SharedEntry;

interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  standupsDir: string;
  /** By root-relative file (the working tree's files only). */
  entries: Map<string, WorktreeEntry>;
  /** Working tree and shared entries merged; undefined when either changed since. */
  merged?: StandupEntry[];
  /** Watcher events that arrived while the folder was being scanned; undefined once it is indexed. */
  replay?: { uri: vscode.Uri; exists: boolean }[];
}

export class StandupStore implements vscode.Disposable {
  private indexes: FolderIndex[] = [];
  private loading: Promise<void> | undefined;
  private loaded = false;
  private readonly cache = new Map<string, Standup | null>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  /** Fires with the files that were created, changed or deleted (all of them after a rescan). */
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('asyncDesk.standups');
  /** Files whose diagnostics say they were not read (a link out of the folder, a device, too large). */
  private readonly readProblems = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private watchers: vscode.Disposable[] = [];
  private pendingFire = new Set<string>();
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();
  private applying: Promise<unknown> = Promise.resolve();
  private readonly shared: SharedLayer;

  constructor(sharing?: SharingApi) {
    this.shared = new SharedLayer(sharing, (folder) => {
      for (const index of this.indexes) if (index.folder === folder) index.merged = undefined;
      this.changed.fire([]);
    });
    this.disposables.push(
      this.shared,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e, SETTINGS_READ_BY.standupIndex)) void this.reload();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.checkDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Only standup files: typing anywhere else must not schedule work on every keystroke.
        if (e.contentChanges.length > 0 && e.document.languageId === 'markdown' && this.entryOf(e.document.uri)) this.checkSoon(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.diagnostics.delete(d.uri)),
    );
  }

  ready(): Promise<void> {
    this.loading ??= this.scanAll();
    return this.loading;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  reload(): Promise<void> {
    this.cache.clear();
    this.loading = this.scanAll();
    return this.loading;
  }

  /** The folder the composer writes into: the first local workspace folder. */
  home(): vscode.WorkspaceFolder | undefined {
    return (vscode.workspace.workspaceFolders ?? []).find((f) => f.uri.scheme === 'file');
  }

  standupsDir(folder: vscode.WorkspaceFolder): string {
    return this.indexes.find((i) => i.folder === folder)?.standupsDir ?? normalizeDir(getSettings(folder).standupsDir);
  }

  entries(folder?: vscode.WorkspaceFolder): StandupEntry[] {
    const indexes = folder ? this.indexes.filter((i) => i.folder === folder) : this.indexes;
    return indexes.length === 1 ? this.merged(indexes[0]!) : indexes.flatMap((i) => this.merged(i));
  }

  /** A folder's working-tree entries with the shared ones layered over them (cached until either changes). */
  private merged(index: FolderIndex): StandupEntry[] {
    if (index.merged) return index.merged;
    const shared = this.shared.entries(index.folder);
    if (!shared?.size) return (index.merged = [...index.entries.values()]);
    const out: StandupEntry[] = [...shared.values()];
    for (const e of index.entries.values()) if (!shared.has(dayKey(e.date, e.login))) out.push(e);
    return (index.merged = out);
  }

  /** Whether anyone has a standup on `date` in a folder (walks the index without copying it). */
  hasDay(folder: vscode.WorkspaceFolder, date: string): boolean {
    for (const index of this.indexes) {
      if (index.folder !== folder) continue;
      for (const e of this.merged(index)) if (e.date === date) return true;
    }
    return false;
  }

  /** Whether the standups of a folder are shared: its posts are on the sharing branch. */
  sharedEntry(entry: StandupEntry): entry is SharedEntry {
    return entry.source === 'branch' || entry.source === 'queue';
  }

  /** The entry for a login's standup on a date in a folder, if the file exists. */
  entry(folder: vscode.WorkspaceFolder, date: string, login: string): StandupEntry | undefined {
    const wanted = login.toLowerCase();
    return this.entries(folder).find((e) => e.date === date && e.login.toLowerCase() === wanted);
  }

  uriOf(folder: vscode.WorkspaceFolder, file: string): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...file.split('/'));
  }

  /** Parsed file (cached until it changes); undefined when it cannot be read. */
  read(entry: StandupEntry | { folder: vscode.WorkspaceFolder; file: string }): Promise<Standup | undefined> {
    if ('source' in entry && (entry.source === 'branch' || entry.source === 'queue')) return this.shared.readStandup(entry);
    const uri = this.uriOf(entry.folder, entry.file);
    const key = uri.toString();
    if (this.cache.has(key)) return Promise.resolve(this.cache.get(key) ?? undefined);
    let standup: Standup | null = null;
    // Through the safe reader: a standup linked out of the folder, a device or a huge file is a
    // problem on that file (Problems panel), never a read.
    const read = repoFilesOf(entry.folder).read(entry.file, undefined, 'setting asyncDesk.maxFileSizeMB');
    if (read.ok) {
      try {
        standup = parseStandup(read.text, entry.file);
      } catch (error) {
        log().warn(`Could not read ${entry.file}: ${(error as Error).message}`);
      }
      if (this.readProblems.delete(key)) this.diagnostics.delete(uri);
    } else if (!read.missing) {
      log().warn(read.problem.message);
      this.readProblems.add(key);
      this.diagnostics.set(uri, [toDiagnostic(read.problem)]);
    }
    this.cache.set(key, standup);
    return Promise.resolve(standup ?? undefined);
  }

  /**
   * The standups of `logins` (lower-case; all when undefined) dated from `from` to `to` (inclusive),
   * read in parallel: a synchronous lookup for the core's history functions.
   */
  async history(folder: vscode.WorkspaceFolder, from: string, to: string, logins?: Set<string>): Promise<(login: string, date: string) => Standup | undefined> {
    const wanted = this.entries(folder).filter((e) => e.date >= from && e.date <= to && (!logins || logins.has(e.login.toLowerCase())));
    const read = new Map(await Promise.all(wanted.map(async (e) => [e, await this.read(e)] as const)));
    return standupHistory(new StandupDays(wanted), (e) => read.get(e));
  }

  private async scanAll(): Promise<void> {
    const started = performance.now();
    // A rescan says again what it cannot read; what it said last time may be fixed by now.
    for (const key of this.readProblems) this.diagnostics.delete(vscode.Uri.parse(key));
    this.readProblems.clear();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    // Watch before scanning, so nothing that lands during the scan is missed: events that arrive while
    // a folder is being scanned are replayed on top of the scan's result.
    const building: FolderIndex[] = folders.map((folder) => ({
      folder,
      standupsDir: normalizeDir(getSettings(folder).standupsDir),
      entries: new Map(),
      replay: [],
    }));
    this.watch(building);
    this.indexes = building;
    await Promise.all(
      building.map(async (index) => {
        try {
          const scan = await scanStandups(index.folder.uri.fsPath, index.standupsDir);
          for (const e of scan.entries) index.entries.set(e.file, { folder: index.folder, ...e, uri: this.uriOf(index.folder, e.file) });
          for (const p of scan.problems) {
            log().warn(`${p.file}: ${p.message}`);
            // Not read at all (a folder linked out of the workspace, a folder setting outside it): say so
            // in the Problems panel too; naming problems only go to the log.
            if (isReadProblem(p)) {
              const uri = this.uriOf(index.folder, p.file);
              this.readProblems.add(uri.toString());
              this.diagnostics.set(uri, [toDiagnostic(p)]);
            }
          }
        } catch (error) {
          log().error(`Indexing standups in ${index.folder.name} failed: ${errorDetails(error)}`);
        }
        const replay = index.replay ?? [];
        index.replay = undefined;
        for (const event of replay) await this.apply(index, event.uri, event.exists);
      }),
    );
    // The sharing branch (as last fetched) and the queue: no network, a git process or two per folder.
    await Promise.all(building.map((index) => this.shared.refresh(index.folder)));
    for (const index of building) index.merged = undefined;
    this.loaded = true;
    void vscode.commands.executeCommand('setContext', 'asyncDesk.standups.loaded', true);
    const count = this.indexes.reduce((n, i) => n + i.entries.size, 0);
    log().info(`Indexed ${count} standup(s) in ${(performance.now() - started).toFixed(0)} ms.`);
    for (const d of vscode.workspace.textDocuments) this.checkDocument(d);
    this.changed.fire([]);
  }

  private watch(indexes: FolderIndex[]): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const index of indexes) {
      // Everything under the standups folder, folders included: a pull or a branch switch creates and
      // deletes whole day folders, and the watcher may report only the folder, not the files in it.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(index.folder, index.standupsDir ? `${index.standupsDir}/**` : '**'));
      this.watchers.push(
        watcher,
        watcher.onDidCreate((uri) => this.onFileEvent(index, uri, true)),
        // A folder's change event (its entries changed) is covered by the entries' own events.
        watcher.onDidChange((uri) => /\.md$/i.test(uri.path) && this.onFileEvent(index, uri, true)),
        watcher.onDidDelete((uri) => this.onFileEvent(index, uri, false)),
      );
    }
  }

  private onFileEvent(index: FolderIndex, uri: vscode.Uri, exists: boolean): void {
    if (index.replay) {
      index.replay.push({ uri, exists });
      return;
    }
    // One event at a time: a folder re-read must not resurrect a file whose delete came in meanwhile.
    this.applying = this.applying
      .then(() => this.apply(index, uri, exists))
      .then(
        (changed) => {
          if (!changed) return;
          // Saves come in bursts (atomic rename = delete + create): tell listeners once.
          this.pendingFire.add(uri.toString());
          clearTimeout(this.fireTimer);
          this.fireTimer = setTimeout(() => {
            const uris = [...this.pendingFire].map((u) => vscode.Uri.parse(u));
            this.pendingFire.clear();
            this.changed.fire(uris);
          }, 50);
        },
        (error: unknown) => {
          log().error(`Updating the standup index for ${uri.fsPath} failed: ${errorDetails(error)}`);
          return false;
        },
      );
  }

  /**
   * Brings the index up to date with one watcher event. A standup file is added or removed; a day folder
   * (or the standups folder itself) is re-read, or everything under it forgotten when it is gone.
   * Returns whether the index may have changed.
   */
  private async apply(index: FolderIndex, uri: vscode.Uri, exists: boolean): Promise<boolean> {
    try {
      return await this.applyEvent(index, uri, exists);
    } finally {
      // After the change (a reader may have merged the entries while a folder was being read).
      index.merged = undefined;
    }
  }

  private async applyEvent(index: FolderIndex, uri: vscode.Uri, exists: boolean): Promise<boolean> {
    const file = relativeOf(index.folder, uri);
    if (!file) return false;
    const parsed = parseStandupPath(file, index.standupsDir);
    if (parsed) {
      this.cache.delete(uri.toString());
      if (exists) index.entries.set(file, { folder: index.folder, ...parsed, file, uri });
      else index.entries.delete(file);
      return true;
    }
    if (file !== index.standupsDir && !isInsideDir(file, index.standupsDir)) return false;
    // Not a standup file: a folder (or something else) under the standups folder.
    const prefix = `${file}/`;
    const under = [...index.entries.keys()].filter((k) => k.startsWith(prefix));
    if (!exists) {
      for (const k of under) {
        this.cache.delete(index.entries.get(k)!.uri.toString());
        index.entries.delete(k);
      }
      return under.length > 0;
    }
    const found = await this.readFolder(index, uri, file);
    if (!found) return false;
    for (const k of under) if (!found.has(k)) index.entries.delete(k);
    for (const [k, entry] of found) {
      this.cache.delete(entry.uri.toString());
      index.entries.set(k, entry);
    }
    return true;
  }

  /** The standups inside a folder under the standups folder (one level for a day, two for the root); undefined for a file. */
  private async readFolder(index: FolderIndex, uri: vscode.Uri, file: string, depth = 0): Promise<Map<string, WorktreeEntry> | undefined> {
    let children: [string, vscode.FileType][];
    // A folder linked out of the workspace folder is not listed (RepoFiles resolves links).
    if (!repoFilesOf(index.folder).isFolder(file)) return undefined;
    try {
      children = await vscode.workspace.fs.readDirectory(uri);
    } catch {
      return undefined; // a file, or already gone
    }
    const found = new Map<string, WorktreeEntry>();
    for (const [name, type] of children) {
      const childFile = `${file}/${name}`;
      const childUri = vscode.Uri.joinPath(uri, name);
      const parsed = parseStandupPath(childFile, index.standupsDir);
      if (parsed && !(type & vscode.FileType.Directory)) found.set(childFile, { folder: index.folder, ...parsed, file: childFile, uri: childUri });
      else if (type & vscode.FileType.Directory && depth < 1) {
        for (const [k, e] of (await this.readFolder(index, childUri, childFile, depth + 1)) ?? []) found.set(k, e);
      }
    }
    return found;
  }

  /** The entry a document is, when it is a standup file of a workspace folder. */
  entryOf(uri: vscode.Uri): StandupEntry | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const index = this.indexes.find((i) => i.folder === folder);
    const file = folder && relativeOf(folder, uri);
    if (!index || !file) return undefined;
    const parsed = parseStandupPath(file, index.standupsDir);
    return parsed ? { folder: index.folder, ...parsed, file, uri } : undefined;
  }

  private checkSoon(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pendingChecks.get(key));
    this.pendingChecks.set(
      key,
      setTimeout(() => {
        this.pendingChecks.delete(key);
        if (!document.isClosed) this.checkDocument(document);
      }, 200),
    );
  }

  private checkDocument(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown' || !this.loaded) return;
    const entry = this.entryOf(document.uri);
    if (!entry) return;
    const problems = checkStandup(document.getText(), entry.file, this.standupsDir(entry.folder));
    this.diagnostics.set(document.uri, problems.map(toDiagnostic));
  }

  dispose(): void {
    clearTimeout(this.fireTimer);
    for (const t of this.pendingChecks.values()) clearTimeout(t);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function relativeOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.uri.scheme) return undefined;
  const rel = path.relative(folder.uri.fsPath, uri.fsPath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
