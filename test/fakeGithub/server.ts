// A loopback fake of GitHub for tests (SPEC §4): REST at `url`, GraphQL at `${url}/graphql`, bound to
// 127.0.0.1 on a free port. Every request is validated against GitHub's published descriptions —
// REST against the OpenAPI description (`@octokit/openapi`), GraphQL against the schema
// (`@octokit/graphql-schema`) — so a request GitHub would reject fails the test: it is answered as
// GitHub would answer it AND recorded in `violations`, which tests assert to be empty.
// Faults (`failNext`) make the next matching requests fail the ways GitHub and networks do, before
// the request takes effect or (`afterEffect`) after it, as when a created issue's answer is lost.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { restDescription, type MatchedOperation } from './openapi';
import { runGraphQL, type GraphQLRequestBody } from './graphql';
import { restHandlers, notFound, type RestResult } from './rest';
import { FakeState, type FakeStatus, type ProjectInit, type RepoInit } from './state';

export { FakeState } from './state';
export type { FakeStatus, FakeUser, FakeRepo, FakeIssue, FakeMilestone, FakeProject, FakeProjectItem, ProjectFieldType, ProjectInit, Role } from './state';

/** The token every fake server accepts unless told otherwise; it belongs to DEFAULT_LOGIN. */
export const DEFAULT_TOKEN = 'fake-token';
export const DEFAULT_LOGIN = 'octocat';

export interface FakeGitHubOptions {
  /** token → login, or login and OAuth scopes (then sent back in `x-oauth-scopes` and enforced for
   *  `changeUserStatus` (`user`) and Projects v2: reading `projectV2` (`read:project` or `project`),
   *  adding items and setting field values (`project`)). Default: { [DEFAULT_TOKEN]: DEFAULT_LOGIN }
   *  with no scope limits. */
  tokens?: Record<string, string | { login: string; scopes?: string[] }>;
  /** Users to create, by login, optionally with a name and a status. */
  users?: (string | { login: string; name?: string; status?: Partial<FakeStatus> | null })[];
  /** Organizations and their members (members may see org-only statuses). */
  organizations?: Record<string, string[]>;
  /** Repositories by 'owner/name'. */
  repos?: Record<string, RepoInit>;
  /** Projects (v2) of users and organizations, with their custom fields. */
  projects?: ProjectInit[];
  /** Authorization schemes accepted (GitHub accepts both). */
  authSchemes?: ('token' | 'bearer')[];
  /** The fake's clock (status expiry, rate-limit reset, timestamps). Default: the real one. */
  now?: () => Date;
  /** Requests per window before the primary rate limit answers (GitHub: 5000, search 30). */
  rateLimits?: Partial<Record<RateResource, number>>;
  /** Also check the fake's own REST responses against the description (default true). */
  checkResponses?: boolean;
  /** Web base for html_url fields. Default https://github.com. */
  htmlUrl?: string;
  /** Search is eventually consistent on GitHub: issues newer than this (by the fake's clock) are not
   *  found by GET /search/issues yet. Default 0. */
  searchLagSeconds?: number;
}

type RateResource = 'core' | 'graphql' | 'search';

export interface FaultRule {
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Only requests matching all of these (default: any request). */
  match?: { method?: string; path?: string | RegExp; graphql?: boolean; operation?: string };
  status?: 401 | 403 | 404 | 422 | 429 | 500 | 502 | 503;
  /** A rate limit: primary (403 + x-ratelimit-remaining: 0 + x-ratelimit-reset; GraphQL: 200 with a
   *  RATE_LIMITED error) or secondary (429, or `status: 403`, with retry-after). */
  rateLimit?: { resetSeconds: number; secondary?: boolean };
  /** Wait this long before answering (for client timeouts); combined with a status or alone. */
  delayMs?: number;
  /** Destroy the socket instead of answering (the client sees a network error). */
  dropConnection?: boolean;
  /** Response body to send instead of the default one for the status. */
  body?: unknown;
  /** Extra response headers with the status (e.g. x-github-sso). */
  headers?: Record<string, string>;
  /** Let the request take effect first (the issue is created, the item added), then fail its answer
   *  as above: the client cannot tell whether it worked (a lost response). */
  afterEffect?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  /** 'graphql', a REST operation id ('issues/create'), or undefined for unknown endpoints. */
  operation?: string;
  graphql?: { query: string; variables?: Record<string, unknown>; operationName?: string };
  /** Status answered; undefined when the connection was dropped. */
  status?: number;
  fault?: FaultRule;
}

