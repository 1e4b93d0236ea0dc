import type { Instruction } from 'dockerfile-ast';

// dockerfile-ast recomputes an instruction's keyword from the text on every call; rules ask for
// it constantly, so it is read once per instruction object and remembered.

const cache = new WeakMap<Instruction, string>();

export function keywordOf(instruction: Instruction): string {
  let keyword = cache.get(instruction);
  if (keyword === undefined) {
    keyword = instruction.getKeyword();
    cache.set(instruction, keyword);
  }
  return keyword;
}
