// Build-argument substitution the way BuildKit applies it to `FROM`: only ARGs declared before
// the first FROM are in scope there, with their defaults (or values the user passes with
// --build-arg, which we cannot know). A reference we cannot resolve makes the whole value
// unknown, so rules never judge `${BASE}` as an image name.

export type ArgScope = ReadonlyMap<string, string | undefined>;

export interface Substitution {
  value: string | undefined;
  /** Names of the variables the value used, resolved or not. */
  used: string[];
}

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function substituteArgs(text: string, scope: ArgScope): Substitution {
  const used: string[] = [];
  let unresolved = false;
  const value = text.replace(REFERENCE, (_match, braced: string, operator: string | undefined, operand: string, bare: string) => {
    const name = braced ?? bare;
    used.push(name);
    const current = scope.get(name);
    const isSet = current !== undefined;
    const isNonEmpty = isSet && current !== '';
    switch (operator) {
      case ':-':
        return isNonEmpty ? current! : operand;
      case '-':
        return isSet ? current! : operand;
      case ':+':
        return isNonEmpty ? operand : '';
      case '+':
        return isSet ? operand : '';
      case ':?':
      case '?':
        if (!isSet) unresolved = true;
        return current ?? '';
      default:
        if (!isSet) unresolved = true;
        return current ?? '';
    }
  });
  return { value: unresolved ? undefined : value, used };
}
