// Wires sharing over git (SPEC §2.4, issue 13). The code that runs git is the lazily loaded
// dist/sharing.js (the core transport is too heavy for the start-up bundle); this file hands other
// features a SharingApi that loads it on first use, registers the `async-desk-shared:` file system
// ("Open as file" of posts on the branch) and the Sync and Move commands.
import * as vscode from 'vscode';
import type * as SharingBundle from './sharingBundle';
import type { CommandId, HandlersOf } from '../commandIds';
import { loadBundle } from '../shared/lazyBundle';
import { UserError } from '../shared/errors';
import { ui } from '../shared/ui';
import type { TeamStore } from '../team/teamStore';
import type { GitHubAccess } from '../github/githubAccess';
import type { SharingApi } from './api';
import { SHARED_SCHEME } from './sharedUri';

export type SharingCommandId = Extract<CommandId, `asyncDesk.sharing.${string}`>;
export type { SharingApi, SharingStatus, PostOutcome, SharedStandups } from './api';

export interface Sharing {
  api: SharingApi;
  handlers: HandlersOf<'asyncDesk.sharing.'>;
  /** The hub, once loaded (test hooks). */
  hub(): SharingBundle.SharingHub;
  /** Who you are (your posts are writable as files); set by standups, which know. */
  setMe(me: () => Promise<string | undefined>): void;
}

export function registerSharing(context: vscode.ExtensionContext, deps: { team: TeamStore; github: GitHubAccess }): Sharing {
  const changed = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  let me: () => Promise<string | undefined> = () => Promise.resolve(undefined);
  let loaded: { bundle: typeof SharingBundle; hub: SharingBundle.SharingHub; files: SharingBundle.SharedFiles } | undefined;
  const load = () => {
    if (!loaded) {
      const bundle = loadBundle<typeof SharingBundle>('sharing.js');
      const hub = new bundle.SharingHub({
        team: deps.team,
        gitPath: () => bundle.gitBinary(),
        tokenFor: (remoteUrl) => deps.github.tokenForGitRemote(remoteUrl),
        me: () => me(),
        changed,
      });
      const files = new bundle.SharedFiles(hub, () => me());
      context.subscriptions.push(hub, files);
      loaded = { bundle, hub, files };
    }
    return loaded;
  };
  const hub = () => load().hub;

  // The provider is registered at once (an editor of a shared file is restored before anything else
  // asks for sharing); its methods load the bundle when the editor first reads.
  const fileEvents = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  let forwarding: vscode.Disposable | undefined;
  const files = () => {
    const f = load().files;
    forwarding ??= f.onDidChangeFile((e) => fileEvents.fire(e));
    return f;
  };
  context.subscriptions.push(
    changed,
    fileEvents,
    new vscode.Disposable(() => {
      forwarding?.dispose();
    }),
    vscode.workspace.registerFileSystemProvider(
      SHARED_SCHEME,
      {
        onDidChangeFile: fileEvents.event,
        watch: () => new vscode.Disposable(() => undefined),
        stat: (uri) => files().stat(uri),
        readFile: (uri) => files().readFile(uri),
        writeFile: (uri, content) => files().writeFile(uri, content),
        readDirectory: () => files().readDirectory(),
        createDirectory: () => files().createDirectory(),
        delete: () => files().delete(),
        rename: () => files().rename(),
      },
      { isCaseSensitive: true },
    ),
  );

  const api: SharingApi = {
    onDidChange: changed.event,
    status: (folder) => hub().status(folder),
    shared: (folder) => hub().shared(folder),
    currentText: (folder, file) => hub().currentText(folder, file),
    post: (folder, post) => hub().post(folder, post),
    discard: (folder, file) => hub().discard(folder, file),
    enqueue: (folder, posts) => hub().enqueue(folder, posts),
    sync: (folder) => hub().sync(folder),
    setVisible: (view, visible) => {
      // Hidden views before anything loaded have nothing to stop.
      if (visible || loaded) hub().setVisible(view, visible);
    },
    uriOf: (folder, file) => hub().uriOf(folder, file),
  };

  const homeFolder = (): vscode.WorkspaceFolder => {
    const folder = (vscode.workspace.workspaceFolders ?? []).find((f) => f.uri.scheme === 'file');
    if (!folder) throw new UserError('Open a folder first: standups are shared through its git repository.');
    return folder;
  };

  return {
    api,
    hub,
    setMe: (lookup) => (me = lookup),
    handlers: {
      'asyncDesk.sharing.sync': async () => {
        const folder = homeFolder();
        const sentence = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Async Desk: syncing standups' }, () =>
          hub().sync(folder),
        );
        void vscode.window.setStatusBarMessage(`$(sync) ${sentence}`, 6000);
        return sentence;
      },
      'asyncDesk.sharing.moveStandups': (arg?: unknown) => {
        const folder = arg instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(arg) : homeFolder();
        if (!folder) throw new UserError('That is not in an open workspace folder.');
        return load().bundle.moveStandups(hub(), folder, ui.confirm);
      },
    },
  };
}
