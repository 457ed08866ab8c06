// The in-memory GitHub behind the fake server: users (with their status), tokens (with their scopes),
// organizations, repositories with collaborators, issues, labels and milestones, and Projects (v2)
// with their fields and items. Tests seed it through
// the server options or these methods and read it back to check what a request changed.

export type Role = 'admin' | 'maintain' | 'push' | 'triage' | 'pull';

export interface FakeStatus {
  emoji: string | null;
  message: string | null;
  indicatesLimitedAvailability: boolean;
  /** ISO 8601; GitHub stops showing the status after it. */
  expiresAt: string | null;
  /** Node id of the organization whose members may see it; null: public. */
  organizationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeUser {
  login: string;
  id: number;
  name: string | null;
  status: FakeStatus | null;
}

export interface FakeOrganization {
  login: string;
  id: number;
  members: string[];
}

export interface FakeToken {
  login: string;
  /** OAuth scopes; undefined: a token that may do anything (like a fine-grained token with every permission). */
  scopes?: string[];
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeMilestone {
  id: number;
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  dueOn: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: string;
  labels: string[];
  assignees: string[];
  milestone: number | null;
  type: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeRepo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  hasIssues: boolean;
  /** Collaborators by login (lower case); on a public repo everyone else may pull. */
  roles: Map<string, Role>;
  labels: FakeLabel[];
  milestones: FakeMilestone[];
  issues: FakeIssue[];
  /** Issue types (organization-level on github.com); empty: the repo takes no `type`. */
  issueTypes: string[];
  createdAt: string;
}

export interface RepoInit {
  private?: boolean;
  hasIssues?: boolean;
  /** login → role; the owner (when a user) is admin unless given. */
  collaborators?: Record<string, Role>;
  labels?: string[];
  issueTypes?: string[];
}

/** A Projects (v2) field's data type, as GraphQL's ProjectV2FieldType names it. */
export type ProjectFieldType = 'TITLE' | 'ASSIGNEES' | 'LABELS' | 'MILESTONE' | 'REPOSITORY' | 'SINGLE_SELECT' | 'TEXT' | 'NUMBER' | 'DATE' | 'ITERATION';

export interface FakeProjectField {
  id: number;
  name: string;
  dataType: ProjectFieldType;
  /** SINGLE_SELECT only. */
  options: { id: string; name: string }[];
}

export interface FakeProjectItem {
  id: number;
  /** Node id of the issue the item stands for, and the same as 'owner/repo#number' for reading tests. */
  contentId: string;
  content: string;
  /** Field name → value set through updateProjectV2ItemFieldValue (a date is 'YYYY-MM-DD'). */
  values: Record<string, string | number>;
  createdAt: string;
}

export interface FakeProject {
  id: number;
  /** Login of the user or organization that owns it. */
  owner: string;
  number: number;
  title: string;
  closed: boolean;
  fields: FakeProjectField[];
  items: FakeProjectItem[];
  createdAt: string;
}

export interface ProjectInit {
  owner: string;
  /** Default: the owner's next free number. */
  number?: number;
  title?: string;
  closed?: boolean;
  /** Custom fields by name, next to the ones every new project has (Title, Assignees, Status, …). */
  fields?: Record<string, ProjectFieldType>;
}

// The fields GitHub gives every new project (a subset: the ones a client may look up by name).
const DEFAULT_PROJECT_FIELDS: [string, ProjectFieldType][] = [
  ['Title', 'TITLE'],
  ['Assignees', 'ASSIGNEES'],
  ['Status', 'SINGLE_SELECT'],
  ['Labels', 'LABELS'],
  ['Milestone', 'MILESTONE'],
  ['Repository', 'REPOSITORY'],
];

const ROLE_RANK: Record<Role, number> = { pull: 0, triage: 1, push: 2, maintain: 3, admin: 4 };

export class FakeState {
  readonly users = new Map<string, FakeUser>();
  readonly organizations = new Map<string, FakeOrganization>();
  readonly tokens = new Map<string, FakeToken>();
  readonly repos = new Map<string, FakeRepo>();
  readonly projects: FakeProject[] = [];
  /** Issues younger than this are not found by search yet (GitHub's search index lags behind). */
  searchLagMs = 0;
  private nextId = 1000;

  constructor(readonly now: () => Date) {}

  newId(): number {
    return this.nextId++;
  }

  addUser(login: string, init: { name?: string | null; status?: Partial<FakeStatus> | null } = {}): FakeUser {
    const user: FakeUser = { login, id: this.newId(), name: init.name ?? null, status: null };
    this.users.set(login.toLowerCase(), user);
    if (init.status) this.setStatus(login, init.status);
    return user;
  }

  addOrganization(login: string, members: string[] = []): FakeOrganization {
    const org: FakeOrganization = { login, id: this.newId(), members: members.map((m) => m.toLowerCase()) };
    this.organizations.set(login.toLowerCase(), org);
    return org;
  }

