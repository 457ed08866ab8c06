// Typed settings: the one place that reads and writes `asyncDesk.*` configuration, and the list of
// which settings each index is built from (so a change rescans only what it affects).
import * as vscode from 'vscode';
import { DEFAULT_LIMITS, MB, type ReadLimits } from '../../core/shared/repoFiles';

/** The highest size limit a setting can ask for: a hostile workspace setting cannot lift the guard. */
const MAX_LIMIT_MB = 64;
const limitOf = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(Math.min(value, MAX_LIMIT_MB) * MB) : fallback;

const DEFAULT_API_URL = 'https://api.github.com';

export interface Settings {
  /** '' means "discover" (SPEC §2). */
  decisionsDir: string;
  teamFile: string;
  standupsDir: string;
  recordsDir: string;
  decisionsCodeLens: boolean;
  /** Your GitHub login ('' when unset): your zone and hours come from your team-file entry. */
  me: string;
  /** Fetch teammates' GitHub status (needs a GitHub sign-in). */
  teamGithubStatus: boolean;
  teamStatusRefreshMinutes: number;
  /** A blocker open this many of its author's working days is flagged. */
  staleBlockerDays: number;
  /** 'HH:MM' of your working day to nudge you when no standup is posted; '' = no reminder. */
  standupRemindAt: string;
  /** Put issues with a due date into a milestone for that date. */
  githubMilestones: boolean;
  /** 'OWNER/NUMBER' of a Projects v2 project, or ''. */
  githubProject: string;
  githubProjectDateField: string;
  /** The GitHub REST API root, without a trailing slash (github.com or a GitHub Enterprise Server). */
  githubApiUrl: string;
  /** Set your GitHub status to busy during a focus session. */
  focusSetGitHubStatus: boolean;
  /** Background fetch of the sharing branch while a view shows it (minutes, 1 to 1440). */
  sharingFetchMinutes: number;
  /** Files larger than these are not read (asyncDesk.maxFileSizeMB, asyncDesk.maxTeamFileSizeMB). */
  limits: ReadLimits;
}

export function getSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('asyncDesk', scope);
  return {
    decisionsDir: config.get<string>('decisionsDir', '').trim(),
    teamFile: config.get<string>('teamFile', '.github/team.yml').trim() || '.github/team.yml',
    standupsDir: config.get<string>('standupsDir', 'docs/standups').trim() || 'docs/standups',
    recordsDir: config.get<string>('recordsDir', 'docs').trim() || 'docs',
    decisionsCodeLens: config.get<boolean>('decisions.codeLens', true),
    me: config.get<string>('me', '').trim().replace(/^@/, ''),
    teamGithubStatus: config.get<boolean>('team.githubStatus', false),
    teamStatusRefreshMinutes: Math.max(1, config.get<number>('team.statusRefreshMinutes', 5)),
    staleBlockerDays: Math.max(1, Math.floor(config.get<number>('standups.staleBlockerDays', 2))),
    sharingFetchMinutes: Math.min(1440, Math.max(1, Number(config.get<number>('sharing.fetchMinutes', 5)) || 5)),
    githubMilestones: config.get<boolean>('github.milestones', false),
    githubProject: /^[A-Za-z0-9-]+\/\d+$/.test(config.get<string>('github.project', '').trim()) ? config.get<string>('github.project', '').trim() : '',
    githubProjectDateField: config.get<string>('github.projectDateField', 'Due date').trim() || 'Due date',
    githubApiUrl: config.get<string>('github.apiUrl', DEFAULT_API_URL).trim().replace(/\/+$/, '') || DEFAULT_API_URL,
    focusSetGitHubStatus: config.get<boolean>('focus.setGitHubStatus', false),
    limits: {
      file: limitOf(config.get<number>('maxFileSizeMB'), DEFAULT_LIMITS.file),
      teamFile: limitOf(config.get<number>('maxTeamFileSizeMB'), DEFAULT_LIMITS.teamFile),
    },
    standupRemindAt: /^([01]\d|2[0-3]):[0-5]\d$/.test(config.get<string>('standups.remindAt', '').trim())
      ? config.get<string>('standups.remindAt', '').trim()
      : '',
  };
}

/** Settings the extension writes for the user (always in their user settings, not the workspace's). */
export interface WritableSettings {
  me: string;
  'team.githubStatus': boolean;
}

export async function updateUserSetting<K extends keyof WritableSettings>(key: K, value: WritableSettings[K]): Promise<void> {
  await vscode.workspace.getConfiguration('asyncDesk').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * The settings (keys under `asyncDesk.`) each index or cache is built from. A change to any other
 * setting leaves it alone: writing `asyncDesk.me` must not rescan three indexes (like rust-analyzer's
 * list of the settings that need a reload).
 */
export const SETTINGS_READ_BY = {
  decisionIndex: ['decisionsDir', 'maxFileSizeMB'],
  standupIndex: ['standupsDir', 'maxFileSizeMB'],
  teamIndex: ['teamFile', 'maxTeamFileSizeMB'],
  /** Who "me" is: the setting, else the GitHub sign-in of the configured server. */
  login: ['me', 'github.apiUrl'],
  statusPolling: ['team.githubStatus', 'team.statusRefreshMinutes', 'github.apiUrl'],
  reminder: ['standups.remindAt', 'me', 'teamFile'],
} as const satisfies Record<string, readonly string[]>;

/** True when a configuration change touches one of these settings (optionally for one folder). */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, keys: readonly string[], scope?: vscode.ConfigurationScope): boolean {
  return keys.some((key) => event.affectsConfiguration(`asyncDesk.${key}`, scope));
}
