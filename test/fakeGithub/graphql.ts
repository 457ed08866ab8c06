// The fake's GraphQL endpoint: every document is parsed and validated against GitHub's public schema
// (`@octokit/graphql-schema`), then executed by graphql-js against that same schema with a few root
// resolvers over the in-memory state. Execution against the real schema means aliases, variables,
// fragments and nullability behave as on GitHub, and the response has exactly the requested shape.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildClientSchema,
  defaultFieldResolver,
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { nodeId } from './objects';
import type { FakeOrganization, FakeProject, FakeProjectField, FakeProjectItem, FakeState, FakeStatus, FakeUser } from './state';

let schema: GraphQLSchema | undefined;
export const graphqlLoadStats = { loadMs: 0 };

/** GitHub's schema from the package's introspection JSON (its schema.graphql has duplicate fields graphql-js rejects). */
export function githubSchema(): GraphQLSchema {
  if (!schema) {
    const started = performance.now();
    // The package exports only an ESM entry, so find its schema.json on the module search path.
    const dirs = require.resolve.paths('@octokit/graphql-schema') ?? [];
    const file = dirs.map((d) => join(d, '@octokit', 'graphql-schema', 'schema.json')).find((f) => existsSync(f));
    if (!file) throw new Error('fake GitHub: @octokit/graphql-schema/schema.json not found');
    schema = buildClientSchema(JSON.parse(readFileSync(file, 'utf8')) as IntrospectionQuery);
    graphqlLoadStats.loadMs = performance.now() - started;
  }
  return schema;
}

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GitHubGraphQLError {
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions?: Record<string, unknown>;
  message: string;
}

export interface GraphQLOutcome {
  body: { data?: unknown; errors?: GitHubGraphQLError[] };
  /** Problems with the request (invalid document, bad variables): the test should fail. */
  invalid: string[];
  /** Fields the request may legitimately use that this fake does not implement yet. */
  unimplemented: string[];
  document?: DocumentNode;
}

export interface GraphQLContext {
  state: FakeState;
  viewer: string;
  scopes?: string[];
  rateLimit: { limit: number; remaining: number; used: number; resetAt: Date };
  htmlUrl: string;
}

/** An error GitHub reports with a `type` (NOT_FOUND, FORBIDDEN, …) next to the message. */
class TypedError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

class Unimplemented extends Error {}

/** A request GitHub refuses as malformed (e.g. a connection without `first` or `last`): a violation. */
class BadRequest extends Error {}

/** Fields (at any depth, of queries and mutations) and the OAuth scopes GitHub requires for them. */
const REQUIRED_SCOPES: Record<string, string[]> = {
  changeUserStatus: ['user'],
  projectV2: ['read:project'],
  projectsV2: ['read:project'],
  addProjectV2ItemById: ['project'],
  updateProjectV2ItemFieldValue: ['project'],
};

/** Scopes that include others: `project` grants `read:project`, `user` grants `read:user`. */
const IMPLIED_BY: Record<string, string> = { 'read:project': 'project', 'read:user': 'user' };

const granted = (scopes: string[], needed: string) => scopes.includes(needed) || (IMPLIED_BY[needed] !== undefined && scopes.includes(IMPLIED_BY[needed]));

const timestamp = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

/** A connection page as GitHub serves it: `first` or `last` (at most 100) is required. */
function connection<T>(name: string, all: T[], args: Record<string, unknown>) {
  const first = args.first as number | undefined;
  const last = args.last as number | undefined;
  if (first === undefined && last === undefined)
    throw new BadRequest(`You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
  for (const [key, n] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (n !== undefined && (n < 0 || n > 100))
      throw new BadRequest(`Requesting ${n} records on the \`${name}\` connection exceeds the \`${key}\` limit of 100 records.`);
  }
  if (args.after !== undefined || args.before !== undefined) throw new Unimplemented(`cursors on \`${name}\` are not implemented by the fake GitHub`);
  const nodes = first !== undefined ? all.slice(0, first) : all.slice(Math.max(0, all.length - last!));
  const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64');
  return {
    totalCount: all.length,
    nodes,
    edges: nodes.map((node, i) => ({ cursor: cursor(i), node })),
    pageInfo: {
      hasNextPage: first !== undefined && all.length > first,
      hasPreviousPage: last !== undefined && all.length > last,
      startCursor: nodes.length ? cursor(0) : null,
      endCursor: nodes.length ? cursor(nodes.length - 1) : null,
    },
  };
}

