import { yumVersionUnpinned } from '../../../rules/dockerfile/rules/yum-version-unpinned';
import { ruleTester } from '../tester';

ruleTester(yumVersionUnpinned, {
  valid: [
    { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { name: 'epoch, release and arch', code: 'FROM centos:7\nRUN yum install -y nginx-1:1.20.1-10.el7.x86_64 python3-devel-3.6.8\n' },
    { name: 'rpm files and URLs', code: 'FROM centos:7\nRUN yum install -y /tmp/x.rpm https://example.com/epel-release-latest-7.noarch.rpm\n' },
    { name: 'groups cannot be pinned', code: 'FROM centos:7\nRUN yum install -y "@Development Tools"\n' },
    { name: 'module streams', code: 'FROM centos:8\nRUN yum module install -y nodejs:18\n' },
    { name: 'module enable is not an install', code: 'FROM centos:8\nRUN yum module enable -y nodejs\n' },
    { name: 'repo flag values', code: 'FROM centos:7\nRUN yum install -y --enablerepo epel --setopt tsflags=nodocs jq-1.6\n' },
    { name: 'dnf is another rule', code: 'FROM fedora:41\nRUN dnf install -y nginx\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ range: [1, 19, 1, 24], message: '`httpd-<version>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'a dash alone is not a version',
      code: 'FROM centos:7\nRUN yum install -y python3-devel gcc-c++\n',
      errors: [{ range: [1, 19, 1, 32] }, { range: [1, 33, 1, 40] }],
      output: null,
    },
    {
      name: 'module without a stream',
      code: 'FROM centos:8\nRUN yum module install -y nodejs\n',
      errors: [{ range: [1, 26, 1, 32], message: '`nodejs:<stream>`' }],
      output: null,
    },
    {
      name: 'continuation, sudo, heredoc, CRLF',
      code: 'FROM centos:7\r\nRUN <<EOF\r\nsudo yum install -y \\\r\n  wget\r\nEOF\r\n',
      errors: [{ range: [3, 2, 3, 6] }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM centos:7\nRUN ["yum", "install", "-y", "wget"]\n',
      errors: [{ range: [1, 29, 1, 35] }],
      output: null,
    },
  ],
});
