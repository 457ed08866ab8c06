// Restricted Mode (untrusted workspace): everything is shown read-only; nothing is written.
import * as vscode from 'vscode';
import { UserError } from './errors';

export function assertTrusted(action: string): void {
  if (!vscode.workspace.isTrusted) {
    throw new UserError(`${action} is not available in Restricted Mode. Trust this workspace to let Async Desk write files.`);
  }
}