function userObject(ctx: GraphQLContext, user: FakeUser) {
  return {
    __typename: 'User',
    id: nodeId('User', user.id),
    databaseId: user.id,
    login: user.login,
    name: user.name,
    url: `${ctx.htmlUrl}/${user.login}`,
    resourcePath: `/${user.login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    createdAt: '2020-01-01T00:00:00Z',
    updatedAt: '2020-01-01T00:00:00Z',
    isViewer: user.login.toLowerCase() === ctx.viewer.toLowerCase(),
    projectV2: (args: { number: number }) => visibleProject(ctx, user.login, args.number),
    status: () => {
      const status = ctx.state.visibleStatus(user.login);
      return status ? statusObject(ctx, user, status) : null;
    },
  };
}

// GitHub renders a status emoji as <g-emoji>; the fake knows a few shortcodes (others: null).
const EMOJI: Record<string, string> = { ':no_bell:': '🔕', ':headphones:': '🎧', ':palm_tree:': '🌴', ':red_circle:': '🔴', ':house:': '🏠' };
function emojiHtml(emoji: string | null): string | null {
  const char = emoji ? EMOJI[emoji] : undefined;
  return char ? `<div><g-emoji class="g-emoji" alias="${emoji!.slice(1, -1)}">${char}</g-emoji></div>` : null;
}

function statusObject(ctx: GraphQLContext, user: FakeUser, status: FakeStatus) {
  const org = status.organizationId ? [...ctx.state.organizations.values()].find((o) => nodeId('Organization', o.id) === status.organizationId) : undefined;
  return {
    __typename: 'UserStatus',
    id: nodeId('UserStatus', user.id),
    emoji: status.emoji,
    emojiHTML: emojiHtml(status.emoji),
    message: status.message,
    indicatesLimitedAvailability: status.indicatesLimitedAvailability,
    expiresAt: status.expiresAt,
    createdAt: status.createdAt,
    updatedAt: status.updatedAt,
    organization: org ? { __typename: 'Organization', id: nodeId('Organization', org.id), login: org.login, name: org.login } : null,
    user: () => userObject(ctx, user),
  };
}

function organizationObject(ctx: GraphQLContext, org: FakeOrganization) {
  return {
    __typename: 'Organization',
    id: nodeId('Organization', org.id),
    databaseId: org.id,
    login: org.login,
    name: org.login,
    url: `${ctx.htmlUrl}/${org.login}`,
    resourcePath: `/${org.login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
    projectV2: (args: { number: number }) => visibleProject(ctx, org.login, args.number),
  };
}

/** The project when the viewer may use it; GitHub answers NOT_FOUND for projects one cannot see. */
function visibleProject(ctx: GraphQLContext, owner: string, number: number) {
  const project = ctx.state.project(owner, number);
  if (!project || !ctx.state.canUseProject(project, ctx.viewer))
    throw new TypedError('NOT_FOUND', `Could not resolve to a ProjectV2 with the number ${number}.`);
  return projectObject(ctx, project);
}

function projectObject(ctx: GraphQLContext, p: FakeProject) {
  const kind = ctx.state.organizations.has(p.owner.toLowerCase()) ? 'orgs' : 'users';
  return {
    __typename: 'ProjectV2',
    id: nodeId('ProjectV2', p.id),
    databaseId: p.id,
    number: p.number,
    title: p.title,
    closed: p.closed,
    public: false,
    url: `${ctx.htmlUrl}/${kind}/${p.owner}/projects/${p.number}`,
    resourcePath: `/${kind}/${p.owner}/projects/${p.number}`,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
    viewerCanUpdate: ctx.state.canUseProject(p, ctx.viewer),
    field: (args: { name: string }) => {
      const field = p.fields.find((f) => f.name === args.name);
      return field ? fieldObject(ctx, p, field) : null;
    },
    fields: (args: Record<string, unknown>) =>
      connection(
        'fields',
        p.fields.map((f) => fieldObject(ctx, p, f)),
        args,
      ),
    items: (args: Record<string, unknown>) =>
      connection(
        'items',
        p.items.map((i) => itemObject(ctx, p, i)),
        args,
      ),
  };
}

function fieldObject(ctx: GraphQLContext, p: FakeProject, f: FakeProjectField) {
  return {
    __typename: f.dataType === 'SINGLE_SELECT' ? 'ProjectV2SingleSelectField' : f.dataType === 'ITERATION' ? 'ProjectV2IterationField' : 'ProjectV2Field',
    id: nodeId('ProjectV2Field', f.id),
    databaseId: f.id,
    name: f.name,
    dataType: f.dataType,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
    ...(f.dataType === 'SINGLE_SELECT'
      ? { options: f.options.map((o) => ({ id: o.id, name: o.name, nameHTML: o.name, color: 'GRAY', description: '', descriptionHTML: '' })) }
      : {}),
    project: () => projectObject(ctx, p),
  };
}

function itemObject(ctx: GraphQLContext, p: FakeProject, item: FakeProjectItem) {
  return {
    __typename: 'ProjectV2Item',
    id: nodeId('ProjectV2Item', item.id),
    databaseId: item.id,
    type: 'ISSUE',
    isArchived: false,
    createdAt: item.createdAt,
    updatedAt: item.createdAt,
    project: () => projectObject(ctx, p),
  };
}

/** A project by node id, when the viewer may use it (else NOT_FOUND, as for any node one cannot see). */
function projectByNodeId(ctx: GraphQLContext, id: string): FakeProject {
  const project = ctx.state.projects.find((p) => nodeId('ProjectV2', p.id) === id);
  if (!project || !ctx.state.canUseProject(project, ctx.viewer)) throw new TypedError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
  return project;
}

type RootField = (args: Record<string, unknown>, ctx: GraphQLContext) => unknown;

const ROOT: Record<string, Record<string, RootField>> = {
  Query: {
    user: (args, ctx) => {
      const user = ctx.state.user(String(args.login));
      if (!user) throw new TypedError('NOT_FOUND', `Could not resolve to a User with the login of '${String(args.login)}'.`);
      return userObject(ctx, user);
    },
    viewer: (_args, ctx) => userObject(ctx, ctx.state.user(ctx.viewer)!),
    organization: (args, ctx) => {
      const org = ctx.state.organizations.get(String(args.login).toLowerCase());
      if (!org) throw new TypedError('NOT_FOUND', `Could not resolve to an Organization with the login of '${String(args.login)}'.`);
      return organizationObject(ctx, org);
    },
    // A user or an organization; null (without an error) when there is neither.
    repositoryOwner: (args, ctx) => {
      const org = ctx.state.organizations.get(String(args.login).toLowerCase());
      if (org) return organizationObject(ctx, org);
      const user = ctx.state.user(String(args.login));
      return user ? userObject(ctx, user) : null;
    },
    rateLimit: (_args, ctx) => ({
      cost: 1,
      limit: ctx.rateLimit.limit,
      nodeCount: 0,
      remaining: ctx.rateLimit.remaining,
      used: ctx.rateLimit.used,
      resetAt: ctx.rateLimit.resetAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
  },
  Mutation: {
    changeUserStatus: (args, ctx) => {
      const input = args.input as {
        clientMutationId?: string;
        emoji?: string | null;
        message?: string | null;
        limitedAvailability?: boolean;
        expiresAt?: string | null;
        organizationId?: string | null;
      };
      if (input.organizationId) {
        const org = [...ctx.state.organizations.values()].find((o) => nodeId('Organization', o.id) === input.organizationId);
        if (!org) throw new TypedError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.organizationId}'`);
        if (!org.members.includes(ctx.viewer.toLowerCase())) throw new TypedError('FORBIDDEN', `${ctx.viewer} is not a member of ${org.login}.`);
      }
      if (input.message && [...input.message].length > 80) throw new TypedError('UNPROCESSABLE', 'Message is too long (maximum is 80 characters)');
      if (input.expiresAt && Number.isNaN(Date.parse(input.expiresAt))) throw new TypedError('UNPROCESSABLE', `Expires at is invalid`);
      // Neither an emoji nor a message nor busy: GitHub clears the status.
      const clear = !input.emoji && !input.message && !input.limitedAvailability;
      const status = ctx.state.setStatus(
        ctx.viewer,
        clear
          ? null
          : {
              emoji: input.emoji ?? null,
              message: input.message ?? null,
              indicatesLimitedAvailability: input.limitedAvailability ?? false,
              expiresAt: input.expiresAt ?? null,
              organizationId: input.organizationId ?? null,
            },
      );
      const user = ctx.state.user(ctx.viewer)!;
      return { clientMutationId: input.clientMutationId ?? null, status: status ? statusObject(ctx, user, status) : null };
    },
    addProjectV2ItemById: (args, ctx) => {
      const input = args.input as { clientMutationId?: string; projectId: string; contentId: string };
      const project = projectByNodeId(ctx, input.projectId);
      const content = issueByNodeId(ctx, input.contentId);
      // Adding content that is already in the project returns its existing item.
      let item = project.items.find((i) => i.contentId === input.contentId);
      if (!item) {
        item = { id: ctx.state.newId(), contentId: input.contentId, content, values: {}, createdAt: timestamp(ctx.state.now().toISOString()) };
        project.items.push(item);
      }
      return { clientMutationId: input.clientMutationId ?? null, item: itemObject(ctx, project, item) };
    },
    updateProjectV2ItemFieldValue: (args, ctx) => {
      const input = args.input as { clientMutationId?: string; projectId: string; itemId: string; fieldId: string; value: Record<string, unknown> };
      const project = projectByNodeId(ctx, input.projectId);
      const item = project.items.find((i) => nodeId('ProjectV2Item', i.id) === input.itemId);
      if (!item) throw new TypedError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.itemId}'`);
      const field = project.fields.find((f) => nodeId('ProjectV2Field', f.id) === input.fieldId);
      if (!field) throw new TypedError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.fieldId}'`);
      const given = Object.entries(input.value).filter(([, v]) => v !== null && v !== undefined);
      const key = { DATE: 'date', TEXT: 'text', NUMBER: 'number', SINGLE_SELECT: 'singleSelectOptionId', ITERATION: 'iterationId' }[field.dataType as string];
      if (!key) throw new TypedError('UNPROCESSABLE', `The field ${field.name} (${field.dataType}) cannot be updated with updateProjectV2ItemFieldValue.`);
      if (given.length !== 1 || given[0]![0] !== key)
        throw new TypedError('UNPROCESSABLE', `The field ${field.name} is a ${field.dataType} field: give exactly one value, \`${key}\`.`);
      const value = given[0]![1] as string | number;
      if (key === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value)))
        throw new TypedError('UNPROCESSABLE', `'${String(value)}' is not a valid date (YYYY-MM-DD).`);
      if (key === 'singleSelectOptionId' && !field.options.some((o) => o.id === value))
        throw new TypedError('NOT_FOUND', `The single select option id '${String(value)}' does not belong to the field ${field.name}.`);
      item.values[field.name] = value;
      return { clientMutationId: input.clientMutationId ?? null, projectV2Item: itemObject(ctx, project, item) };
    },
  },
};

