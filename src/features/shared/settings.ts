// Typed settings: the one place that reads `asyncDesk.*` configuration.
import * as vscode from 'vscode';
import { DEFAULT_LIMITS, MB, type ReadLimits } from '../../core/shared/repoFiles';

/** The highest size limit a setting can ask for: a hostile workspace setting cannot lift the guard. */
const MAX_LIMIT_MB = 64;
const limitOf = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(Math.min(value, MAX_LIMIT_MB) * MB) : fallback;

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
    githubMilestones: config.get<boolean>('github.milestones', false),
    githubProject: /^[A-Za-z0-9-]+\/\d+$/.test(config.get<string>('github.project', '').trim()) ? config.get<string>('github.project', '').trim() : '',
    githubProjectDateField: config.get<string>('github.projectDateField', 'Due date').trim() || 'Due date',
    limits: {
      file: limitOf(config.get<number>('maxFileSizeMB'), DEFAULT_LIMITS.file),
      teamFile: limitOf(config.get<number>('maxTeamFileSizeMB'), DEFAULT_LIMITS.teamFile),
    },
    standupRemindAt: /^([01]\d|2[0-3]):[0-5]\d$/.test(config.get<string>('standups.remindAt', '').trim()) ? config.get<string>('standups.remindAt', '').trim() : '',
  };
}

/** True when a configuration change touches any of our settings (optionally for one folder). */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, scope?: vscode.ConfigurationScope): boolean {
  return event.affectsConfiguration('asyncDesk', scope);
}
