import { registryNotTrusted } from '../../../rules/dockerfile/rules/registry-not-trusted';
import { ruleTester } from '../tester';

const config = { trustedRegistries: ['docker.io', 'ghcr.io/acme', '*.acme.dev'] };

ruleTester(registryNotTrusted, {
  valid: [
    { code: 'FROM quay.io/x/y:1\n', name: 'silent without a trusted list' },
    { code: 'FROM node:22\n', config },
    { code: 'FROM docker.io/library/node:22\n', config },
    { code: 'FROM ghcr.io/acme/app:1\n', config },
    { code: 'FROM registry.acme.dev/base/node:22\n', config },
    { code: 'FROM scratch\n', config },
    { code: 'FROM ghcr.io/acme/app:1 AS a\nFROM a\n', config },
    { code: 'ARG REG\nFROM $REG/app:1\n', config, name: 'unresolvable' },
  ],
  invalid: [
    {
      code: 'FROM ghcr.io/other/app:1\n',
      config,
      errors: [{ range: [0, 5, 0, 12], message: '`ghcr.io`' }],
      output: null,
    },
    { code: 'FROM quay.io/x/y:1 AS a\nFROM gcr.io/distroless/static\n', config, errors: [{ range: [0, 5, 0, 12] }, { range: [1, 5, 1, 11] }] },
    { code: 'ARG REG=quay.io\nFROM ${REG}/x/y:1\n', config, name: 'via ARG', errors: [{ range: [1, 5, 1, 17] }] },
    { code: 'FROM node:22\n', config: { trustedRegistries: ['registry.acme.dev'] }, name: 'implicit docker.io', errors: [{ range: [0, 5, 0, 12], message: '`docker.io`' }] },
  ],
});
