// Compose variable interpolation, done the way Compose does it, but honest about what a linter
// cannot know: the shell environment at `docker compose up` time. Values come from the `.env`
// file beside the Compose file. A variable that is not there is *unknown*, not empty, so the
// result is marked unresolved and rules stay silent about it. The one exception is an
// expression that carries its own fallback (`${VAR:-d}`, `${VAR-d}`): the author wrote down
// what runs by default, so that is what we judge.

/** Variable values known to the analysis; `undefined` means "not known", never "empty". */
export type VariableLookup = (name: string) => string | undefined;

export interface Interpolated {
  /** The text with every variable substituted; undefined when any part cannot be known. */
  value: string | undefined;
  resolved: boolean;
  /** Every variable the text names, in order of appearance (duplicates removed). */
  variables: string[];
  /** The variables whose value decided the outcome but could not be known. */
  unresolved: string[];
  /** A `:-`/`-` fallback was used because its variable is not in `.env`. */
  usedDefault: boolean;
  /** Compose would reject the text ("invalid interpolation format"). */
  error?: string;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`, `${VAR:+x}`, `${VAR+x}` and `$$`. */
export function interpolate(text: string, lookup: VariableLookup): Interpolated {
  const state: State = { variables: [], unresolved: [], usedDefault: false };
  // Fast path: almost every scalar in a Compose file has no `$` at all.
  if (!text.includes('$')) return { value: text, resolved: true, variables: [], unresolved: [], usedDefault: false };
  const result = substitute(text, lookup, state);
  const variables = [...new Set(state.variables)];
  const unresolved = [...new Set(state.unresolved)];
  if (result.error !== undefined) {
    return { value: undefined, resolved: false, variables, unresolved, usedDefault: state.usedDefault, error: result.error };
  }
  return { value: result.value, resolved: result.value !== undefined, variables, unresolved, usedDefault: state.usedDefault };
}

interface State {
  variables: string[];
  unresolved: string[];
  usedDefault: boolean;
}

interface Piece {
  value: string | undefined;
  error?: string;
}

function substitute(text: string, lookup: VariableLookup, state: State): Piece {
  let out = '';
  let known = true;
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const close = matchingBrace(text, dollar + 1);
      if (close < 0) return { value: undefined, error: `unclosed \`\${\` in "${text}"` };
      const piece = braced(text.slice(dollar + 2, close), lookup, state);
      if (piece.error !== undefined) return piece;
      if (piece.value === undefined) known = false;
      else out += piece.value;
      i = close + 1;
    } else if (next !== undefined && NAME_START.test(next)) {
      let end = dollar + 2;
      while (end < text.length && NAME_CHAR.test(text[end])) end++;
      const name = text.slice(dollar + 1, end);
      state.variables.push(name);
      const value = lookup(name);
      if (value === undefined) {
        state.unresolved.push(name);
        known = false;
      } else out += value;
      i = end;
    } else {
      // Compose rejects a lone `$`: "You may need to escape any $ with another $".
      return { value: undefined, error: `a \`$\` that starts no variable in "${text}" (write \`$$\` for a literal dollar)` };
    }
  }
  return { value: known ? out : undefined };
}

/** Index of the `}` that closes the `{` at `open`, skipping nested `${...}`. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;

function braced(body: string, lookup: VariableLookup, state: State): Piece {
  const match = BRACED.exec(body);
  if (!match) return { value: undefined, error: `invalid variable \`\${${body}}\`` };
  const [, name, operator, argument = ''] = match;
  state.variables.push(name);
  const value = lookup(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const unknown = (): Piece => {
    state.unresolved.push(name);
    return { value: undefined };
  };
  switch (operator) {
    case undefined:
      return set ? { value } : unknown();
    case ':-':
    case '-': {
      const useValue = operator === ':-' ? nonEmpty : set;
      if (useValue) return { value };
      if (!set) state.usedDefault = true;
      return substitute(argument, lookup, state);
    }
    case ':?':
    case '?': {
      const ok = operator === ':?' ? nonEmpty : set;
      return ok ? { value } : unknown();
    }
    case ':+':
    case '+': {
      if (!set) return unknown();
      const use = operator === ':+' ? nonEmpty : true;
      return use ? substitute(argument, lookup, state) : { value: '' };
    }
    default:
      return { value: undefined, error: `invalid variable \`\${${body}}\`` };
  }
}

/**
 * Reads a `.env` file the way Compose does for the common cases: `KEY=VALUE` lines, optional
 * `export `, comments, single quotes (literal), double quotes (escapes and interpolation), and
 * unquoted values with trailing ` # comments`. Later lines may refer to earlier ones.
 */
export function parseDotEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const lookup: VariableLookup = (name) => values.get(name);
  for (const rawLine of text.split(/\r?\n|\r/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name, rest] = match;
    const value = dotEnvValue(rest, lookup);
    // A value that refers to something unknown is itself unknown: leave the name out.
    if (value === undefined) values.delete(name);
    else values.set(name, value);
  }
  return values;
}

function dotEnvValue(rest: string, lookup: VariableLookup): string | undefined {
  if (rest.startsWith("'")) {
    const end = rest.indexOf("'", 1);
    return end < 0 ? rest.slice(1) : rest.slice(1, end);
  }
  if (rest.startsWith('"')) {
    let out = '';
    let i = 1;
    for (; i < rest.length && rest[i] !== '"'; i++) {
      if (rest[i] === '\\' && i + 1 < rest.length) {
        const escaped = rest[++i];
        out += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped === 'r' ? '\r' : escaped;
      } else out += rest[i];
    }
    return interpolate(out, lookup).value;
  }
  const comment = rest.search(/\s#/);
  const bare = (comment < 0 ? rest : rest.slice(0, comment)).trim();
  return interpolate(bare, lookup).value;
}
