import { pipNoCacheDir } from '../../../rules/dockerfile/rules/pip-no-cache-dir';
import { ruleTester } from '../tester';

ruleTester(pipNoCacheDir, {
  valid: [
    { code: 'FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'flag before the subcommand', code: 'FROM python:3.13\nRUN pip --no-cache-dir install flask==3.1.0\n' },
    { name: 'ENV PIP_NO_CACHE_DIR', code: 'FROM python:3.13\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.1.0\n' },
    { name: 'ENV in the base stage', code: 'FROM python:3.13 AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install flask==3.1.0\n' },
    { name: 'ARG default', code: 'FROM python:3.13\nARG PIP_NO_CACHE_DIR=true\nRUN pip install flask==3.1.0\n' },
    { name: 'prefix assignment', code: 'FROM python:3.13\nRUN PIP_NO_CACHE_DIR=1 pip install flask==3.1.0\n' },
    { name: 'export earlier in the RUN', code: 'FROM python:3.13\nRUN export PIP_NO_CACHE_DIR=yes && pip install flask==3.1.0\n' },
    { name: 'cache mount', code: 'FROM python:3.13\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
    { name: 'cache mount of ~/.cache', code: 'FROM python:3.13\nRUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt\n' },
    { name: 'cache dir in a mount', code: 'FROM python:3.13\nRUN --mount=type=cache,target=/pipcache pip install --cache-dir /pipcache -r r.txt\n' },
    { name: 'build stage only copied from', code: 'FROM python:3.13 AS build\nRUN pip wheel -r r.txt && pip install -r r.txt\nFROM python:3.13-slim\nCOPY --from=build /w /w\n' },
    { name: 'options in a variable', code: 'FROM python:3.13\nRUN pip install $PIP_OPTS -r r.txt\n' },
    { name: 'pipx is not pip', code: 'FROM python:3.13\nRUN pipx install poetry\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13\nRUN pip install -r requirements.txt\n',
      errors: [{ range: [1, 8, 1, 15], message: '--no-cache-dir', severity: 'warning', safe: true }],
      output: 'FROM python:3.13\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'ENV after the RUN does not count; ENV 0 does not count',
      code: 'FROM python:3.13\nENV PIP_NO_CACHE_DIR=0\nRUN pip3 install flask==3.1.0\nENV PIP_NO_CACHE_DIR=1\n',
      errors: [{ range: [2, 9, 2, 16] }],
      output: 'FROM python:3.13\nENV PIP_NO_CACHE_DIR=0\nRUN pip3 install --no-cache-dir flask==3.1.0\nENV PIP_NO_CACHE_DIR=1\n',
    },
    {
      name: 'python -m pip, sudo, continuation',
      code: 'FROM python:3.13\nRUN sudo python3 -m pip install \\\n    --upgrade pip==24.3.1\n',
      errors: [{ range: [1, 24, 1, 31] }],
      output: 'FROM python:3.13\nRUN sudo python3 -m pip install --no-cache-dir \\\n    --upgrade pip==24.3.1\n',
    },
    {
      name: 'heredoc, CRLF',
      code: 'FROM python:3.13\r\nRUN <<EOF\r\npip install flask==3.1.0\r\nEOF\r\n',
      errors: [{ range: [2, 4, 2, 11] }],
      output: 'FROM python:3.13\r\nRUN <<EOF\r\npip install --no-cache-dir flask==3.1.0\r\nEOF\r\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.13\nRUN ["pip", "install", "flask==3.1.0"]\n',
      errors: [{ range: [1, 12, 1, 21] }],
      output: 'FROM python:3.13\nRUN ["pip", "install", "--no-cache-dir", "flask==3.1.0"]\n',
    },
  ],
});
