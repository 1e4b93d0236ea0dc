import assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureBundle, removeDir, runCli } from './helpers';

// Against the real Trivy, when one is installed (there is no package for it on this build
// machine; the stand-in in test/fixtures/trivy covers the rest). SHIPSHAPE_REAL_TRIVY_IMAGE
// names a local image to scan (default alpine:3.20). Without a local image or a Docker engine,
// Trivy's own error must come back as one of the actionable messages.

const trivy = spawnSync('trivy', ['--version'], { encoding: 'utf8' });
const available = !trivy.error && trivy.status === 0;

describe('scan-image with the real Trivy', function () {
  this.timeout(15 * 60_000);
  before(async function () {
    if (!available) {
      console.log('      (skipped: no `trivy` on PATH; the stand-in trivy suites cover scanning)');
      this.skip();
    }
    await ensureBundle();
  });

  it('scans a local image and maps it, or explains why it cannot', () => {
    const image = process.env.SHIPSHAPE_REAL_TRIVY_IMAGE ?? 'alpine:3.20';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-real-trivy-'));
    try {
      fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${image}\nRUN echo built\n`);
      const result = runCli(['scan-image', image, '--format', 'json', '--trivy', 'trivy'], { cwd: dir });
      if (result.status === 2) {
        assert.match(result.stderr, /not available locally|could not download|too old|timed out|Trivy failed/);
        assert.strictEqual(result.stderr.trim().split('\n').length, 1);
      } else {
        const report = JSON.parse(result.stdout);
        for (const finding of report.files[0].findings) assert.match(finding.rule, /^image\/(vulnerability|secret)$/);
      }
    } finally {
      removeDir(dir);
    }
  });
});
