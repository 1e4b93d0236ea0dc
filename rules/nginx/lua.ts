// `*_by_lua_block { … }` holds Lua, which lua-nginx-module reads with its own lexer: braces
// balance, but braces inside Lua strings and comments do not count. This finds the `}` that
// closes such a block, so `{` in `ngx.say("{")` cannot unbalance the nginx file around it.

const DASH = 45, LBRACKET = 91, EQUALS = 61, DQUOTE = 34, SQUOTE = 39, BACKSLASH = 92, LF = 10;
const LBRACE = 123, RBRACE = 125;

/** Offset of the `}` closing the Lua block whose `{` is just before `from`; -1 if none. */
export function findLuaBlockEnd(text: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === DASH && text.charCodeAt(i + 1) === DASH) {
      const long = longBracketLevel(text, i + 2);
      i = long >= 0 ? closeLongBracket(text, i + 2, long) : lineEnd(text, i);
    } else if (c === LBRACKET && longBracketLevel(text, i) >= 0) {
      i = closeLongBracket(text, i, longBracketLevel(text, i));
    } else if (c === DQUOTE || c === SQUOTE) {
      i = closeString(text, i, c);
    } else if (c === LBRACE) {
      depth++;
      i++;
    } else if (c === RBRACE) {
      if (--depth === 0) return i;
      i++;
    } else {
      i++;
    }
  }
  return -1;
}

/** `[[` → 0, `[==[` → 2; -1 when `at` does not open a long bracket. */
function longBracketLevel(text: string, at: number): number {
  if (text.charCodeAt(at) !== LBRACKET) return -1;
  let level = 0;
  while (text.charCodeAt(at + 1 + level) === EQUALS) level++;
  return text.charCodeAt(at + 1 + level) === LBRACKET ? level : -1;
}

function closeLongBracket(text: string, at: number, level: number): number {
  const close = ']' + '='.repeat(level) + ']';
  const end = text.indexOf(close, at + level + 2);
  return end < 0 ? text.length : end + close.length;
}

function closeString(text: string, at: number, quote: number): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === quote || c === LF) return i + 1; // Lua strings cannot span lines
    else i++;
  }
  return text.length;
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}
