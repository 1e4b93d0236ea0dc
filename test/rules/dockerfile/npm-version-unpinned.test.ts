import { npmVersionUnpinned } from '../../../rules/dockerfile/rules/npm-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(npmVersionUnpinned, {
  valid: [
    { code: 'FROM node:22\nRUN npm install -g pm2@5.4.2\n' },
    { name: 'the project itself', code: 'FROM node:22\nRUN npm install && npm ci\n' },
    { name: 'scoped with version', code: 'FROM node:22\nRUN npm install -g @angular/cli@19.0.0\n' },
    { name: 'ranges count', code: 'FROM node:22\nRUN npm i "typescript@^5.7"\n' },
    { name: 'git with commit', code: 'FROM node:22\nRUN npm install git+https://git.example.com/org/repo.git#3f2a1b\n' },
    { name: 'tarball and folder', code: 'FROM node:22\nRUN npm install ./vendor/lib ../pkg.tgz\n' },
    { name: 'flag values are not packages', code: 'FROM node:22\nRUN npm install --prefix /app --omit dev\n' },
    { name: 'variables', code: 'FROM node:22\nRUN npm install -g "npm@${NPM_VERSION}"\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nRUN npm install -g pm2\n',
      errors: [{ range: [1, 19, 1, 22], message: '`pm2@<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: '@latest floats',
      code: 'FROM node:22\nRUN npm install -g npm@latest @nestjs/cli\n',
      errors: [{ range: [1, 19, 1, 29], message: '`npm@<version>`' }, { range: [1, 30, 1, 41], message: '`@nestjs/cli@<version>`' }],
      output: null,
    },
    {
      name: 'git without commit, npm add, heredoc',
      code: 'FROM node:22\nRUN <<EOF\nnpm add git+https://git.example.com/org/repo.git\nEOF\n',
      errors: [{ range: [2, 8, 2, 48] }],
      output: null,
    },
    {
      name: 'continuation, CRLF, exec form',
      code: 'FROM node:22\r\nRUN npm install -g \\\r\n  typescript\r\nRUN ["npm", "i", "-g", "pnpm"]\r\n',
      errors: [{ range: [2, 2, 2, 12] }, { range: [3, 23, 3, 29] }],
      output: null,
    },
  ],
});
