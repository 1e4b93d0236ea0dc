import { secretInEnvArg } from '../../../rules/dockerfile/rules/secret-in-env-arg';
import { ruleTester } from '../tester';

ruleTester(secretInEnvArg, {
  valid: [
    { code: 'FROM alpine:3.20\nENV APP_HOME=/app PORT=8080\n' },
    { name: 'ARG without a default comes from the build command', code: 'ARG NPM_TOKEN\nFROM node:22\nARG GITHUB_TOKEN\n' },
    { name: 'empty values', code: 'FROM alpine:3.20\nENV DB_PASSWORD=""\nARG API_KEY=\n' },
    { name: '*_FILE points at a secret', code: 'FROM postgres:17\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n' },
    { name: 'references to run-time variables', code: 'FROM alpine:3.20\nENV TOKEN=${TOKEN} SECRET=$SECRET\n' },
    { name: 'a build argument that is not a credential', code: 'FROM alpine:3.20\nARG VERSION\nENV APP_VERSION=$VERSION\n' },
    { name: 'a global ARG not redeclared in the stage is not in scope', code: 'ARG NPM_TOKEN\nFROM node:22\nENV NPM_TOKEN=$NPM_TOKEN\n' },
    { name: 'descriptive names', code: 'FROM alpine:3.20\nENV PASSWORD_MIN_LENGTH=12 TOKEN_URL=https://auth/x SECRET_NAME=db JWT_SECRET_PATH=/run/s\n' },
    { name: 'booleans and switches', code: 'FROM alpine:3.20\nENV USE_TOKEN=true DISABLE_PASSWORD=1\n' },
    { name: 'PWD alone is the working directory', code: 'FROM alpine:3.20\nENV PWD=/app\n' },
    { name: 'words that merely contain token', code: 'FROM python:3.13\nENV TOKENIZERS_PARALLELISM=false HF_HUB_DISABLE_TELEMETRY=1 KEYBOARD=us\n' },
    { name: 'key id is an identifier', code: 'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID_VAR=x SSH_KEY_ID=abc\n' },
    { name: 'user names are not secrets', code: 'FROM alpine:3.20\nENV DB_USER=app USERNAME=app\n' },
    { name: 'URL without password', code: 'FROM alpine:3.20\nENV DATABASE_URL=postgres://app@db:5432/app\n' },
    { name: 'URL password from a variable', code: 'FROM alpine:3.20\nENV DATABASE_URL=postgres://app:${DB_PASS}@db/app\n' },
    {
      name: 'OpenPGP fingerprints and key ids are public',
      code:
        'FROM alpine:3.20\nENV GPG_KEY 0123456789ABCDEF0123456789ABCDEF01234567\n' +
        'ENV GPG_KEYS="89ABCDEF0123456789ABCDEF0123456789ABCDEF 0x0123456789ABCDEF"\n' +
        'ARG PGP_KEY="0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567"\n',
    },
    { name: 'a LABEL is not ENV', code: 'FROM alpine:3.20\nLABEL password=hunter2\n' },
  ],
  invalid: [
    {
      name: 'ENV persists a credential build argument',
      code: 'FROM node:22\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nARG GH_PAT\nENV GITHUB_TOKEN=${GH_PAT:-}\n',
      errors: [
        { message: '`NPM_TOKEN` copies the build argument `NPM_TOKEN` into the image', range: [2, 14, 2, 24] },
        { message: '`GITHUB_TOKEN` copies the build argument `GH_PAT`' },
      ],
    },
    {
      name: 'an OpenPGP-named variable with something other than a key id',
      code: 'FROM alpine:3.20\nENV GPG_KEY=my-passphrase-1234\n',
      errors: [{ range: [1, 4, 1, 11], message: /`GPG_KEY` looks like a credential/ }],
      output: null,
    },
    {
      code: 'FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n',
      errors: [{ range: [1, 4, 1, 15], message: /`DB_PASSWORD` looks like a credential.*RUN --mount=type=secret/, severity: 'error' }],
      output: null,
    },
    {
      name: 'ARG default, before FROM',
      code: 'ARG GITHUB_TOKEN=abc123\nFROM alpine:3.20\n',
      errors: [{ range: [0, 4, 0, 16], message: 'build arguments are recorded in the image history' }],
    },
    {
      name: 'known token format on an innocent name: range on the value',
      code: 'FROM alpine:3.20\nENV CONFIG=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n',
      errors: [{ range: [1, 11, 1, 53], message: 'a GitHub token' }],
    },
    {
      name: 'AWS key id and secret',
      code: 'FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
      errors: [{ range: [1, 22, 1, 42], message: 'an AWS access key id' }, { range: [1, 43, 1, 64] }],
    },
    {
      name: 'legacy ENV form, quoted value',
      code: 'FROM alpine:3.20\nENV API_KEY "abc def"\n',
      errors: [{ range: [1, 4, 1, 11] }],
    },
    {
      name: 'camelCase and lower-case instruction',
      code: 'FROM alpine:3.20\nenv clientSecret=s3cr3t\n',
      errors: [{ range: [1, 4, 1, 16] }],
    },
    {
      name: 'URL with a password',
      code: 'FROM alpine:3.20\nENV DATABASE_URL="postgres://app:pa55@db:5432/app"\n',
      errors: [{ range: [1, 17, 1, 50], message: 'a URL with an embedded password' }],
    },
    {
      name: 'continuation lines and CRLF',
      code: 'FROM alpine:3.20\r\nENV A=1 \\\r\n    # comment\r\n    SECRET_KEY_BASE=abcdef\r\n',
      errors: [{ range: [3, 4, 3, 19] }],
    },
    {
      name: 'every stage, several pairs',
      code: 'FROM node:22 AS build\nARG NPM_TOKEN=npm_abc\nFROM node:22\nENV DB_PASS=x REDIS_PASSWORD=pw123\n',
      errors: [{ line: 1 }, { range: [3, 4, 3, 11] }, { range: [3, 14, 3, 28] }],
    },
    {
      name: 'private key in a value',
      code: 'FROM alpine:3.20\nENV TLS="-----BEGIN RSA PRIVATE KEY-----abc"\n',
      errors: [{ line: 1, message: 'a private key' }],
    },
  ],
});
