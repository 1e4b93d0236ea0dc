import { imageLatest } from '../../../rules/dockerfile/rules/image-latest';
import { ruleTester } from '../tester';

ruleTester(imageLatest, {
  valid: [
    { code: 'FROM alpine:3.22 AS latest\nFROM alpine:3.22\nCOPY --from=latest /a /a\nCOPY --from=busybox:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin/sh /sh\n', name: 'stage names and digests in COPY --from' },
    { code: 'FROM node:22\n' },
    { code: 'FROM node\n', name: 'untagged is image-untagged, not this rule' },
    { code: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', name: 'digest pins it' },
    { code: 'FROM scratch\n' },
    { code: 'FROM node:22 AS latest\nFROM latest\n', name: 'a stage named latest' },
    { code: 'ARG TAG\nFROM node:${TAG}\n', name: 'unresolvable ARG is not judged' },
    { code: 'FROM localhost:5000/app:1.0\n', name: 'registry port is not a tag' },
    { code: 'FROM node:latest-alpine-ish\n'.replace('latest-alpine-ish', 'lts-alpine'), name: 'other tags' },
  ],
  invalid: [
    {
      name: 'the name comes from an ARG without a default, the latest tag is literal',
      code: 'ARG VERSION\nFROM registry.example.com/base/flex-${VERSION}:latest\nFROM registry.example.com/${IMAGE}:1.2\n',
      errors: [{ range: [1, 47, 1, 53], message: 'floats with every push' }],
      output: null,
    },
    {
      name: 'COPY --from an image tagged latest',
      code: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/\nCOPY --from=ghcr.io/astral-sh/uv:0.9.16 /uv /bin/uv2\n',
      errors: [{ range: [1, 12, 1, 39], message: '`COPY --from=ghcr.io/astral-sh/uv:latest`' }],
      output: null,
    },
    {
      code: 'FROM node:latest\n',
      errors: [{ range: [0, 10, 0, 16], message: '`node:latest`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'every stage is checked',
      code: 'FROM golang:latest AS build\nFROM alpine:latest\n',
      errors: [{ range: [0, 12, 0, 18] }, { range: [1, 12, 1, 18] }],
    },
    {
      name: 'latest from an ARG default',
      code: 'ARG NODE_TAG=latest\nFROM node:${NODE_TAG}\n',
      errors: [{ range: [1, 5, 1, 21], message: 'from `node:${NODE_TAG}`' }],
    },
    {
      name: 'ARG default form',
      code: 'ARG BASE\nFROM ${BASE:-python:latest}\n',
      errors: [{ line: 1, message: '`python:latest`' }],
    },
    {
      name: 'registry with port',
      code: 'FROM localhost:5000/team/app:latest AS x\n',
      errors: [{ range: [0, 29, 0, 35] }],
    },
    {
      name: 'lower-case instruction and platform flag',
      code: 'from --platform=linux/amd64 redis:latest\n',
      errors: [{ range: [0, 34, 0, 40] }],
    },
  ],
});
