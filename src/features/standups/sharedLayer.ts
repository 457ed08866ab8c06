// The standups of the sharing branch and the queue (issue 13), layered over the working tree's index:
// per workspace folder, the posts as last fetched plus those waiting to be pushed. A post on the
// branch or in the queue wins over a working-tree file of the same person and day (as the CLI merges:
// src/core/sharing/sources.ts). Refreshed when sharing says something changed (a fetch, a post).
import * as vscode from 'vscode';
import type { SourcedStandup } from '../../core/sharing/sources';
import type { ReadOutcome } from '../../core/shared/repoFiles';
import type { SharedStandups, SharingApi } from '../sharing/api';
import { log } from '../shared/log';
import { errorDetails } from '../shared/errors';
import { parseStandup, type Standup } from '../../core/standups';

const PARSED_LIMIT = 5_000;

export interface SharedEntry {
  folder: vscode.WorkspaceFolder;
  date: string;
  login: string;
  /** The path inside the branch. */
  file: string;
  uri: vscode.Uri;
  source: 'branch' | 'queue';
  /** branch: the blob id; queue: the revision it was edited from. */
  blob?: string | null;
}

interface FolderLayer {
  /** By `date/login` (lower case). */
  byDay: Map<string, SharedEntry>;
  reader: SharedStandups;
  sourced: Map<SharedEntry, SourcedStandup>;
}

export const dayKey = (date: string, login: string): string => `${date}/${login.toLowerCase()}`;

export class SharedLayer implements vscode.Disposable {
  private readonly layers = new Map<string, FolderLayer>();
  private readonly loading = new Map<string, Promise<boolean>>();
  private readonly subscription: vscode.Disposable | undefined;
  /** Parsed branch posts by blob id. */
  private readonly parsed = new Map<string, Standup | null>();

  constructor(
    private readonly sharing: SharingApi | undefined,
    /** Called with the folder whose shared entries changed. */
    private readonly onChange: (folder: vscode.WorkspaceFolder) => void,
  ) {
    this.subscription = sharing?.onDidChange((folder) => {
      for (const f of folder ? [folder] : (vscode.workspace.workspaceFolders ?? [])) void this.refresh(f);
    });
  }

  entries(folder: vscode.WorkspaceFolder): ReadonlyMap<string, SharedEntry> | undefined {
    return this.layers.get(folder.uri.toString())?.byDay;
  }

  /** Re-reads a folder's branch listing and queue; resolves to whether anything changed. */
  refresh(folder: vscode.WorkspaceFolder): Promise<boolean> {
    if (!this.sharing || folder.uri.scheme !== 'file') return Promise.resolve(false);
    const key = folder.uri.toString();
    const running = this.loading.get(key);
    // One refresh at a time per folder; a change during one runs another after it.
    const next = (running ?? Promise.resolve(false)).then(() => this.load(folder));
    this.loading.set(key, next);
    void next.finally(() => this.loading.get(key) === next && this.loading.delete(key));
    return next;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<boolean> {
    const key = folder.uri.toString();
    let reader: SharedStandups | undefined;
    try {
      reader = await this.sharing!.shared(folder);
    } catch (error) {
      log().warn(`Reading shared standups of ${folder.name} failed: ${errorDetails(error)}`);
    }
    const before = this.layers.get(key);
    // The same snapshot (sharing says "changed" when a sync starts, or its status moves): nothing to rebuild.
    if (reader && before?.reader === reader) return false;
    if (!reader) {
      this.layers.delete(key);
      if (before?.byDay.size) this.onChange(folder);
      return !!before?.byDay.size;
    }
    const byDay = new Map<string, SharedEntry>();
    const sourced = new Map<SharedEntry, SourcedStandup>();
    for (const e of reader.entries) {
      if (e.source === 'worktree') continue;
      const entry: SharedEntry = {
        folder,
        date: e.date,
        login: e.login,
        file: e.file,
        uri: this.sharing!.uriOf(folder, e.file),
        source: e.source,
        ...(e.blob !== undefined ? { blob: e.blob } : {}),
      };
      byDay.set(dayKey(e.date, e.login), entry);
      sourced.set(entry, e);
    }
    const changed = !before || !sameEntries(before.byDay, byDay);
    // Unchanged: keep the entries the store already handed out (a reader holding one must still find it).
    if (!changed) return false;
    this.layers.set(key, { byDay, reader, sourced });
    this.onChange(folder);
    return true;
  }

  /** The text of a shared entry. */
  read(entry: SharedEntry): Promise<ReadOutcome> {
    const layer = this.layers.get(entry.folder.uri.toString());
    // An entry from before the last refresh is found by its day (the same post, if it is still there).
    const current = layer?.sourced.has(entry) ? entry : layer?.byDay.get(dayKey(entry.date, entry.login));
    const sourced = current && current.file === entry.file ? layer?.sourced.get(current) : undefined;
    if (!layer || !sourced) return Promise.resolve({ ok: false, missing: true });
    return layer.reader.read(sourced);
  }

  /** A post, parsed: cached by blob id on the branch (its content never changes); a queued one is read each time (cheap). */
  async readStandup(entry: SharedEntry): Promise<Standup | undefined> {
    const key = entry.source === 'branch' && entry.blob ? entry.blob : undefined;
    if (key && this.parsed.has(key)) return this.parsed.get(key) ?? undefined;
    const read = await this.read(entry);
    let standup: Standup | null = null;
    if (read.ok) {
      try {
        standup = parseStandup(read.text, entry.file);
      } catch (error) {
        log().warn(`Could not read ${entry.file} of the sharing branch: ${(error as Error).message}`);
      }
    } else if (!read.missing) log().warn(`Sharing branch: ${read.problem.message}`);
    // A post that could not be read (git busy, a refresh in between) is not remembered as missing.
    if (key && read.ok) {
      if (this.parsed.size > PARSED_LIMIT) this.parsed.clear();
      this.parsed.set(key, standup);
    }
    return standup ?? undefined;
  }

  dispose(): void {
    this.subscription?.dispose();
  }
}

function sameEntries(a: ReadonlyMap<string, SharedEntry>, b: ReadonlyMap<string, SharedEntry>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, e] of a) {
    const o = b.get(k);
    if (!o || o.source !== e.source || o.blob !== e.blob || o.file !== e.file) return false;
  }
  // Queued texts can change under the same base: a queued entry always counts as changed.
  for (const e of b.values()) if (e.source === 'queue') return false;
  return true;
}
