// GitHub's REST description (`@octokit/openapi`, api.github.com) as request validators for the fake
// server. The description is 13 MB of JSON: it is read once per process, on first use, and each
// operation's validators are compiled when that operation is first called, then cached. Only the
// non-dereferenced api.github.com file is read (the package's index would load all ten, ~400 MB).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// The parts of the OpenAPI 3.0 description that the fake reads. Anything may be a reference
// ({ $ref: '#/...' }) to another part: deref() follows it. Schemas are passed on to ajv as data.
interface Ref {
  $ref: string;
}
type Schema = SchemaObject;
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Content {
  content?: Record<string, { schema?: Schema | Ref } | undefined>;
}
interface OperationObject {
  operationId: string;
  parameters?: (Parameter | Ref)[];
  requestBody?: (Content & { required?: boolean }) | Ref;
  responses?: Record<string, Content | Ref | undefined>;
}
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof METHODS)[number];
const isMethod = (method: string): method is Method => (METHODS as readonly string[]).includes(method);
type PathItem = { parameters?: (Parameter | Ref)[] } & Partial<Record<Method, OperationObject>>;
interface Description {
  paths: Record<string, PathItem | undefined>;
  components: { schemas: Record<string, Schema | undefined> };
}

export interface Operation {
  /** e.g. 'issues/create' */
  id: string;
  method: string;
  /** the path template, e.g. '/repos/{owner}/{repo}/issues' */
  template: string;
}

export interface MatchedOperation extends Operation {
  pathParams: Record<string, string>;
}

export interface RequestCheck {
  /** Path params after coercion to their schema types (e.g. milestone_number as a number). */
  params: Record<string, unknown>;
  /** Query after coercion and defaults. */
  query: Record<string, unknown>;
  errors: string[];
}

export interface LoadStats {
  /** Reading and parsing the description. */
  parseMs: number;
  /** Building the path matcher and the two ajv instances. */
  setupMs: number;
  /** Operations whose validators have been compiled so far, and the time that took. */
  compiledOperations: number;
  compileMs: number;
}

const SCHEMA_BASE = 'https://fake-github.test/components/schemas/';

interface Route {
  regex: RegExp;
  names: string[];
  template: string;
  literals: number;
}

interface SchemaCompiler {
  ajv: Ajv;
  /** Component schemas already registered with this ajv. */
  added: Set<string>;
}

interface CompiledOperation {
  params: ValidateFunction;
  paramNames: { path: Set<string>; query: Set<string> };
  body?: { validate: ValidateFunction; required: boolean; knownFields?: Set<string> };
  responses: Map<string, ValidateFunction | null | undefined>;
}

export class RestDescription {
  private readonly routes: Route[];
  private readonly paramsAjv: SchemaCompiler;
  private readonly bodyAjv: SchemaCompiler;
  private readonly compiled = new Map<string, CompiledOperation>();
  readonly stats: LoadStats;

