// Every way a GitHub call can fail, reduced to one typed error with a sentence for the user: what
// happened and what to do. The extension shows `message` as is (quietly for background refreshes),
// and decides from `kind` whether to offer "Sign in", "Retry" or nothing; `resetAt` says when a rate
// limit lifts, `fieldErrors` carries GitHub's 422 details for mapping onto a form.

export type GitHubErrorKind = 'auth' | 'forbidden' | 'not-found' | 'validation' | 'rate-limit' | 'server' | 'timeout' | 'offline';

export interface FieldError {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
  value?: unknown;
}

/** An entry of a GraphQL response's `errors`, as GitHub sends it (`type` is GitHub's addition). */
export interface GraphQLErrorEntry {
  type?: string;
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface GitHubErrorDetails {
  status?: number;
  resetAt?: Date;
  fieldErrors?: FieldError[];
  /** OAuth scopes GitHub said the request needs (INSUFFICIENT_SCOPES), so the caller can ask for them. */
  neededScopes?: string[];
  graphqlErrors?: GraphQLErrorEntry[];
  cause?: unknown;
}

export class GitHubError extends Error {
  // Compared by name (isGitHubError), not instanceof: the GitHub code is a separately loaded bundle.
  override readonly name = 'GitHubError';
  readonly status?: number;
  readonly resetAt?: Date;
  readonly fieldErrors?: FieldError[];
  readonly neededScopes?: string[];
  readonly graphqlErrors?: GraphQLErrorEntry[];

  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    details: GitHubErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.status !== undefined) this.status = details.status;
    if (details.resetAt) this.resetAt = details.resetAt;
    if (details.fieldErrors?.length) this.fieldErrors = details.fieldErrors;
    if (details.neededScopes?.length) this.neededScopes = details.neededScopes;
    if (details.graphqlErrors?.length) this.graphqlErrors = details.graphqlErrors;
  }
}

export function isGitHubError(error: unknown): error is GitHubError {
  return error instanceof Error && error.name === 'GitHubError' && typeof (error as GitHubError).kind === 'string';
}

export interface ClassifyContext {
  /** Host of the API, for messages ("api.github.com", "ghe.example.com"). */
  host?: string;
  /** The request timeout, for the timeout message. */
  timeoutMs?: number;
  /** Our own timeout fired (the abort came from it). */
  timedOut?: boolean;
  /** Clock for rate-limit resets (ms since epoch). */
  now?: () => number;
}

type Headers = Record<string, string | number | undefined>;

interface HttpErrorLike {
  status: number;
  message: string;
  response?: { headers?: Headers; data?: unknown; url?: string };
  request?: { method?: string; url?: string };
  cause?: unknown;
}

// Duck-typed so this module needs no runtime import of Octokit: RequestError is named 'HttpError'.
const isHttpError = (e: unknown): e is HttpErrorLike =>
  e instanceof Error && e.name === 'HttpError' && typeof (e as unknown as HttpErrorLike).status === 'number';

type NetworkReason = 'refused' | 'dns' | 'dropped' | 'timeout' | 'other';

const NETWORK_CODES: Record<string, NetworkReason> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNRESET: 'dropped',
  EPIPE: 'dropped',
  UND_ERR_SOCKET: 'dropped',
  UND_ERR_CLOSED: 'dropped',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENETUNREACH: 'other',
  EHOSTUNREACH: 'other',
  ENETDOWN: 'other',
  ECONNABORTED: 'dropped',
};

/** The error and its causes, outermost first (fetch nests the socket error two levels down). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

function networkProblem(error: unknown): { reason: NetworkReason; code?: string } | undefined {
  for (const e of causeChain(error)) {
    const name = (e as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return { reason: 'timeout' };
    const code = (e as { code?: unknown })?.code;
    if (typeof code === 'string' && code in NETWORK_CODES) return { reason: NETWORK_CODES[code]!, code };
  }
  for (const e of causeChain(error)) {
    if (e instanceof TypeError && /fetch failed|network/i.test(e.message)) return { reason: 'other' };
  }
  return undefined;
}

function service(host: string | undefined): string {
  return !host || host === 'api.github.com' || host === 'github.com' ? 'GitHub' : `GitHub at ${host}`;
}

/** "in 45 seconds", "in about 12 minutes", "in about 2 hours". */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `in about ${minutes} minutes`;
  return `in about ${Math.round(minutes / 60)} hours`;
}