  addToken(token: string, login: string, scopes?: string[]): void {
    if (!this.user(login)) this.addUser(login);
    this.tokens.set(token, { login, scopes });
  }

  user(login: string): FakeUser | undefined {
    return this.users.get(login.toLowerCase());
  }

  /** Sets (or with null clears) a user's status, as `changeUserStatus` does. */
  setStatus(login: string, status: Partial<FakeStatus> | null): FakeStatus | null {
    const user = this.user(login) ?? this.addUser(login);
    const now = this.now().toISOString();
    user.status = status
      ? {
          emoji: status.emoji ?? null,
          message: status.message ?? null,
          indicatesLimitedAvailability: status.indicatesLimitedAvailability ?? false,
          expiresAt: status.expiresAt ?? null,
          organizationId: status.organizationId ?? null,
          createdAt: status.createdAt ?? now,
          updatedAt: now,
        }
      : null;
    return user.status;
  }

  /** The status GitHub would show now: none once it has expired. */
  visibleStatus(login: string): FakeStatus | null {
    const status = this.user(login)?.status ?? null;
    if (status?.expiresAt && Date.parse(status.expiresAt) <= this.now().getTime()) return null;
    return status;
  }

  addRepo(fullName: string, init: RepoInit = {}): FakeRepo {
    const [owner, name] = fullName.split('/') as [string, string];
    if (!this.user(owner) && !this.organizations.has(owner.toLowerCase())) this.addUser(owner);
    const roles = new Map<string, Role>();
    if (this.user(owner)) roles.set(owner.toLowerCase(), 'admin');
    for (const [login, role] of Object.entries(init.collaborators ?? {})) {
      if (!this.user(login)) this.addUser(login);
      roles.set(login.toLowerCase(), role);
    }
    const repo: FakeRepo = {
      id: this.newId(),
      owner,
      name,
      private: init.private ?? false,
      hasIssues: init.hasIssues ?? true,
      roles,
      labels: (init.labels ?? ['bug', 'enhancement', 'documentation']).map((label) => this.newLabel(label)),
      milestones: [],
      issues: [],
      issueTypes: init.issueTypes ?? [],
      createdAt: this.now().toISOString(),
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  newLabel(name: string): FakeLabel {
    return { id: this.newId(), name, color: 'ededed', description: null };
  }

  /** The role a user has on a repo: collaborators' own, else pull on public repos, else none. */
  roleOf(repo: FakeRepo, login: string): Role | undefined {
    return repo.roles.get(login.toLowerCase()) ?? (repo.private ? undefined : 'pull');
  }

  can(repo: FakeRepo, login: string, needed: Role): boolean {
    const role = this.roleOf(repo, login);
    return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];
  }

  /** Users who can be assigned to the repo's issues: collaborators with at least triage. */
  assignees(repo: FakeRepo): FakeUser[] {
    return [...repo.roles.entries()]
      .filter(([, role]) => ROLE_RANK[role] >= ROLE_RANK.triage)
      .map(([login]) => this.user(login)!)
      .sort((a, b) => a.login.localeCompare(b.login));
  }

  addProject(init: ProjectInit): FakeProject {
    if (!this.user(init.owner) && !this.organizations.has(init.owner.toLowerCase())) this.addUser(init.owner);
    const mine = this.projects.filter((p) => p.owner.toLowerCase() === init.owner.toLowerCase());
    const field = (name: string, dataType: ProjectFieldType): FakeProjectField => ({
      id: this.newId(),
      name,
      dataType,
      options: dataType === 'SINGLE_SELECT' ? ['Todo', 'In Progress', 'Done'].map((o) => ({ id: this.newId().toString(16), name: o })) : [],
    });
    const project: FakeProject = {
      id: this.newId(),
      owner: init.owner,
      number: init.number ?? Math.max(0, ...mine.map((p) => p.number)) + 1,
      title: init.title ?? `Project ${mine.length + 1}`,
      closed: init.closed ?? false,
      fields: [...DEFAULT_PROJECT_FIELDS, ...Object.entries(init.fields ?? {})].map(([name, type]) => field(name, type)),
      items: [],
      createdAt: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
    };
    this.projects.push(project);
    return project;
  }

  project(owner: string, number: number): FakeProject | undefined {
    return this.projects.find((p) => p.owner.toLowerCase() === owner.toLowerCase() && p.number === number);
  }

  /** Who may see and change a project: its owner, or the members of the organization that owns it. */
  canUseProject(project: FakeProject, login: string): boolean {
    const org = this.organizations.get(project.owner.toLowerCase());
    return org ? org.members.includes(login.toLowerCase()) : project.owner.toLowerCase() === login.toLowerCase();
  }
}
