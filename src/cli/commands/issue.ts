// `async-desk issue create`: an issue from a template, as github.com would open it: the body for the
// form's answers, the owner (a teammate) assigned, a due line in the owner's working day. --dry-run
// prints the REST request; otherwise it is sent with GITHUB_TOKEN.
import * as path from 'node:path';
import { Octokit } from '@octokit/core';
import { createGitHubClient, toGitHubError, GITHUB_API_URL } from '../../core/github';
import {
  buildIssueRequest,
  discoverTemplates,
  resolveDue,
  templateDefaults,
  uploadNotes,
  validateAnswers,
  withTitlePrefix,
  type Answers,
  type IssueTemplate,
  type TemplateSet,
} from '../../core/issues';
import { MB, readFileSafely } from '../../core/shared/repoFiles';
import { loadTeam, type Command } from '../context';
import { printProblems } from '../problems';
import { terminalSafe } from '../terminalText';
import { UsageError } from '../usageError';

/** The largest --answers file read: form answers are a few KB. */
const ANSWERS_LIMIT = 1 * MB;

/**
 * The --answers file: a JSON object from field id to a string or a list of strings. Read like a
 * repository's files (readFileSafely): a regular file only, so a device (/dev/zero) or a FIFO is
 * refused without being opened, and at most ANSWERS_LIMIT.
 */
function readAnswers(file: string | undefined): Answers {
  if (file === undefined) return {};
  const help = 'Give --answers a JSON file (at most 1 MB) of the form\'s answers; "templates --json" lists each form\'s fields.';
  const read = readFileSafely(path.resolve(file), file, ANSWERS_LIMIT);
  if (!read.ok) throw new UsageError(read.missing ? `--answers ${file}: no such file.` : `--answers: ${read.problem.message} ${help}`);
  let value: unknown;
  try {
    value = JSON.parse(read.text.replace(/^\uFEFF/, '')); // a UTF-8 BOM is kept by the reader, JSON.parse refuses it
  } catch (error) {
    throw new UsageError(`--answers ${file}: not valid JSON (${(error as Error).message}). ${help}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`--answers ${file} must hold a JSON object from field id to answer.`);
  for (const [id, answer] of Object.entries(value)) {
    if (typeof answer !== 'string' && !(Array.isArray(answer) && answer.every((a) => typeof a === 'string'))) {
      throw new UsageError(`--answers ${file}: the answer to "${id}" must be a string or a list of strings.`);
    }
  }
  return value as Answers;
}

function findTemplate(set: TemplateSet, wanted: string): IssueTemplate | undefined {
  const lower = wanted.trim().toLowerCase();
  return set.templates.find((t) => t.key.toLowerCase() === lower) ?? set.templates.find((t) => t.name.toLowerCase() === lower);
}

/** `issue create`: 0 created (or printed), 1 refused (by a check or by GitHub), 2 could not run. */
export const issueCreate: Command = async (ctx, args, { out, err }) => {
  const o = args.issue;
  for (const [option, value] of [
    ['--repo', o.repo],
    ['--template', o.template],
    ['--title', o.title],
    ['--owner', o.owner],
  ] as const) {
    if (value === undefined) throw new UsageError(`issue create needs ${option}.`);
  }
  const repo = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(o.repo!.trim());
  if (!repo) throw new UsageError('--repo must be OWNER/NAME, like acme/payments.');
  const answers = readAnswers(o.answers);

  const set = await discoverTemplates(ctx.root);
  const template = findTemplate(set, o.template!);
  if (!template) {
    const known = set.templates.map((t) => `${t.key} (${t.name})`).join(', ');
    err(`async-desk: no issue template "${terminalSafe(o.template!)}". Templates: ${terminalSafe(known)}.\n`);
    return 1;
  }
  if (template.problems.some((p) => p.severity === 'error')) {
    err(`async-desk: the template ${terminalSafe(template.file)} has problems; fix them first:\n`);
    printProblems(template.problems, err);
    return 1;
  }

  // The owner's zone and working days place the due date: they must be in the team file. (GitHub's
  // assignable users who are not there have no calendar to place it in.)
  const teamRead = loadTeam(ctx);
  if (teamRead.kind === 'missing') {
    err(`async-desk: no team file at ${terminalSafe(ctx.teamFile)}: the owner's zone and working days come from it. Create one or pass --team-file.\n`);
    return 1;
  }
  if (teamRead.kind === 'unread') {
    printProblems(teamRead.problems, err);
    err(`async-desk: the team file ${terminalSafe(ctx.teamFile)} was not read: the owner's zone and working days come from it. Fix it or pass --team-file.\n`);
    return 1;
  }
  const { team } = teamRead;
  const login = o.owner!.trim().replace(/^@/, '');
  const owner = team.members.find((m) => m.github.toLowerCase() === login.toLowerCase());
  if (!owner) {
    const teammates = team.members.map((m) => m.github).join(', ') || 'none';
    err(
      `async-desk: unknown owner @${terminalSafe(login)}: not a teammate in ${terminalSafe(ctx.teamFile)} (teammates: ${terminalSafe(teammates)}). ` +
        "The owner's zone and working days set the due date.\n",
    );
    return 1;
  }

  const defaults = templateDefaults(team, template.key);
  const dueSpec = o.due ?? defaults.due;
  if (dueSpec === undefined) {
    const file = terminalSafe(ctx.teamFile);
    throw new UsageError(`issue create needs --due: ${file} sets no issues.defaultDue and no due for template "${terminalSafe(template.key)}".`);
  }
  const due = resolveDue(dueSpec, args.now, owner, team, Intl.DateTimeFormat().resolvedOptions().timeZone);
  if ('error' in due) {
    err(`async-desk: --due: ${terminalSafe(due.error)}\n`);
    return 1;
  }
  const errors = validateAnswers(template, o.title!, answers);
  if (errors.length) {
    err(`async-desk: the issue is not complete:\n${errors.map((e) => `  ${terminalSafe(e.field)}: ${terminalSafe(e.message)}`).join('\n')}\n`);
    return 1;
  }
  if (due.warning) err(`async-desk: note: ${terminalSafe(due.warning)}\n`);
  for (const note of uploadNotes(template)) err(`async-desk: note: ${terminalSafe(note.message)}\n`);
  const title = o.noTitlePrefix ? o.title! : withTitlePrefix(template.title, o.title!);
  const request = buildIssueRequest({ template, title, answers, owner: owner.github, due, extraLabels: defaults.labels });
  if (o.dryRun) {
    out(`${JSON.stringify(request, null, 2)}\n`);
    return 0;
  }

  const token = process.env.GITHUB_TOKEN?.trim();
  if (!token) {
    err('async-desk: set GITHUB_TOKEN to a token that may create issues in the repository (or use --dry-run).\n');
    return 2;
  }
  const apiUrl = o.apiUrl ?? GITHUB_API_URL;
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl)) throw new UsageError('--api-url must be a web address like https://api.github.com.');
  const client = createGitHubClient({ token, apiUrl, userAgent: 'async-desk-cli', Octokit });
  try {
    const res = await client.request<{ number: number; html_url: string }>('POST /repos/{owner}/{repo}/issues', { owner: repo[1], repo: repo[2], ...request });
    out(`Created issue #${res.data.number}: ${terminalSafe(String(res.data.html_url))}\n`);
    return 0;
  } catch (error) {
    const failure = toGitHubError(error);
    err(`async-desk: ${terminalSafe(failure.message)}\n`);
    return failure.kind === 'validation' ? 1 : 2;
  }
};
