// The REST endpoints the fake implements, by operation id. Requests reach these only after the server
// has matched them to GitHub's description and validated them, so handlers can trust the shapes.
import * as objects from './objects';
import type { FakeIssue, FakeRepo, FakeState } from './state';

export interface RestContext {
  state: FakeState;
  urls: objects.Urls;
  /** The authenticated user's login. */
  viewer: string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown> | undefined;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';

export const notFound = (): RestResult => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });

export function validationFailed(errors: { resource: string; field: string; code: string; value?: unknown; message?: string }[]): RestResult {
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: DOCS, status: '422' } };
}

/** A validated query or body value as text: the schemas allow strings, numbers and booleans there. */
function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

/** The repo when the viewer may see it; GitHub answers 404 (not 403) for private repos you cannot see. */
function visibleRepo(ctx: RestContext): FakeRepo | undefined {
  const repo = ctx.state.repo(String(ctx.params.owner), String(ctx.params.repo));
  return repo && ctx.state.can(repo, ctx.viewer, 'pull') ? repo : undefined;
}

/** One page of a list, with GitHub's Link header when there are other pages. */
function page<T>(ctx: RestContext, path: string, items: T[]): RestResult {
  const perPage = Math.min(Number(ctx.query.per_page ?? 30), 100);
  const pageNo = Math.max(Number(ctx.query.page ?? 1), 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  if (last > 1) {
    const link = (n: number, rel: string) => {
      const params = new URLSearchParams(Object.entries(ctx.query).map(([k, v]): [string, string] => [k, String(v)]));
      params.set('per_page', String(perPage));
      params.set('page', String(n));
      return `<${ctx.urls.api}${path}?${params.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNo > 1) links.push(link(pageNo - 1, 'prev'));
    if (pageNo < last) links.push(link(pageNo + 1, 'next'));
    links.push(link(last, 'last'), link(1, 'first'));
    headers.link = links.join(', ');
  }
  return { status: 200, body: items.slice((pageNo - 1) * perPage, pageNo * perPage), headers };
}

type Handler = (ctx: RestContext) => RestResult;

export const restHandlers: Record<string, Handler> = {
  'users/get-authenticated': (ctx) => ({ status: 200, body: objects.privateUser(ctx.state.user(ctx.viewer)!, ctx.urls) }),

  'repos/get': (ctx) => {
    const repo = visibleRepo(ctx);
    return repo ? { status: 200, body: objects.fullRepository(ctx.state, repo, ctx.viewer, ctx.urls) } : notFound();
  },

  'repos/get-collaborator-permission-level': (ctx) => {
    const repo = visibleRepo(ctx);
    const user = ctx.state.user(String(ctx.params.username));
    if (!repo || !user) return notFound();
    const role = ctx.state.roleOf(repo, user.login);
    // `permission` is the legacy base role (maintain → write, triage → read); role_name the role itself.
    const permission = !role ? 'none' : role === 'admin' ? 'admin' : role === 'push' || role === 'maintain' ? 'write' : 'read';
    const roleName = !role ? 'none' : role === 'push' ? 'write' : role === 'pull' ? 'read' : role;
    return {
      status: 200,
      body: { permission, role_name: roleName, user: { ...objects.simpleUser(user, ctx.urls), permissions: objects.permissions(role), role_name: roleName } },
    };
  },

  'issues/list-for-repo': (ctx) => {
    const repo = visibleRepo(ctx);
    if (!repo) return notFound();
    const q = ctx.query;
    // Recorded as a violation (the server catches the throw): a filter the fake would silently ignore.
    for (const name of ['milestone', 'assignee', 'labels', 'mentioned', 'type', 'issue_field_values']) {
      if (q[name] !== undefined) throw new Error(`issues/list-for-repo: the "${name}" filter is not implemented by the fake GitHub`);
    }
    const state = text(q.state, 'open');
    const since = q.since === undefined ? undefined : Date.parse(text(q.since));
    const sortKey = (i: FakeIssue) => Date.parse(q.sort === 'updated' ? i.updatedAt : i.createdAt);
    const direction = q.direction === 'asc' ? 1 : -1;
    const list = repo.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => q.creator === undefined || i.user.toLowerCase() === text(q.creator).toLowerCase())
      // `since`: issues updated at or after that time.
      .filter((i) => since === undefined || Date.parse(i.updatedAt) >= since)
      .sort((a, b) => (sortKey(a) - sortKey(b)) * direction || (a.number - b.number) * direction)
      .map((i) => objects.issue(ctx.state, repo, i, ctx.urls));
    return page(ctx, `/repos/${repo.owner}/${repo.name}/issues`, list);
  },

  'issues/list-assignees': (ctx) => {
    const repo = visibleRepo(ctx);
    if (!repo) return notFound();
    const users = ctx.state.assignees(repo).map((u) => objects.simpleUser(u, ctx.urls));
    return page(ctx, `/repos/${repo.owner}/${repo.name}/assignees`, users);
  },

  'issues/list-milestones': (ctx) => {
    const repo = visibleRepo(ctx);
    if (!repo) return notFound();
    const state = text(ctx.query.state, 'open');
    const direction = ctx.query.direction === 'desc' ? -1 : 1;
    const key = (m: FakeRepo['milestones'][number]) =>
      ctx.query.sort === 'completeness'
        ? repo.issues.filter((i) => i.milestone === m.number && i.state === 'closed').length /
          Math.max(1, repo.issues.filter((i) => i.milestone === m.number).length)
        : m.dueOn
          ? Date.parse(m.dueOn)
          : Number.MAX_SAFE_INTEGER;
    const list = repo.milestones
      .filter((m) => state === 'all' || m.state === state)
      .sort((a, b) => (key(a) - key(b)) * direction || a.number - b.number)
      .map((m) => objects.milestone(ctx.state, repo, m, ctx.urls));
    return page(ctx, `/repos/${repo.owner}/${repo.name}/milestones`, list);
  },

  'issues/create-milestone': (ctx) => {
    const repo = visibleRepo(ctx);
    if (!repo) return notFound();
    // The description documents only 404 and 422 here: without push access GitHub answers 404.
    if (!ctx.state.can(repo, ctx.viewer, 'push')) return notFound();
    const body = ctx.body!;
    const title = String(body.title);
    if (!title.trim()) return validationFailed([{ resource: 'Milestone', code: 'missing_field', field: 'title' }]);
    if (repo.milestones.some((m) => m.title === title)) return validationFailed([{ resource: 'Milestone', code: 'already_exists', field: 'title' }]);
    const now = ctx.state
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const created = {
      id: ctx.state.newId(),
      number: repo.milestones.length + 1,
      title,
      description: (body.description as string | undefined) ?? null,
      state: (body.state as 'open' | 'closed' | undefined) ?? 'open',
      dueOn: typeof body.due_on === 'string' ? new Date(body.due_on).toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
      creator: ctx.state.user(ctx.viewer)!.login,
      createdAt: now,
      updatedAt: now,
    };
    repo.milestones.push(created);
    return {
      status: 201,
      body: objects.milestone(ctx.state, repo, created, ctx.urls),
      headers: { location: `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/milestones/${created.number}` },
    };
  },

  'issues/create': (ctx) => {
    const repo = visibleRepo(ctx);
    if (!repo) return notFound();
    if (!repo.hasIssues) return { status: 410, body: { message: 'Issues are disabled for this repo', documentation_url: DOCS, status: '410' } };
    const body = ctx.body!;
    const title = text(body.title);
    if (!title.trim()) return validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
    // GitHub silently drops labels, assignees, milestone and type from users without push access.
    const pusher = ctx.state.can(repo, ctx.viewer, 'push');
    const labels = pusher ? ((body.labels as (string | { name?: string })[] | undefined) ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))) : [];
    const assignees = pusher ? [...((body.assignees as string[] | undefined) ?? []), ...(typeof body.assignee === 'string' ? [body.assignee] : [])] : [];
    const assignable = new Set(ctx.state.assignees(repo).map((u) => u.login.toLowerCase()));
    const errors: Parameters<typeof validationFailed>[0] = [];
    for (const login of assignees) {
      if (!assignable.has(login.toLowerCase())) errors.push({ resource: 'Issue', code: 'invalid', field: 'assignees', value: login });
    }
    let milestone: number | null = null;
    if (pusher && body.milestone !== undefined && body.milestone !== null) {
      milestone = Number(body.milestone);
      if (!repo.milestones.some((m) => m.number === milestone))
        errors.push({ resource: 'Issue', code: 'invalid', field: 'milestone', value: text(body.milestone) });
    }
    const type = pusher && typeof body.type === 'string' ? body.type : null;
    if (type !== null && !repo.issueTypes.some((t) => t.toLowerCase() === type.toLowerCase()))
      errors.push({ resource: 'Issue', code: 'invalid', field: 'type', value: type });
    if (errors.length) return validationFailed(errors);
    // Labels that do not exist yet are created, as GitHub does for users who may push.
    for (const name of labels) if (!repo.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) repo.labels.push(ctx.state.newLabel(name));
    const now = ctx.state
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const created: FakeIssue = {
      id: ctx.state.newId(),
      number: repo.issues.length + 1,
      title,
      body: (body.body as string | undefined) ?? null,
      state: 'open',
      user: ctx.state.user(ctx.viewer)!.login,
      labels: [...new Set(labels)],
      assignees: [...new Set(assignees.map((a) => ctx.state.user(a)!.login))],
      milestone,
      type,
      createdAt: now,
      updatedAt: now,
    };
    repo.issues.push(created);
    return {
      status: 201,
      body: objects.issue(ctx.state, repo, created, ctx.urls),
      headers: { location: `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/issues/${created.number}` },
    };
  },

  'search/issues-and-pull-requests': (ctx) => {
    const q = parseSearch(String(ctx.query.q));
    const indexedUntil = ctx.state.now().getTime() - ctx.state.searchLagMs;
    const found: { repo: FakeRepo; issue: FakeIssue }[] = [];
    for (const repo of ctx.state.repos.values()) {
      if (!ctx.state.can(repo, ctx.viewer, 'pull')) continue;
      if (q.repo && q.repo !== `${repo.owner}/${repo.name}`.toLowerCase()) continue;
      for (const i of repo.issues) {
        if (Date.parse(i.createdAt) > indexedUntil) continue;
        if (q.state && i.state !== q.state) continue;
        if (q.author && i.user.toLowerCase() !== q.author) continue;
        const haystack = [q.in.has('title') ? i.title : '', q.in.has('body') ? (i.body ?? '') : ''].join('\n').toLowerCase();
        if (q.terms.every((t) => haystack.includes(t))) found.push({ repo, issue: i });
      }
    }
    const items = found.map(({ repo, issue }) => ({ ...objects.issue(ctx.state, repo, issue, ctx.urls), score: 1 }));
    const paged = page(ctx, '/search/issues', items);
    return { ...paged, body: { total_count: items.length, incomplete_results: false, search_type: 'lexical', items: paged.body } };
  },
};

/**
 * The part of GitHub's search syntax the fake understands: `repo:`, `is:open|closed|issue`, `state:`,
 * `author:`, `in:title|body`, and words or "quoted phrases" matched as case-insensitive substrings
 * (GitHub matches whole words; substrings are close enough for finding a marker).
 */
export function parseSearch(q: string) {
  const result = { repo: '', state: '' as '' | 'open' | 'closed', author: '', in: new Set<string>(), terms: [] as string[] };
  for (const m of q.matchAll(/(\w+):("[^"]*"|\S+)|"([^"]*)"|(\S+)/g)) {
    const [, key, value, phrase, word] = m;
    const v = value?.replace(/^"|"$/g, '').toLowerCase() ?? '';
    if (key === 'repo') result.repo = v;
    else if ((key === 'is' || key === 'state') && (v === 'open' || v === 'closed')) result.state = v;
    else if (key === 'author') result.author = v;
    else if (key === 'in') v.split(',').forEach((x) => result.in.add(x));
    else if (key === undefined) result.terms.push((phrase ?? word ?? '').toLowerCase());
  }
  if (!result.in.size) result.in = new Set(['title', 'body']);
  result.terms = result.terms.filter(Boolean);
  return result;
}
