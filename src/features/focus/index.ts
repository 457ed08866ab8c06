// Wires focus sessions into the extension: the controller, its command handlers, the typed API other
// features use (FocusApi).
import * as vscode from 'vscode';
import type { GitHubAccess } from '../github/githubAccess';
import { errorMessage } from '../shared/errors';
import { log } from '../shared/log';
import type { TeamStore } from '../team/teamStore';
import type { FocusApi, StartArgs } from './api';
import type { HandlersOf } from '../commandIds';
import { FocusController } from './focusController';

export type { FocusApi, FocusCommandId, StartArgs } from './api';

export interface Focus {
  api: FocusApi;
  handlers: HandlersOf<'asyncDesk.focus.'>;
  /** For the test hooks. */
  controller: FocusController;
}

export function registerFocus(context: vscode.ExtensionContext, team: TeamStore, github: GitHubAccess): Focus {
  const controller = new FocusController(context, team, github);
  context.subscriptions.push(controller);
  void controller.resume().catch((error) => log().error(`Focus session: resuming failed: ${errorMessage(error)}`));
  return {
    controller,
    api: { inSession: () => controller.inSession(), onDidChange: controller.onDidChange },
    handlers: {
      'asyncDesk.focus.start': (args?: StartArgs) => controller.start(args),
      'asyncDesk.focus.end': () => controller.end('user'),
    },
  };
}
