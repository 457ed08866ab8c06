// Public API of the GitHub core (pure TypeScript, no vscode): the client over an injected Octokit,
// teammates' and one's own status, error classification and the refresh poller.
export {
  createGitHubClient,
  graphqlUrlFor,
  GITHUB_API_URL,
  DEFAULT_TIMEOUT_MS,
  type GitHubClient,
  type GitHubClientOptions,
  type GraphQLResult,
  type OctokitClass,
  type RestResponse,
} from './githubClient';
export {
  fetchStatuses,
  getOwnStatus,
  setOwnStatus,
  restoreOwnStatus,
  statusQuery,
  isValidLogin,
  emojiFromHtml,
  STATUS_BATCH_SIZE,
  type GitHubStatus,
  type OwnStatus,
  type StatusInput,
} from './statuses';
export {
  GitHubError,
  isGitHubError,
  toGitHubError,
  graphqlErrorToGitHubError,
  formatWait,
  type GitHubErrorKind,
  type FieldError,
  type GraphQLErrorEntry,
  type ClassifyContext,
} from './errors';
export { StatusPoller, DEFAULT_POLL_INTERVAL_MS, MAX_POLL_BACKOFF_MS, type PollerTimers, type PollerSnapshot, type StatusPollerOptions } from './poller';
