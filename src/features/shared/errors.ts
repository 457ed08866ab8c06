// Command errors become a message the user can act on, with "Open Log" for the details.
import * as vscode from 'vscode';
import { log } from './log';

/** An expected failure whose message is already written for the user (no stack trace needed). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** The user dismissed a prompt: stop quietly. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

const OPEN_LOG = 'Open Log';

// Compared by name, not instanceof: the entry and the features bundle each have a copy of this module.
const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

export async function reportError(context: string, error: unknown): Promise<void> {
  if (isNamed(error, 'Cancelled')) return;
  const message = error instanceof Error ? error.message : String(error);
  if (isNamed(error, 'UserError')) log().warn(`${context}: ${message}`);
  else log().error(`${context}: ${error instanceof Error ? (error.stack ?? message) : message}`);
  const choice = await vscode.window.showErrorMessage(`Async Desk: ${message}`, OPEN_LOG);
  if (choice === OPEN_LOG) log().show(true);
}

/**
 * Registers a command whose errors are reported instead of surfacing as an unhandled rejection.
 * The disposable goes into context.subscriptions.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  id: string,
  handler: (...args: any[]) => unknown,
): void {
  context.subscriptions.push(vscode.commands.registerCommand(id, withErrorReport(id, handler)));
}

export function withErrorReport(id: string, handler: (...args: any[]) => unknown): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      await reportError(id, error);
      return undefined;
    }
  };
}
