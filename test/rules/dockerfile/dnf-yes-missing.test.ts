import { dnfYesMissing } from '../../../rules/dockerfile/rules/dnf-yes-missing';
import { ruleTester } from '../tester';

ruleTester(dnfYesMissing, {
  valid: [
    { code: 'FROM fedora:41\nRUN dnf install -y nginx && dnf clean all\n' },
    { name: 'global -y, --assumeyes, microdnf', code: 'FROM fedora:41\nRUN dnf -y install a && dnf --assumeyes remove b && microdnf install -y c\n' },
    { name: 'commands that never prompt', code: 'FROM fedora:41\nRUN dnf clean all && dnf makecache && dnf repolist\n' },
    { name: 'yum is another rule', code: 'FROM centos:7\nRUN yum install httpd\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN dnf install nginx && dnf clean all\n',
      errors: [{ range: [1, 8, 1, 15], message: '`-y`', severity: 'warning', safe: true }],
      output: 'FROM fedora:41\nRUN dnf install -y nginx && dnf clean all\n',
    },
    {
      name: 'microdnf, dnf upgrade, dnf group install',
      code: 'FROM fedora:41\nRUN microdnf install tar && dnf upgrade && dnf group install core\n',
      errors: [{ range: [1, 13, 1, 20] }, { range: [1, 32, 1, 39] }, { range: [1, 53, 1, 60] }],
      output: 'FROM fedora:41\nRUN microdnf install -y tar && dnf upgrade -y && dnf group install -y core\n',
    },
    {
      name: 'continuation, heredoc, CRLF',
      code: 'FROM fedora:41\r\nRUN <<EOF\r\ndnf \\\r\n  install git\r\nEOF\r\n',
      errors: [{ range: [3, 2, 3, 9] }],
      output: 'FROM fedora:41\r\nRUN <<EOF\r\ndnf \\\r\n  install -y git\r\nEOF\r\n',
    },
    {
      name: 'exec form',
      code: 'FROM fedora:41\nRUN ["dnf", "install", "git"]\n',
      errors: [{ range: [1, 12, 1, 21] }],
      output: 'FROM fedora:41\nRUN ["dnf", "install", "-y", "git"]\n',
    },
  ],
});
