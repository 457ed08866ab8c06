// For `npm run bench` (SPEC §5, issue 3: "one GraphQL request for 100 members"): fetches the statuses
// of `members` teammates from a fresh fake GitHub through the real client and reports how many
// requests that took and how long. The fake's one-time schema load is done before timing starts.
//   const { measureStatusRequests } = require('./out/test/fakeGithub/benchStatuses.js');
//   await measureStatusRequests(100) // → { members: 100, requests: 1, ms: 12.3, violations: [], … }
import { performance } from 'node:perf_hooks';
import { Octokit } from '@octokit/core';
import { createGitHubClient, fetchStatuses } from '../../src/core/github';
import { githubSchema, graphqlLoadStats } from './graphql';
import { startFakeGitHub, DEFAULT_TOKEN, type Violation } from './server';

export interface StatusBenchResult {
  members: number;
  /** GraphQL requests the client sent. */
  requests: number;
  /** Wall time of fetchStatuses, loopback included (ms). */
  ms: number;
  /** Members whose status came back (all of them, when it works). */
  answered: number;
  /** Bytes of the GraphQL documents sent. */
  queryBytes: number;
  /** One-time cost of loading GitHub's GraphQL schema into the fake (ms), not part of `ms`. */
  schemaLoadMs: number;
  violations: Violation[];
}

export async function measureStatusRequests(members = 100): Promise<StatusBenchResult> {
  githubSchema();
  const logins = Array.from({ length: members }, (_, i) => `member-${i}`);
  const server = await startFakeGitHub({
    users: logins.map((login, i) => ({ login, status: i % 4 === 0 ? { emoji: ':headphones:', message: 'Focus', indicatesLimitedAvailability: true } : null })),
  });
  try {
    const client = createGitHubClient({ token: DEFAULT_TOKEN, apiUrl: server.url, userAgent: 'async-desk-bench', Octokit });
    const started = performance.now();
    const statuses = await fetchStatuses(client, logins);
    const ms = performance.now() - started;
    return {
      members,
      requests: server.requests.length,
      ms,
      answered: statuses.size,
      queryBytes: server.requests.reduce((n, r) => n + Buffer.byteLength(r.graphql?.query ?? ''), 0),
      schemaLoadMs: graphqlLoadStats.loadMs,
      violations: [...server.violations],
    };
  } finally {
    await server.close();
  }
}
