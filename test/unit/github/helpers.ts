// Shared helpers for the GitHub tests: a client pointed at a fake server, and raw calls to the fake
// for checking its answers byte for byte.
import { Octokit } from '@octokit/core';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../../src/core/github';
import { DEFAULT_TOKEN, type FakeGitHub } from '../../fakeGithub/server';

export function clientFor(server: FakeGitHub, options: Partial<GitHubClientOptions> = {}): GitHubClient {
  return createGitHubClient({ token: DEFAULT_TOKEN, apiUrl: server.url, userAgent: 'async-desk-tests', Octokit, ...options });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (any shape: tests index into it freely), or the text when not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/** A request straight to the fake (no Octokit), with `token X` auth unless told otherwise. */
export async function call(
  server: FakeGitHub,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; auth?: string | null; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.auth === undefined ? `token ${DEFAULT_TOKEN}` : options.auth;
  if (auth) headers.authorization = auth;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(server.url + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export const graphql = (server: FakeGitHub, query: string, variables?: Record<string, unknown>, auth?: string | null) =>
  call(server, 'POST', '/graphql', { body: { query, ...(variables ? { variables } : {}) }, auth });
