import { pipVersionUnpinned } from '../../../rules/dockerfile/rules/pip-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(pipVersionUnpinned, {
  valid: [
    { code: 'FROM python:3.13\nRUN pip install --no-cache-dir flask==3.1.0\n' },
    { name: 'specifiers', code: 'FROM python:3.13\nRUN pip install "django>=5,<6" "requests~=2.32" "urllib3!=2.0.0" "idna<4"\n' },
    { name: 'requirements file', code: 'FROM python:3.13\nRUN pip install -r requirements.txt gunicorn\n' },
    { name: 'constraints', code: 'FROM python:3.13\nRUN pip install -c constraints.txt flask\n' },
    { name: 'local project', code: 'FROM python:3.13\nRUN pip install . && pip install -e .\n' },
    { name: 'wheels, archives and paths', code: 'FROM python:3.13\nRUN pip install /wheels/app-1.0-py3-none-any.whl dist/app.tar.gz ./vendor/lib\n' },
    { name: 'VCS with a ref', code: 'FROM python:3.13\nRUN pip install git+https://git.example.com/org/repo.git@v1.2.3\n' },
    { name: 'index url value is not a package', code: 'FROM python:3.13\nRUN pip install -i https://index.example.com/simple flask==3.1.0\n' },
    { name: 'pipx is not pip', code: 'FROM python:3.13\nRUN pipx install poetry\n' },
    { name: 'pip download', code: 'FROM python:3.13\nRUN pip download flask\n' },
    { name: 'variables', code: 'FROM python:3.13\nRUN pip install "$PKG"\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.13\nRUN pip install flask\n',
      errors: [{ range: [1, 16, 1, 21], message: '`flask==<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'pip3, python -m pip, upgrade pip',
      code: 'FROM python:3.13\nRUN python3 -m pip install --upgrade pip && pip3 install --user "uvicorn[standard]"\n',
      errors: [{ range: [1, 37, 1, 40] }, { range: [1, 64, 1, 83], message: '`uvicorn[standard]`' }],
      output: null,
    },
    {
      name: 'VCS without a ref',
      code: 'FROM python:3.13\nRUN pip install git+https://git.example.com/org/repo.git\n',
      errors: [{ line: 1 }],
      output: null,
    },
    {
      name: 'continuation, sudo, CRLF',
      code: 'FROM python:3.13\r\nRUN sudo pip install \\\r\n    flask==3.1.0 \\\r\n    gunicorn\r\n',
      errors: [{ range: [3, 4, 3, 12] }],
      output: null,
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.13\nRUN <<EOF\npip install flask\nEOF\n',
      errors: [{ range: [2, 12, 2, 17] }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM python:3.13\nRUN ["pip", "install", "flask"]\n',
      errors: [{ range: [1, 23, 1, 30] }],
      output: null,
    },
  ],
});
