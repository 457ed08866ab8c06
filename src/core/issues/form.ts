// Issue forms (.github/ISSUE_TEMPLATE/*.yml) -> IssueTemplate with problems at exact lines. The checks
// are the ones github.com applies when it loads a form (docs: "Syntax for issue forms", "Syntax for
// GitHub's form schema", "Common validation errors when creating issue forms"): a form GitHub would
// refuse gets an error here, so `async-desk check` catches it before it is pushed. Never throws.
// Where GitHub's YAML reader (YAML 1.1) differs from ours (YAML 1.2): GitHub reads unquoted yes/no/
// on/off as booleans, so those are reported where GitHub wants strings (dropdown options).
import { isMap, isScalar, isSeq } from 'yaml';
import type { FormField, IssueTemplate } from './types';
import { booleanOf, entries, isNull, nameList, optionalString, requiredString, stringOf, unknownKey, type Entry } from '../shared/yamlFields';
import { guard, lineOf, rangeOf, readYaml, report, resolve, type YamlCtx } from '../shared/yamlReader';

const TOP_KEYS = ['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body'] as const;
const ELEMENT_KEYS = ['type', 'id', 'attributes', 'validations'] as const;
const TYPES = ['markdown', 'input', 'textarea', 'dropdown', 'checkboxes', 'upload'] as const;
type FieldType = (typeof TYPES)[number];
const ATTRIBUTES: Record<FieldType, readonly string[]> = {
  markdown: ['value'],
  input: ['label', 'description', 'placeholder', 'value'],
  textarea: ['label', 'description', 'placeholder', 'value', 'render'],
  dropdown: ['label', 'description', 'multiple', 'options', 'default'],
  checkboxes: ['label', 'description', 'options'],
  // File attachments ("Syntax for GitHub's form schema": label, description; validations.required).
  upload: ['label', 'description'],
};
/** GitHub: "`id` can only contain numbers, letters, -, _". */
const ID_RE = /^[A-Za-z0-9_-]+$/;
/** YAML 1.1 booleans: GitHub's reader turns these unquoted words into true/false. */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
/** Projects as GitHub's `projects` key takes them: "octo-org/44". */
const PROJECT_RE = /^[A-Za-z0-9][A-Za-z0-9-]*\/\d+$/;