export interface Violation {
  kind: 'unknown-operation' | 'invalid-request' | 'invalid-graphql' | 'unimplemented' | 'invalid-response';
  method: string;
  path: string;
  messages: string[];
}

export interface FakeGitHub {
  /** REST base URL (use as apiUrl); GraphQL is at `${url}/graphql`. */
  url: string;
  graphqlUrl: string;
  requests: RecordedRequest[];
  violations: Violation[];
  state: FakeState;
  failNext(rule: FaultRule): void;
  /** Forgets recorded requests and violations (not the state). */
  reset(): void;
  close(): Promise<void>;
}

const REST_DOCS = 'https://docs.github.com/rest';
const GRAPHQL_DOCS = 'https://docs.github.com/graphql';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const now = options.now ?? (() => new Date());
  const state = new FakeState(now);
  state.searchLagMs = (options.searchLagSeconds ?? 0) * 1000;
  for (const [token, who] of Object.entries(options.tokens ?? { [DEFAULT_TOKEN]: DEFAULT_LOGIN })) {
    if (typeof who === 'string') state.addToken(token, who);
    else state.addToken(token, who.login, who.scopes);
  }
  for (const u of options.users ?? []) {
    if (typeof u === 'string') state.addUser(u);
    else state.addUser(u.login, { name: u.name, status: u.status });
  }
  for (const [org, members] of Object.entries(options.organizations ?? {})) state.addOrganization(org, members);
  for (const [name, init] of Object.entries(options.repos ?? {})) state.addRepo(name, init);
  for (const init of options.projects ?? []) state.addProject(init);

  const schemes = new Set(options.authSchemes ?? ['token', 'bearer']);
  const limits: Record<RateResource, number> = { core: 5000, graphql: 5000, search: 30, ...options.rateLimits };
  const windows = new Map<string, { used: number; resetAt: number }>();
  const checkResponses = options.checkResponses ?? true;
  // Loaded on the first REST request: a GraphQL-only test does not pay for the REST description.
  const rest = () => restDescription();

  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const faults: (FaultRule & { left: number })[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let urls = { api: '', html: options.htmlUrl ?? 'https://github.com' };

  const violation = (kind: Violation['kind'], rec: RecordedRequest, messages: string[]) =>
    violations.push({ kind, method: rec.method, path: rec.path, messages });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function rateWindow(key: string, resource: RateResource) {
    const nowMs = now().getTime();
    let w = windows.get(key);
    if (!w || nowMs >= w.resetAt) {
      w = { used: 0, resetAt: nowMs + 3600_000 };
      windows.set(key, w);
    }
    return { limit: limits[resource], ...w, remaining: Math.max(0, limits[resource] - w.used), resetAtSeconds: Math.ceil(w.resetAt / 1000) };
  }

  function send(res: ServerResponse, rec: RecordedRequest, status: number, body: unknown, headers: Record<string, string> = {}) {
    rec.status = status;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      ...headers,
    });
    res.end(text);
  }

  /** The next fault for this request: one applied before it takes effect, or (afterEffect) after. */
  function takeFault(rec: RecordedRequest, afterEffect: boolean): FaultRule | undefined {
    const index = faults.findIndex((f) => {
      if (!!f.afterEffect !== afterEffect) return false;
      const m = f.match;
      if (!m) return true;
      if (m.method && m.method.toUpperCase() !== rec.method) return false;
      if (m.graphql !== undefined && m.graphql !== (rec.operation === 'graphql')) return false;
      if (m.operation && m.operation !== rec.operation) return false;
      if (m.path && !(typeof m.path === 'string' ? rec.path === m.path : m.path.test(rec.path))) return false;
      return true;
    });
    if (index < 0) return undefined;
    const fault = faults[index]!;
    if (--fault.left <= 0) faults.splice(index, 1);
    const { left, ...rule } = fault; // the rule without its remaining count
    return rule;
  }

  /** Answers a request with an injected fault; false when the fault only delays it. */
  async function applyFault(
    fault: FaultRule,
    req: IncomingMessage,
    res: ServerResponse,
    rec: RecordedRequest,
    isGraphQL: boolean,
    rateHeaders: Record<string, string>,
  ): Promise<boolean> {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (res.destroyed || req.socket.destroyed) return true;
    if (fault.dropConnection) {
      req.socket.destroy();
      return true;
    }
    const docs = isGraphQL ? GRAPHQL_DOCS : REST_DOCS;
    if (fault.rateLimit) {
      const reset = Math.ceil(now().getTime() / 1000) + fault.rateLimit.resetSeconds;
      if (fault.rateLimit.secondary) {
        send(
          res,
          rec,
          fault.status ?? 429,
          fault.body ?? {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
              'If you reach out to GitHub Support for help, please include the request ID.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: String(fault.status ?? 429),
          },
          { ...rateHeaders, 'retry-after': String(fault.rateLimit.resetSeconds) },
        );
      } else {
        primaryRateLimited(res, rec, isGraphQL, fault.status, { ...rateHeaders, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) });
      }
      return true;
    }
    if (fault.status) {
      const headers = { ...rateHeaders, ...fault.headers };
      const defaults: Record<number, string> = {
        401: 'Bad credentials',
        403: 'Resource not accessible by personal access token',
        404: 'Not Found',
        422: 'Validation Failed',
        429: 'Too Many Requests',
        500: 'Server Error',
      };
      if (fault.body !== undefined) send(res, rec, fault.status, fault.body, headers);
      // GitHub's load balancers answer 502/503 with an HTML page, not JSON.
      else if (fault.status === 502 || fault.status === 503)
        send(
          res,
          rec,
          fault.status,
          '<!DOCTYPE html><html><body><h1>Unicorn! · GitHub</h1><p>No server is currently available to service your request.</p></body></html>',
          headers,
        );
      else
        send(
          res,
          rec,
          fault.status,
          { message: defaults[fault.status], ...(fault.status === 422 ? { errors: [] } : {}), documentation_url: docs, status: String(fault.status) },
          headers,
        );
      return true;
    }
    return false;
  }

  /** Applies an afterEffect fault to a request that has taken effect; false when there is none or it only delays. */
  async function lostAnswer(
    req: IncomingMessage,
    res: ServerResponse,
    rec: RecordedRequest,
    isGraphQL: boolean,
    rateHeaders: Record<string, string>,
  ): Promise<boolean> {
    const fault = takeFault(rec, true);
    if (!fault) return false;
    rec.fault = fault;
    return applyFault(fault, req, res, rec, isGraphQL, rateHeaders);
  }

  function primaryRateLimited(res: ServerResponse, rec: RecordedRequest, isGraphQL: boolean, status: number | undefined, headers: Record<string, string>) {
    const user = state.tokens.get(tokenOf(rec) ?? '')?.login ?? 'unknown';
    const id = state.user(user)?.id ?? 0;
    if (isGraphQL && (status ?? 200) === 200) {
      send(res, rec, 200, { errors: [{ type: 'RATE_LIMITED', message: `API rate limit already exceeded for user ID ${id}.` }] }, headers);
    } else {
      send(
        res,
        rec,
        status ?? 403,
        {
          message: `API rate limit exceeded for user ID ${id}. If you reach out to GitHub Support for help, please include the request ID.`,
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
          status: String(status ?? 403),
        },
        headers,
      );
    }
  }

  function tokenOf(rec: RecordedRequest): string | undefined {
    const m = /^(\w+)\s+(\S+)$/.exec(rec.headers.authorization ?? '');
    return m && schemes.has(m[1]!.toLowerCase()) ? m[2] : undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? [...([] as string[]).concat(query[k]!), v] : v;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const rec: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query, headers, body: undefined };
    requests.push(rec);

    let bodyValue: unknown;
    let jsonError = false;
    if (raw.length) {
      try {
        bodyValue = JSON.parse(raw);
      } catch {
        bodyValue = raw;
        jsonError = true;
      }
    }
    rec.body = bodyValue;
    const isGraphQL = url.pathname === '/graphql';
    if (jsonError) {
      violation('invalid-request', rec, ['the body is not valid JSON']);
      return send(res, rec, 400, { message: 'Problems parsing JSON', documentation_url: isGraphQL ? GRAPHQL_DOCS : REST_DOCS, status: '400' });
    }

    // 1. Is this a request GitHub knows?
    let op: MatchedOperation | undefined;
    let checked: { params: Record<string, unknown>; query: Record<string, unknown> } = { params: {}, query: {} };
    if (isGraphQL) {
      rec.operation = 'graphql';
      if (rec.method !== 'POST') {
        violation('unknown-operation', rec, [`${rec.method} /graphql: GitHub's GraphQL endpoint takes POST only`]);
        return send(res, rec, 404, notFound().body);
      }
      const b = (bodyValue ?? {}) as GraphQLRequestBody;
      if (typeof b.query === 'string')
        rec.graphql = { query: b.query, variables: b.variables as Record<string, unknown> | undefined, operationName: b.operationName as string | undefined };
    } else {
      op = rest().match(rec.method, url.pathname);
      if (!op) {
        violation('unknown-operation', rec, [`${rec.method} ${url.pathname} is not an operation of GitHub's REST API`]);
        return send(res, rec, 404, notFound().body);
      }
      rec.operation = op.id;
      const check = rest().checkRequest(op, query, { present: raw.length > 0, value: bodyValue });
      if (check.errors.length) {
        violation('invalid-request', rec, check.errors);
        return send(res, rec, 422, { message: `Invalid request.\n\n${check.errors.join('\n')}`, documentation_url: REST_DOCS, status: '422' });
      }
      checked = check;
    }

    // 2. Authentication.
    const token = tokenOf(rec);
    const who = token ? state.tokens.get(token) : undefined;
    const resource: RateResource = isGraphQL ? 'graphql' : op?.id.startsWith('search/') ? 'search' : 'core';
    const window = who ? rateWindow(`${who.login}:${resource}`, resource) : undefined;
    const rateHeaders: Record<string, string> = window
      ? {
          'x-ratelimit-limit': String(window.limit),
          'x-ratelimit-remaining': String(Math.max(0, window.remaining - 1)),
          'x-ratelimit-reset': String(window.resetAtSeconds),
          'x-ratelimit-used': String(Math.min(window.limit, window.used + 1)),
          'x-ratelimit-resource': resource,
          ...(who?.scopes ? { 'x-oauth-scopes': who.scopes.join(', '), 'x-accepted-oauth-scopes': '' } : {}),
        }
      : {};

    // 3. Injected faults (after validation, so an invalid request is reported even while failing).
    const fault = takeFault(rec, false);
    if (fault) {
      rec.fault = fault;
      if (await applyFault(fault, req, res, rec, isGraphQL, rateHeaders)) return;
    }

    if (!who) {
      const message = !rec.headers.authorization
        ? isGraphQL
          ? 'This endpoint requires you to be authenticated.'
          : 'Requires authentication'
        : 'Bad credentials';
      return send(res, rec, 401, {
        message,
        documentation_url: isGraphQL ? 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql' : REST_DOCS,
        status: '401',
      });
    }

    // 4. Primary rate limit, counted per user and resource like GitHub.
    if (window!.remaining <= 0) {
      return primaryRateLimited(res, rec, isGraphQL, undefined, { ...rateHeaders, 'x-ratelimit-remaining': '0' });
    }
    windows.get(`${who.login}:${resource}`)!.used++;

    // 5. The request itself.
    if (isGraphQL) {
      const outcome = await runGraphQL(bodyValue ?? {}, {
        state,
        viewer: who.login,
        scopes: who.scopes,
        rateLimit: { limit: window!.limit, remaining: window!.remaining - 1, used: window!.used + 1, resetAt: new Date(window!.resetAtSeconds * 1000) },
        htmlUrl: urls.html,
      });
      if (outcome.invalid.length) violation('invalid-graphql', rec, outcome.invalid);
      if (outcome.unimplemented.length) violation('unimplemented', rec, outcome.unimplemented);
      if (await lostAnswer(req, res, rec, isGraphQL, rateHeaders)) return;
      return send(res, rec, 200, outcome.body, rateHeaders);
    }
    const handler = restHandlers[op!.id];
    if (!handler) {
      violation('unimplemented', rec, [`${op!.id} (${rec.method} ${op!.template}) is valid but not implemented by the fake GitHub`]);
      return send(res, rec, 501, { message: `The fake GitHub does not implement ${op!.id}`, documentation_url: REST_DOCS }, rateHeaders);
    }
    const result: RestResult = handler({
      state,
      urls,
      viewer: who.login,
      params: checked.params,
      query: checked.query,
      body: bodyValue as Record<string, unknown> | undefined,
    });
    if (checkResponses && result.body !== undefined) {
      const problems = rest().checkResponse(op!, result.status, result.body);
      if (problems.length)
        violation(
          'invalid-response',
          rec,
          problems.map((p) => `fake response ${result.status} of ${op!.id}: ${p}`),
        );
    }
    if (await lostAnswer(req, res, rec, isGraphQL, rateHeaders)) return;
    send(res, rec, result.status, result.body ?? '', { ...rateHeaders, ...result.headers });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push({
        kind: 'unimplemented',
        method: req.method ?? '',
        path: req.url ?? '',
        messages: [`fake GitHub crashed: ${(error as Error).stack ?? String(error)}`],
      });
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: 'fake GitHub crashed' }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  urls = { ...urls, api: url };

  return {
    url,
    graphqlUrl: `${url}/graphql`,
    requests,
    violations,
    state,
    failNext(rule) {
      faults.push({ ...rule, left: rule.times ?? 1 });
    },
    reset() {
      requests.length = 0;
      violations.length = 0;
      faults.length = 0;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
