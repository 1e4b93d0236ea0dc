import { fromPlatform } from '../../../rules/dockerfile/rules/from-platform';
import { ruleTester } from '../tester';

ruleTester(fromPlatform, {
  valid: [
    { code: 'FROM node:22\n' },
    { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n', name: 'cross-compilation idiom' },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine:3.22\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 node:22\n',
      errors: [{ range: [0, 5, 0, 27], message: 'linux/amd64', severity: 'warning', safe: false }],
      output: 'FROM node:22\n',
    },
    {
      name: 'every stage; CRLF',
      code: 'FROM --platform=linux/arm64 golang:1.23 AS build\r\nFROM   --platform=linux/amd64   alpine:3.22\r\n',
      errors: [{ line: 0 }, { range: [1, 7, 1, 29] }],
      output: 'FROM golang:1.23 AS build\r\nFROM   alpine:3.22\r\n',
    },
  ],
});
