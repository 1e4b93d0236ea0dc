import assert from 'assert';
import * as path from 'path';
import { main, type CliIO } from '../../server/cli';
import { copyFixtures, removeDir } from './helpers';

// `main(argv, io)` in-process: the same CLI without spawning, which is how an editor command
// or another tool can embed it, and how date-dependent output can be pinned.

function fakeIO(cwd: string, stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    cwd,
    env: {},
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readStdin: () => stdin,
    stdoutIsTTY: false,
    now: new Date('2025-06-01T00:00:00Z'),
  };
  return io;
}

describe('cli: main() in-process', () => {
  let root: string;
  before(() => {
    root = copyFixtures();
  });
  after(() => removeDir(root));

  it('returns the exit code and writes through io', async () => {
    const io = fakeIO(path.join(root, 'basic'));
    assert.strictEqual(await main(['check', '--format', 'json'], io), 1);
    const report = JSON.parse(io.out);
    assert.strictEqual(report.files[0].path, 'Dockerfile');
    assert.strictEqual(io.err, '');
  });

  it('reads stdin through io', async () => {
    const io = fakeIO(root, 'FROM alpine:3.20\nUSER 65534\nHEALTHCHECK CMD ["true"]\nCMD ["sh"]\n');
    assert.strictEqual(await main(['check', '-'], io), 0, io.out + io.err);
    assert.match(io.out, /No problems found/);
  });

  it('turns a stdin read failure into one line and exit 2', async () => {
    const io = fakeIO(root);
    io.readStdin = () => {
      throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, read'), { code: 'EAGAIN' });
    };
    assert.strictEqual(await main(['check', '-', '--kind', 'dockerfile'], io), 2);
    assert.match(io.err, /^shipshape: <stdin>: EAGAIN[^\n]*\n$/);
  });

  it('never throws: usage errors come back as exit 2', async () => {
    const io = fakeIO(root);
    assert.strictEqual(await main(['check', '--format'], io), 2);
    assert.strictEqual(io.err.split('\n').length, 2);
  });
});
