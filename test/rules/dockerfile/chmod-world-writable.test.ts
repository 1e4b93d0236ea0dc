import assert from 'assert';
import { chmodWorldWritable, fixMode } from '../../../rules/dockerfile/rules/chmod-world-writable';
import { ruleTester } from '../tester';

ruleTester(chmodWorldWritable, {
  valid: [
    { code: 'FROM a:1\nRUN chmod 755 /app && chmod -R u+rwX,go+rX /srv && chmod +x run.sh\n' },
    { code: 'FROM a:1\nRUN chmod 1777 /tmp/shared\n', name: 'sticky shared dir' },
    { code: 'FROM a:1\nRUN chmod o-w /x && chmod 0644 f\n' },
    { code: 'FROM a:1\nRUN echo chmod 777\n' },
  ],
  invalid: [
    {
      name: 'COPY/ADD --chmod',
      code: 'FROM alpine:3.22\nADD --checksum=sha256:00 --chmod=777 https://example.com/tool /usr/bin/tool\nCOPY --chmod=0755 a /a\nCOPY --chown=1:1 --chmod=a+w b /b\n',
      errors: [{ range: [1, 33, 1, 36], message: '`ADD --chmod=777`' }, { range: [3, 25, 3, 28], message: '`COPY --chmod=a+w`' }],
      output: 'FROM alpine:3.22\nADD --checksum=sha256:00 --chmod=755 https://example.com/tool /usr/bin/tool\nCOPY --chmod=0755 a /a\nCOPY --chown=1:1 --chmod=ug+w b /b\n',
    },
    {
      code: 'FROM a:1\nRUN chmod -R 777 /app\n',
      errors: [{ range: [1, 13, 1, 16], message: '`755`', severity: 'warning', safe: false }],
      output: 'FROM a:1\nRUN chmod -R 755 /app\n',
    },
    {
      name: 'several forms',
      code: 'FROM a:1\nRUN chmod 666 f && chmod a+w d && chmod o+rwx,u+x y && chmod 0757 z\n',
      errors: [{ range: [1, 10, 1, 13] }, { range: [1, 25, 1, 28] }, { range: [1, 40, 1, 49] }, { range: [1, 61, 1, 65] }],
      output: 'FROM a:1\nRUN chmod 644 f && chmod ug+w d && chmod o+rx,u+x y && chmod 0755 z\n',
    },
    { name: 'o+w alone has no rewrite', code: 'FROM a:1\nRUN chmod o+w /data\n', errors: [{ range: [1, 10, 1, 13] }], output: null },
    { name: 'through sudo; continuation', code: 'FROM a:1\nRUN sudo chmod \\\n  777 /x\n', errors: [{ range: [2, 2, 2, 5] }], output: 'FROM a:1\nRUN sudo chmod \\\n  755 /x\n' },
    { name: 'exec form has no fix', code: 'FROM a:1\nRUN ["chmod", "777", "/x"]\n', errors: [{ range: [1, 14, 1, 19] }], output: null },
  ],
});

describe('chmod fixMode', () => {
  it('clears group and world write, keeps the rest', () => {
    assert.strictEqual(fixMode('777'), '755');
    assert.strictEqual(fixMode('2777'), '2755');
    assert.strictEqual(fixMode('a=rwx'), 'ug=rwx,o=rx');
    assert.strictEqual(fixMode('go+w'), 'g+w');
    assert.strictEqual(fixMode('755'), undefined);
    assert.strictEqual(fixMode('u+w'), undefined);
  });
});
