import assert from 'assert';
import { parseShell, unwrapCommand } from '../../../rules/dockerfile/shell';

function words(text: string): string[][] {
  return parseShell(text).commands.map((c) => [...c.assignments, ...c.words].map((w) => w.value));
}

describe('RUN shell lexer', () => {
  it('splits on && || ; | & and newlines, keeping connectors', () => {
    const script = parseShell('apt-get update && apt-get install -y curl || true; echo a | sh & wait');
    assert.deepStrictEqual(script.commands.map((c) => c.words[0].value), ['apt-get', 'apt-get', 'true', 'echo', 'sh', 'wait']);
    assert.deepStrictEqual(script.commands.map((c) => c.before), [undefined, '&&', '||', ';', '|', '&']);
    assert.ok(script.hasPipe);
  });

  it('resolves quotes and escapes but keeps offsets of the word as written', () => {
    const text = `echo 'a b' "c \\"d\\"" e\\ f`;
    const script = parseShell(text, 100);
    const [cmd] = script.commands;
    assert.deepStrictEqual(cmd.words.map((w) => w.value), ['echo', 'a b', 'c "d"', 'e f']);
    assert.deepStrictEqual(cmd.words.map((w) => text.slice(w.start - 100, w.end - 100)), ['echo', "'a b'", '"c \\"d\\""', 'e\\ f']);
  });

  it('treats Dockerfile continuations as blanks and drops comment lines inside them', () => {
    const text = 'apt-get update \\\n    # refresh\n    && apt-get install -y \\\n      curl';
    assert.deepStrictEqual(words(text), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl']]);
    const curl = parseShell(text).commands[1].words[3];
    assert.strictEqual(text.slice(curl.start, curl.end), 'curl');
  });

  it('honours the backtick escape directive', () => {
    const script = parseShell('Write-Host a `\n  ; Write-Host b', 0, { escapeChar: '`' });
    assert.deepStrictEqual(script.commands.map((c) => c.words.map((w) => w.value)), [['Write-Host', 'a'], ['Write-Host', 'b']]);
  });

  it('keeps $(…), ${…} and backticks inside one word', () => {
    assert.deepStrictEqual(words('echo $(uname -m | tr a b) ${A:-x y} `date`'), [['echo', '$(uname -m | tr a b)', '${A:-x y}', '`date`']]);
  });

  it('separates assignments and redirections', () => {
    const [cmd] = parseShell('CGO_ENABLED=0 GOOS=linux go build -o /app . > /dev/null 2>&1').commands;
    assert.deepStrictEqual(cmd.assignments.map((w) => w.value), ['CGO_ENABLED=0', 'GOOS=linux']);
    assert.deepStrictEqual(cmd.words.map((w) => w.value), ['go', 'build', '-o', '/app', '.']);
    assert.deepStrictEqual(cmd.redirects.map((r) => [r.operator, r.target?.value]), [['>', '/dev/null'], ['2>&', '1']]);
  });

  it('runs heredoc scripts and skips heredoc data', () => {
    assert.deepStrictEqual(words('<<EOF\napt-get update\napt-get install -y x\nEOF'), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'x']]);
    assert.deepStrictEqual(words("cat <<'EOF' > /etc/app.conf\nrm -rf /\nEOF\necho done"), [['cat'], ['echo', 'done']]);
    assert.deepStrictEqual(words('bash <<-EOT\n\tset -e\n\tmake\n\tEOT'), [['bash'], ['set', '-e'], ['make']]);
  });

  it('ignores shell comments', () => {
    assert.deepStrictEqual(words('echo a # && rm -rf /\necho b'), [['echo', 'a'], ['echo', 'b']]);
  });

  it('unwraps sudo, env and friends', () => {
    const [cmd] = parseShell('sudo -u root env DEBIAN_FRONTEND=noninteractive apt-get install x').commands;
    assert.deepStrictEqual(unwrapCommand(cmd).words.map((w) => w.value), ['apt-get', 'install', 'x']);
  });

  it('reads case patterns as patterns: their | is not a pipe', () => {
    const text = 'case "$ARCH" in \\\n  amd64 | x86_64) apk add a && echo x86 ;; \\\n  (arm64|"arm/v7") echo arm | tee f;; \\\n  *) exit 1 ;; \\\n esac; echo done';
    const script = parseShell(text);
    assert.deepStrictEqual(
      script.commands.map((c) => c.words.map((w) => w.value)),
      [['case', '$ARCH', 'in'], ['apk', 'add', 'a'], ['echo', 'x86'], ['echo', 'arm'], ['tee', 'f'], ['exit', '1'], ['esac'], ['echo', 'done']],
    );
    assert.deepStrictEqual(script.commands.filter((c) => c.after === '|').map((c) => c.words[0].value), ['echo']);
    const apk = script.commands[1].words[0];
    assert.strictEqual(text.slice(apk.start, apk.end), 'apk');
    assert.deepStrictEqual(words('case $x in\n  a|b) true\n  ;;\nesac\ncat f | wc -l'), [['case', '$x', 'in'], ['true'], ['esac'], ['cat', 'f'], ['wc', '-l']]);
    assert.deepStrictEqual(words('case $x in esac; echo in'), [['case', '$x', 'in'], ['esac'], ['echo', 'in']]);
  });

  it('never throws or stalls on broken input', () => {
    for (const text of ['"unterminated', "'open", '$(((', '<<', '>', '&&&&||;;', '\\', '`', 'a\\\n', '<<EOF\nno end']) {
      parseShell(text);
    }
    const long = 'echo a && '.repeat(20000);
    assert.strictEqual(parseShell(long).commands.length, 20000);
  });
});
