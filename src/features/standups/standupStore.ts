// Knows which standups exist in each workspace folder (a path-only index: date folders and login file
// names, so 100,000 files index without reading them) and reads files on demand, cached until the
// file watcher says they changed. Standup files that are open get diagnostics as you type.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { checkStandup, parseStandup, parseStandupPath, scanStandups, type Standup } from '../../core/standups';
import { getSettings, affectsSettings } from '../shared/settings';
import { log } from '../shared/log';
import { toDiagnostic } from '../shared/diagnostics';

export interface StandupEntry {
  folder: vscode.WorkspaceFolder;
  date: string;
  login: string;
  /** Root-relative path, forward slashes. */
  file: string;
  uri: vscode.Uri;
}

interface FolderIndex {
  folder: vscode.WorkspaceFolder;
  standupsDir: string;
  /** By root-relative file. */
  entries: Map<string, StandupEntry>;
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
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private watchers: vscode.Disposable[] = [];
  private pendingFire = new Set<string>();
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e)) void this.reload();
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
    return indexes.flatMap((i) => [...i.entries.values()]);
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
  async read(entry: { folder: vscode.WorkspaceFolder; file: string }): Promise<Standup | undefined> {
    const uri = this.uriOf(entry.folder, entry.file);
    const key = uri.toString();
    if (this.cache.has(key)) return this.cache.get(key) ?? undefined;
    let standup: Standup | null = null;
    try {
      standup = parseStandup(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), entry.file);
    } catch (error) {
      log().warn(`Could not read ${entry.file}: ${(error as Error).message}`);
    }
    this.cache.set(key, standup);
    return standup ?? undefined;
  }

  /**
   * The standups of `logins` (lower-case; all when undefined) dated from `from` to `to` (inclusive),
   * read in parallel: a synchronous lookup for the core's history functions.
   */
  async history(folder: vscode.WorkspaceFolder, from: string, to: string, logins?: Set<string>): Promise<(login: string, date: string) => Standup | undefined> {
    const wanted = this.entries(folder).filter((e) => e.date >= from && e.date <= to && (!logins || logins.has(e.login.toLowerCase())));
    const read = await Promise.all(wanted.map(async (e) => [`${e.login.toLowerCase()}|${e.date}`, await this.read(e)] as const));
    const byKey = new Map(read);
    return (login, date) => byKey.get(`${login.toLowerCase()}|${date}`);
  }

  private async scanAll(): Promise<void> {
    const started = performance.now();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    this.indexes = await Promise.all(
      folders.map(async (folder): Promise<FolderIndex> => {
        const standupsDir = normalizeDir(getSettings(folder).standupsDir);
        const entries = new Map<string, StandupEntry>();
        try {
          const scan = await scanStandups(folder.uri.fsPath, standupsDir);
          for (const e of scan.entries) entries.set(e.file, { folder, ...e, uri: this.uriOf(folder, e.file) });
          for (const p of scan.problems) log().warn(`${p.file}: ${p.message}`);
        } catch (error) {
          log().error(`Indexing standups in ${folder.name} failed: ${(error as Error).stack ?? error}`);
        }
        return { folder, standupsDir, entries };
      }),
    );
    this.watch();
    this.loaded = true;
    void vscode.commands.executeCommand('setContext', 'asyncDesk.standups.loaded', true);
    const count = this.indexes.reduce((n, i) => n + i.entries.size, 0);
    log().info(`Indexed ${count} standup(s) in ${(performance.now() - started).toFixed(0)} ms.`);
    for (const d of vscode.workspace.textDocuments) this.checkDocument(d);
    this.changed.fire([]);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const index of this.indexes) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(index.folder, `${index.standupsDir}/**/*.md`));
      this.watchers.push(
        watcher,
        watcher.onDidCreate((uri) => this.onFileEvent(index, uri, true)),
        watcher.onDidChange((uri) => this.onFileEvent(index, uri, true)),
        watcher.onDidDelete((uri) => this.onFileEvent(index, uri, false)),
      );
    }
  }

  private onFileEvent(index: FolderIndex, uri: vscode.Uri, exists: boolean): void {
    this.cache.delete(uri.toString());
    const file = relativeOf(index.folder, uri);
    if (!file) return;
    const parsed = parseStandupPath(file, index.standupsDir);
    if (!parsed) return;
    if (exists) index.entries.set(file, { folder: index.folder, ...parsed, file, uri });
    else index.entries.delete(file);
    // Saves come in bursts (atomic rename = delete + create): tell listeners once.
    this.pendingFire.add(uri.toString());
    clearTimeout(this.fireTimer);
    this.fireTimer = setTimeout(() => {
      const uris = [...this.pendingFire].map((u) => vscode.Uri.parse(u));
      this.pendingFire.clear();
      this.changed.fire(uris);
    }, 50);
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

function normalizeDir(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function relativeOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.uri.scheme) return undefined;
  const rel = path.relative(folder.uri.fsPath, uri.fsPath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
