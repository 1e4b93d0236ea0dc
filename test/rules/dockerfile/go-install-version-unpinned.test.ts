import { goInstallVersionUnpinned } from '../../../rules/dockerfile/rules/go-install-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(goInstallVersionUnpinned, {
  valid: [
    { code: 'FROM golang:1.23\nRUN go install example.com/tools/gopls@v0.16.2\n' },
    { name: 'commit', code: 'FROM golang:1.23\nRUN go install git.example.com/org/tool/cmd/tool@3f2a1b9c\n' },
    { name: 'local packages', code: 'FROM golang:1.23\nRUN go install ./cmd/... && go install .\n' },
    { name: 'build flags', code: 'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo example.com/x@v1.0.0\n' },
    { name: 'go build', code: 'FROM golang:1.23\nRUN go build -o /app ./cmd/app\n' },
    { name: 'version from a variable', code: 'FROM golang:1.23\nRUN go install "example.com/x@${X_VERSION}"\n' },
    { name: 'go mod download', code: 'FROM golang:1.23\nRUN go mod download\n' },
    { name: 'go run of a local package, program arguments', code: 'FROM golang:1.23\nRUN go run ./cmd/gen --out example.com/api && go run example.com/gen@v1.4.0 -v api.example.com\n' },
  ],
  invalid: [
    {
      name: 'go run of a floating module',
      code: 'FROM golang:1.23\nRUN go run example.com/cmd/gen@latest ./api\n',
      errors: [{ range: [1, 11, 1, 37] }],
      output: null,
    },
    {
      code: 'FROM golang:1.23\nRUN go install example.com/tools/gopls@latest\n',
      errors: [{ range: [1, 15, 1, 45], message: '`example.com/tools/gopls@v<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'no version, go get, branch',
      code: 'FROM golang:1.23\nRUN go get example.com/lib && go install example.com/tool@main\n',
      errors: [{ range: [1, 11, 1, 26] }, { range: [1, 41, 1, 62] }],
      output: null,
    },
    {
      name: 'continuation, heredoc, CRLF, exec form',
      code: 'FROM golang:1.23\r\nRUN <<EOF\r\nCGO_ENABLED=0 go install \\\r\n  example.com/tool\r\nEOF\r\nRUN ["go", "install", "example.com/x"]\r\n',
      errors: [{ range: [3, 2, 3, 18] }, { range: [5, 22, 5, 37] }],
      output: null,
    },
  ],
});
