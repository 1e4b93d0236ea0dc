import { imageUntagged } from '../../../rules/dockerfile/rules/image-untagged';
import { ruleTester } from '../tester';

ruleTester(imageUntagged, {
  valid: [
    { code: 'FROM node:22\n' },
    { code: 'FROM scratch\n' },
    { code: 'FROM node:22 AS build\nFROM build\n', name: 'stage reference' },
    { code: 'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', name: 'digest' },
    { code: 'ARG BASE\nFROM $BASE\n', name: 'unresolvable ARG is never reported' },
    { code: 'ARG TAG=22\nFROM node:${TAG}\n' },
    { code: 'FROM localhost:5000/app:1.0\n' },
    { code: 'FROM node:latest\n', name: 'latest is image-latest\'s' },
  ],
  invalid: [
    { code: 'FROM node\n', errors: [{ range: [0, 5, 0, 9], message: '`node:latest`', severity: 'warning' }], output: null },
    { code: 'FROM localhost:5000/team/app AS x\n', name: 'registry port is not a tag', errors: [{ range: [0, 5, 0, 28] }] },
    { code: 'ARG IMG=python\nFROM $IMG AS a\n', name: 'ARG default resolved', errors: [{ range: [1, 5, 1, 9], message: 'from `$IMG`' }] },
    { code: 'FROM --platform=$BUILDPLATFORM golang AS build\nFROM alpine\n', errors: [{ range: [0, 31, 0, 37] }, { range: [1, 5, 1, 11] }] },
    { code: 'FROM ghcr.io/acme/tool\r\n', name: 'CRLF', errors: [{ range: [0, 5, 0, 22] }] },
  ],
});
