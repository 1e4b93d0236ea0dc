import { copySecrets } from '../../../rules/dockerfile/rules/copy-secrets';
import assert from 'assert';
import { buildModel } from '../../../rules/dockerfile/model';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { ruleTester } from '../tester';

const IGNORE_ALL = '.git\n.env\n.env.*\n';

ruleTester(copySecrets, {
  valid: [
    { code: 'FROM node:22\nCOPY package.json ./\n' },
    { name: 'templates and certificates', code: 'FROM nginx:1.27\nCOPY .env.example cert.pem fullchain.pem ca.pem /etc/x/\n' },
    { name: 'public key', code: 'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n' },
    { name: 'public half of a named key pair', code: 'FROM alpine:3.20\nCOPY private_key.pub signing/privkey.pub /keys/\n' },
    {
      name: 'COPY . with a .dockerignore that excludes the secrets present',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\n',
      files: { '/w/.dockerignore': IGNORE_ALL, '/w/.env': 'A=1', '/w/.git/HEAD': 'ref', '/w/package.json': '{}' },
    },
    {
      name: '** and directory patterns',
      code: 'FROM node:22\nCOPY . /app\n',
      files: { '/w/.dockerignore': '# vcs\n**/.git\n/.env*\n', '/w/.env.local': 'A=1', '/w/.git/HEAD': 'ref' },
    },
    {
      name: 'nothing sensitive in the context and no .dockerignore',
      code: 'FROM node:22\nCOPY . /app\n',
      files: { '/w/package.json': '{}', '/w/src/index.js': '' },
    },
    {
      name: 'COPY --from . is another stage, not the context',
      code: 'FROM node:22 AS build\nFROM node:22\nCOPY --from=build . /app\n',
      files: { '/w/.env': 'A=1' },
    },
    {
      name: '<Dockerfile>.dockerignore wins',
      path: '/w/app.Dockerfile',
      code: 'FROM node:22\nCOPY . /app\n',
      files: { '/w/app.Dockerfile.dockerignore': IGNORE_ALL, '/w/.dockerignore': '', '/w/.env': 'A=1' },
    },
    { name: 'heredoc', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nA=1\nEOF\n' },
    { name: 'remote and variable sources', code: 'FROM alpine:3.20\nADD https://example.com/x.pem /x\nCOPY ${KEY} /k\n' },
    { name: 'a .docker folder of config files', code: 'FROM nginx:1.27\nCOPY .docker/nginx.conf /etc/nginx/\n' },
  ],
  invalid: [
    {
      name: 'key files named for what they hold (a Tor hidden service)',
      code: 'FROM alpine:3.22\nADD private_key /var/lib/tor/hs/private_key\nCOPY keys/hs_ed25519_secret_key privkey.pem /var/lib/tor/hs3/\n',
      errors: [{ range: [1, 4, 1, 15], message: 'a private key' }, { range: [2, 5, 2, 31] }, { range: [2, 32, 2, 43] }],
      output: null,
    },
    {
      code: 'FROM node:22\nCOPY .env /app/.env\n',
      errors: [{ range: [1, 5, 1, 9], message: /`.env` is an env file.*RUN --mount=type=secret/, severity: 'error' }],
      output: null,
    },
    {
      name: 'several secret sources, JSON form, lower-case',
      code: 'FROM alpine:3.20\ncopy ["id_rsa", "server.key", "/root/"]\nADD .aws/credentials config/.npmrc /x/\n',
      errors: [
        { range: [1, 6, 1, 14], message: 'SSH private key' },
        { range: [1, 16, 1, 28], message: 'a private key' },
        { range: [2, 4, 2, 20], message: 'AWS credentials' },
        { range: [2, 21, 2, 34], message: 'npm credentials' },
      ],
    },
    {
      name: 'COPY --from still lands in the image',
      code: 'FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build /root/.npmrc /root/\n',
      errors: [{ range: [2, 18, 2, 30], message: 'stores it in an image layer' }],
    },
    {
      name: 'a build stage that does not ship gets info',
      code: 'FROM node:22 AS build\nCOPY .npmrc ./\nFROM node:22-slim\n',
      errors: [{ range: [1, 5, 1, 11], message: 'does not ship' }],
    },
    {
      name: 'COPY . with no .dockerignore names what leaks',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\n',
      files: { '/w/.env': 'A=1', '/w/.git/HEAD': 'ref', '/w/package.json': '{}' },
      errors: [{ range: [2, 5, 2, 6], message: /no `.dockerignore`: `.env`, `.git` end up in the image/ }],
    },
    {
      name: '.dockerignore that forgets .env',
      code: 'FROM node:22\nCOPY ./ /app/\n',
      files: { '/w/.dockerignore': 'node_modules\n.git\n', '/w/.env': 'A=1', '/w/.git/HEAD': 'ref' },
      errors: [{ range: [1, 5, 1, 7], message: '`.dockerignore` does not exclude `.env`' }],
    },
    {
      name: 'a ! exception lets a secret back in',
      code: 'FROM node:22\nCOPY . /app\n',
      files: { '/w/.dockerignore': '.env*\n!.env.production\n', '/w/.env.production': 'A=1' },
      errors: [{ message: '`.env.production`' }],
    },
    {
      name: 'git folder partly re-included',
      code: 'FROM node:22\nADD * /app/\n',
      files: { '/w/.dockerignore': '.git\n!.git/config\n.env\n', '/w/.git/config': 'x' },
      errors: [{ range: [1, 4, 1, 5], message: '`.git`' }],
    },
    {
      name: 'key files at the context root',
      code: 'FROM node:22\nCOPY . /app\n',
      files: { '/w/.dockerignore': '.git\n.env\n', '/w/deploy.pem': 'k', '/w/id_ed25519': 'k' },
      errors: [{ message: '`deploy.pem`, `id_ed25519`' }],
    },
    {
      name: 'continuation and CRLF',
      code: 'FROM alpine:3.20\r\nCOPY a \\\r\n  secrets/prod.env.key /x/\r\n',
      errors: [{ range: [2, 2, 2, 22] }],
    },
  ],
});

describe('dockerfile/copy-secrets severity', () => {
  it('reports copies into stages that do not ship as info, the shipped image at the default', () => {
    const text = 'FROM node:22 AS build\nCOPY .npmrc ./\nFROM build AS base\nCOPY .env ./\nFROM node:22 AS tool\nCOPY id_rsa /\nFROM base\n';
    const context = { path: '/w/Dockerfile', workspace: memoryWorkspace({ '/w/Dockerfile': text }), config: EMPTY_CONFIG, now: new Date() };
    const reports = copySecrets.check(buildModel(text, context), context);
    assert.deepStrictEqual(reports.map((r) => [r.range.start.line, r.severity]), [[1, undefined], [3, undefined], [5, 'info']]);
  });
});

describe('dockerfile/copy-secrets without a folder listing', () => {
  const text = 'FROM node:22\nCOPY . /app\n';
  const run = (files: Record<string, string>) => {
    const base = memoryWorkspace(files);
    const workspace = { readFile: base.readFile };
    const context = { path: '/w/Dockerfile', workspace, config: EMPTY_CONFIG, now: new Date() };
    return copySecrets.check(buildModel(text, context), context).map((r) => r.message);
  };
  it('reports a missing .dockerignore in general terms', () => {
    assert.match(run({})[0], /no `.dockerignore`: `.git`, `.env` and any other secret/);
  });
  it('reports .git/.env a .dockerignore lets through, and nothing once both are excluded', () => {
    assert.match(run({ '/w/.dockerignore': '.git\n' })[0], /does not exclude `.env`: if present/);
    assert.deepStrictEqual(run({ '/w/.dockerignore': '.git\n.env\n' }), []);
  });
});
