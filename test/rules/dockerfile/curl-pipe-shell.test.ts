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
    { name: 'downloaded, checked with gpg, then run', code: 'FROM a:1\nRUN wget -O i.sh https://x/i.sh && wget -O i.sh.asc https://x/i.sh.asc && gpg --verify i.sh.asc i.sh && sh i.sh\n' },
    { name: 'a downloaded archive is unpacked, not run', code: 'FROM a:1\nRUN curl -fsSLo /tmp/a.tgz https://x/a.tgz && tar xzf /tmp/a.tgz -C /opt\n' },
    { name: 'a different file is run', code: 'FROM a:1\nRUN curl -o /tmp/data.json https://x/d && sh /opt/setup.sh\n' },
  ],
  invalid: [
    {
      name: 'downloaded to a file and run unverified',
      code: 'FROM a:1\nRUN curl -fsSLo /tmp/install.sh https://x/install.sh && sh /tmp/install.sh --yes\n',
      errors: [{ message: '`/tmp/install.sh` is downloaded and run in the same step with no checksum', range: [1, 4, 1, 74] }],
    },
    {
      name: 'wget -O, chmod, then ./file',
      code: 'FROM a:1\nRUN wget --output-document=get.sh https://x/get.sh \\\n    && chmod +x get.sh && ./get.sh\n',
      errors: [{ message: '`get.sh` is downloaded and run', range: [1, 4, 2, 34] }],
    },
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
