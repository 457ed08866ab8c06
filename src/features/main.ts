// The features bundle (dist/features.js): loaded by the entry point right after activation, or at
// once when a command runs first. Registers views and editor features and returns the command handlers.
import * as vscode from 'vscode';
import type { CommandHandlers } from './commandIds';
import { initLog, log } from './shared/log';
import { registerDecisions } from './decisions';
import { registerTodayView } from './today/todayView';
import { registerTeam } from './team';

export interface Features {
  handlers: CommandHandlers;
}

export function start(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Features {
  initLog(channel);
  const decisions = registerDecisions(context);
  registerTodayView(context, decisions.store);
  const team = registerTeam(context);
  void decisions.store.ready(); // index in the background: diagnostics without opening the view
  return {
    handlers: {
      ...decisions.handlers,
      ...team.handlers,
      'asyncDesk.showLog': () => log().show(),
    },
  };
}
