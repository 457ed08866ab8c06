// A small GitHub client over an injected Octokit class: the extension passes `@octokit/core`'s Octokit
// from its lazily loaded GitHub bundle, tests pass the same class pointed at the loopback fake. Every
// call has a timeout and every failure comes out as a GitHubError (errors.ts), never a raw Octokit error.
import type { Octokit } from '@octokit/core';
import { graphqlErrorToGitHubError, toGitHubError, type GraphQLErrorEntry } from './errors';

export type OctokitClass = typeof Octokit;

export const GITHUB_API_URL = 'https://api.github.com';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface GitHubClientOptions {
  token: string;
  /** REST base: https://api.github.com (default), https://host/api/v3 for GHES, the fake's url in tests. */
  apiUrl?: string;
  userAgent: string;
  Octokit: OctokitClass;
  /** fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Clock for rate-limit reset computations (default Date.now). */
  now?: () => number;
}

export interface RestResponse<T> {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: T;
}

/** GraphQL data with the errors GitHub reported next to it (e.g. NOT_FOUND for one alias). */
export interface GraphQLResult<T> {
  data: T;
  errors: GraphQLErrorEntry[];
}

export interface GitHubClient {
  readonly apiUrl: string;
  readonly graphqlUrl: string;
  /** API host, for messages. */
  readonly host: string;
  /** A REST call, e.g. request('GET /repos/{owner}/{repo}', { owner, repo }). Throws GitHubError. */
  request<T = unknown>(route: string, params?: Record<string, unknown>): Promise<RestResponse<T>>;
  /**
   * A GraphQL call. Resolves when GitHub returned data, with any per-field errors beside it; throws a
   * GitHubError when there is no data, on a rate limit, or on any HTTP or network failure.
   */
  graphql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
}

/**
 * github.com's REST base has GraphQL at /graphql; GHES serves REST at /api/v3 and GraphQL at
 * /api/graphql; anything else (the fake, proxies) gets `${apiUrl}/graphql`.
 */
export function graphqlUrlFor(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? base.replace(/\/api\/v3$/, '/api/graphql') : `${base}/graphql`;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const apiUrl = (options.apiUrl || GITHUB_API_URL).replace(/\/+$/, '');
  const graphqlUrl = graphqlUrlFor(apiUrl);
  const host = new URL(apiUrl).host;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const octokit = new options.Octokit({
    auth: options.token,
    baseUrl: apiUrl,
    userAgent: options.userAgent,
    // Octokit's default logger writes deprecation notices to the console; the caller logs failures.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
  });

  /** Runs one Octokit call with a fresh timeout signal and classifies whatever it throws. */
  async function call<R>(run: (signal: AbortSignal) => Promise<R>): Promise<{ result: R; signal: AbortSignal }> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return { result: await run(signal), signal };
    } catch (error) {
      throw toGitHubError(error, { host, timeoutMs, timedOut: signal.aborted, now });
    }
  }

  return {
    apiUrl,
    graphqlUrl,
    host,

    async request<T>(route: string, params: Record<string, unknown> = {}) {
      const { result } = await call((signal) => octokit.request(route, { ...params, request: { signal } }));
      return { status: result.status, headers: result.headers, data: result.data as T };
    },

    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      // Through request() rather than octokit.graphql(): variables stay in their own object (so none
      // can collide with Octokit's option names) and the response headers stay available.
      const { result, signal } = await call((s) =>
        octokit.request({ method: 'POST', url: graphqlUrl, query, ...(variables ? { variables } : {}), request: { signal: s } }),
      );
      const body = result.data as { data?: T | null; errors?: GraphQLErrorEntry[] } | string | undefined;
      if (!body || typeof body !== 'object') {
        // Octokit yields '' when the body could not be read, e.g. cut off by our timeout.
        throw toGitHubError(new Error('GitHub answered without a GraphQL body'), { host, timeoutMs, timedOut: signal.aborted, now });
      }
      const errors = body.errors ?? [];
      if (body.data == null || errors.some((e) => e.type === 'RATE_LIMITED')) {
        throw graphqlErrorToGitHubError(errors, result.headers, { host, now }, result.status);
      }
      return { data: body.data, errors };
    },
  };
}
