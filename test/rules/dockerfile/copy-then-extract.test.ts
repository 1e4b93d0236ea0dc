import assert from 'assert';
import { buildModel } from '../../../rules/dockerfile/model';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { copyThenExtract } from '../../../rules/dockerfile/rules/copy-then-extract';
import { ruleTester } from '../tester';

ruleTester(copyThenExtract, {
  valid: [
    { code: 'FROM debian:12\nADD app.tar.gz /opt/\n' },
    { name: 'copied but not extracted', code: 'FROM debian:12\nCOPY app.tar.gz /srv/downloads/\nRUN ls /srv\n' },
    { name: 'zip is not unpacked by ADD', code: 'FROM debian:12\nCOPY site.zip /tmp/\nRUN unzip /tmp/site.zip -d /srv\n' },
    { name: 'another archive is extracted', code: 'FROM debian:12\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/b.tar.gz\n' },
    { name: 'creating an archive', code: 'FROM debian:12\nCOPY a.tar /tmp/\nRUN tar -cf out.tar /tmp/a.tar\n' },
    { name: 'COPY --from cannot be ADD', code: 'FROM debian:12 AS dl\nFROM debian:12\nCOPY --from=dl /a.tgz /tmp/\nRUN tar xzf /tmp/a.tgz\n' },
    { name: 'extraction in another stage', code: 'FROM debian:12\nCOPY a.tgz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/a.tgz\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      errors: [{ range: [1, 5, 1, 15], message: /`app.tar.gz` is copied and then extracted by a later RUN/, severity: 'info' }],
      output: null,
    },
    {
      name: 'old-style tar options, archive named by the destination, lower-case',
      code: 'FROM debian:12\ncopy build/out /tmp/out.tgz\nrun cd /opt && tar xzf /tmp/out.tgz\n',
      errors: [{ range: [1, 5, 1, 14] }],
    },
    {
      name: '--file=, continuation, CRLF',
      code: 'FROM debian:12\r\nCOPY ["dist.tar.xz", "/tmp/"]\r\nRUN mkdir /app \\\r\n && tar --extract --file=/tmp/dist.tar.xz -C /app\r\n',
      errors: [{ range: [1, 6, 1, 19] }],
    },
    {
      name: 'decompressor with sudo',
      code: 'FROM debian:12\nCOPY data.tar.gz /tmp/\nRUN sudo gunzip /tmp/data.tar.gz\n',
      errors: [{ line: 1 }],
    },
  ],
});

describe('dockerfile/copy-then-extract related location', () => {
  it('points at the extracting command', () => {
    const text = 'FROM debian:12\nCOPY a.tgz /tmp/\nRUN mkdir /x && tar -xzf /tmp/a.tgz -C /x\n';
    const context = { path: '/w/Dockerfile', workspace: memoryWorkspace({}), config: EMPTY_CONFIG, now: new Date() };
    const [report] = copyThenExtract.check(buildModel(text, context), context);
    assert.deepStrictEqual(report.related?.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character]), [[2, 16, 41]]);
  });
});
