// Shared helpers for the integration suite (runs inside the real VS Code extension host).
import * as vscode from 'vscode';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { AsyncDeskTestApi } from '../../src/extension';
import type { TestHooks } from '../../src/features/testHooks';
import type { SubmitOutcome } from '../../src/features/issues/issueFormPanel';
import type { Derived, FormValues, IssueFormInit } from '../../src/protocol/issueForm';

export const EXTENSION_ID = 'asyncdesk.async-desk';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need a workspace folder (test/fixtures/workspace).');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function readText(relative: string): Promise<string> {
  return fsp.readFile(fileUri(relative).fsPath, 'utf8');
}

export async function writeText(relative: string, text: string): Promise<void> {
  const file = fileUri(relative).fsPath;
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, text, 'utf8');
}

export async function exists(relative: string): Promise<boolean> {
  return fsp.access(fileUri(relative).fsPath).then(
    () => true,
    () => false,
  );
}

/** Polls until check returns a truthy value (file watchers and diagnostics are asynchronous). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}

/** A MarkdownString's text as a reader sees it: appendText's escapes (&nbsp;, backslashes) undone. */
export function plainMarkdown(value: string | undefined): string {
  return (value ?? '').replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/**
 * The extension's test hooks (src/features/testHooks.ts): activate() exports them in the test host
 * only. Getting them loads the features bundle if it has not loaded yet.
 */
export async function testHooks(): Promise<TestHooks> {
  const extension = vscode.extensions.getExtension<AsyncDeskTestApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  const api = await extension.activate();
  if (!api) throw new Error('Async Desk exported no test hooks: is the extension running in test mode?');
  return api.testHooks();
}

/** Fixes the extension's clock at an ISO instant (undefined: real time again). A suite that fixes the clock releases it in its `after`. */
export async function setClock(iso: string | undefined): Promise<void> {
  (await testHooks()).setClock(iso);
}

/**
 * An issue form panel as the tests use it, speaking for its webview: what handle() answers to each
 * message the tests send (IssueFormPanel.handle declares unknown: the answer depends on the message).
 */
export interface IssueFormTestPanel {
  handle(message: { type: 'ready' }): Promise<IssueFormInit>;
  handle(message: { type: 'change'; values: FormValues }): Promise<Derived>;
  handle(message: { type: 'submit'; values: FormValues }): Promise<SubmitOutcome | undefined>;
  dispose(): void;
}
