import { pkgUpgrade } from '../../../rules/dockerfile/rules/pkg-upgrade';
import { ruleTester } from '../tester';

ruleTester(pkgUpgrade, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n' },
    { name: 'targeted apk upgrade', code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n' },
    { name: 'targeted dnf upgrade', code: 'FROM fedora:41\nRUN dnf upgrade -y openssl\n' },
    { name: 'targeted yum update', code: 'FROM centos:7\nRUN yum update -y openssl\n' },
    { name: 'zypper update of one package', code: 'FROM opensuse/leap:15.6\nRUN zypper -n up openssl\n' },
    { name: 'apt-get update only refreshes the index', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'npm update is not a system upgrade', code: 'FROM node:22\nRUN npm update\n' },
    { name: 'echo', code: 'FROM debian:12\nRUN echo apt-get upgrade\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n',
      errors: [{ range: [1, 30, 1, 37], message: 'newer base image', severity: 'info' }],
      output: null,
    },
    {
      name: 'dist-upgrade, full-upgrade, apt',
      code: 'FROM debian:12\nRUN apt-get dist-upgrade -y && apt full-upgrade -y\n',
      errors: [{ range: [1, 12, 1, 24] }, { range: [1, 35, 1, 47] }],
      output: null,
    },
    {
      name: 'apk upgrade',
      code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n',
      errors: [{ range: [1, 8, 1, 15] }],
      output: null,
    },
    {
      name: 'yum update, dnf upgrade, microdnf update',
      code: 'FROM centos:7\nRUN yum -y update && dnf upgrade -y && microdnf update\n',
      errors: [{ range: [1, 11, 1, 17] }, { range: [1, 25, 1, 32] }, { range: [1, 48, 1, 54] }],
      output: null,
    },
    {
      name: 'zypper dist-upgrade (hadolint DL3035) and dup',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade && zypper -n dup\n',
      errors: [{ range: [1, 14, 1, 26] }, { range: [1, 40, 1, 43] }],
      output: null,
    },
    {
      name: 'heredoc, sudo, continuation, CRLF',
      code: 'FROM debian:12\r\nRUN <<EOF\r\nsudo apt-get \\\r\n  upgrade -y\r\nEOF\r\n',
      errors: [{ range: [3, 2, 3, 9] }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "upgrade"]\n',
      errors: [{ range: [1, 12, 1, 21] }],
      output: null,
    },
  ],
});
