// Do Not Disturb for a focus session: which window may toggle it, and toggling it exactly once each way.
//
// VS Code exposes no API to read Do Not Disturb, and each window keeps its own copy in memory (read
// once from storage when the window starts, written back when toggled). So the window that turned it
// on records that in its workspaceState (the OwnerMarker) and is the only one that toggles it back;
// it does so whenever it sees its session is over: at the end, when another window ended it, or after
// a reload or reopening of that workspace. The marker is cleared BEFORE the toggle, so DND is never
// toggled twice (a crash in between leaves DND on rather than flipping a state we no longer know).
//
// Known limits (VS Code exposes no DND state):
//  - If you turned Do Not Disturb on yourself before starting, our toggle turns it OFF for the
//    session and back on at the end. Turn it off first, or toggle it back by hand.
//  - Toggling DND by hand during a session inverts what the end does.
//  - Windows that were already open when the session started keep their own DND state; windows
//    opened later start with DND on (VS Code reads the stored mode at start-up) until they reload.
import * as vscode from 'vscode';
import { errorMessage } from '../shared/errors';
import { log } from '../shared/log';
import type { FocusStorage } from './focusStorage';

export const DND_COMMAND = 'notifications.toggleDoNotDisturbMode';

export class DoNotDisturb {
  /** Times this window executed DND_COMMAND since activation (the integration tests count them). */
  toggles = 0;

  constructor(private readonly storage: FocusStorage) {}

  /** Toggles DND; false when VS Code refused (then nothing is recorded as toggled). */
  async toggle(why: string): Promise<boolean> {
    try {
      await vscode.commands.executeCommand(DND_COMMAND);
      this.toggles++;
      log().info(`Do Not Disturb toggled (${why}).`);
      return true;
    } catch (error) {
      log().warn(`Could not toggle Do Not Disturb (${why}): ${errorMessage(error)}`);
      return false;
    }
  }

  /** This window started `sessionId` (and turned DND on when `dnd`): it alone gives DND back. */
  claim(sessionId: string, dnd: boolean): Thenable<void> {
    return this.storage.setOwner({ sessionId, dnd });
  }

  /** This window started the session with this id. */
  owns(sessionId: string): boolean {
    return this.storage.owner()?.sessionId === sessionId;
  }

  /**
   * Gives DND back when this window turned it on for a session that is no longer running
   * (`runningId`: the running session, if any). True when it toggled. Call under the controller's lock.
   */
  async reconcile(runningId: string | undefined): Promise<boolean> {
    const marker = this.storage.owner();
    if (!marker) return false;
    if (runningId === marker.sessionId) return false;
    // Expired but not yet ended (e.g. found on activation): ending it handles the rest of it.
    await this.storage.setOwner(undefined); // before the toggle: never twice
    return marker.dnd ? this.toggle('focus session over') : false;
  }
}
