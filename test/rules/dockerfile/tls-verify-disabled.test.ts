import { tlsVerifyDisabled } from '../../../rules/dockerfile/rules/tls-verify-disabled';
import { ruleTester } from '../tester';

ruleTester(tlsVerifyDisabled, {
  valid: [
    { code: 'FROM a:1\nRUN curl -fsSL https://x -o /x && wget -q https://y\n' },
    { code: 'FROM a:1\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PIP_TRUSTED_HOST=\n' },
    { code: 'FROM a:1\nRUN pip install --index-url https://pypi.acme.dev/simple x\n' },
    { code: 'FROM a:1\nRUN npm config set strict-ssl true && git -c http.sslVerify=true clone x\n' },
    { code: 'FROM a:1\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/acme.pem\n' },
    { code: 'FROM a:1\nRUN curl -fsSL -o kubectl https://x\n', name: '-o is not -k' },
  ],
  invalid: [
    {
      name: 'ENV pair among others',
      code: 'FROM node:22\nENV A=1 NODE_TLS_REJECT_UNAUTHORIZED=0 B=2\n',
      errors: [{ range: [1, 8, 1, 38], severity: 'error', safe: false, message: 'running container' }],
      output: 'FROM node:22\nENV A=1 B=2\n',
    },
    {
      name: 'lone ENV pair deletes the instruction; ARG too',
      code: 'FROM a:1\nENV GIT_SSL_NO_VERIFY=true\nARG PYTHONHTTPSVERIFY=0\nRUN x\n',
      errors: [{ range: [1, 4, 1, 26] }, { range: [2, 4, 2, 23], message: 'in the build' }],
      output: 'FROM a:1\nRUN x\n',
    },
    {
      name: 'legacy ENV form and npm env case-insensitive',
      code: 'FROM a:1\nENV npm_config_strict_ssl false\n',
      errors: [{ line: 1 }],
      output: 'FROM a:1\n',
    },
    {
      name: 'curl cluster and long form',
      code: 'FROM a:1\nRUN curl -fsSLk https://x -o /x && curl --insecure https://y\n',
      errors: [{ range: [1, 9, 1, 15], message: '`-k`' }, { range: [1, 40, 1, 50] }],
      output: 'FROM a:1\nRUN curl -fsSL https://x -o /x && curl https://y\n',
    },
    {
      name: 'flag alone on a continuation line',
      code: 'FROM a:1\nRUN wget \\\n    --no-check-certificate \\\n    https://x\n',
      errors: [{ range: [2, 4, 2, 26] }],
      output: 'FROM a:1\nRUN wget \\\n    https://x\n',
    },
    {
      name: 'pip --trusted-host with its value',
      code: 'FROM a:1\nRUN pip install --trusted-host pypi.org flask && python -m pip install --trusted-host=x y\n',
      errors: [{ range: [1, 16, 1, 39] }, { range: [1, 71, 1, 87] }],
      output: 'FROM a:1\nRUN pip install flask && python -m pip install y\n',
    },
    {
      name: 'assignment on a command',
      code: 'FROM a:1\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n',
      errors: [{ range: [1, 4, 1, 34] }],
      output: 'FROM a:1\nRUN npm ci\n',
    },
    {
      name: 'config commands are reported without a fix',
      code: 'FROM a:1\nRUN npm config set strict-ssl false && git config --global http.sslVerify false && export NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [{ range: [1, 19, 1, 35] }, { range: [1, 59, 1, 79] }, { range: [1, 90, 1, 120] }],
      output: null,
    },
    {
      name: 'git -c and yum --setopt',
      code: 'FROM a:1\nRUN git -c http.sslVerify=false clone https://x && yum --setopt=sslverify=0 install -y y\n',
      errors: [{ range: [1, 8, 1, 31] }, { range: [1, 55, 1, 75] }],
      output: 'FROM a:1\nRUN git clone https://x && yum install -y y\n',
    },
    {
      name: 'sslverify written to a config file',
      code: 'FROM a:1\nRUN echo "sslverify=0" >> /etc/yum.conf\n',
      errors: [{ range: [1, 9, 1, 22] }],
      output: null,
    },
    {
      name: 'CRLF and heredoc',
      code: 'FROM a:1\r\nRUN <<EOF\r\ncurl -k https://x\r\nEOF\r\n',
      errors: [{ range: [2, 5, 2, 7] }],
      output: 'FROM a:1\r\nRUN <<EOF\r\ncurl https://x\r\nEOF\r\n',
    },
  ],
});
