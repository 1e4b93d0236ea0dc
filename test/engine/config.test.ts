import assert from 'assert';
import { checkConfigFile, loadConfig, parseHadolintConfig, parseShipshapeConfig } from '../../rules/config';
import { analyze } from '../../rules/engine';
import { memoryWorkspace } from '../../rules/workspace';

describe('config', () => {
  it('reads every documented key', () => {
    const { config, problems } = parseShipshapeConfig(
      [
        'rules:',
        '  dockerfile/image-latest: error',
        '  dockerfile/user-missing: off',
        'trustedRegistries: [docker.io, ghcr.io/acme]',
        'nonRootImages: [registry.acme.dev/base/*]',
        'ignore: ["vendor/**", "**/testdata/**"]',
        'trivy: { severity: [CRITICAL, HIGH], ignoreUnfixed: true }',
      ].join('\n'),
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.rules, { 'dockerfile/image-latest': 'error', 'dockerfile/user-missing': 'off' });
    assert.deepStrictEqual(config.trustedRegistries, ['docker.io', 'ghcr.io/acme']);
    assert.deepStrictEqual(config.trivy, { severity: ['CRITICAL', 'HIGH'], ignoreUnfixed: true });
  });

  it('accepts aliases as rule names', () => {
    assert.deepStrictEqual(parseShipshapeConfig('rules:\n  hadolint:DL3007: info\n').config.rules, { 'dockerfile/image-latest': 'info' });
  });

  it('reports unknown keys, unknown rules and bad levels where they are written', () => {
    const problems = checkConfigFile('/w/.shipshape.yaml', 'rules:\n  dockerfile/nope: error\n  dockerfile/image-latest: loud\nfoo: 1\n');
    const summary = problems.map((p) => [p.range.start.line, p.range.start.character, p.severity, p.message.split(/[.:]/)[0]]);
    assert.deepStrictEqual(summary, [
      [1, 2, 'warning', 'Unknown rule `dockerfile/nope`'],
      [2, 27, 'error', '`loud` is not a level'],
      [3, 0, 'warning', 'Unknown key `foo`'],
    ]);
    assert.ok(problems.every((p) => p.rule === 'shipshape/config'));
  });

  it('reports YAML syntax errors without throwing', () => {
    const problems = checkConfigFile('/w/.shipshape.yaml', 'rules: [unclosed\n');
    assert.ok(problems.length > 0);
    assert.match(problems[0].message, /YAML syntax error/);
  });

  it('honours .hadolint.yaml ignored, override and failure-threshold', () => {
    const { config, problems } = parseHadolintConfig(
      'ignored: [DL3007]\noverride:\n  error: [DL3006]\n  style: [DL3002]\nfailure-threshold: warning\ntrustedRegistries: [docker.io]\nformat: tty\n',
    );
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(config.rules!['dockerfile/image-latest'], 'off');
    assert.strictEqual(config.failureThreshold, 'warning');
    assert.deepStrictEqual(config.trustedRegistries, ['docker.io']);
  });

  it('the nearest folder with a config wins, and .shipshape.yaml beats .hadolint.yaml beside it', () => {
    const workspace = memoryWorkspace({
      '/repo/.shipshape.yaml': 'rules:\n  dockerfile/image-latest: error\n',
      '/repo/svc/.hadolint.yaml': 'ignored: [DL3007]\n',
      '/repo/svc/.shipshape.yaml': 'rules:\n  dockerfile/image-latest: info\n',
      '/repo/other/x/.keep': '',
    });
    assert.strictEqual(loadConfig('/repo/svc/Dockerfile', workspace).rules['dockerfile/image-latest'], 'info');
    assert.strictEqual(loadConfig('/repo/other/x/Dockerfile', workspace).rules['dockerfile/image-latest'], 'error');
    assert.deepStrictEqual(loadConfig('/elsewhere/Dockerfile', workspace).rules, {});
  });

  it('severity and ignore globs change what the engine reports', () => {
    const workspace = memoryWorkspace({ '/repo/.shipshape.yaml': 'rules:\n  dockerfile/image-latest: error\nignore: ["vendor/**"]\n' });
    const text = 'FROM node:latest\nUSER node\n';
    const config = loadConfig('/repo/Dockerfile', workspace);
    const latest = analyze({ path: '/repo/Dockerfile', text }, { workspace, config })!.findings.find((f) => f.rule === 'dockerfile/image-latest');
    assert.strictEqual(latest?.severity, 'error');
    const vendored = loadConfig('/repo/vendor/x/Dockerfile', workspace);
    assert.strictEqual(analyze({ path: '/repo/vendor/x/Dockerfile', text }, { workspace, config: vendored }), undefined);
  });
});

describe('rules enabled by a setting', () => {
  it('trustedRegistries turns registry-not-trusted on at error, unless rules: says otherwise', () => {
    const on = loadConfig('/r/Dockerfile', memoryWorkspace({ '/r/.hadolint.yaml': 'trustedRegistries: [docker.io]\n' }));
    assert.strictEqual(on.rules['dockerfile/registry-not-trusted'], 'error');
    const chosen = loadConfig('/s/Dockerfile', memoryWorkspace({ '/s/.shipshape.yaml': 'trustedRegistries: [docker.io]\nrules:\n  dockerfile/registry-not-trusted: warning\n' }));
    assert.strictEqual(chosen.rules['dockerfile/registry-not-trusted'], 'warning');
    assert.strictEqual(loadConfig('/t/Dockerfile', memoryWorkspace()).rules['dockerfile/registry-not-trusted'], undefined);
  });
});