const duration = (ms: number) =>
  ms < 1000 ? `${ms} ms` : ms === 1000 ? '1 second' : ms % 1000 === 0 ? `${ms / 1000} seconds` : `${(ms / 1000).toFixed(1)} seconds`;

function header(headers: Headers | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return v === undefined ? undefined : String(v);
}

function responseMessage(data: unknown): string | undefined {
  return data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string' ? (data as { message: string }).message : undefined;
}

/** A value from GitHub's JSON as text: a string, number or boolean as is, anything else as JSON (not "[object Object]"). */
export function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? '');
}

function describeFieldErrors(errors: FieldError[]): string {
  return errors
    .map((e) => {
      if (e.message) return e.field ? `${e.field}: ${e.message}` : e.message;
      const what =
        e.code === 'missing_field' || e.code === 'missing'
          ? 'is missing'
          : e.code === 'already_exists'
            ? 'already exists'
            : e.code === 'invalid'
              ? 'is not valid'
              : e.code.replace(/_/g, ' ');
      const value = e.value === undefined || e.value === null ? '' : ` ("${Array.isArray(e.value) ? e.value.join(', ') : jsonText(e.value)}")`;
      return `${e.field ?? e.resource ?? 'a field'}${value} ${what}`;
    })
    .join('; ');
}

/** A rate-limit error from the response headers: primary (x-ratelimit-reset) or secondary (retry-after). */
function rateLimitError(headers: Headers | undefined, secondary: boolean, svc: string, now: number, details: GitHubErrorDetails): GitHubError {
  const retryAfter = Number(header(headers, 'retry-after'));
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  const resetAt =
    secondary || !Number.isFinite(reset) || reset <= 0
      ? new Date(now + (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60) * 1000)
      : new Date(reset * 1000);
  const wait = formatWait(resetAt.getTime() - now);
  const message = secondary
    ? `${svc} is limiting how fast requests may be sent (secondary rate limit). Try again ${wait}.`
    : `${svc}'s API rate limit for your account is used up; it resets ${wait}. Try again after that.`;
  return new GitHubError('rate-limit', message, { ...details, resetAt });
}

/** Turns a GraphQL `errors` list that left no usable data into one error. */
export function graphqlErrorToGitHubError(
  errors: GraphQLErrorEntry[],
  headers: Headers | undefined,
  context: ClassifyContext = {},
  status?: number,
): GitHubError {
  const svc = service(context.host);
  const now = (context.now ?? Date.now)();
  const details: GitHubErrorDetails = { graphqlErrors: errors, ...(status !== undefined ? { status } : {}) };
  const first = errors[0];
  const text = errors.map((e) => e.message).join(' ');
  if (errors.some((e) => e.type === 'RATE_LIMITED')) return rateLimitError(headers, false, svc, now, details);
  const scopes = errors.find((e) => e.type === 'INSUFFICIENT_SCOPES');
  if (scopes) {
    // "…requires one of the following scopes: ['user'], but your token has only been granted…"
    const needed = /following scopes: \[([^\]]*)\]/.exec(scopes.message)?.[1]?.match(/[\w:]+/g) ?? [];
    return new GitHubError(
      'forbidden',
      `Your GitHub sign-in does not include the ${needed.map((s) => `'${s}'`).join(' or ') || 'needed'} permission this needs. ` +
        'Sign in to GitHub again and grant it.',
      { ...details, neededScopes: needed },
    );
  }
  if (errors.some((e) => e.type === 'FORBIDDEN'))
    return new GitHubError('forbidden', `${svc} refused the request: ${first?.message ?? 'forbidden'}. Check that your account has access.`, details);
  if (errors.length && errors.every((e) => e.type === 'NOT_FOUND')) return new GitHubError('not-found', `${svc} could not find it: ${text}`, details);
  // No type: a query GitHub's schema rejects, or bad input (a bug in the request, not the user's doing).
  return new GitHubError('validation', `${svc} rejected the request: ${text || 'no details given'}`, details);
}

