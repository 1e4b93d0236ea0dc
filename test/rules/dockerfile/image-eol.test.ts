import assert from 'assert';
import { analyze } from '../../../rules/engine';
import { judgeImage } from '../../../rules/dockerfile/eol';
import { imageEol } from '../../../rules/dockerfile/rules/image-eol';
import { parseImageRef } from '../../../rules/image';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { ruleTester } from '../tester';

ruleTester(imageEol, {
  valid: [
    { code: 'FROM node:22-alpine\n' },
    { code: 'FROM python:3.13-slim-bookworm\n' },
    { code: 'FROM golang:1.26-bookworm\n' },
    { code: 'FROM alpine:3.22\n' },
    { code: 'FROM debian:bookworm-slim\n' },
    { code: 'FROM ubuntu:24.04\n' },
    { code: 'FROM ubuntu:jammy\n', name: 'jammy is supported until 2027-04' },
    { code: 'FROM postgres:17-alpine\n' },
    { code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\n' },
    { code: 'FROM eclipse-temurin:8u402-b06-jdk\n', name: 'Java 8 is supported until 2026-11-30' },
    { code: 'FROM eclipse-temurin:21-jre-noble\n' },
    { code: 'FROM redis:6.2\n', name: 'redis 6.2 has no announced end' },
    { code: 'FROM nginx:1.30-alpine\n' },
    { code: 'FROM tomcat:10.1-jre21-temurin-noble\nFROM example.com/tools:buster\n', name: 'unknown images: supported distribution; a leading token is a version, not a distribution' },
    { code: 'FROM openjdk:28-ea-jdk-slim\n', name: 'early-access openjdk builds are still published' },
    { code: 'FROM node:lts\n', name: 'floating tags are not judged' },
    { code: 'FROM python:3-slim\n', name: 'an open major line is not judged' },
    { code: 'FROM alpine\n' },
    { code: 'FROM node:99\n', name: 'a release the table does not know' },
    { code: 'FROM acme/node:18\n', name: 'unknown publishers are not judged' },
    { code: 'ARG TAG\nFROM node:${TAG}\n', name: 'unresolvable ARG' },
    { code: 'FROM node:18 AS base\nFROM base\n', name: 'a stage reference is judged once, at its FROM', now: new Date('2024-01-01T00:00:00Z') },
    { code: 'FROM node:18\n', now: new Date('2025-04-29T00:00:00Z'), name: 'judged against now: the day before' },
    { code: 'FROM scratch\n' },
    { code: 'FROM redhat/ubi9-minimal:9.5\n' },
  ],
  invalid: [
    {
      code: 'FROM node:18-alpine\n',
      errors: [{ range: [0, 10, 0, 19], message: 'Node.js 18 ended on 2025-04-30', severity: 'warning' }],
      output: null,
    },
    {
      name: 'names the oldest supported LTS successor and an example tag',
      code: 'FROM node:18-alpine\n',
      errors: [{ message: /Move to Node\.js 22 \(supported until 2027-04-30\), e\.g\. `node:22-alpine`/ }],
    },
    {
      name: 'runtime and distribution both past their end',
      code: 'FROM python:3.8-slim-buster\n',
      errors: [{ range: [0, 12, 0, 27], message: /Python 3\.8 ended on 2024-10-07 and Debian 10 \(buster\) ended on 2024-06-30.*`python:3\.11-slim-bookworm`/ }],
    },
    {
      name: 'only the distribution is past its end',
      code: 'FROM python:3.12-bullseye\n',
      errors: [{ message: /Debian 11 \(bullseye\) ended on 2026-08-31.*`python:3\.12-bookworm`/ }],
    },
    { code: 'FROM debian:buster\n', errors: [{ range: [0, 12, 0, 18], message: '`debian:bookworm`' }] },
    { code: 'FROM debian:10-slim\n', errors: [{ message: '`debian:12-slim`' }] },
    { code: 'FROM ubuntu:20.04\n', errors: [{ range: [0, 12, 0, 17], message: /Ubuntu 20\.04 \(focal\).*Ubuntu 22\.04 \(jammy\)/ }] },
    { code: 'FROM ubuntu:focal\n', errors: [{ message: '`ubuntu:jammy`' }] },
    { code: 'FROM centos:7\n', errors: [{ range: [0, 12, 0, 13], message: /CentOS 7 ended on 2024-06-30.*rockylinux/ }] },
    { code: 'FROM golang:1.21-bookworm\n', errors: [{ message: /Go 1\.21 ended on 2024-08-13.*`golang:1\.26-bookworm`/ }] },
    { code: 'FROM golang:1.22.5-alpine3.19\n', errors: [{ message: /Go 1\.22.*Alpine 3\.19.*`golang:1\.26-alpine3\.22`/ }] },
    { code: 'FROM alpine:3.21.2\n', errors: [{ range: [0, 12, 0, 18], message: '`alpine:3.22`' }] },
    { code: 'FROM php:8.1-fpm-alpine3.17\n', errors: [{ message: '`php:8.2-fpm-alpine3.22`' }] },
    { code: 'FROM ruby:2\n', name: 'a closed major line', errors: [{ message: 'Ruby 2.7' }] },
    { code: 'FROM mysql:8.0\n', errors: [{ message: 'MySQL 8.4' }] },
    { code: 'FROM postgres:14-alpine\n', name: 'the day after 2026-11-12', errors: [{ message: '`postgres:15-alpine`' }] },
    { code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n', errors: [{ line: 0, message: /\.NET 8 ended.*`mcr\.microsoft\.com\/dotnet\/sdk:10\.0`.*build stage/ }] },
    { code: 'FROM redis:7.0-alpine\n', errors: [{ message: 'Redis 7.2' }] },
    { code: 'FROM nginx:1.26\n', errors: [{ message: '`nginx:1.30`' }] },
    {
      name: 'an image the table does not know, built on a distribution its tag names',
      code: 'FROM tomcat:9.0-jre11-temurin-focal\n',
      errors: [{ range: [0, 12, 0, 35], message: /Ubuntu 20\.04 \(focal\) ended on 2025-05-31.*`tomcat:9\.0-jre11-temurin-jammy`/ }],
    },
    {
      name: 'the openjdk image is abandoned whatever the release; a build stage is info',
      code: 'FROM openjdk:17-jdk-slim AS build\nRUN ./gradlew build\nFROM openjdk:11-jre\nCOPY --from=build /app.jar /\n',
      errors: [
        { range: [0, 13, 0, 24], message: /no longer maintained.*`eclipse-temurin:17-jdk`.*build stage/, severity: 'info' },
        { range: [2, 13, 2, 19], message: '`eclipse-temurin:11-jre`', severity: 'warning' },
      ],
    },
    { code: 'FROM nginx:1.28-alpine\n', name: 'stable 1.28 retired when 1.30 shipped', errors: [{ message: '`nginx:1.30-alpine`' }] },
    { code: 'FROM node:hydrogen-bullseye-slim\n', name: 'codename tags', errors: [{ message: '`node:jod-bookworm-slim`' }] },
    { code: 'FROM registry.access.redhat.com/ubi7/ubi:7.9\n', name: 'release in the image name', errors: [{ message: '`registry.access.redhat.com/ubi8/ubi`' }] },
    { code: 'FROM eclipse-temurin:19-jdk\n', errors: [{ message: 'Java 19' }] },
    { code: 'FROM openjdk:19-jdk\n', name: 'abandoned image of an ended release: suggest a supported one', errors: [{ message: '`eclipse-temurin:21-jdk`' }] },
    { code: 'FROM public.ecr.aws/docker/library/node:16\n', name: 'Docker Hub mirror', errors: [{ message: 'Node.js 16' }] },
    { code: 'ARG NODE=node:18\nFROM ${NODE}\n', name: 'ARG default', errors: [{ range: [1, 5, 1, 12], message: 'Node.js 18' }] },
    {
      name: 'every stage is judged; CRLF',
      code: 'FROM golang:1.20 AS build\r\nRUN go build\r\nFROM alpine:3.18\r\n',
      errors: [{ range: [0, 12, 0, 16] }, { range: [2, 12, 2, 16] }],
    },
    { code: 'FROM node:18\n', now: new Date('2025-04-30T00:00:00Z'), name: 'judged against now: the end date itself', errors: [{ line: 0 }] },
  ],
});

describe('dockerfile/image-eol severities and table', () => {
  const findings = (code: string) =>
    analyze(
      { path: '/w/Dockerfile', text: code, kind: 'dockerfile' },
      { workspace: memoryWorkspace(), config: EMPTY_CONFIG, now: new Date('2026-11-23T00:00:00Z') },
    )!.findings.filter((f) => f.rule === 'dockerfile/image-eol');

  it('reports build stages as info and the final stage as a warning', () => {
    const result = findings('FROM node:16 AS build\nRUN npm ci\nFROM node:18-alpine\n');
    assert.deepStrictEqual(result.map((f) => f.severity), ['info', 'warning']);
  });

  it('maps tags to releases', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    const expired = (ref: string) => judgeImage(parseImageRef(ref)!, now)?.expired.map((p) => `${p.product}:${p.release.cycle}`) ?? [];
    assert.deepStrictEqual(expired('python:3.8.18-slim-buster'), ['python:3.8', 'debian:10']);
    assert.deepStrictEqual(expired('node:18.20.4-bookworm-slim'), ['node:18']);
    assert.deepStrictEqual(expired('eclipse-temurin:17-jdk-focal'), ['ubuntu:20.04']);
    assert.deepStrictEqual(expired('centos:centos7.9.2009'), ['centos:7']);
    assert.deepStrictEqual(expired('quay.io/centos/centos:stream8'), ['centos:stream8']);
    assert.deepStrictEqual(expired('postgres:9.6-alpine'), ['postgres:9.6']);
    assert.deepStrictEqual(expired('mcr.microsoft.com/dotnet/core/runtime:3.1'), ['dotnet:3.1']);
    assert.deepStrictEqual(expired('php:7'), ['php:7.4']);
    assert.deepStrictEqual(expired('python:3.12-slim'), []);
    assert.deepStrictEqual(expired('ubuntu:noble-20240530'), []);
  });
});
