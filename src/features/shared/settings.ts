// Typed settings: the one place that reads `asyncDesk.*` configuration.
import * as vscode from 'vscode';

export interface Settings {
  /** '' means "discover" (SPEC §2). */
  decisionsDir: string;
  teamFile: string;
  standupsDir: string;
  recordsDir: string;
  decisionsCodeLens: boolean;
}

export function getSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('asyncDesk', scope);
  return {
    decisionsDir: config.get<string>('decisionsDir', '').trim(),
    teamFile: config.get<string>('teamFile', '.github/team.yml').trim() || '.github/team.yml',
    standupsDir: config.get<string>('standupsDir', 'docs/standups').trim() || 'docs/standups',
    recordsDir: config.get<string>('recordsDir', 'docs').trim() || 'docs',
    decisionsCodeLens: config.get<boolean>('decisions.codeLens', true),
  };
}

/** True when a configuration change touches any of our settings (optionally for one folder). */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, scope?: vscode.ConfigurationScope): boolean {
  return event.affectsConfiguration('asyncDesk', scope);
}
