import { dnfCleanMissing } from '../../../rules/dockerfile/rules/dnf-clean-missing';
import { ruleTester } from '../tester';

ruleTester(dnfCleanMissing, {
  valid: [
    { code: 'FROM fedora:41\nRUN dnf install -y nginx && dnf clean all\n' },
    { name: 'microdnf', code: 'FROM redhat/ubi9-minimal:9.5\nRUN microdnf install -y tar && microdnf clean all\n' },
    { name: 'rm of the cache (hadolint accepts /var/cache/yum)', code: 'FROM fedora:41\nRUN dnf install -y nginx && rm -rf /var/cache/yum/* /var/cache/dnf\n' },
    { name: 'cache mount', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y nginx\n' },
    { name: 'build stage only copied from', code: 'FROM fedora:41 AS build\nRUN dnf install -y gcc\nFROM scratch\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN dnf install -y nginx\n',
      errors: [{ range: [1, 8, 1, 15], message: 'dnf clean all', severity: 'warning', safe: true }],
      output: 'FROM fedora:41\nRUN dnf install -y nginx && dnf clean all\n',
    },
    {
      name: 'microdnf gets microdnf clean all',
      code: 'FROM redhat/ubi9-minimal:9.5\nRUN microdnf install -y tar \\\n    gzip\n',
      errors: [{ range: [1, 13, 1, 20], message: 'microdnf clean all' }],
      output: 'FROM redhat/ubi9-minimal:9.5\nRUN microdnf install -y tar \\\n    gzip && microdnf clean all\n',
    },
    {
      name: 'heredoc, CRLF',
      code: 'FROM fedora:41\r\nRUN <<EOF\r\ndnf upgrade -y\r\nEOF\r\n',
      errors: [{ range: [2, 4, 2, 11] }],
      output: 'FROM fedora:41\r\nRUN <<EOF\r\ndnf upgrade -y && dnf clean all\r\nEOF\r\n',
    },
  ],
});
