// Team commands: add a teammate, copy "best time to reach", open a member's entry, open an issue for
// them, refresh.
import * as vscode from 'vscode';
import { bestTimeToReach, isTeamLogin, isValidZone, parseSpan, WEEKDAY_NAMES } from '../../core/team';
import { appendMember, newTeamFile, type NewMember } from '../../core/team/addMember';
import { Cancelled, UserError } from '../shared/errors';
import { applyChanges, readCurrentText } from '../shared/files';
import { assertTrusted } from '../shared/trust';
import type { CommandId, HandlersOf } from '../commandIds';
import type { MemberRef, TeamStore } from './teamStore';
import type { TeamNode, TeamTreeProvider } from './teamTree';
import { currentViewer, systemZone } from './viewer';
import type { TeamStatusSource } from './githubStatus';
import type { IssuesApi } from '../issues/api';
import type * as TeamClockBundle from './teamClockBundle';
import { loadBundle } from '../shared/lazyBundle';

export type TeamCommandId = Extract<CommandId, `asyncDesk.team.${string}`>;

/** "Add Teammate" with its answers given (tests, other extensions); what is missing is asked. */
export type NewTeammateArgs = Partial<NewMember> & { folder?: vscode.Uri };

let clockBundle: typeof TeamClockBundle | undefined;
/** dist/teamClock.js, loaded on the first "Show Team Clock". */
function teamClock(): typeof TeamClockBundle {
  return (clockBundle ??= loadBundle<typeof TeamClockBundle>('teamClock.js'));
}

