import { finalStageSdk } from '../../../rules/dockerfile/rules/final-stage-sdk';
import { ruleTester } from '../tester';

ruleTester(finalStageSdk, {
  valid: [
    { code: 'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n' },
    { code: 'FROM node:22-slim\nCOPY . .\nCMD ["node", "server.js"]\n', name: 'node without a build is a runtime' },
    { code: 'FROM node:22 AS build\nRUN npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist /app\n' },
    { code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\n' },
    { code: 'FROM eclipse-temurin:21-jre\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nRUN go build -o /app .\nCMD ["/app"]\n', errors: [{ range: [0, 5, 0, 16], message: 'Go toolchain', severity: 'info' }], output: null },
    { code: 'FROM maven:3-eclipse-temurin-21\nRUN mvn package\n', errors: [{ message: 'Maven' }] },
    { code: 'FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish\n', errors: [{ message: '.NET SDK' }] },
    { code: 'FROM rust:1.83 AS base\nFROM base\nRUN cargo build --release\n', name: 'through a stage', errors: [{ range: [1, 5, 1, 9], message: 'Rust' }] },
    { code: 'FROM node:22\nRUN npm ci \\\n && npm run build:prod\nCMD ["node", "dist/main.js"]\n', errors: [{ message: 'Node.js build toolchain' }] },
    { code: 'FROM node:22\nRUN yarn build\n', errors: [{ line: 0 }] },
    { code: 'FROM node:22\nRUN npx tsc -p .\n', errors: [{ line: 0 }] },
  ],
});