  constructor(
    readonly doc: Description,
    parseMs: number,
  ) {
    const started = performance.now();
    this.routes = Object.keys(doc.paths).map((template) => {
      const names: string[] = [];
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { regex: new RegExp(`^${pattern}$`), names, template, literals: template.split('/').filter((s) => s && !s.startsWith('{')).length };
    });
    // A literal segment beats a parameter: /repos/{owner}/{repo}/issues before any /repos/{owner}/{repo}/{x}.
    this.routes.sort((a, b) => b.literals - a.literals);
    // Two instances: parameters arrive as strings and are coerced to their schema type (as GitHub
    // parses them); JSON bodies are validated as sent, without coercion.
    const makeAjv = (coerceTypes: boolean) => {
      // strict: false because the description uses OpenAPI keywords (`example`, `discriminator`, `x-*`)
      // that are not JSON Schema; `nullable` (OpenAPI 3.0) is understood by ajv itself.
      const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, useDefaults: coerceTypes, validateSchema: false, addUsedSchema: false });
      addFormats(ajv);
      // Formats GitHub's description names that ajv-formats does not know: shape-only.
      ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
      ajv.addFormat('uri-template', true);
      ajv.addFormat('binary', true);
      return { ajv, added: new Set<string>() };
    };
    this.paramsAjv = makeAjv(true);
    this.bodyAjv = makeAjv(false);
    this.stats = { parseMs, setupMs: performance.now() - started, compiledOperations: 0, compileMs: 0 };
  }

  /** The operation for a method and URL path, or undefined when GitHub has no such endpoint. */
  match(method: string, path: string): MatchedOperation | undefined {
    const m = method.toLowerCase();
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      const op = isMethod(m) ? this.doc.paths[route.template]?.[m] : undefined;
      if (!op) continue;
      const pathParams: Record<string, string> = {};
      route.names.forEach((name, i) => (pathParams[name] = safeDecode(found[i + 1]!)));
      return { id: op.operationId, method: m, template: route.template, pathParams };
    }
    return undefined;
  }

  /** Whether some operation exists for the path with another method (GitHub answers 404 either way). */
  hasPath(path: string): boolean {
    return this.routes.some((r) => r.regex.test(path));
  }

  /**
   * Validates path and query parameters and the JSON body against the operation. Unknown query
   * parameters and unknown top-level body fields are errors too: GitHub ignores them, so a typo
   * (`assignes`) would otherwise pass silently.
   */
  checkRequest(op: MatchedOperation, query: Record<string, string | string[]>, body: { present: boolean; value?: unknown }): RequestCheck {
    const compiled = this.compile(op);
    const errors: string[] = [];
    for (const name of Object.keys(query)) {
      if (!compiled.paramNames.query.has(name)) errors.push(`query parameter "${name}" is not defined for ${op.method.toUpperCase()} ${op.template}`);
    }
    const input = { path: { ...op.pathParams }, query: { ...query } };
    if (!compiled.params(input)) errors.push(...formatErrors(compiled.params.errors, ''));
    if (compiled.body) {
      if (!body.present) {
        if (compiled.body.required) errors.push(`a JSON body is required for ${op.method.toUpperCase()} ${op.template}`);
      } else {
        if (!compiled.body.validate(body.value)) errors.push(...formatErrors(compiled.body.validate.errors, 'body'));
        if (compiled.body.knownFields && body.value && typeof body.value === 'object' && !Array.isArray(body.value)) {
          for (const key of Object.keys(body.value)) {
            if (!compiled.body.knownFields.has(key)) errors.push(`body field "${key}" is not defined for ${op.method.toUpperCase()} ${op.template}`);
          }
        }
      }
    } else if (body.present) {
      errors.push(`${op.method.toUpperCase()} ${op.template} takes no request body`);
    }
    return { params: input.path, query: input.query, errors };
  }

  /** Checks a response of the fake itself against the description (a fake that lies is a bug). */
  checkResponse(op: MatchedOperation, status: number, body: unknown): string[] {
    const compiled = this.compile(op);
    const key = String(status);
    if (!compiled.responses.has(key)) {
      const started = performance.now();
      compiled.responses.set(key, this.compileResponse(op, key));
      this.stats.compileMs += performance.now() - started;
    }
    const validate = compiled.responses.get(key);
    if (validate === undefined) return [];
    if (validate === null) return [`status ${status} is not a documented response of ${op.id}`];
    return validate(body) ? [] : formatErrors(validate.errors, 'response');
  }

  private operationObject(op: Operation): OperationObject {
    const operation = isMethod(op.method) ? this.doc.paths[op.template]?.[op.method] : undefined;
    if (!operation) throw new Error(`fake GitHub: ${op.method.toUpperCase()} ${op.template} is not in the description`);
    return operation;
  }

  private compile(op: MatchedOperation): CompiledOperation {
    const cacheKey = `${op.method} ${op.template}`;
    const cached = this.compiled.get(cacheKey);
    if (cached) return cached;
    const started = performance.now();
    const operation = this.operationObject(op);
    const pathItem = this.doc.paths[op.template];
    const parameters = [...(pathItem?.parameters ?? []), ...(operation.parameters ?? [])].map((p) => this.deref(p));
    const schemaFor = (where: 'path' | 'query') => {
      const properties: Record<string, Schema> = {};
      const required: string[] = [];
      for (const p of parameters.filter((p) => p.in === where)) {
        properties[p.name] = p.schema ?? {};
        if (p.required || where === 'path') required.push(p.name);
      }
      return { type: 'object', properties, required };
    };
    const paramNames = {
      path: new Set<string>(parameters.filter((p) => p.in === 'path').map((p) => p.name)),
      query: new Set<string>(parameters.filter((p) => p.in === 'query').map((p) => p.name)),
    };
    const params = this.compileSchema(this.paramsAjv, {
      type: 'object',
      properties: { path: schemaFor('path'), query: schemaFor('query') },
      required: ['path', 'query'],
    });
    let body: CompiledOperation['body'];
    const requestBody = operation.requestBody ? this.deref(operation.requestBody) : undefined;
    const bodySchema = requestBody?.content?.['application/json']?.schema;
    if (requestBody && bodySchema) {
      const resolved = this.deref(bodySchema);
      const properties = resolved.properties as Record<string, unknown> | undefined;
      const knownFields =
        resolved.type === 'object' && properties && resolved.additionalProperties === undefined ? new Set(Object.keys(properties)) : undefined;
      body = { validate: this.compileSchema(this.bodyAjv, bodySchema), required: !!requestBody.required, knownFields };
    }
    const compiled: CompiledOperation = { params, paramNames, body, responses: new Map() };
    this.compiled.set(cacheKey, compiled);
    this.stats.compiledOperations++;
    this.stats.compileMs += performance.now() - started;
    return compiled;
  }

  /** undefined: no JSON schema to check against (e.g. 204); null: status not documented. */
  private compileResponse(op: Operation, status: string): ValidateFunction | null | undefined {
    const responses = this.operationObject(op).responses ?? {};
    const response = responses[status] ?? responses.default;
    if (!response) return null;
    const schema = this.deref<Content>(response).content?.['application/json']?.schema;
    return schema ? this.compileSchema(this.bodyAjv, schema) : undefined;
  }

  /**
   * Compiles a schema of the description, first registering (once per ajv) just the component schemas
   * it reaches: registering all ~1,000 up front would cost more than every test's compiles together.
   */
  private compileSchema(compiler: SchemaCompiler, schema: Schema | Ref): ValidateFunction {
    const pending: string[] = [];
    const root = toJsonSchema(schema, pending) as Schema;
    while (pending.length) {
      const name = pending.pop()!;
      if (compiler.added.has(name)) continue;
      compiler.added.add(name);
      compiler.ajv.addSchema(toJsonSchema(this.doc.components.schemas[name], pending) as Schema, SCHEMA_BASE + name);
    }
    return compiler.ajv.compile(root);
  }

  /** The node itself, or what its reference (a JSON pointer into the description) leads to. */
  private deref<T extends object>(node: T | Ref): T {
    let current: unknown = node;
    while (isRef(current)) {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce<unknown>(
          (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
          this.doc,
        );
    }
    return current as T;
  }
}

