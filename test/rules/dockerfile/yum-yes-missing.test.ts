import { yumYesMissing } from '../../../rules/dockerfile/rules/yum-yes-missing';
import { ruleTester } from '../tester';

ruleTester(yumYesMissing, {
  valid: [
    { code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
    { name: 'global -y, --assumeyes', code: 'FROM centos:7\nRUN yum -y install httpd && yum --assumeyes remove x\n' },
    { name: 'commands that never prompt', code: 'FROM centos:7\nRUN yum clean all && yum makecache && yum info x\n' },
    { name: 'piped from yes', code: 'FROM centos:7\nRUN yes | yum install httpd\n' },
    { name: 'dnf is another rule', code: 'FROM fedora:41\nRUN dnf install nginx\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install httpd && yum clean all\n',
      errors: [{ range: [1, 8, 1, 15], message: '`-y`', severity: 'warning', safe: true }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'groupinstall, localinstall, update, remove',
      code: 'FROM centos:7\nRUN yum groupinstall "Dev Tools" && yum localinstall ./x.rpm && yum update && yum remove y\n',
      errors: [{ range: [1, 8, 1, 20] }, { range: [1, 40, 1, 52] }, { range: [1, 68, 1, 74] }, { range: [1, 82, 1, 88] }],
      output:
        'FROM centos:7\nRUN yum groupinstall -y "Dev Tools" && yum localinstall -y ./x.rpm && yum update -y && yum remove -y y\n',
    },
    {
      name: 'continuation, sudo, heredoc, CRLF',
      code: 'FROM centos:7\r\nRUN <<EOF\r\nsudo yum install \\\r\n  httpd\r\nEOF\r\n',
      errors: [{ range: [2, 9, 2, 16] }],
      output: 'FROM centos:7\r\nRUN <<EOF\r\nsudo yum install -y \\\r\n  httpd\r\nEOF\r\n',
    },
    {
      name: 'exec form',
      code: 'FROM centos:7\nRUN ["yum", "install", "httpd"]\n',
      errors: [{ range: [1, 12, 1, 21] }],
      output: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
    },
  ],
});
