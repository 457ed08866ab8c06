// Where a focus session is kept. The session and a GitHub status still to be put back live in
// globalState, shared by every window, so a reload or another window finds them. Whether THIS window
// turned Do Not Disturb on lives in workspaceState: VS Code keeps DND per window (see doNotDisturb.ts).
import type * as vscode from 'vscode';
import { isSession, type OwnerMarker, type PendingRestore, type StoredSession } from '../../core/focus';

/** globalState: the running (or not yet ended) session. */
const SESSION_KEY = 'asyncDesk.focus.session';
/** globalState: a previous GitHub status still to be put back. */
const RESTORE_KEY = 'asyncDesk.focus.githubRestore';
/** workspaceState: this window started the session (and whether it turned DND on). */
const OWNER_KEY = 'asyncDesk.focus.owner';

export class FocusStorage {
  constructor(private readonly context: vscode.ExtensionContext) {}

  /** The stored session, running or expired but not ended yet. */
  session(): StoredSession | undefined {
    const value = this.context.globalState.get<unknown>(SESSION_KEY);
    return isSession(value) ? value : undefined;
  }

  setSession(session: StoredSession | undefined): Thenable<void> {
    return this.context.globalState.update(SESSION_KEY, session);
  }

  owner(): OwnerMarker | undefined {
    return this.context.workspaceState.get<OwnerMarker>(OWNER_KEY);
  }

  setOwner(marker: OwnerMarker | undefined): Thenable<void> {
    return this.context.workspaceState.update(OWNER_KEY, marker);
  }

  pendingRestore(): PendingRestore | undefined {
    return this.context.globalState.get<PendingRestore>(RESTORE_KEY);
  }

  setPendingRestore(restore: PendingRestore | undefined): Thenable<void> {
    return this.context.globalState.update(RESTORE_KEY, restore);
  }
}
