// What other features (standups, the Today view, weekly updates) ask of sharing over git (SPEC §2.4,
// issue 13). Types only, so importing this costs the start-up bundle nothing; the implementation is
// the lazily loaded dist/sharing.js (ADR-0015 for the transport).
import type * as vscode from 'vscode';
import type { SourcedStandup } from '../../core/sharing/sources';
import type { ReadOutcome } from '../../core/shared/repoFiles';

/** Why a folder's posts are not shared (each with a few words for the panel and a sentence for a tooltip). */
export type NotSharedKind = 'off' | 'not-a-repository' | 'no-remote' | 'no-git' | 'restricted' | 'no-folder';

/** A post that waits in the clone's queue, as the views show it. */
export interface WaitingPost {
  file: string;
  /** "offline", "authentication failed", "changed on another machine", "not posted yet". */
  reason: string;
  message: string;
  conflict: boolean;
}

export type SharingStatus =
  | { kind: 'loading' }
  | { kind: 'not-shared'; why: NotSharedKind; short: string; message: string }
  | {
      kind: 'shared';
      branch: string;
      remote: string;
      /** The last fetch or sync that reached the remote. */
      lastSyncAt?: Date;
      /** The last attempt failed: why (cleared by the next one that works). */
      lastFailure?: { reason: string; message: string };
      syncing: boolean;
      waiting: WaitingPost[];
      /** Files posted from this window, with when (for "Posted · 10:42"). */
      postedAt: ReadonlyMap<string, Date>;
    };

/** The standups on the sharing branch (as last fetched) and in the queue of one folder. */
export interface SharedStandups {
  /** Branch and queue entries (`file` is the path inside the branch). */
  entries: readonly SourcedStandup[];
  /** Their texts: queued ones at once, branch blobs batched into one git process. */
  read(entry: SourcedStandup): Promise<ReadOutcome>;
}

export type PostOutcome =
  | { kind: 'pushed' | 'unchanged'; file: string }
  | { kind: 'queued'; file: string; reason: string; message: string }
  /** The branch has another revision (posted from another machine); yours waits until you choose. */
  | { kind: 'conflict'; file: string; theirs: string; theirsBlob: string }
  /** Sharing is not available for the folder: write the file in the working tree as before. */
  | { kind: 'not-shared'; why: NotSharedKind; message: string };

export interface SharingApi {
  /** Status or shared content changed (a fetch brought posts, a post went out or was queued). */
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder | undefined>;
  status(folder: vscode.WorkspaceFolder): SharingStatus;
  /** The branch and queue entries, or undefined when the folder does not share. */
  shared(folder: vscode.WorkspaceFolder): Promise<SharedStandups | undefined>;
  /** The text a new edit of `file` starts from, in the order the reader merges: the queue, the branch. */
  currentText(folder: vscode.WorkspaceFolder, file: string): Promise<{ text: string; source: 'queue' | 'branch' } | undefined>;
  /** Posts a file (queued first, then pushed); `base` undefined = the revision the branch has now. */
  post(folder: vscode.WorkspaceFolder, post: { file: string; text: string; author: string; base?: string | null }): Promise<PostOutcome>;
  /** Queues posts without pushing (a file opened or saved in the editor): they go out with the next Post or Sync. */
  enqueue(folder: vscode.WorkspaceFolder, posts: { file: string; text: string; author: string }[]): Promise<void>;
  /** Keeps a waiting post's text but drops it from the queue (the author chose the branch's revision). */
  discard(folder: vscode.WorkspaceFolder, file: string): Promise<void>;
  /** Pushes the queue and fetches; reports what happened in the returned sentence. */
  sync(folder: vscode.WorkspaceFolder): Promise<string>;
  /** A view that shows shared posts became visible or hidden (drives the background fetch). */
  setVisible(view: 'today' | 'standups', visible: boolean): void;
  /** The editor URI of a shared file ("Open as file"): read-write, a save waits for the next Post or Sync. */
  uriOf(folder: vscode.WorkspaceFolder, file: string): vscode.Uri;
}
