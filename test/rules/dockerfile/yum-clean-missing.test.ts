import { yumCleanMissing } from '../../../rules/dockerfile/rules/yum-clean-missing';
import { ruleTester } from '../tester';

ruleTester(yumCleanMissing, {
  valid: [
    { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { name: 'rm of the cache', code: 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n' },
    { name: 'cache mount', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
    { name: 'tmpfs over /var/cache', code: 'FROM centos:7\nRUN --mount=type=tmpfs,target=/var/cache yum install -y httpd\n' },
    { name: 'heredoc with cleanup', code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nyum clean all\nEOF\n' },
    { name: 'build stage only copied from', code: 'FROM centos:7 AS build\nRUN yum install -y gcc\nFROM scratch\nCOPY --from=build /a /a\n' },
    { name: 'no install', code: 'FROM centos:7\nRUN yum makecache\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ range: [1, 8, 1, 15], message: 'yum clean all', severity: 'warning', safe: true }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'clean before the install does not count',
      code: 'FROM centos:7\nRUN yum clean all && yum install -y httpd\n',
      errors: [{ range: [1, 25, 1, 32] }],
      output: 'FROM centos:7\nRUN yum clean all && yum install -y httpd && yum clean all\n',
    },
    {
      name: 'yum clean metadata is not all',
      code: 'FROM centos:7\nRUN yum install -y httpd && yum clean metadata\n',
      errors: [{ line: 1 }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean metadata && yum clean all\n',
    },
    {
      name: 'continuation, comment, heredoc, CRLF',
      code: 'FROM centos:7\r\nRUN <<EOF\r\nsudo yum install -y \\\r\n  httpd # web\r\nEOF\r\n',
      errors: [{ range: [2, 9, 2, 16] }],
      output: 'FROM centos:7\r\nRUN <<EOF\r\nsudo yum install -y \\\r\n  httpd && yum clean all # web\r\nEOF\r\n',
    },
    {
      name: 'exec form: reported without a fix',
      code: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
      errors: [{ range: [1, 12, 1, 21] }],
      output: null,
    },
  ],
});
