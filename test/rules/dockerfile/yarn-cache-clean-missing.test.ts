import { yarnCacheCleanMissing } from '../../../rules/dockerfile/rules/yarn-cache-clean-missing';
import { ruleTester } from '../tester';

ruleTester(yarnCacheCleanMissing, {
  valid: [
    { code: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'cache mount', code: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n' },
    { name: 'cache folder in a mount', code: 'FROM node:22\nRUN --mount=type=cache,target=/tmp/yc yarn install --cache-folder /tmp/yc\n' },
    { name: 'rm of the cache', code: 'FROM node:22\nRUN yarn && rm -rf /usr/local/share/.cache/yarn\n' },
    { name: 'build stage only copied from', code: 'FROM node:22 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
    { name: 'other yarn commands', code: 'FROM node:22\nRUN yarn build && yarn test\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nRUN yarn install --frozen-lockfile\n',
      errors: [{ range: [1, 9, 1, 16], message: 'yarn cache clean', severity: 'info', safe: true }],
      output: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    {
      name: 'bare yarn',
      code: 'FROM node:22\nRUN yarn --frozen-lockfile && yarn build\n',
      errors: [{ range: [1, 4, 1, 8] }],
      output: 'FROM node:22\nRUN yarn --frozen-lockfile && yarn build && yarn cache clean\n',
    },
    {
      name: 'global add, continuation, CRLF',
      code: 'FROM node:22\r\nRUN yarn global add \\\r\n  pm2@5.4.2\r\n',
      errors: [{ range: [1, 16, 1, 19] }],
      output: 'FROM node:22\r\nRUN yarn global add \\\r\n  pm2@5.4.2 && yarn cache clean\r\n',
    },
    {
      name: 'heredoc',
      code: 'FROM node:22\nRUN <<EOF\nyarn install\nEOF\n',
      errors: [{ range: [2, 5, 2, 12] }],
      output: 'FROM node:22\nRUN <<EOF\nyarn install && yarn cache clean\nEOF\n',
    },
  ],
});
