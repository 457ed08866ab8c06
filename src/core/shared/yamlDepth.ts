// How deeply a YAML text nests, estimated before yaml parses it: yaml's parser recurses once per level,
// and a list nested a few thousand levels deep overflowed the stack ("Maximum call stack size
// exceeded" thrown out of parseDocument), which took every other issue template down with it.
// readYaml (yamlReader.ts) asks nestingOver first and reports a file that nests too deeply instead of
// parsing it. The scan reads yaml's own tokens (so quotes, block scalars and comments count for
// nothing) and never recurses itself.
import { Lexer } from 'yaml';

/** How deeply an issue template's YAML may nest (maps and lists in one another). Templates need 6;
 *  yaml's parser gives out somewhere past 400 (flow lists) to 2,000 (block lists) levels, less when
 *  it is called with a deep stack already. */
export const MAX_YAML_DEPTH = 100;

/**
 * The offset in `yaml` where it first nests deeper than `limit` levels, or null. An estimate from
 * above, from yaml's lexer (iterative, so it cannot overflow): in block context a line hangs under the
 * nearest earlier line with less indentation and adds one level for each `-`, `?` and `:` on it (and
 * one for a `-` at the indentation of a line that ends with `key:`, as a list under a key need not be
 * indented); in flow context each open bracket adds one, and a `key: value` pair in `[ ]` one more.
 * Never throws (null when in doubt: the parse after it is guarded too).
 */
export function nestingOver(yaml: string, limit: number): number | null {
  try {
    return quickBound(yaml) <= limit ? null : scanNesting(yaml, limit);
  } catch {
    return null;
  }
}

/**
 * A bound on the depth found without the lexer (which costs a fifth of a parse), good enough for
 * large flat files such as a form with 100,000 options. Each level of block nesting starts at least
 * one column further right than the level above it, but for a list written at the indentation of its
 * key ("key:\n- item"), so block depth is at most twice the longest line; each level of flow nesting
 * needs a bracket of its own (and a `[a: b]` pair one more level), so flow depth is at most twice the
 * number of brackets; block collections never sit inside flow ones.
 */
function quickBound(yaml: string): number {
  let longest = 0;
  let lineStart = 0;
  let brackets = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 10) {
      if (i - lineStart > longest) longest = i - lineStart;
      lineStart = i + 1;
    } else if (c === 91 || c === 123) brackets++; // [ {
  }
  longest = Math.max(longest, yaml.length - lineStart);
  return 2 * (longest + 1) + 2 * brackets;
}

interface LineLevel {
  indent: number;
  depth: number;
  /** The line ends with `key:` (its value may be a list at the same indentation). */
  opensValue: boolean;
}

function scanNesting(yaml: string, limit: number): number | null {
  const lines: LineLevel[] = []; // the current line's ancestors (by indentation), innermost last
  let line: LineLevel | undefined; // the line being read (block context)
  let indent = 0;
  const flow: { seq: boolean; pair: boolean }[] = [];
  let flowDepth = 0;
  let atScalar = false;
  /** A block scalar's header (`|`, `>-`) was read: its text, on the lines below, belongs to that line. */
  let blockHeader: LineLevel | undefined;
  let offset = 0;
  for (const lexeme of new Lexer().lex(yaml)) {
    const at = offset;
    if (atScalar) {
      // A scalar's source: never a token, whatever it looks like. A block scalar's text ends with its
      // line break: the next line starts after it.
      atScalar = false;
      offset += lexeme.length;
      if (line) line.opensValue = false;
      if (blockHeader) {
        blockHeader = undefined;
        line = undefined;
        indent = 0;
      }
      continue;
    }
    // Lexer marks are not in the source: document mode, the end of a flow collection left open (by a
    // line indented less than it), and the start of a scalar (its source is the next lexeme).
    if (lexeme === '\x02') continue;
    if (lexeme === '\x18') {
      flow.length = 0;
      flowDepth = 0;
      continue;
    }
    if (lexeme === '\x1f') {
      atScalar = true;
      if (blockHeader && flow.length === 0) {
        line = blockHeader;
        continue;
      }
      blockHeader = undefined;
    } else offset += lexeme.length;
    const c = lexeme[0];
    if (lexeme === '' || lexeme === '\n' || lexeme === '\r\n') {
      if (flow.length === 0) {
        line = undefined;
        indent = 0;
      }
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (!line && flow.length === 0 && c === ' ') indent += lexeme.length;
      continue;
    }
    if (c === '#' || c === '%' || lexeme === '\ufeff') continue;
    if (lexeme === '---' || lexeme === '...') {
      lines.length = 0;
      line = undefined;
      indent = 0;
      flow.length = 0;
      flowDepth = 0;
      continue;
    }
    if (!line) {
      let parentOpens = false;
      while (lines.length && lines[lines.length - 1]!.indent >= indent) {
        const popped = lines.pop()!;
        parentOpens = popped.indent === indent && popped.opensValue;
      }
      line = { indent, depth: lines.length ? lines[lines.length - 1]!.depth : 0, opensValue: false };
      if (lexeme === '-' && parentOpens) line.depth++;
      lines.push(line);
    }
    switch (lexeme) {
      case '-':
      case '?':
      case ':':
        if (flow.length === 0) {
          line.depth++;
          line.opensValue = lexeme === ':';
        } else if (lexeme !== '-' && flow[flow.length - 1]!.seq && !flow[flow.length - 1]!.pair) {
          flow[flow.length - 1]!.pair = true;
          flowDepth++;
        }
        break;
      case '[':
      case '{':
        flow.push({ seq: lexeme === '[', pair: false });
        flowDepth++;
        line.opensValue = false;
        break;
      case ']':
      case '}': {
        const closed = flow.pop();
        if (closed) flowDepth -= closed.pair ? 2 : 1;
        line.opensValue = false;
        break;
      }
      case ',': {
        const open = flow[flow.length - 1];
        if (open?.pair) {
          open.pair = false;
          flowDepth--;
        }
        break;
      }
      default:
        // Anchors and tags belong to the value that follows; anything else is a value.
        if (c !== '&' && c !== '!') line.opensValue = false;
        if ((c === '|' || c === '>') && flow.length === 0) blockHeader = line;
    }
    if (line.depth + flowDepth > limit) return at;
  }
  return null;
}
