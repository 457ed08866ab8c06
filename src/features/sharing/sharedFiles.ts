// "Open as file" for posts on the sharing branch (issue 13): a file system provider for
// `async-desk-shared:` URIs. Reading gives the post as the views show it (a waiting post's text, else
// the branch's as last fetched). Saving queues the new text as a post of its author (nothing on disk
// in the working tree, nothing lost: the queue is under .git/async-desk/), and it goes out with the
// next Post or Sync (at the latest two minutes after the last save: auto-save must not make a commit
// of every pause in typing). Only your own posts can be saved; a teammate's open read-only.
import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { classifyBranchPath } from '../../core/sharing';
import { parseSharedUri } from './sharedUri';
import type { SharingHub } from './sharingHub';

export class SharedFiles implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** The content each open file was last read with, and the mtime that goes with it (VS Code compares mtimes on save). */
  private readonly versions = new Map<string, { hash: string; mtime: number }>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly hub: SharingHub,
    /** Your login (files of others are read-only). */
    private readonly me: () => Promise<string | undefined>,
  ) {
    // A fetch or a post may have changed a file that is open: tell the editor, which reloads it if it has no edits.
    this.subscription = hub.onDidChange(() => {
      const events = [...this.versions.keys()].map((uri) => ({ type: vscode.FileChangeType.Changed, uri: vscode.Uri.parse(uri) }));
      if (events.length) this.changed.fire(events);
    });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const text = await this.text(uri);
    const mine = await this.isMine(uri);
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: this.version(uri, text).mtime,
      size: Buffer.byteLength(text, 'utf8'),
      ...(mine ? {} : { permissions: vscode.FilePermission.Readonly }),
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return Buffer.from(await this.text(uri), 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const where = this.where(uri);
    const login = await this.me();
    const path = classifyBranchPath(where.file, this.hub.sharedFoldersOf(where.folder));
    if (path.kind !== 'standup' && path.kind !== 'update') throw vscode.FileSystemError.NoPermissions(`${where.file} is not a standup or weekly update.`);
    if (!login || login.toLowerCase() !== path.login.toLowerCase())
      throw vscode.FileSystemError.NoPermissions(`${where.file} is @${path.login}'s post; only they can change it.`);
    const text = Buffer.from(content).toString('utf8');
    await this.hub.enqueue(where.folder, [{ file: where.file, text, author: path.login }]);
    this.version(uri, text);
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    this.hub.syncSoon(where.folder);
    vscode.window.setStatusBarMessage('$(cloud-upload) Saved: it goes out with the next sync (Async Desk: Sync Standups)', 5000);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Posts on the sharing branch are written by Async Desk.');
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Posts on the sharing branch are never deleted (the branch is the team log).');
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Posts on the sharing branch cannot be renamed.');
  }

  private where(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; file: string } {
    const where = parseSharedUri(uri);
    if (!where) throw vscode.FileSystemError.FileNotFound(uri);
    return where;
  }

  private async text(uri: vscode.Uri): Promise<string> {
    const where = this.where(uri);
    const current = await this.hub.currentText(where.folder, where.file);
    if (!current) throw vscode.FileSystemError.FileNotFound(uri);
    return current.text;
  }

  private async isMine(uri: vscode.Uri): Promise<boolean> {
    const where = this.where(uri);
    const path = classifyBranchPath(where.file, this.hub.sharedFoldersOf(where.folder));
    const login = await this.me();
    return !!login && (path.kind === 'standup' || path.kind === 'update') && path.login.toLowerCase() === login.toLowerCase();
  }

  /** A new mtime whenever the content differs from the last one seen. */
  private version(uri: vscode.Uri, text: string): { hash: string; mtime: number } {
    const key = uri.toString();
    const hash = createHash('sha1').update(text).digest('hex');
    const known = this.versions.get(key);
    if (known?.hash === hash) return known;
    const version = { hash, mtime: Math.max(Date.now(), (known?.mtime ?? 0) + 1) };
    this.versions.set(key, version);
    return version;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