/** 'bug_report' for '.github/ISSUE_TEMPLATE/bug_report.yml'. */
export function templateKey(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function emptyTemplate(kind: IssueTemplate['kind'], file: string): IssueTemplate {
  return {
    kind,
    file,
    builtIn: false,
    key: templateKey(file),
    name: '',
    about: '',
    title: '',
    labels: [],
    assignees: [],
    projects: [],
    body: '',
    fields: [],
    problems: [],
  };
}

export function parseIssueForm(text: string, file: string): IssueTemplate {
  const template = emptyTemplate('form', file);
  const ctx = readYaml(text, file);
  guard(ctx, 'the issue form', () => readForm(ctx, template));
  template.problems = ctx.problems;
  return template;
}

function readForm(ctx: YamlCtx, t: IssueTemplate): void {
  const root = resolve(ctx, ctx.doc.contents);
  if (isNull(root) || (isScalar(root) && root.value === '')) {
    if (ctx.doc.errors.length === 0) report(ctx, [0, 0], 'error', 'missing-name', 'The issue form is empty: it needs `name`, `description` and `body`.');
    return;
  }
  if (!isMap(root)) {
    report(ctx, rangeOf(root, 0), 'error', 'bad-template', 'An issue form must be a YAML mapping with `name`, `description` and `body`.');
    return;
  }
  const seen = new Set<string>();
  for (const e of entries(ctx, root, 'the issue form')) {
    seen.add(e.key);
    switch (e.key) {
      case 'name':
        t.name = requiredString(ctx, e, '`name`', 'bad-name')?.trim() ?? '';
        break;
      case 'description':
        t.about = requiredString(ctx, e, '`description`', 'bad-description')?.trim() ?? '';
        break;
      case 'title':
        t.title = optionalString(ctx, e, '`title`', 'bad-title') ?? '';
        break;
      case 'labels':
        t.labels = names(ctx, e, '`labels`', 'bad-labels');
        break;
      case 'assignees':
        t.assignees = names(ctx, e, '`assignees`', 'bad-assignees').map((a) => a.replace(/^@/, ''));
        break;
      case 'projects':
        t.projects = names(ctx, e, '`projects`', 'bad-projects').filter((p) => {
          if (PROJECT_RE.test(p)) return true;
          report(ctx, rangeOf(e.value, e.offset), 'error', 'bad-projects', `Project "${p}" must be written OWNER/NUMBER, like octo-org/44.`);
          return false;
        });
        break;
      case 'type': {
        const type = optionalString(ctx, e, '`type`', 'bad-type')?.trim();
        if (type) t.type = type;
        break;
      }
      case 'body':
        readBody(ctx, t, e);
        break;
      default:
        unknownKey(ctx, e, 'the issue form', TOP_KEYS);
    }
  }
  for (const key of ['name', 'description', 'body'] as const) {
    if (!seen.has(key))
      report(ctx, rangeOf(root, 0), 'error', `missing-${key}`, `The issue form needs \`${key}\`${key === 'body' ? ': a list of fields' : ''}.`);
  }
}

/** A list of names; in a form, unlike a Markdown template, an empty string is an error (GitHub's
 *  "Common validation errors": `assignees: "   "`). */
function names(ctx: YamlCtx, e: Entry, what: string, code: string): string[] {
  if (stringOf(e.value)?.trim() === '') {
    report(ctx, rangeOf(e.value, e.offset), 'error', code, `${what} must not be empty: remove the key, or name at least one.`);
    return [];
  }
  return nameList(ctx, e, what, code);
}

function readBody(ctx: YamlCtx, t: IssueTemplate, e: Entry): void {
  if (!isSeq(e.value) || e.value.items.length === 0) {
    report(ctx, rangeOf(e.value, e.offset), 'error', 'missing-body', '`body` must be a non-empty list of fields (`- type: input` …).');
    return;
  }
  const read: { field: FormField; index: number; at: [number, number] }[] = [];
  e.value.items.forEach((item, index) => {
    const node = resolve(ctx, item);
    const at = rangeOf(node ?? item, rangeOf(e.value, e.offset)[0]);
    const field = readElement(ctx, node, at, index);
    if (field) read.push({ field, index, at });
  });
  // Written ids first (GitHub: "Body must have unique ids"), then generated ones for fields without,
  // which never take an id that is written elsewhere in the form.
  const ids = new Map<string, number>();
  for (const { field, at } of read) {
    if (field.type === 'markdown' || !field.id) continue;
    const first = ids.get(field.id);
    if (first === undefined) ids.set(field.id, field.line);
    else {
      report(ctx, at, 'error', 'duplicate-id', `Duplicate id "${field.id}" (also on line ${first + 1}): ids must be unique.`);
      field.id = ''; // answers keep apart: it gets a generated id below
    }
  }
  const labels = new Map<string, number>();
  for (const { field, index, at } of read) {
    if (field.type !== 'markdown') {
      if (!field.id) {
        let id = `field-${index}`;
        for (let n = 1; ids.has(id); n++) id = `field-${index}-${n}`;
        field.id = id;
        ids.set(id, field.line);
      }
      const key = field.label.trim().toLowerCase();
      const other = labels.get(key);
      if (key && other !== undefined)
        report(
          ctx,
          at,
          'error',
          'duplicate-label',
          `Duplicate label "${field.label.trim()}" (also on line ${other + 1}): labels must be unique, as they head the answers in the issue.`,
        );
      else if (key) labels.set(key, field.line);
    }
    t.fields.push(field);
  }
  if (!t.fields.some((f) => f.type !== 'markdown')) {
    report(ctx, rangeOf(e.keyNode, e.offset), 'error', 'no-fields', '`body` must contain at least one field that is not markdown.');
  }
}

function readElement(ctx: YamlCtx, node: unknown, at: [number, number], index: number): FormField | null {
  const line = lineOf(ctx, at[0]);
  if (!isMap(node)) {
    report(ctx, at, 'error', 'bad-field', `Field ${index + 1} of \`body\` must be a mapping starting with "type:".`);
    return null;
  }
  const fields = entries(ctx, node, `field ${index + 1}`);
  const typeEntry = fields.find((f) => f.key === 'type');
  const type = typeEntry ? stringOf(typeEntry.value) : undefined;
  if (!typeEntry) {
    report(ctx, at, 'error', 'missing-type', `Field ${index + 1} of \`body\` needs \`type\`: one of ${TYPES.join(', ')}.`);
    return null;
  }
  if (!TYPES.includes(type as FieldType)) {
    report(
      ctx,
      rangeOf(typeEntry.value, typeEntry.offset),
      'error',
      'unknown-body-type',
      `"${type ?? ''}" is not a field type. Use one of: ${TYPES.join(', ')}.`,
    );
    return null;
  }
  const kind = type as FieldType;
  let id = '';
  let attributes: Entry[] = [];
  let required = false;
  let attributesAt = at;
  for (const f of fields) {
    if (f.key === 'type') continue;
    if (f.key === 'id') {
      const value = stringOf(f.value);
      if (kind === 'markdown') report(ctx, rangeOf(f.keyNode, f.offset), 'warning', 'ignored-id', 'Markdown fields take no `id`; it is ignored.');
      else if (value === undefined || !ID_RE.test(value))
        report(ctx, rangeOf(f.value, f.offset), 'error', 'bad-id', '`id` can only contain letters, digits, - and _.');
      else id = value;
    } else if (f.key === 'attributes') {
      attributesAt = rangeOf(f.value, f.offset);
      if (isMap(f.value)) attributes = entries(ctx, f.value, `the attributes of field ${index + 1}`);
      else report(ctx, attributesAt, 'error', 'bad-attributes', '`attributes` must be a mapping (label, description, …).');
    } else if (f.key === 'validations') {
      required = readValidations(ctx, kind, f);
    } else unknownKey(ctx, f, `field ${index + 1}`, ELEMENT_KEYS);
  }
  if (!fields.some((f) => f.key === 'attributes')) {
    report(
      ctx,
      at,
      'error',
      'missing-attributes',
      `Field ${index + 1} (${kind}) needs \`attributes\`${kind === 'markdown' ? ' with `value`' : ' with `label`'}.`,
    );
  }
  const attr = (name: string) => attributes.find((a) => a.key === name);
  for (const a of attributes) if (!ATTRIBUTES[kind].includes(a.key)) unknownKey(ctx, a, `the attributes of a ${kind} field`, ATTRIBUTES[kind]);

  if (kind === 'markdown') {
    const value = attr('value');
    if (!value) report(ctx, attributesAt, 'error', 'missing-value', 'A markdown field needs `attributes.value`: the text to show.');
    return { type: 'markdown', value: (value && requiredString(ctx, value, '`value`', 'bad-value')) || '', line };
  }
  const labelEntry = attr('label');
  if (!labelEntry) report(ctx, attributesAt, 'error', 'missing-label', `A ${kind} field needs \`attributes.label\`: the heading of its answer in the issue.`);
  const label = (labelEntry && requiredString(ctx, labelEntry, '`label`', 'bad-label')) || '';
  const text = (name: string): string | undefined => {
    const a = attr(name);
    return a ? optionalString(ctx, a, `\`${name}\``, `bad-${name}`) : undefined;
  };
  const common = { id, label, ...optional('description', text('description')), required, line };
  switch (kind) {
    case 'input':
      return { type: 'input', ...common, ...optional('placeholder', text('placeholder')), ...optional('value', text('value')) };
    case 'textarea': {
      const render = text('render')?.trim();
      return {
        type: 'textarea',
        ...common,
        ...optional('placeholder', text('placeholder')),
        ...optional('value', text('value')),
        ...optional('render', render || undefined),
      };
    }
    case 'dropdown':
      return readDropdown(ctx, common, attr, attributesAt);
    case 'checkboxes':
      return readCheckboxes(ctx, common, attr('options'), attributesAt);
    case 'upload':
      return { type: 'upload', ...common };
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readValidations(ctx: YamlCtx, kind: FieldType, f: Entry): boolean {
  if (kind === 'markdown') {
    report(ctx, rangeOf(f.keyNode, f.offset), 'error', 'unknown-key', 'Markdown fields take no `validations`.');
    return false;
  }
  if (!isMap(f.value)) {
    report(ctx, rangeOf(f.value, f.offset), 'error', 'bad-validations', '`validations` must be a mapping like { required: true }.');
    return false;
  }
  let required = false;
  for (const v of entries(ctx, f.value, '`validations`')) {
    if (v.key !== 'required') unknownKey(ctx, v, '`validations`', ['required']);
    else if (kind === 'checkboxes') {
      // GitHub's schema has no validations for checkboxes (required is per option).
      report(
        ctx,
        rangeOf(v.keyNode, v.offset),
        'warning',
        'ignored-validation',
        'Checkboxes ignore `validations.required`: mark the options that must be ticked with `required: true`.',
      );
    } else required = booleanOf(ctx, v, '`validations.required`') ?? false;
  }
  return required;
}

type Common = { id: string; label: string; description?: string; required: boolean; line: number };

/** The items of a dropdown's or checkboxes' `options`, or undefined (reported as `missing`) when there is no non-empty list. */
function optionItems(ctx: YamlCtx, entry: Entry | undefined, at: [number, number], missing: string): unknown[] | undefined {
  if (entry && isSeq(entry.value) && entry.value.items.length > 0) return entry.value.items;
  report(ctx, entry ? rangeOf(entry.value, entry.offset) : at, 'error', 'missing-options', missing);
  return undefined;
}

// Options are checked for duplicates with a Set, not by searching the list so far: a form with
// 100,000 options (nothing stops a repository from having one) took 21 s that way.
function readDropdown(ctx: YamlCtx, common: Common, attr: (name: string) => Entry | undefined, at: [number, number]): FormField {
  const options: string[] = [];
  const seen = new Set<string>();
  const optionsEntry = attr('options');
  const items = optionItems(ctx, optionsEntry, at, 'A dropdown needs `options`: a non-empty list of choices.');
  if (items && optionsEntry) {
    for (const item of items) {
      const node = resolve(ctx, item);
      const where = rangeOf(node ?? item, optionsEntry.offset);
      const option = optionText(node);
      if (option === undefined || !option.trim()) {
        report(ctx, where, 'error', 'bad-option', 'Each dropdown option must be a non-empty string.');
      } else if ((isScalar(node) && typeof node.value === 'boolean') || (isScalar(node) && node.type === 'PLAIN' && YAML11_BOOLEAN.test(option))) {
        report(ctx, where, 'error', 'boolean-option', `GitHub reads the option ${option} as true/false: quote it ("${option}").`);
      } else if (option.trim().toLowerCase() === 'none') {
        report(ctx, where, 'error', 'reserved-option', '"None" is reserved: GitHub adds it to dropdowns that are not required.');
      } else if (seen.has(option)) {
        report(ctx, where, 'error', 'duplicate-option', `Duplicate option "${option}": options must be unique.`);
      } else {
        seen.add(option);
        options.push(option);
      }
    }
  }
  let multiple = false;
  const multipleEntry = attr('multiple');
  if (multipleEntry) multiple = booleanOf(ctx, multipleEntry, '`multiple`') ?? false;
  const field: FormField = { type: 'dropdown', ...common, options, multiple };
  const defaultEntry = attr('default');
  if (defaultEntry) {
    const v = isScalar(defaultEntry.value) ? defaultEntry.value.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= options.length) {
      report(
        ctx,
        rangeOf(defaultEntry.value, defaultEntry.offset),
        'error',
        'bad-default',
        `\`default\` must be the index of an option, from 0 to ${Math.max(0, options.length - 1)}.`,
      );
    } else field.default = v;
  }
  return field;
}

/** An option as the user sees it: strings as they are, numbers as written (`- 1.10` is "1.10"). */
function optionText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' || typeof node.value === 'boolean') return typeof node.source === 'string' ? node.source : String(node.value);
  return undefined;
}

function readCheckboxes(ctx: YamlCtx, common: Common, optionsEntry: Entry | undefined, at: [number, number]): FormField {
  const options: { label: string; required: boolean }[] = [];
  const seen = new Set<string>();
  const items = optionItems(ctx, optionsEntry, at, 'Checkboxes need `options`: a list of `- label: …` entries.');
  if (items && optionsEntry) {
    for (const item of items) {
      const node = resolve(ctx, item);
      const where = rangeOf(node ?? item, optionsEntry.offset);
      if (!isMap(node)) {
        report(ctx, where, 'error', 'bad-option', 'Each checkbox option must be a mapping like `- label: I searched the issues`.');
        continue;
      }
      let label: string | undefined;
      let hasLabel = false;
      let required = false;
      for (const o of entries(ctx, node, 'a checkbox option')) {
        if (o.key === 'label') {
          hasLabel = true;
          label = requiredString(ctx, o, 'The option `label`', 'bad-option');
        } else if (o.key === 'required') required = booleanOf(ctx, o, '`required`') ?? false;
        else unknownKey(ctx, o, 'a checkbox option', ['label', 'required']);
      }
      if (label === undefined) {
        if (!hasLabel) report(ctx, where, 'error', 'bad-option', 'Each checkbox option needs a `label`.');
      } else if (seen.has(label)) {
        report(ctx, where, 'error', 'duplicate-option', `Duplicate checkbox "${label}": option labels must be unique.`);
      } else {
        seen.add(label);
        options.push({ label, required });
      }
    }
  }
  return { type: 'checkboxes', ...common, options, required: options.some((o) => o.required) };
}
