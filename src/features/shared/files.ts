// Applies planned file changes (from src/core) without ever losing what the user wrote:
//  - creates never overwrite (FileExistsError becomes a message);
//  - a file whose on-disk text changed since the plan was made is not touched (the plan is stale);
//  - a file open with unsaved changes is edited in its editor (undoable, left unsaved) instead of on disk;
//  - other writes are atomic (temp file + rename) through src/core/fs.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { FileChange } from '../../core/decisions/types';
import { FileExistsError, readTextIfExists, renameNoClobber, writeFileAtomic } from '../../core/shared/fs';
import { UserError } from './errors';
import { assertTrusted } from './trust';
import { log } from './log';

/** Text of a file as the user sees it: the open editor's buffer if any, else the disk. */
export async function readCurrentText(uri: vscode.Uri): Promise<string | null> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return readTextIfExists(uri.fsPath);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Replaces only the changed middle of a document, so the cursor and undo stack stay useful. */
function minimalEdit(document: vscode.TextDocument, newText: string): vscode.TextEdit | undefined {
  const oldText = document.getText();
  if (oldText === newText) return undefined;
  let start = 0;
  while (start < oldText.length && start < newText.length && oldText[start] === newText[start]) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText[oldEnd - 1] === newText[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  return vscode.TextEdit.replace(new vscode.Range(document.positionAt(start), document.positionAt(oldEnd)), newText.slice(start, newEnd));
}

export interface ApplyOptions {
  /** The text each existing file had when the plan was computed (key: FileChange.file). */
  basis?: Map<string, string>;
  /** Describes the action in messages, e.g. "Accept decision record". */
  action: string;
}

/**
 * Applies changes relative to root. Returns the URIs written. Throws UserError (nothing written yet)
 * when a precondition fails; checks all preconditions before the first write.
 */
export async function applyChanges(root: vscode.Uri, changes: FileChange[], options: ApplyOptions): Promise<vscode.Uri[]> {
  assertTrusted(options.action);
  const toUri = (file: string) => vscode.Uri.joinPath(root, ...file.split('/'));

  // 1. Preconditions for every change, before anything is written.
  for (const change of changes) {
    const uri = toUri(change.file);
    if (change.create || change.renameFrom) {
      if ((await readTextIfExists(uri.fsPath)) !== null) {
        throw new UserError(`${change.file} already exists; nothing was changed. Choose another title or run Renumber.`);
      }
    }
    if (change.renameFrom) {
      const from = openDocument(toUri(change.renameFrom));
      if (from?.isDirty) throw new UserError(`${change.renameFrom} has unsaved changes. Save it, then try again.`);
    }
    const basisFile = change.renameFrom ?? change.file;
    const expected = options.basis?.get(basisFile);
    if (expected !== undefined) {
      const current = await readCurrentText(toUri(basisFile));
      if (current !== expected) {
        throw new UserError(`${basisFile} changed while Async Desk was preparing the edit; nothing was changed. Try again.`);
      }
    }
  }

  // 2. Writes.
  const written: vscode.Uri[] = [];
  const editorEdit = new vscode.WorkspaceEdit();
  for (const change of changes) {
    const uri = toUri(change.file);
    try {
      if (change.renameFrom) {
        await renameNoClobber(toUri(change.renameFrom).fsPath, uri.fsPath);
        if (change.text !== null) await writeFileAtomic(uri.fsPath, change.text);
      } else if (change.text === null) {
        continue; // deletions are never planned without a rename
      } else if (change.create) {
        await writeFileAtomic(uri.fsPath, change.text, { create: true });
      } else {
        const document = openDocument(uri);
        if (document?.isDirty) {
          const edit = minimalEdit(document, change.text);
          if (edit) editorEdit.set(uri, [edit]);
        } else {
          await writeFileAtomic(uri.fsPath, change.text);
        }
      }
      written.push(uri);
    } catch (error) {
      if (error instanceof FileExistsError) {
        throw new UserError(`${change.file} already exists; it was not overwritten.`);
      }
      throw new UserError(
        `Could not write ${change.file}: ${(error as Error).message}. ` +
          (written.length ? `Already written: ${written.map((u) => path.basename(u.fsPath)).join(', ')}.` : 'Nothing was written.'),
      );
    }
  }
  if (editorEdit.size > 0) {
    await vscode.workspace.applyEdit(editorEdit);
    log().info(`${options.action}: edited ${editorEdit.size} open file(s) with unsaved changes in their editors (not saved).`);
  }
  return written;
}
