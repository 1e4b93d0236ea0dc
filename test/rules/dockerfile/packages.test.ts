import assert from 'assert';
import { analyze } from '../../../rules/engine';
import { fixText } from '../../../rules/fix';
import { comparePositions } from '../../../rules/position';
import { parsePackageCommand, packageCommands } from '../../../rules/dockerfile/packages';
import { runRules } from '../../../rules/dockerfile/groups/run';
import { parseShell } from '../../../rules/dockerfile/shell';
import { EMPTY_CONFIG, type Finding, type SeverityLevel } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';

function parse(text: string) {
  const script = parseShell(text);
  return parsePackageCommand(script.commands[0], 0);
}

describe('package-manager commands (packages.ts)', () => {
  it('finds the manager, subcommand, flags and packages', () => {
    const cmd = parse('apt-get -q -o Dpkg::Options::=--force-confold install -y -t bookworm-backports curl jq=1.6')!;
    assert.strictEqual(cmd.manager, 'apt-get');
    assert.strictEqual(cmd.subName, 'install');
    assert.deepStrictEqual(cmd.args.map((w) => w.value), ['curl', 'jq=1.6']);
    assert.deepStrictEqual(cmd.flags.map((f) => [f.name, f.value]), [
      ['q', undefined],
      ['o', 'Dpkg::Options::=--force-confold'],
      ['y', undefined],
      ['t', 'bookworm-backports'],
    ]);
  });

  it('splits short-flag clusters and reads -x=value', () => {
    const cmd = parse('apt-get -qqy -q=2 install x')!;
    assert.deepStrictEqual(cmd.flags.map((f) => f.name), ['q', 'q', 'y', 'q']);
    assert.strictEqual(cmd.flags[3].value, '2');
  });

  it('peels sudo, env, assignments and shell keywords', () => {
    for (const text of ['sudo -E apt-get install x', 'env A=1 apt-get install x', 'sudo DEBIAN_FRONTEND=noninteractive apt-get install x', 'then apt-get install x', '! apt-get install x']) {
      const script = parseShell(text);
      const cmd = packageCommands(script)[0];
      assert.strictEqual(cmd?.manager, 'apt-get', text);
      assert.deepStrictEqual(cmd.args.map((w) => w.value), ['x'], text);
    }
  });

  it('resolves aliases and special forms', () => {
    assert.strictEqual(parse('python3 -m pip install flask')!.manager, 'pip');
    assert.strictEqual(parse('python3 -m pip install flask')!.subName, 'install');
    assert.strictEqual(parse('pip3.12 install flask')!.manager, 'pip');
    assert.strictEqual(parse('npm i x')!.subName, 'install');
    assert.strictEqual(parse('npm clean-install')!.subName, 'ci');
    assert.strictEqual(parse('zypper in x')!.subName, 'install');
    assert.strictEqual(parse('dnf up')!.subName, 'upgrade');
    assert.strictEqual(parse('yum update')!.subName, 'upgrade');
    assert.strictEqual(parse('yarn')!.subName, 'install');
    const global = parse('yarn global add pm2')!;
    assert.deepStrictEqual([global.subName, global.args.map((w) => w.value)], ['add', ['pm2']]);
    const group = parse('dnf group install -y core')!;
    assert.deepStrictEqual([group.subName, group.sub?.value, group.args.map((w) => w.value)], ['groupinstall', 'install', ['core']]);
    assert.strictEqual(parse('gem i rails')!.subName, 'install');
    assert.strictEqual(parse('/usr/bin/apk add x')!.manager, 'apk');
  });

  it('go flags use one dash and take values', () => {
    const cmd = parse('go install -ldflags "-s -w" -trimpath example.com/x@v1')!;
    assert.deepStrictEqual(cmd.args.map((w) => w.value), ['example.com/x@v1']);
  });

  it('ignores other commands', () => {
    for (const text of ['echo apt-get install x', 'pipx install x', 'apt-key add k', 'python3 app.py', 'npx x']) {
      assert.strictEqual(parse(text), undefined, text);
    }
  });

  it('caches the analysis per script', () => {
    const script = parseShell('apt-get install x');
    assert.strictEqual(packageCommands(script), packageCommands(script));
  });
});

describe('package-manager rules together', () => {
  const ids = new Set(runRules.map((r) => r.meta.id).filter((id) => /\/(pkg-|apt-|apk-|npm-|unsigned|pip-|gem-|yum-|dnf-|zypper-|go-install|yarn-)/.test(id)));
  const text = [
    'FROM debian:12 AS base',
    'RUN apt update && apt install curl --force-yes \\',
    '    jq=1.6 # tools',
    'RUN apt-get update && apt-get --allow-unauthenticated install x=1',
    'FROM base',
    'RUN pip install flask==3.0.0 && pip install -r r.txt',
    'RUN apk add --allow-untrusted curl=8',
    'RUN <<EOF',
    'yum install httpd-2.4',
    'EOF',
    'COPY package*.json ./',
    'RUN npm install --only=production && yarn install',
    'RUN ["apt-get", "install", "--force-yes", "curl=1"]',
    'CMD ["x"]',
    '',
  ].join('\n');
  const levels: Record<string, SeverityLevel> = {};
  for (const rule of runRules) levels[rule.meta.id] = ids.has(rule.meta.id) ? (rule.meta.severity === 'off' ? 'warning' : rule.meta.severity) : 'off';
  const findings = (t: string): Finding[] =>
    analyze(
      { path: '/w/Dockerfile', text: t, kind: 'dockerfile' },
      {
        workspace: memoryWorkspace({ '/w/Dockerfile': t, '/w/package-lock.json': '{}' }),
        config: { ...EMPTY_CONFIG, rules: levels },
        now: new Date('2026-01-01'),
      },
    )!.findings.filter((f) => ids.has(f.rule));

  it('fixes of different rules never overlap', () => {
    const edits = findings(text).flatMap((f) => (f.fix ? f.fix.edits.map((e) => ({ e, rule: f.rule })) : []));
    for (let i = 0; i < edits.length; i++) {
      for (let j = i + 1; j < edits.length; j++) {
        const a = edits[i].e.range;
        const b = edits[j].e.range;
        const overlap = comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
        assert.ok(!overlap || JSON.stringify(edits[i].e) === JSON.stringify(edits[j].e), `${edits[i].rule} and ${edits[j].rule} overlap`);
      }
    }
  });

  it('fix-all converges and leaves only what needs a person', () => {
    const { text: fixed, passes } = fixText(text, findings, { unsafe: true });
    assert.ok(passes <= 3, `passes: ${passes}`);
    assert.deepStrictEqual(
      findings(fixed).map((f) => f.rule),
      ['dockerfile/apt-version-unpinned'],
    );
    assert.ok(fixed.includes('apt-get -y install --no-install-recommends curl \\\n    jq=1.6 && rm -rf /var/lib/apt/lists/* # tools'), fixed);
    assert.ok(fixed.includes('RUN npm ci --omit=dev && yarn install && yarn cache clean'), fixed);
    assert.ok(fixed.includes('RUN ["apt-get", "-y", "install", "--no-install-recommends", "curl=1"]'), fixed);
  });
});
