import { goStaticBinary } from '../../../rules/dockerfile/rules/go-static-binary';
import { ruleTester } from '../tester';

const tail = 'FROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n';

ruleTester(goStaticBinary, {
  valid: [
    { code: `FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /app .\n${tail}` },
    { code: `FROM golang:1.26 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app .\n${tail}` },
    { code: `FROM golang:1.26 AS build\nRUN export CGO_ENABLED=0 && go build -o /app .\n${tail}` },
    { code: `FROM golang:1.26-alpine AS build\nRUN go build -o /app .\n${tail}`, name: 'alpine has no C compiler' },
    { code: 'FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM debian:12-slim\nCOPY --from=build /app /app\n', name: 'runtime has libc' },
    { code: `FROM golang:1.26 AS build\nRUN go build -ldflags '-extldflags "-static"' -o /app .\n${tail}`, name: 'static on purpose' },
    { code: 'FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM golang:1.26 AS other\nRUN go build -o /x .\nFROM scratch\nCOPY --from=other /x /x\n'.replace('RUN go build -o /x .', 'RUN CGO_ENABLED=0 go build -o /x .'), name: 'only stages copied from' },
  ],
  invalid: [
    {
      code: `FROM golang:1.26 AS build\nRUN go build -o /app .\n${tail}`,
      errors: [{ range: [1, 4, 1, 12], message: '`scratch`', severity: 'warning', safe: false }],
      output: `FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /app .\n${tail}`,
    },
    {
      name: 'prefix goes before other assignments; continuation',
      code: 'FROM golang:1.26 AS build\nRUN go mod download && \\\n    GOOS=linux go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n',
      errors: [{ range: [2, 15, 2, 23] }],
      output: 'FROM golang:1.26 AS build\nRUN go mod download && \\\n    CGO_ENABLED=0 GOOS=linux go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n',
    },
    {
      name: 'alpine builder that installs gcc; copy by index',
      code: 'FROM golang:1.26-alpine\nRUN apk add --no-cache build-base\nRUN go install ./cmd/app\nFROM scratch\nCOPY --from=0 /go/bin/app /app\n',
      errors: [{ range: [2, 4, 2, 14] }],
      output: 'FROM golang:1.26-alpine\nRUN apk add --no-cache build-base\nRUN CGO_ENABLED=0 go install ./cmd/app\nFROM scratch\nCOPY --from=0 /go/bin/app /app\n',
    },
    {
      name: 'build in a parent stage',
      code: 'FROM golang:1.26 AS base\nRUN go build -o /app .\nFROM base AS build\nRUN true\n' + tail,
      errors: [{ line: 1 }],
    },
  ],
});