/** 'owner/repo#number' of the issue with this node id, when the viewer may see its repo. */
function issueByNodeId(ctx: GraphQLContext, id: string): string {
  for (const repo of ctx.state.repos.values()) {
    const issue = repo.issues.find((i) => nodeId('Issue', i.id) === id);
    if (issue && ctx.state.can(repo, ctx.viewer, 'pull')) return `${repo.owner}/${repo.name}#${issue.number}`;
  }
  throw new TypedError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
}

/** Fields of the operation (at any depth, through fragments) the token lacks a scope for: GitHub's
 *  INSUFFICIENT_SCOPES errors, one per field name, found before anything runs. */
function scopeErrors(document: DocumentNode, operation: OperationDefinitionNode, scopes: string[]): GitHubGraphQLError[] {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const errors: GitHubGraphQLError[] = [];
  const reported = new Set<string>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          walk(fragment.selectionSet);
        }
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const needed = REQUIRED_SCOPES[name];
        if (needed && !needed.some((s) => granted(scopes, s)) && !reported.has(name)) {
          reported.add(name);
          const message =
            `Your token has not been granted the required scopes to execute this query. The '${name}' field requires one of the following scopes: ` +
            `[${needed.map((s) => `'${s}'`).join(', ')}], but your token has only been granted the: [${scopes.map((s) => `'${s}'`).join(', ')}] scopes. ` +
            "Please modify your token's scopes at: https://github.com/settings/tokens.";
          const loc = selection.loc ? [{ line: selection.loc.startToken.line, column: selection.loc.startToken.column }] : undefined;
          errors.push({ type: 'INSUFFICIENT_SCOPES', ...(loc ? { locations: loc } : {}), message });
        }
      }
      walk(selection.selectionSet);
    }
  };
  walk(operation.selectionSet);
  return errors;
}