/** Classifies anything a GitHub call can throw. A GitHubError is returned unchanged. */
export function toGitHubError(error: unknown, context: ClassifyContext = {}): GitHubError {
  if (isGitHubError(error)) return error;
  const svc = service(context.host);
  const host = context.host ?? 'api.github.com';
  const now = (context.now ?? Date.now)();
  const timeout = () =>
    new GitHubError('timeout', `${svc} did not answer within ${duration(context.timeoutMs ?? 10_000)}. Check your connection and try again.`, { cause: error });

  if (context.timedOut) return timeout();

  // An HTTP answer from GitHub (RequestError). One without a response is a network failure, which
  // Octokit reports as a RequestError with status 500 and the socket error as its cause.
  if (isHttpError(error) && error.response) {
    const { status } = error;
    const headers = error.response.headers;
    const data = error.response.data;
    const ghMessage = responseMessage(data) ?? (typeof data === 'string' && data.length < 200 && !data.includes('<') ? data : undefined);
    const details: GitHubErrorDetails = { status, cause: error };
    const graphqlErrors = (data as { errors?: unknown } | undefined)?.errors;
    const isGraphQLErrors = Array.isArray(graphqlErrors) && graphqlErrors.some((e) => e && typeof e === 'object' && 'type' in e);

    if (status === 401)
      return new GitHubError(
        'auth',
        `${svc} did not accept your sign-in (${ghMessage ?? 'Bad credentials'}): the token may have expired or been revoked. Sign in to GitHub again.`,
        details,
      );
    if (status === 403 || status === 429) {
      const secondary = /secondary rate limit|abuse/i.test(ghMessage ?? '') || header(headers, 'retry-after') !== undefined;
      if (secondary) return rateLimitError(headers, true, svc, now, details);
      if (
        header(headers, 'x-ratelimit-remaining') === '0' ||
        (isGraphQLErrors && (graphqlErrors as GraphQLErrorEntry[]).some((e) => e.type === 'RATE_LIMITED'))
      ) {
        return rateLimitError(headers, false, svc, now, details);
      }
      if (status === 429) return rateLimitError(headers, true, svc, now, details);
      const sso = header(headers, 'x-github-sso');
      if (sso) {
        const url = /url=(\S+)/.exec(sso)?.[1];
        return new GitHubError(
          'forbidden',
          `The organization requires single sign-on for this token. Authorize it${url ? ` at ${url}` : ' in your GitHub settings'}, then try again.`,
          details,
        );
      }
      return new GitHubError(
        'forbidden',
        `${svc} refused the request (403${ghMessage ? `: ${ghMessage}` : ''}). ` +
          'Check that your account has access, or sign in again with the needed permissions.',
        details,
      );
    }
    if (status === 404) {
      return new GitHubError(
        'not-found',
        `${svc} found nothing there (404). Check the repository or user name, and that your account can see it: ` +
          'GitHub answers 404 for private repositories you cannot access.',
        details,
      );
    }
    if (status === 410)
      return new GitHubError(
        'not-found',
        `${svc} says this is gone (410${ghMessage ? `: ${ghMessage}` : ''}), for example issues are turned off for the repository.`,
        details,
      );
    if (status >= 500) {
      return new GitHubError(
        'server',
        `${svc} had a problem answering (${status}${ghMessage ? ` ${ghMessage}` : ''}). This is usually temporary: try again in a few minutes.`,
        details,
      );
    }
    // 400, 409, 422: the request was understood and refused. Some endpoints list plain sentences.
    const fieldErrors =
      Array.isArray(graphqlErrors) && !isGraphQLErrors
        ? (graphqlErrors as unknown[]).flatMap((e): FieldError[] =>
            typeof e === 'string' ? [{ code: 'custom', message: e }] : e && typeof e === 'object' && 'code' in e ? [e as FieldError] : [],
          )
        : [];
    const detail = fieldErrors.length ? describeFieldErrors(fieldErrors) : (ghMessage ?? `status ${status}`);
    return new GitHubError('validation', `${svc} rejected the request (${status}): ${detail}. Correct it and try again.`, { ...details, fieldErrors });
  }

  const network = networkProblem(error);
  if (network) {
    switch (network.reason) {
      case 'timeout':
        return timeout();
      case 'refused':
        return new GitHubError('offline', `Could not connect to ${host} (connection refused). Check your network and the asyncDesk.github.apiUrl setting.`, {
          cause: error,
        });
      case 'dns':
        return new GitHubError(
          'offline',
          `Could not find ${host} (name lookup failed). Check your network connection and the asyncDesk.github.apiUrl setting.`,
          { cause: error },
        );
      case 'dropped':
        return new GitHubError('offline', `The connection to ${host} was closed before it answered. Check your network connection and try again.`, {
          cause: error,
        });
      default:
        return new GitHubError('offline', `Could not reach ${host}${network.code ? ` (${network.code})` : ''}. Check your network connection and try again.`, {
          cause: error,
        });
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GitHubError('server', `Something went wrong talking to ${svc}: ${message}. Try again; if it keeps happening, see the log.`, { cause: error });
}
