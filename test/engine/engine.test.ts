import assert from 'assert';
import { detectKind } from '../../rules/detect';
import { analyze } from '../../rules/engine';
import { languageFor } from '../../rules/registry';
import type { Rule } from '../../rules/types';
import { memoryWorkspace } from '../../rules/workspace';
import { onlyRules } from './only-rules';

describe('engine', () => {
  it('recognises kinds by name and by content', () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['/w/Dockerfile', undefined, 'dockerfile'],
      ['/w/api.Dockerfile', undefined, 'dockerfile'],
      ['/w/Dockerfile.prod', undefined, 'dockerfile'],
      ['/w/Containerfile', undefined, 'dockerfile'],
      ['/w/compose.yaml', undefined, 'compose'],
      ['/w/docker-compose.override.yml', undefined, 'compose'],
      ['/w/compose.prod.yaml', undefined, 'compose'],
      ['/w/nginx.conf', undefined, 'nginx'],
      ['/w/nginx/conf.d/default.conf', undefined, 'nginx'],
      ['/w/deploy/conf.d/site.conf', undefined, 'nginx'],
      ['/w/nginx/templates/default.conf.template', undefined, 'nginx'],
      ['/w/app.yaml', 'services:\n  web:\n    image: x\n', 'compose'],
      ['/w/site.conf', 'server {\n  listen 80;\n}\n', 'nginx'],
      ['/w/build/Img', 'ARG X=1\nFROM alpine:3\n', 'dockerfile'],
      ['/w/app.yaml', 'kind: Deployment\n', undefined],
      ['/w/mysql.conf', '[mysqld]\nport=3306\n', undefined],
      ['/w/README', 'From the start...\n', undefined],
      ['/w/test/dockerfile.test.ts', 'import x from "y";\n', undefined],
      ['/w/docs/Dockerfile.md', '# Dockerfile\n', undefined],
    ];
    for (const [path, text, kind] of cases) assert.strictEqual(detectKind(path, text), kind, path);
  });

  it('a crashing rule becomes one finding and the other rules still report', () => {
    const language = languageFor('dockerfile');
    const crashing: Rule = {
      meta: { ...language.rules[0].meta, id: 'dockerfile/test-crash' },
      check: () => {
        throw new Error('boom');
      },
    };
    language.rules.push(crashing);
    try {
      const config = onlyRules('dockerfile/image-latest', 'dockerfile/user-missing', 'dockerfile/test-crash');
      const findings = analyze({ path: '/w/Dockerfile', text: 'FROM node:latest\n' }, { workspace: memoryWorkspace(), config })!.findings;
      const rules = findings.map((f) => f.rule).sort();
      assert.deepStrictEqual(rules, ['dockerfile/image-latest', 'dockerfile/user-missing', 'shipshape/internal-error']);
      assert.match(findings.find((f) => f.rule === 'shipshape/internal-error')!.message, /dockerfile\/test-crash failed.*boom/);
    } finally {
      language.rules.pop();
    }
  });

  it('never throws on hostile input', () => {
    const inputs = ['', '\u0000\u0001\uffff', 'FROM', 'FROM \\\n', '\\\n'.repeat(1000), 'RUN <<EOF\n', '#'.repeat(100000), 'FROM a\n'.repeat(5000)];
    for (const kind of ['dockerfile', 'compose', 'nginx'] as const) {
      for (const text of inputs) {
        const analysis = analyze({ path: `/w/x.${kind}`, text, kind }, { workspace: memoryWorkspace() });
        assert.ok(analysis, `${kind} analysis of ${JSON.stringify(text.slice(0, 20))}`);
        for (const f of analysis.findings) assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0);
      }
    }
  });

  it('reports syntax problems as findings', () => {
    const findings = analyze({ path: '/w/Dockerfile', text: 'RUN x\nFORM alpine\nFROM alpine:3.20\nUSER 1\n' }, { workspace: memoryWorkspace(), config: onlyRules() })!.findings;
    assert.deepStrictEqual(
      findings.map((f) => [f.rule, f.range.start.line]),
      [
        ['dockerfile/syntax', 0],
        ['dockerfile/syntax', 1],
      ],
    );
  });
});
