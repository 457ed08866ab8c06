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
  type OperationDefinitionNode,
} from 'graphql';
import { nodeId } from './objects';
import type { FakeState, FakeStatus, FakeUser } from './state';

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
    schema = buildClientSchema(JSON.parse(readFileSync(file, 'utf8')));
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

/** Mutation fields and the OAuth scopes GitHub requires for them. */
const REQUIRED_SCOPES: Record<string, string[]> = { changeUserStatus: ['user'] };

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

type RootField = (args: Record<string, unknown>, ctx: GraphQLContext) => unknown;

const ROOT: Record<string, Record<string, RootField>> = {
  Query: {
    user: (args, ctx) => {
      const user = ctx.state.user(String(args.login));
      if (!user) throw new TypedError('NOT_FOUND', `Could not resolve to a User with the login of '${String(args.login)}'.`);
      return userObject(ctx, user);
    },
    viewer: (_args, ctx) => userObject(ctx, ctx.state.user(ctx.viewer)!),
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
      const input = args.input as { clientMutationId?: string; emoji?: string | null; message?: string | null; limitedAvailability?: boolean; expiresAt?: string | null; organizationId?: string | null };
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
  },
};

const fieldResolver: GraphQLFieldResolver<unknown, GraphQLContext> = (source, args, context, info) => {
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
  if (operation?.operation === 'mutation' && ctx.scopes) {
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const needed = REQUIRED_SCOPES[selection.name.value];
      if (needed && !needed.some((s) => ctx.scopes!.includes(s))) {
        const message =
          `Your token has not been granted the required scopes to execute this query. The '${selection.name.value}' field requires one of the following scopes: ` +
          `[${needed.map((s) => `'${s}'`).join(', ')}], but your token has only been granted the: [${ctx.scopes.map((s) => `'${s}'`).join(', ')}] scopes. ` +
          'Please modify your token\'s scopes at: https://github.com/settings/tokens.';
        const loc = selection.loc ? [{ line: selection.loc.startToken.line, column: selection.loc.startToken.column }] : undefined;
        return { body: { errors: [{ type: 'INSUFFICIENT_SCOPES', ...(loc ? { locations: loc } : {}), message }] }, invalid: [], unimplemented: [], document };
      }
    }
  }

  const result = await execute({
    schema: githubSchema(),
    document,
    rootValue: ROOT,
    contextValue: ctx,
    variableValues: (request.variables as Record<string, unknown> | null | undefined) ?? undefined,
    operationName: (request.operationName as string | null | undefined) ?? undefined,
    fieldResolver,
  });
  const outcome: GraphQLOutcome = { body: {}, invalid: [], unimplemented: [], document };
  if (result.errors?.length) {
    outcome.body.errors = result.errors.map(githubError);
    for (const error of result.errors) {
      // Errors the resolvers raise on purpose are GitHub behaviour; anything else (a variable of the
      // wrong type, a non-null field the fake does not fill) is a bad request or a gap in the fake.
      if (error.originalError instanceof TypedError) continue;
      if (!('data' in result)) outcome.invalid.push(error.message);
      else outcome.unimplemented.push(error.message);
    }
  }
  if ('data' in result) outcome.body.data = result.data;
  return outcome;
}
