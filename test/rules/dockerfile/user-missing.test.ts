import { userMissing } from '../../../rules/dockerfile/rules/user-missing';
import { ruleTester } from '../tester';

ruleTester(userMissing, {
  valid: [
    { code: 'FROM node:22\nUSER node\nCMD ["node", "a.js"]\n' },
    { code: 'FROM alpine:3.20\nRUN adduser -S app\nUSER app\n' },
    { name: 'user set in the base stage carries over', code: 'FROM debian:12 AS base\nUSER 1000\nFROM base\nCMD ["x"]\n' },
    { name: 'only the final stage counts', code: 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nUSER 65532\nCMD ["/app"]\n' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /\nCMD ["/app"]\n' },
    { name: 'chainguard', code: 'FROM cgr.dev/chainguard/node:latest\nCMD ["a.js"]\n' },
    { name: 'nginx-unprivileged', code: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\n' },
    {
      name: 'configured non-root base',
      code: 'FROM registry.acme.dev/base/node:22\nCMD ["a"]\n',
      config: { nonRootImages: ['registry.acme.dev/base/*'] },
    },
    { name: 'empty file', code: '' },
    { name: 'root user is another rule', code: 'FROM node:22\nUSER root\n' },
  ],
  invalid: [
    {
      name: 'Windows: the default account is ContainerAdministrator',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["python"]\n',
      errors: [{ line: 0, message: 'runs as ContainerAdministrator by default. Add `USER ContainerUser`' }],
      output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\nCMD ["python"]\n',
    },
    {
      name: 'alpine gets adduser -S',
      code: 'FROM alpine:3.20\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ range: [0, 0, 0, 4], message: 'runs as root', severity: 'warning', safe: false }],
      output:
        'FROM alpine:3.20\nCOPY app /app\nRUN addgroup -S -g 10001 app && adduser -S -u 10001 -G app app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'debian gets useradd -r',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update\nCMD ["bash"]\n',
      errors: [{ line: 0 }],
      output: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && groupadd -r -g 10001 app && useradd -r -u 10001 -g app app\nUSER 10001:10001\nCMD ["bash"]\n',
    },
    {
      name: 'python (Debian-based official image)',
      code: 'FROM python:3.13\nCMD ["python"]\n',
      errors: [{ line: 0 }],
      output: 'FROM python:3.13\nRUN groupadd -r -g 10001 app && useradd -r -u 10001 -g app app\nUSER 10001:10001\nCMD ["python"]\n',
    },
    {
      name: 'node images ship a node user',
      code: 'FROM node:22-alpine\nCMD ["node", "a.js"]\n',
      errors: [{ line: 0, message: '`node:22-alpine`' }],
      output: 'FROM node:22-alpine\nUSER 1000:1000\nCMD ["node", "a.js"]\n',
    },
    {
      name: 'distroless without :nonroot',
      code: 'FROM gcr.io/distroless/base-debian12\nCOPY app /\nCMD ["/app"]\n',
      errors: [{ line: 0 }],
      output: 'FROM gcr.io/distroless/base-debian12\nCOPY app /\nUSER 65532:65532\nCMD ["/app"]\n',
    },
    {
      name: 'scratch gets a numeric uid, appended when there is no CMD',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app',
      errors: [{ range: [2, 0, 2, 4] }],
      output: 'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532',
    },
    {
      name: 'reuses the uid of a user the file creates',
      code: 'FROM ubuntu:24.04\nRUN useradd --create-home -u 1500 --shell /bin/bash appuser\nCMD ["bash"]\n',
      errors: [{ line: 0 }],
      output: 'FROM ubuntu:24.04\nRUN useradd --create-home -u 1500 --shell /bin/bash appuser\nUSER 1500\nCMD ["bash"]\n',
    },
    {
      name: 'a heredoc RUN before CMD is left alone: a RUN of its own is added',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF\nCMD ["bash"]\n',
      errors: [{ line: 0 }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF\nRUN groupadd -r -g 10001 app && useradd -r -u 10001 -g app app\nUSER 10001:10001\nCMD ["bash"]\n',
    },
    {
      name: 'the backtick escape directive chains with a backtick',
      code: '# escape=`\nFROM debian:12\nRUN apt-get update\nCMD ["bash"]\n',
      errors: [{ line: 1 }],
      output: '# escape=`\nFROM debian:12\nRUN apt-get update `\n    && groupadd -r -g 10001 app && useradd -r -u 10001 -g app app\nUSER 10001:10001\nCMD ["bash"]\n',
    },
    {
      name: 'ubi-minimal has no useradd',
      code: 'FROM redhat/ubi9-minimal:9.5\nCMD ["x"]\n',
      errors: [{ line: 0 }],
      output: 'FROM redhat/ubi9-minimal:9.5\nUSER 1001\nCMD ["x"]\n',
    },
    {
      name: 'unknown family gets a numeric uid; keeps CRLF and indentation',
      code: 'FROM acme/base:1\r\n  CMD ["x"]\r\n',
      errors: [{ line: 0 }],
      output: 'FROM acme/base:1\r\n  USER 10001:10001\r\n  CMD ["x"]\r\n',
    },
    {
      name: 'build-stage user does not count for a fresh final stage',
      code: 'FROM node:22 AS build\nUSER node\nFROM alpine:3.20\nCMD ["x"]\n',
      errors: [{ line: 2 }],
      output: 'FROM node:22 AS build\nUSER node\nFROM alpine:3.20\nRUN addgroup -S -g 10001 app && adduser -S -u 10001 -G app app\nUSER 10001:10001\nCMD ["x"]\n',
    },
    {
      name: 'continuation lines before CMD survive',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n    jq\nCMD ["sh"]\n',
      errors: [{ line: 0 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n    jq \\\n    && addgroup -S -g 10001 app && adduser -S -u 10001 -G app app\nUSER 10001:10001\nCMD ["sh"]\n',
    },
  ],
});

ruleTester(userMissing, {
  valid: [],
  invalid: [
    {
      name: 'a base from a build argument without a default is not claimed to run as root',
      code: 'ARG CONTAINER_IMAGE\nFROM ${CONTAINER_IMAGE}\nCMD ["x"]\n',
      errors: [{ line: 1, message: 'comes from a build argument (`${CONTAINER_IMAGE}`) and is not known to run as non-root' }],
    },
    {
      name: 'docker:dind is Alpine-based',
      code: 'FROM docker:27-dind\nCMD ["dockerd"]\n',
      errors: [{ line: 0 }],
      output: 'FROM docker:27-dind\nRUN addgroup -S -g 10001 app && adduser -S -u 10001 -G app app\nUSER 10001:10001\nCMD ["dockerd"]\n',
    },
  ],
});
