import assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parseDockerfile } from '../../../rules/dockerfile/incremental-parse';

// The instruction-by-instruction parse must give exactly what dockerfile-ast gives for the
// whole file: same instructions, same ranges, same arguments.

const ROOT = resolve(__dirname, '..', '..', '..', '..');

function describeInstructions(instructions: Instruction[]) {
  return instructions.map((i) => ({
    keyword: i.getKeyword(),
    range: i.getRange(),
    instructionRange: i.getInstructionRange(),
    argumentsRange: i.getArgumentsRange(),
    args: i.getArguments().map((a) => [a.getValue(), a.getRange()]),
    content: i.getArgumentsContent(),
  }));
}

function assertSameAsWholeFile(text: string, name: string): void {
  const whole = DockerfileParser.parse(text);
  const incremental = parseDockerfile(text);
  assert.strictEqual(incremental.escapeChar, whole.getEscapeCharacter(), `${name}: escape`);
  assert.deepStrictEqual(describeInstructions(incremental.instructions), describeInstructions(whole.getInstructions()), name);
  assert.deepStrictEqual(
    incremental.initialArgs.map((a) => a.getProperty()?.getName()),
    whole.getInitialARGs().map((a) => a.getProperty()?.getName()),
    `${name}: initial ARGs`,
  );
}

const TRICKY: Record<string, string> = {
  continuations: 'FROM a\nRUN echo 1 \\\n  # a comment inside\n\n  && echo 2 \\\n    \nCMD x\n',
  heredocs: 'FROM a\nRUN <<EOF bash\nset -e\nEOF\nCOPY <<A <<B /x/\none\nA\ntwo\nB\nRUN <<-EOT\n\tls\n\tEOT\nRUN cat <<"Q"\nliteral $x\nQ\n',
  escapeBacktick: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  && echo x\nWORKDIR C:\\app\n',
  crlf: 'FROM a\r\nRUN a \\\r\n  b\r\nCMD ["x"]\r\n',
  trailingContinuation: 'FROM a\nRUN x \\\n',
  lowerCaseAndJson: 'from a as b\nrun ["echo", "a \\\\ b"]\nonbuild run echo hi\n',
  noFinalNewline: 'ARG A=1\nFROM a:${A}\nENV X=1 \\\n    Y=2',
  commentsAndBlank: '# syntax=docker/dockerfile:1\n# check=skip=all\n\n# hi\nFROM a\n\n\n# x\nEXPOSE 80\n',
};

describe('incremental Dockerfile parse', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(`matches a whole-file parse: ${name}`, () => assertSameAsWholeFile(text, name));
  }

  it('matches a whole-file parse on every corpus and example Dockerfile', () => {
    const dirs = [join(ROOT, 'test/fixtures/corpus/dockerfile'), join(ROOT, 'examples'), join(ROOT, 'examples/api')];
    let count = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        if (!/Dockerfile$/.test(name)) continue;
        assertSameAsWholeFile(readFileSync(join(dir, name), 'utf8'), name);
        count++;
      }
    }
    assert.ok(count >= 10, `only ${count} files compared`);
  });

  it('matches on a large file parsed cold, and after a line is inserted at its top', () => {
    const big = Array.from({ length: 400 }, (_, i) => (i % 40 === 0 ? `FROM base:${i} AS s${i}` : `RUN step ${i} \\\n  && more ${i}`)).join('\n');
    assertSameAsWholeFile(big, 'cold');
    assertSameAsWholeFile(`# top\n${big}`, 'shifted');
  });

  it('reuses unchanged instructions after an edit and still matches', () => {
    const before = 'FROM a\nRUN one\nRUN two\nCMD three\n';
    const first = parseDockerfile(before).instructions;
    const after = before.replace('two', 'twoo');
    const second = parseDockerfile(after).instructions;
    assert.strictEqual(second[1], first[1], 'unchanged instruction is reused');
    assert.notStrictEqual(second[2], first[2], 'the edited one is parsed again');
    assertSameAsWholeFile(after, 'edited');
  });
  it('keeps a heredoc opened behind a file descriptor (`0<<EOF`, `cat 5<<A 6<<B`) inside its RUN', () => {
    // BuildKit reads these as heredocs; dockerfile-ast alone ends the RUN at its first line and
    // reports every body line as an unknown instruction.
    const text = 'FROM a\nRUN 0<<EOT\necho a\nEOT\nRUN cat 5<<A 6<<-"B" >out\nx\nA\n\ty\n\tB\nRUN echo $((1<<2))\nCMD ["x"]\n';
    const parsed = parseDockerfile(text);
    assert.deepStrictEqual(
      parsed.instructions.map((i) => [i.getKeyword(), i.getRange().start.line, i.getRange().end.line]),
      [['FROM', 0, 0], ['RUN', 1, 3], ['RUN', 4, 8], ['RUN', 9, 9], ['CMD', 10, 10]],
    );
  });
});
