import { imageNotPinnedDigest } from '../../../rules/dockerfile/rules/image-not-pinned-digest';
import { ruleTester } from '../tester';

ruleTester(imageNotPinnedDigest, {
  valid: [
    { code: 'FROM node:22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { code: 'FROM scratch\n' },
    { code: 'FROM node\n', name: 'untagged is image-untagged\'s' },
    { code: 'FROM node:22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS a\nFROM a\n' },
    { code: 'ARG TAG\nFROM node:${TAG}\n' },
  ],
  invalid: [
    { code: 'FROM node:22-alpine\n', errors: [{ range: [0, 10, 0, 19], message: '`node:22-alpine@sha256:…`' }], output: null },
    { code: 'ARG V=1.27\nFROM nginx:$V\n', errors: [{ range: [1, 5, 1, 13] }] },
    { code: 'FROM golang:1.23 AS b\nFROM gcr.io/distroless/static-debian12:nonroot\n', errors: [{ line: 0 }, { line: 1 }] },
  ],
});
