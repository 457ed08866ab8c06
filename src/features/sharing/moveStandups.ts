// "Move Standups to the Sharing Branch" (issue 13): copies the standup files of the working tree that
// the branch does not have yet onto the sharing branch, in one commit, and says how to remove them
// from main (a normal pull request: this command never touches the working tree, the index or HEAD).
// A person's day that the branch already has is left alone (the branch's post wins, as readers merge).
import * as vscode from 'vscode';
import { scanStandups } from '../../core/standups';
import type { Confirm } from '../shared/ui';
import { Cancelled, UserError } from '../shared/errors';
import { log } from '../shared/log';
import { repoFilesOf } from '../shared/repoFiles';
import type { SharingHub } from './sharingHub';

export interface MoveResult {
  copied: string[];
  /** On the branch already (the same day of the same person). */
  skipped: string[];
  /** What the sync said. */
  sync: string;
}

export async function moveStandups(hub: SharingHub, folder: vscode.WorkspaceFolder, confirm: Confirm): Promise<MoveResult> {
  const status = hub.status(folder);
  const sharing = await hub.folderSharing(folder);
  if (!sharing) {
    const now = hub.status(folder);
    throw new UserError(now.kind === 'not-shared' ? now.message : `Standups of ${folder.name} are not shared${status.kind === 'loading' ? ' (yet)' : ''}.`);
  }
  const dir = hub.sharedFoldersOf(folder).standupsDir;
  const [scan, shared] = await Promise.all([scanStandups(folder.uri.fsPath, dir), hub.shared(folder)]);
  const onBranch = new Set((shared?.entries ?? []).map((e) => `${e.date}/${e.login.toLowerCase()}`));
  const files = repoFilesOf(folder);
  const posts: { file: string; text: string; author: string }[] = [];
  const skipped: string[] = [];
  for (const e of scan.entries) {
    if (onBranch.has(`${e.date}/${e.login.toLowerCase()}`)) {
      skipped.push(e.file);
      continue;
    }
    const read = files.read(e.file);
    if (read.ok) posts.push({ file: e.file, text: read.text, author: e.login });
    else if (!read.missing) log().warn(`Not moved: ${read.problem.message}`);
  }
  const branch = sharing.sharing.branch;
  if (posts.length === 0) {
    const message = scan.entries.length
      ? `Every standup in ${dir} is on the ${branch} branch already. You can delete ${dir} from main in a normal pull request.`
      : `There are no standups in ${dir} to move.`;
    void vscode.window.showInformationMessage(message);
    return { copied: [], skipped, sync: '' };
  }
  const ok = await confirm(`Copy ${posts.length} standup${posts.length === 1 ? '' : 's'} from ${dir} to the ${branch} branch?`, {
    detail:
      `They are committed to ${branch} in one commit and pushed to ${sharing.sharing.remote}. Your working tree, index and current branch are not touched: ` +
      `the files stay in ${dir} until you delete them from main in a normal pull request.` +
      (skipped.length ? ` ${skipped.length} day(s) that ${branch} already has are left as they are there.` : ''),
    action: 'Copy to the Sharing Branch',
  });
  if (!ok) throw new Cancelled();
  await hub.enqueue(folder, posts);
  const me = (await hub.me()) ?? posts[0]!.author;
  const sync = await hub.sync(folder, { oneCommit: { subject: `Move ${posts.length} standup(s) from ${dir} in the working tree`, author: me } });
  const waiting = hub.status(folder);
  const stillWaiting = waiting.kind === 'shared' ? waiting.waiting.filter((w) => posts.some((p) => p.file === w.file)).length : 0;
  log().info(`Moved ${posts.length} standup(s) to ${branch}: ${sync}.`);
  void vscode.window.showInformationMessage(
    stillWaiting
      ? `${posts.length} standups are queued for the ${branch} branch (${sync}). They go out with the next sync.`
      : `Copied ${posts.length} standups to the ${branch} branch. They are still in ${dir} on this branch: ` +
          'delete them from main in a normal pull request when the team is ready.',
  );
  return { copied: posts.map((p) => p.file), skipped, sync };
}
