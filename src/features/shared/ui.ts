// Modal questions in one place. Features ask `ui.confirm(…)`; in the test host the test hooks answer
// instead (a modal dialog would block an integration test), so no class carries a mutable field
// just for tests. Lazily loaded bundles have their own copy of this module; loadBundle hands them the
// features bundle's `ui.confirm` (adoptQuestions), so their questions are answered the same way.
import * as vscode from 'vscode';

export interface ConfirmOptions {
  detail?: string;
  /** The one action besides Cancel, e.g. 'Replace Its Sections'. */
  action: string;
}

export type Confirm = (message: string, options: ConfirmOptions) => Promise<boolean>;

const dialog: Confirm = async (message, { detail, action }) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
let answer: Confirm = dialog;

export const ui = {
  /** Asks a modal question; true when the user picks the action. */
  confirm: (message: string, options: ConfirmOptions): Promise<boolean> => answer(message, options),
};

/** For a lazily loaded bundle: ask through the features bundle's questions (and its test answers). */
export function adoptQuestions(from: Confirm): void {
  answer = from;
}

/** For the test hooks: answer questions with `confirm`; undefined brings the dialog back. */
export function answerQuestions(confirm: Confirm | undefined): void {
  answer = confirm ?? dialog;
}
