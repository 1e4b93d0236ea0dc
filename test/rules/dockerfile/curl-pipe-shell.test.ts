import { curlPipeShell } from '../../../rules/dockerfile/rules/curl-pipe-shell';
import { ruleTester } from '../tester';

ruleTester(curlPipeShell, {
  valid: [
    { code: 'FROM a:1\nRUN curl -fsSLo /tmp/i.sh https://x/i.sh && sha256sum -c sums && sh /tmp/i.sh\n' },
    { code: 'FROM a:1\nRUN curl -fsSL https://x/a.tgz | tar xz -C /opt\n' },
    { code: 'FROM a:1\nRUN curl -s https://x/a.json | python3 -c "import json,sys; print(json.load(sys.stdin))"\n', name: 'data, not code' },
    { code: 'FROM a:1\nRUN curl -s https://x | sh -c "cat > /tmp/x"\n', name: 'the piped text is data for sh -c' },
    { code: 'FROM a:1\nRUN ["sh", "-c", "curl https://x | sh"]\n', name: 'exec form is one opaque command' },
    { code: 'FROM a:1\nRUN echo curl | sh\n' },
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN curl -fsSL https://x/install.sh | sh\n',
      errors: [{ range: [1, 4, 1, 40], message: '`curl`', severity: 'warning' }],
      output: null,
    },
    { code: 'FROM a:1\nRUN wget -qO- https://x | sudo -E bash -s -- --yes\n', errors: [{ range: [1, 4, 1, 38], message: '`bash`' }] },
    { code: 'FROM a:1\nRUN curl https://x | tee /tmp/log | bash\n', name: 'through tee', errors: [{ range: [1, 4, 1, 40] }] },
    { code: 'FROM a:1\nRUN curl https://x | python3 -\n', errors: [{ message: '`python3`' }] },
    { code: 'FROM a:1\nRUN sh -c "$(curl -fsSL https://x)"\n', name: 'command substitution', errors: [{ range: [1, 4, 1, 35] }] },
    {
      name: 'continuation between curl and the shell',
      code: 'FROM a:1\nRUN apt-get update \\\n && curl -fsSL https://deb.nodesource.com/setup_22.x \\\n    | bash -\n',
      errors: [{ range: [2, 4, 3, 10] }],
    },
    { name: 'heredoc script', code: 'FROM a:1\nRUN <<EOF\ncurl -fsSL https://x | sh\nEOF\n', errors: [{ range: [2, 0, 2, 25] }] },
  ],
});
