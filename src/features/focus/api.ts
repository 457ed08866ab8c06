// What other features may know about focus sessions (the standup reminder stays quiet during one),
// and the focus commands' ids and arguments. Types only: the implementation is focusController.ts.
import type * as vscode from 'vscode';
import type { CommandId } from '../commandIds';

export type FocusCommandId = Extract<CommandId, `asyncDesk.focus.${string}`>;

/** Arguments of asyncDesk.focus.start from scripts and tests (without them, it asks). */
export interface StartArgs {
  minutes?: number;
  /** ISO 8601 end instant. */
  until?: string;
}

export interface FocusApi {
  /** A focus session is running now (started in any window). */
  inSession(): boolean;
  /**
   * Fires with the new inSession() when this window sees a session start or end: at once for its
   * own, for another window's on the clock's next tick (each second during a session, else each minute).
   */
  readonly onDidChange: vscode.Event<boolean>;
}
