import { npmInstallNotCi } from '../../../rules/dockerfile/rules/npm-install-not-ci';
import { ruleTester } from '../tester';

const LOCK = { '/w/package-lock.json': '{"lockfileVersion": 3}' };

ruleTester(npmInstallNotCi, {
  valid: [
    { code: 'FROM node:22\nRUN npm ci --omit=dev\n', files: LOCK },
    { name: 'no lockfile in the context', code: 'FROM node:22\nRUN npm install\n' },
    { name: 'installing named packages', code: 'FROM node:22\nRUN npm install express@4.21.2\n', files: LOCK },
    { name: 'global install', code: 'FROM node:22\nRUN npm install -g\n', files: LOCK },
    { name: 'lockfile switched off', code: 'FROM node:22\nRUN npm install --no-package-lock\n', files: LOCK },
    { name: 'package-lock=false', code: 'FROM node:22\nRUN npm install --package-lock=false\n', files: LOCK },
    { name: 'other npm commands', code: 'FROM node:22\nRUN npm run build && npm prune --omit=dev\n', files: LOCK },
    { name: '--production=false keeps dev dependencies on purpose', code: 'FROM node:22\nRUN npm ci --production=false\n' },
    { name: 'npm 6 has no --omit', code: 'FROM node:14-alpine\nRUN npm ci --only=production\n' },
    { name: 'npm 6 through a stage', code: 'FROM node:12 AS base\nFROM base\nRUN npm ci --production\n' },
    { name: 'yarn install is another rule', code: 'FROM node:22\nRUN yarn install\n', files: LOCK },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY package*.json ./\nRUN npm install\n',
      files: LOCK,
      errors: [{ range: [2, 8, 2, 15], message: 'npm ci', severity: 'info', safe: true }],
      output: 'FROM node:22\nCOPY package*.json ./\nRUN npm ci\n',
    },
    {
      name: 'shrinkwrap counts too; npm i',
      code: 'FROM node:22\nCOPY . .\nRUN npm i\n',
      files: { '/w/npm-shrinkwrap.json': '{}' },
      errors: [{ range: [2, 8, 2, 9], message: 'npm-shrinkwrap.json' }],
      output: 'FROM node:22\nCOPY . .\nRUN npm ci\n',
    },
    {
      name: 'install and the deprecated flag',
      code: 'FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm install --only=production\n',
      files: LOCK,
      errors: [{ range: [2, 8, 2, 15] }, { range: [2, 16, 2, 33], message: '--omit=dev' }],
      output: 'FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
    },
    {
      name: '--production without a lockfile',
      code: 'FROM node:22\nRUN npm install --production\n',
      errors: [{ range: [1, 16, 1, 28], message: '`--production` is deprecated' }],
      output: 'FROM node:22\nRUN npm install --omit=dev\n',
    },
    {
      name: '--only prod as two words',
      code: 'FROM node:22\nRUN npm ci --only prod\n',
      errors: [{ range: [1, 11, 1, 22] }],
      output: 'FROM node:22\nRUN npm ci --omit=dev\n',
    },
    {
      name: 'continuation, cd, heredoc-free chain',
      code: 'FROM node:22\nCOPY app/ /app/\nRUN cd /app \\\n && npm install \\\n      --no-audit\n',
      files: LOCK,
      errors: [{ range: [3, 8, 3, 15] }],
      output: 'FROM node:22\nCOPY app/ /app/\nRUN cd /app \\\n && npm ci \\\n      --no-audit\n',
    },
    {
      name: 'heredoc',
      code: 'FROM node:22\nCOPY ["package.json", "package-lock.json", "./"]\nRUN <<EOF\nnpm install\nEOF\n',
      files: LOCK,
      errors: [{ range: [3, 4, 3, 11] }],
      output: 'FROM node:22\nCOPY ["package.json", "package-lock.json", "./"]\nRUN <<EOF\nnpm ci\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM node:22 AS base\nCOPY *.json ./\nFROM base\nRUN ["npm", "install", "--only=production"]\n',
      files: LOCK,
      errors: [{ range: [3, 12, 3, 21] }, { range: [3, 23, 3, 42] }],
      output: 'FROM node:22 AS base\nCOPY *.json ./\nFROM base\nRUN ["npm", "ci", "--omit=dev"]\n',
    },
    {
      name: 'exec form, flag and value apart',
      code: 'FROM node:22\nRUN ["npm", "ci", "--only", "production"]\n',
      errors: [{ range: [1, 18, 1, 40] }],
      output: 'FROM node:22\nRUN ["npm", "ci", "--omit=dev"]\n',
    },
    {
      name: 'CRLF, build stage',
      code: 'FROM node:22 AS build\r\nCOPY --chown=node:node package-lock.json package.json ./\r\nRUN npm install\r\nFROM nginx:1.27\r\n',
      files: LOCK,
      errors: [{ range: [2, 8, 2, 15] }],
      output: 'FROM node:22 AS build\r\nCOPY --chown=node:node package-lock.json package.json ./\r\nRUN npm ci\r\nFROM nginx:1.27\r\n',
    },
    {
      name: 'lockfile in the context but never copied: reported without a fix',
      code: 'FROM node:22\nCOPY package.json ./\nRUN npm install\nCOPY . .\n',
      files: LOCK,
      errors: [{ range: [2, 8, 2, 15], message: 'never copied' }],
      output: null,
    },
    {
      name: 'nothing copied before the install',
      code: 'FROM node:22\nRUN npm install\n',
      files: LOCK,
      errors: [{ range: [1, 8, 1, 15], message: 'COPY it' }],
      output: null,
    },
  ],
});
