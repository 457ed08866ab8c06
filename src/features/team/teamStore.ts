// Reads each workspace folder's team file (asyncDesk.teamFile), keeps it current with a file watcher
// and unsaved edits, and publishes its problems as diagnostics. A broken file never empties the
// team: the valid members still come through, and `problems` says what is wrong.
import * as vscode from 'vscode';
import { parseTeamFile, type Member, type Team } from '../../core/team';
import type { Problem } from '../../core/shared/problem';
import { repoFilesOf } from '../shared/repoFiles';
import { getSettings, affectsSettings, SETTINGS_READ_BY } from '../shared/settings';
import { log } from '../shared/log';
import { toDiagnostic } from '../shared/diagnostics';

export interface FolderTeam {
  workspaceFolder: vscode.WorkspaceFolder;
  /** Root-relative path of the team file (the setting). */
  file: string;
  uri: vscode.Uri;
  /** False when the file does not exist. */
  exists: boolean;
  team: Team;
  problems: Problem[];
}

export interface MemberRef {
  folder: FolderTeam;
  member: Member;
}

const EMPTY_TEAM: Team = { name: '', responseTimes: {}, holidays: {}, members: [], issues: { templates: {} } };

export class TeamStore implements vscode.Disposable {
  private folders: FolderTeam[] = [];
  private loading: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('asyncDesk.team');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private watchers: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsSettings(e, SETTINGS_READ_BY.teamIndex)) void this.reload();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.folders.some((f) => f.uri.toString() === e.document.uri.toString())) {
          clearTimeout(this.pending);
          this.pending = setTimeout(() => void this.reload(), 200); // re-check once the user pauses typing
        }
      }),
    );
  }

  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  all(): FolderTeam[] {
    return this.folders;
  }

  members(): MemberRef[] {
    return this.folders.flatMap((folder) => folder.team.members.map((member) => ({ folder, member })));
  }

  /** A member by login (case-insensitive), preferring the team of the given document's folder. */
  find(login: string, near?: vscode.Uri): MemberRef | undefined {
    const wanted = login.replace(/^@/, '').toLowerCase();
    const home = near ? vscode.workspace.getWorkspaceFolder(near) : undefined;
    const matches = this.members().filter((m) => m.member.github.toLowerCase() === wanted);
    return matches.find((m) => m.folder.workspaceFolder === home) ?? matches[0];
  }

  private async load(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    this.folders = await Promise.all(folders.map((wf) => this.loadFolder(wf)));
    this.watch();
    this.publishDiagnostics();
    void vscode.commands.executeCommand(
      'setContext',
      'asyncDesk.team.hasTeamFile',
      this.folders.some((f) => f.exists),
    );
    void vscode.commands.executeCommand('setContext', 'asyncDesk.team.loaded', true);
    this.changed.fire();
  }

  private async loadFolder(workspaceFolder: vscode.WorkspaceFolder): Promise<FolderTeam> {
    const file = getSettings(workspaceFolder).teamFile.replace(/\\/g, '/');
    const uri = vscode.Uri.joinPath(workspaceFolder.uri, ...file.split('/'));
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string | undefined = open?.getText();
    if (text === undefined) {
      // Through the safe reader: inside the folder only, a regular file, within asyncDesk.maxTeamFileSizeMB.
      const files = repoFilesOf(workspaceFolder);
      const read = files.read(file, files.limits.teamFile, 'setting asyncDesk.maxTeamFileSizeMB');
      if (!read.ok && read.missing) return { workspaceFolder, file, uri, exists: false, team: EMPTY_TEAM, problems: [] };
      if (!read.ok) return { workspaceFolder, file, uri, exists: true, team: EMPTY_TEAM, problems: [read.problem] };
      text = read.text;
    }
    try {
      const { team, problems } = parseTeamFile(text, file);
      return { workspaceFolder, file, uri, exists: true, team, problems };
    } catch (error) {
      // The parser reports problems instead of throwing; this is a last line of defence.
      log().error(`Reading ${file} failed: ${(error as Error).stack ?? error}`);
      return {
        workspaceFolder,
        file,
        uri,
        exists: true,
        team: EMPTY_TEAM,
        problems: [{ file, line: 0, severity: 'error', code: 'internal', message: `Async Desk could not read this file: ${(error as Error).message}` }],
      };
    }
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of this.folders) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder.workspaceFolder, folder.file));
      this.watchers.push(
        watcher,
        watcher.onDidCreate(() => this.reload()),
        watcher.onDidChange(() => this.reload()),
        watcher.onDidDelete(() => this.reload()),
      );
    }
  }

  private publishDiagnostics(): void {
    this.diagnostics.clear();
    for (const folder of this.folders) {
      if (folder.problems.length > 0) this.diagnostics.set(folder.uri, folder.problems.map(toDiagnostic));
    }
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