const fieldResolver: GraphQLFieldResolver<unknown, GraphQLContext, Record<string, unknown>> = (source, args, context, info) => {
  if (source === ROOT) {
    const impl = ROOT[info.parentType.name]?.[info.fieldName];
    if (!impl) throw new Unimplemented(`${info.parentType.name}.${info.fieldName} is not implemented by the fake GitHub`);
    return impl(args, context);
  }
  return defaultFieldResolver(source, args, context, info);
};

function githubError(error: GraphQLError): GitHubGraphQLError {
  const type = error.originalError instanceof TypedError ? error.originalError.type : undefined;
  return {
    ...(type ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.extensions && Object.keys(error.extensions).length ? { extensions: error.extensions } : {}),
    message: error.message,
  };
}

function selectedOperation(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
}

export async function runGraphQL(request: GraphQLRequestBody, ctx: GraphQLContext): Promise<GraphQLOutcome> {
  const invalid = (message: string, extra: Partial<GitHubGraphQLError> = {}): GraphQLOutcome => ({
    body: { errors: [{ ...extra, message }] },
    invalid: [message],
    unimplemented: [],
  });
  if (typeof request.query !== 'string') return invalid('A query attribute must be specified and must be a string.');
  if (request.variables != null && (typeof request.variables !== 'object' || Array.isArray(request.variables))) return invalid('Variables must be an object.');
  if (request.operationName != null && typeof request.operationName !== 'string') return invalid('operationName must be a string.');

  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const e = error as GraphQLError;
    return invalid(e.message, { locations: e.locations });
  }
  const errors = validate(githubSchema(), document);
  if (errors.length) {
    return { body: { errors: errors.map(githubError) }, invalid: errors.map((e) => e.message), unimplemented: [], document };
  }

  // Scopes are checked before anything runs, and GitHub then returns no data at all.
  const operation = selectedOperation(document, (request.operationName as string | undefined) ?? undefined);
  if (operation && ctx.scopes) {
    const errors = scopeErrors(document, operation, ctx.scopes);
    if (errors.length) return { body: { errors }, invalid: [], unimplemented: [], document };
  }

  const result = await execute({
    schema: githubSchema(),
    document,
    rootValue: ROOT,
    contextValue: ctx,
    variableValues: (request.variables as Record<string, unknown> | null | undefined) ?? undefined,
    operationName: request.operationName ?? undefined,
    fieldResolver,
  });
  const outcome: GraphQLOutcome = { body: {}, invalid: [], unimplemented: [], document };
  if (result.errors?.length) {
    outcome.body.errors = result.errors.map(githubError);
    for (const error of result.errors) {
      // Errors the resolvers raise on purpose are GitHub behaviour; anything else (a variable of the
      // wrong type, a non-null field the fake does not fill) is a bad request or a gap in the fake.
      if (error.originalError instanceof TypedError) continue;
      if (!('data' in result) || error.originalError instanceof BadRequest) outcome.invalid.push(error.message);
      else outcome.unimplemented.push(error.message);
    }
  }
  if ('data' in result) outcome.body.data = result.data;
  return outcome;
}
