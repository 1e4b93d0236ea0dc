import { dnfVersionUnpinned } from '../../../rules/dockerfile/rules/dnf-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(dnfVersionUnpinned, {
  valid: [
    { code: 'FROM fedora:41\nRUN dnf install -y nginx-1.26.2 && dnf clean all\n' },
    { name: 'microdnf pinned', code: 'FROM redhat/ubi9-minimal:9.5\nRUN microdnf install -y shadow-utils-4.9\n' },
    { name: 'group install', code: 'FROM fedora:41\nRUN dnf group install -y "Development Tools" && dnf groupinstall -y core\n' },
    { name: 'module stream', code: 'FROM fedora:41\nRUN dnf module install -y nodejs:20/common\n' },
    { name: 'rpm files', code: 'FROM fedora:41\nRUN dnf install -y ./x.rpm\n' },
    { name: 'yum is another rule', code: 'FROM centos:7\nRUN yum install -y httpd\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN dnf install -y nginx\n',
      errors: [{ range: [1, 19, 1, 24], message: '`nginx-<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'microdnf, dnf in, several',
      code: 'FROM fedora:41\nRUN microdnf install -y tar gzip-1.12 && dnf in -y which\n',
      errors: [{ range: [1, 24, 1, 27] }, { range: [1, 51, 1, 56] }],
      output: null,
    },
    {
      name: 'module without a stream',
      code: 'FROM fedora:41\nRUN dnf module install -y nodejs\n',
      errors: [{ range: [1, 26, 1, 32] }],
      output: null,
    },
    {
      name: 'heredoc, continuation, CRLF, exec form',
      code: 'FROM fedora:41\r\nRUN <<EOF\r\ndnf install -y \\\r\n  git\r\nEOF\r\nRUN ["dnf", "install", "-y", "jq"]\r\n',
      errors: [{ range: [3, 2, 3, 5] }, { range: [5, 29, 5, 33] }],
      output: null,
    },
  ],
});
