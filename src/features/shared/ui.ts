// Modal questions in one place. Features ask `ui.confirm(…)`; in the test host the test hooks answer
// instead (a modal dialog would block an integration test), so no class carries a mutable field
// just for tests. Lazily loaded bundles have their own copy of this module: questions asked there are
// not answerable by tests, which is fine while none of them needs to be.
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

/** For the test hooks: answer questions with `confirm`; undefined brings the dialog back. */
export function answerQuestions(confirm: Confirm | undefined): void {
  answer = confirm ?? dialog;
}
