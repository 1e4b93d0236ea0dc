import assert from 'assert';
import { instructionArgs } from '../../../rules/dockerfile/instruction-words';
import { buildModel, type DockerfileModel } from '../../../rules/dockerfile/model';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';

function model(text: string): DockerfileModel {
  return buildModel(text, { path: '/w/Dockerfile', workspace: memoryWorkspace({}), config: EMPTY_CONFIG, now: new Date() });
}

function words(text: string, index = 1): Array<[string, string]> {
  const m = model(text);
  const args = instructionArgs(m, m.instructions[index]);
  return [...args.flags, ...args.words].map((w) => [w.value, text.slice(w.start, w.end)]);
}

describe('instruction words', () => {
  it('splits on blanks like BuildKit (quotes do not group), flags first', () => {
    assert.deepStrictEqual(words('FROM a\nCOPY --chown=1:1 "a b" c\n'), [
      ['--chown=1:1', '--chown=1:1'],
      ['a', '"a'],
      ['b', 'b"'],
      ['c', 'c'],
    ]);
  });

  it('reads the JSON form and points at the strings', () => {
    assert.deepStrictEqual(words('FROM a\nCOPY ["a b", "/c/"]\n'), [['a b', '"a b"'], ['/c/', '"/c/"']]);
  });

  it('skips continuations and the comment lines inside them', () => {
    assert.deepStrictEqual(words('FROM a\nEXPOSE 1 \\\n# x\n\n  2\\\n3\n'), [
      ['1', '1'],
      ['23', '2\\\n3'],
    ]);
  });

  it('stops at the end of the first logical line (heredoc bodies are content)', () => {
    const m = model('FROM a\nCOPY <<EOF /x\nnot args\nEOF\n');
    const args = instructionArgs(m, m.instructions[1]);
    assert.deepStrictEqual(args.words.map((w) => [w.value, w.heredoc]), [['<<EOF', 'EOF'], ['/x', undefined]]);
  });

  it('shifts cached words when a reused instruction moves', () => {
    const first = model('FROM a\nCOPY x /y\n');
    const second = model('FROM abc\nCOPY x /y\n');
    assert.strictEqual(first.instructions[1], second.instructions[1], 'the model reuses the unchanged instruction');
    instructionArgs(first, first.instructions[1]);
    const dest = instructionArgs(second, second.instructions[1]).words[1];
    assert.strictEqual(second.text.slice(dest.start, dest.end), '/y');
  });
});
