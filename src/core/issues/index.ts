// Public API of the issue-template core (pure TypeScript, no vscode): templates, answers, the body
// github.com would write, due dates in the owner's day, and the REST request. Used by the extension,
// the CLI and the tests.
export * from './types';
export { parseIssueForm, templateKey } from './form';
export { parseMarkdownTemplate } from './markdownTemplate';
export { parseTemplateConfig } from './config';
export { discoverTemplates, TEMPLATE_DIRS } from './discover';
export { BUILT_IN_TEMPLATES } from './builtIn';
export { validateAnswers, answerOf, uploadNote, uploadNotes, UPLOAD_NOTE, MARKDOWN_BODY, type AnswerError } from './answers';
export { renderIssueBody, NO_RESPONSE, NO_DROPDOWN_CHOICE } from './body';
export { resolveDue, dueLine, DUE_PRESETS, MAX_DUE_AMOUNT } from './due';
export { templateDefaults, buildIssueRequest, withTitlePrefix, issueAssignees, type IssueRequest } from './request';
