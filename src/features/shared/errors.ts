// How Async Desk ends a command that failed and shows a problem: the error classes a command throws
// on purpose (UserError, Cancelled), the one test for "expected, not a bug", and the one message
// with "Open Log" for the details (warnings and errors alike), used by every feature.
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

// Compared by name, not instanceof: each bundle (features, issues, rituals, …) has its own copy of this module.
const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

/** The user dismissed a prompt (a Cancelled from any bundle). */
export function isCancelled(error: unknown): boolean {
  return isNamed(error, 'Cancelled');
}

/** Cancelled or UserError: an end the user chose or can act on from its message, not a bug (no stack trace). */
export function isExpectedError(error: unknown): boolean {
  return isCancelled(error) || isNamed(error, 'UserError');
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OPEN_LOG = 'Open Log';

/**
 * Shows "Async Desk: message" as a warning or an error with `actions` and then "Open Log", which
 * opens the log. Resolves to the other action picked, if any (undefined when dismissed).
 */
export async function showWithLog(severity: 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
  const text = `Async Desk: ${message}`;
  // Looked up at each call (not kept): the integration tests replace these functions to record messages.
  const buttons = [...actions, OPEN_LOG];
  const choice = severity === 'error' ? await vscode.window.showErrorMessage(text, ...buttons) : await vscode.window.showWarningMessage(text, ...buttons);
  if (choice !== OPEN_LOG) return choice;
  log().show(true);
  return undefined;
}

export async function reportError(context: string, error: unknown): Promise<void> {
  if (isCancelled(error)) return;
  const message = errorMessage(error);
  if (isExpectedError(error)) log().warn(`${context}: ${message}`);
  else log().error(`${context}: ${error instanceof Error ? (error.stack ?? message) : message}`);
  await showWithLog('error', message);
}

/**
 * Registers a command whose errors are reported instead of surfacing as an unhandled rejection.
 * The disposable goes into context.subscriptions.
 */
export function registerCommand(context: vscode.ExtensionContext, id: string, handler: (...args: any[]) => unknown): void {
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