function isRef(node: unknown): node is Ref {
  return !!node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string';
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed %-escape: validated as sent
  }
}

/**
 * A copy of an OpenAPI 3.0 schema that ajv accepts: `#/components/schemas/x` references become absolute
 * ids (their names pushed to `refs`), and `nullable` without `type` (GitHub writes
 * `{ nullable: true, allOf: [{ $ref }] }`) becomes `anyOf: [schema, { type: 'null' }]`.
 */
function toJsonSchema(node: unknown, refs: string[]): unknown {
  if (Array.isArray(node)) return node.map((n: unknown) => toJsonSchema(n, refs));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'description' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      const name = value.slice('#/components/schemas/'.length);
      refs.push(name);
      out.$ref = SCHEMA_BASE + name;
    } else {
      out[key] = toJsonSchema(value, refs);
    }
  }
  // ajv checks `enum` before `nullable`, so a nullable enum must list null itself.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  if ('nullable' in out && out.type === undefined) {
    const { nullable, ...rest } = out;
    return nullable ? { anyOf: [rest, { type: 'null' }] } : rest;
  }
  return out;
}

function formatErrors(errors: ErrorObject[] | null | undefined, root: string): string[] {
  // allErrors reports every oneOf branch; keep it readable but complete.
  return (errors ?? []).map((e) => {
    const path = e.instancePath.replace(/\//g, '.');
    const at = root ? `${root}${path}` : path.slice(1);
    const extra =
      e.keyword === 'enum'
        ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
        : e.keyword === 'additionalProperties'
          ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
          : '';
    return `${at} ${e.message}${extra}`;
  });
}

let shared: RestDescription | undefined;

/** The api.github.com description, parsed on first call and shared by every fake server in the process. */
export function restDescription(): RestDescription {
  if (!shared) {
    const started = performance.now();
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Description;
    shared = new RestDescription(doc, performance.now() - started);
  }
  return shared;
}

/** Whether the description has been loaded already (for reporting the load cost honestly). */
export function restDescriptionLoaded(): boolean {
  return shared !== undefined;
}
