// REST representations of the fake's state, shaped like GitHub's (simple-user, full-repository, issue,
// milestone, …). The server checks each against the response schema in GitHub's description, so a
// field missing here shows up as a violation rather than as a client that works only against the fake.
import type { FakeIssue, FakeMilestone, FakeRepo, FakeState, FakeUser, Role } from './state';

export interface Urls {
  /** REST base, e.g. http://127.0.0.1:1234 */
  api: string;
  /** Web base for html_url, e.g. https://github.com */
  html: string;
}

export const nodeId = (kind: string, id: number) => Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64');

export function simpleUser(user: FakeUser, urls: Urls) {
  const api = `${urls.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('User', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.html}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GET /user: the authenticated user's private view. */
export function privateUser(user: FakeUser, urls: Urls) {
  return {
    ...simpleUser(user, urls),
    user_view_type: 'private',
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

function ownerOf(state: FakeState, repo: FakeRepo, urls: Urls) {
  const user = state.user(repo.owner);
  if (user) return simpleUser(user, urls);
  const org = state.organizations.get(repo.owner.toLowerCase())!;
  return { ...simpleUser({ login: org.login, id: org.id, name: null, status: null }, urls), type: 'Organization', node_id: nodeId('Organization', org.id) };
}

export function permissions(role: Role | undefined) {
  const rank = role ? ['pull', 'triage', 'push', 'maintain', 'admin'].indexOf(role) : -1;
  return { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 };
}

/** GET /repos/{owner}/{repo}, with `permissions` for the authenticated user. */
export function fullRepository(state: FakeState, repo: FakeRepo, viewer: string, urls: Urls) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const listUrls = Object.fromEntries(
    (
      [
        ['archive_url', '/{archive_format}{/ref}'],
        ['assignees_url', '/assignees{/user}'],
        ['blobs_url', '/git/blobs{/sha}'],
        ['branches_url', '/branches{/branch}'],
        ['collaborators_url', '/collaborators{/collaborator}'],
        ['comments_url', '/comments{/number}'],
        ['commits_url', '/commits{/sha}'],
        ['compare_url', '/compare/{base}...{head}'],
        ['contents_url', '/contents/{+path}'],
        ['contributors_url', '/contributors'],
        ['deployments_url', '/deployments'],
        ['downloads_url', '/downloads'],
        ['events_url', '/events'],
        ['forks_url', '/forks'],
        ['git_commits_url', '/git/commits{/sha}'],
        ['git_refs_url', '/git/refs{/sha}'],
        ['git_tags_url', '/git/tags{/sha}'],
        ['hooks_url', '/hooks'],
        ['issue_comment_url', '/issues/comments{/number}'],
        ['issue_events_url', '/issues/events{/number}'],
        ['issues_url', '/issues{/number}'],
        ['keys_url', '/keys{/key_id}'],
        ['labels_url', '/labels{/name}'],
        ['languages_url', '/languages'],
        ['merges_url', '/merges'],
        ['milestones_url', '/milestones{/number}'],
        ['notifications_url', '/notifications{?since,all,participating}'],
        ['pulls_url', '/pulls{/number}'],
        ['releases_url', '/releases{/id}'],
        ['stargazers_url', '/stargazers'],
        ['statuses_url', '/statuses/{sha}'],
        ['subscribers_url', '/subscribers'],
        ['subscription_url', '/subscription'],
        ['tags_url', '/tags'],
        ['teams_url', '/teams'],
        ['trees_url', '/git/trees{/sha}'],
      ] as const
    ).map(([key, suffix]) => [key, api + suffix]),
  );
  const openIssues = repo.issues.filter((i) => i.state === 'open').length;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: full,
    owner: ownerOf(state, repo, urls),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    html_url: `${urls.html}/${full}`,
    description: null,
    fork: false,
    url: api,
    ...listUrls,
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `${urls.html}/${full}.git`,
    svn_url: `${urls.html}/${full}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: 'main',
    open_issues: openIssues,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: repo.hasIssues,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    permissions: permissions(state.roleOf(repo, viewer)),
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function label(repo: FakeRepo, name: string, urls: Urls) {
  const found = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase())!;
  return {
    id: found.id,
    node_id: nodeId('Label', found.id),
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(found.name)}`,
    name: found.name,
    description: found.description,
    color: found.color,
    default: false,
  };
}

export function milestone(state: FakeState, repo: FakeRepo, m: FakeMilestone, urls: Urls) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}/milestones/${m.number}`;
  const issues = repo.issues.filter((i) => i.milestone === m.number);
  return {
    url: api,
    html_url: `${urls.html}/${repo.owner}/${repo.name}/milestone/${m.number}`,
    labels_url: `${api}/labels`,
    id: m.id,
    node_id: nodeId('Milestone', m.id),
    number: m.number,
    state: m.state,
    title: m.title,
    description: m.description,
    creator: simpleUser(state.user(m.creator)!, urls),
    open_issues: issues.filter((i) => i.state === 'open').length,
    closed_issues: issues.filter((i) => i.state === 'closed').length,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    closed_at: null,
    due_on: m.dueOn,
  };
}

export function issue(state: FakeState, repo: FakeRepo, i: FakeIssue, urls: Urls) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}/issues/${i.number}`;
  const assignees = i.assignees.map((login) => simpleUser(state.user(login)!, urls));
  const m = i.milestone === null ? null : repo.milestones.find((x) => x.number === i.milestone)!;
  const role = state.roleOf(repo, i.user);
  return {
    id: i.id,
    node_id: nodeId('Issue', i.id),
    url: api,
    repository_url: `${urls.api}/repos/${repo.owner}/${repo.name}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${urls.html}/${repo.owner}/${repo.name}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: null,
    title: i.title,
    body: i.body,
    user: simpleUser(state.user(i.user)!, urls),
    labels: i.labels.map((name) => label(repo, name, urls)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: m ? milestone(state, repo, m, urls) : null,
    locked: false,
    active_lock_reason: null,
    comments: 0,
    closed_at: null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    type: i.type
      ? { id: repo.issueTypes.indexOf(i.type) + 1, node_id: nodeId('IssueType', repo.issueTypes.indexOf(i.type) + 1), name: i.type, description: null }
      : null,
    author_association: role === 'admin' ? 'OWNER' : role && role !== 'pull' ? 'COLLABORATOR' : 'NONE',
  };
}
