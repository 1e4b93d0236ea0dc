import { unsignedPackages } from '../../../rules/dockerfile/rules/unsigned-packages';
import { ruleTester } from '../tester';

ruleTester(unsignedPackages, {
  valid: [
    {
      name: 'keys fetched over https, http downloads that are not keys',
      code: 'FROM centos:7\nRUN rpm --import https://nginx.org/keys/nginx_signing.key && curl -fsSLO http://example.com/app.tar.gz\n',
    },
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'apt with other options', code: 'FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confold curl\n' },
    { name: 'AllowUnauthenticated=false', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Get::AllowUnauthenticated=false curl\n' },
    { name: 'gpgcheck=1', code: 'FROM fedora:41\nRUN dnf install -y --setopt=gpgcheck=1 x-1.0\n' },
    { name: 'rpm import and verify', code: 'FROM fedora:41\nRUN rpm --import /tmp/key.asc && rpm -K /tmp/x.rpm\n' },
    { name: 'flag in an echo', code: 'FROM alpine:3.20\nRUN echo apk add --allow-untrusted\n' },
    { name: 'other tools', code: 'FROM alpine:3.20\nRUN curl --allow-untrusted x || true\n' },
  ],
  invalid: [
    {
      name: 'signing keys over plain HTTP',
      code: 'FROM centos:7\nRUN rpm --import http://nginx.org/keys/nginx_signing.key \\\n && curl -sO http://repo.example.com/RPM-GPG-KEY-example \\\n && apt-key adv --fetch-keys http://example.com/archive.gpg\n',
      errors: [
        { range: [1, 17, 1, 56], message: 'over plain HTTP' },
        { range: [2, 13, 2, 56] },
        { range: [3, 29, 3, 59] },
      ],
      output: null,
    },
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/vendor.apk\n',
      errors: [{ range: [1, 23, 1, 40], message: 'signing key', severity: 'error', safe: false }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache /tmp/vendor.apk\n',
    },
    {
      name: 'flag last on the line',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache x --allow-untrusted\n',
      errors: [{ range: [1, 25, 1, 42] }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache x\n',
    },
    {
      name: 'apt-get flags and -o options',
      code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated --force-yes -o APT::Get::AllowUnauthenticated=true curl\n',
      errors: [{ range: [1, 23, 1, 46] }, { range: [1, 47, 1, 58] }, { range: [1, 59, 1, 97] }],
      output: 'FROM debian:12\nRUN apt-get install -y curl\n',
    },
    {
      name: 'insecure repositories on update',
      code: 'FROM debian:12\nRUN apt-get update --allow-insecure-repositories && apt-get install -y curl\n',
      errors: [{ range: [1, 19, 1, 48] }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'flag alone on a continued line: the line goes',
      code: 'FROM debian:12\nRUN apt-get install -y \\\n    --allow-unauthenticated \\\n    curl\n',
      errors: [{ range: [2, 4, 2, 27] }],
      output: 'FROM debian:12\nRUN apt-get install -y \\\n    curl\n',
    },
    {
      name: 'flag alone on the last continued line',
      code: 'FROM debian:12\nRUN apt-get install -y curl \\\n    --allow-unauthenticated\nCMD ["curl"]\n',
      errors: [{ range: [2, 4, 2, 27] }],
      output: 'FROM debian:12\nRUN apt-get install -y curl\nCMD ["curl"]\n',
    },
    {
      name: 'yum, dnf, microdnf --nogpgcheck and setopt',
      code: 'FROM fedora:41\nRUN yum install -y --nogpgcheck a && dnf --setopt=gpgcheck=0 install -y b && microdnf install --nogpgcheck c\n',
      errors: [{ range: [1, 19, 1, 31] }, { range: [1, 41, 1, 60] }, { range: [1, 94, 1, 106] }],
      output: 'FROM fedora:41\nRUN yum install -y a && dnf install -y b && microdnf install c\n',
    },
    {
      name: 'zypper and rpm',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks -n in x && rpm -i --nosignature --nodigest /tmp/x.rpm\n',
      errors: [{ range: [1, 11, 1, 26] }, { range: [1, 45, 1, 58] }, { range: [1, 59, 1, 69] }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in x && rpm -i /tmp/x.rpm\n',
    },
    {
      name: 'sudo, heredoc, CRLF',
      code: 'FROM alpine:3.20\r\nRUN <<EOF\r\nsudo apk add --allow-untrusted x\r\nEOF\r\n',
      errors: [{ range: [2, 13, 2, 30] }],
      output: 'FROM alpine:3.20\r\nRUN <<EOF\r\nsudo apk add x\r\nEOF\r\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "--allow-untrusted", "x"]\n',
      errors: [{ range: [1, 19, 1, 38] }],
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "x"]\n',
    },
    {
      name: 'exec form, last word',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "x", "--allow-untrusted"]\n',
      errors: [{ range: [1, 24, 1, 43] }],
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "x"]\n',
    },
    {
      name: 'build stages too',
      code: 'FROM alpine:3.20 AS build\nRUN apk add --allow-untrusted x\nFROM scratch\n',
      errors: [{ line: 1 }],
      output: 'FROM alpine:3.20 AS build\nRUN apk add x\nFROM scratch\n',
    },
  ],
});
