import { pkgUpdateAlone } from '../../../rules/dockerfile/rules/pkg-update-alone';
import { ruleTester } from '../tester';

ruleTester(pkgUpdateAlone, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'upgrade uses the index', code: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n' },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n' },
    { name: 'continuation', code: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl\n' },
    { name: 'apk', code: 'FROM alpine:3.20\nRUN apk update && apk add curl\n' },
    { name: 'yum makecache with install', code: 'FROM centos:7\nRUN yum makecache && yum install -y httpd\n' },
    { name: 'zypper refresh with install', code: 'FROM opensuse/leap:15.6\nRUN zypper ref && zypper -n in curl\n' },
    { name: 'apt update with apt-get install', code: 'FROM debian:12\nRUN apt update && apt-get install -y curl\n' },
    { name: 'yum update is an upgrade, not an index refresh', code: 'FROM centos:7\nRUN yum update -y\n' },
    { name: 'npm update is not a package index', code: 'FROM node:22\nRUN npm update\n' },
    { name: 'echo', code: 'FROM debian:12\nRUN echo apt-get update\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ range: [1, 4, 1, 18], message: 'same RUN', severity: 'warning' }],
      output: null,
    },
    {
      name: 'apk update alone',
      code: 'FROM alpine:3.20\nRUN apk update\n',
      errors: [{ range: [1, 4, 1, 14], message: '`… update && … install …`' }],
      output: null,
    },
    {
      name: 'install with another manager does not count',
      code: 'FROM debian:12\nRUN apt-get update && pip install flask==3.0.0\n',
      errors: [{ range: [1, 4, 1, 18] }],
      output: null,
    },
    {
      name: 'sudo, flags, CRLF',
      code: 'FROM debian:12\r\nRUN sudo apt-get -q update \\\r\n && echo done\r\n',
      errors: [{ range: [1, 9, 1, 26] }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "update"]\n',
      errors: [{ range: [1, 5, 1, 24] }],
      output: null,
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\nEOF\n',
      errors: [{ range: [2, 0, 2, 14] }],
      output: null,
    },
    {
      name: 'dnf makecache, zypper refresh',
      code: 'FROM fedora:41\nRUN dnf makecache\nRUN zypper refresh\n',
      errors: [{ range: [1, 4, 1, 17] }, { range: [2, 4, 2, 18] }],
      output: null,
    },
    {
      name: 'build stages too',
      code: 'FROM debian:12 AS build\nRUN apt-get update\nFROM scratch\n',
      errors: [{ line: 1 }],
      output: null,
    },
  ],
});