export function teamCommandHandlers(
  context: vscode.ExtensionContext,
  store: TeamStore,
  tree: TeamTreeProvider,
  status: TeamStatusSource,
  issues: IssuesApi,
): HandlersOf<'asyncDesk.team.'> {
  const memberOf = async (target: unknown): Promise<MemberRef> => {
    await store.ready();
    if (target && typeof target === 'object' && (target as TeamNode).kind === 'member') {
      const row = tree.row((target as Extract<TeamNode, { kind: 'member' }>).key);
      if (row) return row.ref;
    }
    if (typeof target === 'string') {
      const ref = store.find(target);
      if (ref) return ref;
      throw new UserError(`@${target.replace(/^@/, '')} is not in the team file.`);
    }
    const members = store.members();
    if (members.length === 0) throw new UserError('The team file lists nobody yet. Run "Async Desk: Add Teammate…" first.');
    const picked = await vscode.window.showQuickPick(
      members.map((ref) => ({ label: ref.member.name ?? `@${ref.member.github}`, description: `@${ref.member.github} · ${ref.member.timezone}`, ref })),
      { placeHolder: 'Which teammate?' },
    );
    if (!picked) throw new Cancelled();
    return picked.ref;
  };
  return {
    // The issue form (issues from templates) with the teammate as owner. `options` lets tests and
    // other callers pick the template.
    'asyncDesk.team.openIssueFor': async (target?: unknown, options?: { template?: string }) => {
      const ref = await memberOf(target);
      return issues.open({
        ...options,
        owner: ref.member.github,
        folder: ref.folder.workspaceFolder.uri,
        source: `For ${ref.member.name ?? `@${ref.member.github}`}`,
      });
    },
    'asyncDesk.team.addTeammate': (args?: NewTeammateArgs) => addTeammate(store, args ?? {}),
    'asyncDesk.team.copyBestTime': async (target?: unknown) => {
      const ref = await memberOf(target);
      const sentence = bestTimeToReach(ref.member, currentViewer(store).zone, tree.now(), ref.folder.team);
      await vscode.env.clipboard.writeText(sentence);
      void vscode.window.setStatusBarMessage(`$(clippy) Copied: ${sentence}`, 5000);
      return sentence;
    },
    'asyncDesk.team.openInTeamFile': async (target?: unknown) => {
      const ref = await memberOf(target);
      const editor = await vscode.window.showTextDocument(ref.folder.uri);
      const position = new vscode.Position(ref.member.line, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    },
    'asyncDesk.team.refresh': async () => {
      await store.reload();
      await status.refresh();
    },
    'asyncDesk.team.showClock': (date?: string) => teamClock().showTeamClock(context, store, () => tree.now(), date),
    'asyncDesk.team.enableGitHubStatus': () => status.enable(),
  };
}

async function addTeammate(store: TeamStore, args: NewTeammateArgs): Promise<vscode.Uri> {
  assertTrusted('Adding a teammate');
  await store.ready();
  const folders = store.all();
  if (folders.length === 0) throw new UserError('Open a folder first: the team file lives in the repository.');
  const folder = args.folder
    ? folders.find((f) => f.workspaceFolder.uri.toString() === args.folder!.toString())
    : folders.length === 1
      ? folders[0]
      : (
          await vscode.window.showQuickPick(
            folders.map((f) => ({ label: f.workspaceFolder.name, description: f.file, f })),
            { placeHolder: 'Add the teammate to which folder’s team file?' },
          )
        )?.f;
  if (!folder) throw new Cancelled();

  const ask = async (options: vscode.InputBoxOptions) => {
    const value = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
    if (value === undefined) throw new Cancelled();
    return value.trim();
  };
  // Arguments (scripts, tests) are checked like typed input: the entry written must be valid.
  const loginProblem = (v: string) => (isTeamLogin(v) ? undefined : 'A GitHub login: letters, digits and single hyphens between them, at most 39 characters.');
  const github = (args.github ?? (await ask({ prompt: 'GitHub login of the teammate', validateInput: (v) => loginProblem(v.trim().replace(/^@/, '')) })))
    .trim()
    .replace(/^@/, '');
  const badLogin = loginProblem(github);
  if (badLogin) throw new UserError(`"${github}" is not a GitHub login. ${badLogin}`);
  const name = args.name ?? (await ask({ prompt: `Name of @${github} (optional)` }));
  let timezone = args.timezone;
  if (!timezone) {
    const mine = systemZone();
    const zones = [mine, ...Intl.supportedValuesOf('timeZone').filter((z) => z !== mine)];
    const picked = await vscode.window.showQuickPick(
      zones.map((z, i) => ({ label: z, description: i === 0 ? 'your zone' : undefined })),
      // The login and name typed before must not be lost to a click elsewhere.
      { placeHolder: `Time zone of @${github} (IANA)`, ignoreFocusOut: true },
    );
    if (!picked) throw new Cancelled();
    timezone = picked.label;
  }
  if (!isValidZone(timezone)) throw new UserError(`"${timezone}" is not an IANA time zone (for example Europe/Berlin).`);
  const hours =
    args.hours ??
    (await ask({
      prompt: `Working hours of @${github}, local time`,
      value: '09:00-17:00',
      validateInput: (v) => ('error' in parseSpan(v.trim()) ? 'Like 09:00-17:30' : undefined),
    }));
  if ('error' in parseSpan(hours)) throw new UserError(`Working hours "${hours}" are not like 09:00-17:30.`);
  const badDay = args.days?.find((d) => !(WEEKDAY_NAMES as readonly string[]).includes(d));
  if (badDay !== undefined) throw new UserError(`Unknown day "${badDay}": use Mon, Tue, Wed, Thu, Fri, Sat or Sun.`);
  const member: NewMember = { github, name: name || undefined, timezone, hours: hours.trim(), days: args.days };

  // What the user sees: an open team file with unsaved changes is edited in its editor.
  const current = await readCurrentText(folder.uri);
  let text: string;
  if (current === null) text = newTeamFile(folder.workspaceFolder.name, member);
  else {
    const result = appendMember(current, member);
    if ('error' in result) throw new UserError(`Could not add @${github} to ${folder.file}: ${result.error}.`);
    text = result.text;
  }
  await applyChanges(folder.workspaceFolder.uri, [{ file: folder.file, text, create: current === null }], {
    action: 'Adding a teammate',
    basis: current === null ? undefined : new Map([[folder.file, current]]),
  });
  await store.reload();
  void vscode.window.setStatusBarMessage(`$(person-add) Added @${github} to ${folder.file}`, 5000);
  return folder.uri;
}
