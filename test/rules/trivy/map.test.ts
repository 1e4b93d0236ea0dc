import assert from 'assert';
import { buildModel } from '../../../rules/dockerfile/model';
import { mapReport } from '../../../rules/trivy/map';
import { normalizeHistory } from '../../../rules/trivy/layers';
import { parseTrivyReport, TrivyReportError } from '../../../rules/trivy/report';
import { EMPTY_CONFIG } from '../../../rules/types';
import { memoryWorkspace } from '../../../rules/workspace';
import { DEBIAN_BASE_BUILDKIT, DEBIAN_BASE_CLASSIC, buildReport, diffIdFor, type ReportSpec } from '../../fixtures/trivy/build-report';

const DOCKERFILE = [
  'FROM node:22-bookworm AS build', // 0
  'WORKDIR /src', // 1
  'COPY . .', // 2
  'RUN npm ci && npm run build', // 3
  '', // 4
  'FROM debian:bookworm', // 5
  'RUN apt-get update \\', // 6
  '    && apt-get install -y --no-install-recommends curl libssl3 \\', // 7
  '    && rm -rf /var/lib/apt/lists/*', // 8
  'WORKDIR /app', // 9
  'COPY --from=build /src/dist /app', // 10
  'ENV NODE_ENV=production', // 11
  'USER 1000', // 12
  'CMD ["node", "server.js"]', // 13
  '',
].join('\n');

function model(text = DOCKERFILE) {
  return buildModel(text, { path: '/w/Dockerfile', workspace: memoryWorkspace(), config: EMPTY_CONFIG, now: new Date() });
}

function mapped(spec: ReportSpec, text = DOCKERFILE, baseDiffIds?: string[]) {
  return mapReport(parseTrivyReport(JSON.stringify(buildReport(spec))), model(text), { baseDiffIds });
}

const BUILDKIT_FINAL: ReportSpec['history'] = [
  ...DEBIAN_BASE_BUILDKIT,
  { createdBy: 'RUN /bin/sh -c apt-get update     && apt-get install -y --no-install-recommends curl libssl3     && rm -rf /var/lib/apt/lists/* # buildkit' },
  { createdBy: 'WORKDIR /app', empty: false },
  { createdBy: 'COPY /src/dist /app # buildkit' },
  { createdBy: 'ENV NODE_ENV=production', empty: true },
  { createdBy: 'USER 1000', empty: true },
  { createdBy: 'CMD ["node" "server.js"]', empty: true },
];

const VULNS: ReportSpec['vulns'] = [
  { id: 'CVE-2024-0001', pkg: 'libc6', installed: '2.36-9', fixed: '2.36-9+deb12u4', severity: 'HIGH', layer: 0 },
  { id: 'CVE-2024-0002', pkg: 'curl', installed: '7.88.1-10', fixed: '7.88.1-10+deb12u5', severity: 'CRITICAL', layer: 1 },
  { id: 'CVE-2024-0003', pkg: 'libssl3', installed: '3.0.11-1', severity: 'MEDIUM', layer: 1 },
  { id: 'CVE-2024-0004', pkg: 'express', installed: '4.17.1', fixed: '4.19.2', severity: 'HIGH', layer: 3, class: 'lang-pkgs', pkgPath: 'app/node_modules/express/package.json' },
];

describe('Trivy report → Dockerfile lines', () => {
  it('puts base-image packages on FROM and added packages on the RUN/COPY that added them (BuildKit history)', () => {
    const result = mapped({ artifact: 'shop/web:dev', history: BUILDKIT_FINAL, vulns: VULNS });
    const lines = Object.fromEntries(result.vulnerabilities.map((v) => [v.item.id, [v.line, v.layer]]));
    assert.deepStrictEqual(lines, {
      'CVE-2024-0001': [5, 'base'],
      'CVE-2024-0002': [6, 'instruction'],
      'CVE-2024-0003': [6, 'instruction'],
      'CVE-2024-0004': [10, 'instruction'],
    });
    assert.strictEqual(result.layers?.baseFrom, 'aligned-history');
    // FROM findings point at the image reference.
    assert.deepStrictEqual(result.vulnerabilities[0].range, { start: { line: 5, character: 5 }, end: { line: 5, character: 20 } });
  });

  it('reads classic-builder history (#(nop), file:<sha> in /dest, build-arg prefixes)', () => {
    const text = 'FROM debian:bookworm\nARG CURL_VERSION=7.88\nRUN apt-get update && apt-get install -y curl=${CURL_VERSION}*\nCOPY app.tar /opt/\nCMD ["bash"]\n';
    const history: ReportSpec['history'] = [
      ...DEBIAN_BASE_CLASSIC,
      { createdBy: '/bin/sh -c #(nop)  ARG CURL_VERSION=7.88', empty: true },
      { createdBy: '|1 CURL_VERSION=7.88 /bin/sh -c apt-get update && apt-get install -y curl=${CURL_VERSION}*' },
      { createdBy: '/bin/sh -c #(nop) COPY file:9f8e7d6c5b4a in /opt/ ' },
      { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', empty: true },
    ];
    const vulns: ReportSpec['vulns'] = [
      { id: 'CVE-A', pkg: 'zlib1g', installed: '1', severity: 'LOW', layer: 0 },
      { id: 'CVE-B', pkg: 'curl', installed: '7.88', severity: 'HIGH', layer: 1 },
      { id: 'CVE-C', pkg: 'app', installed: '1', severity: 'HIGH', layer: 2, class: 'lang-pkgs' },
    ];
    const result = mapped({ artifact: 'classic:1', history, vulns }, text);
    assert.deepStrictEqual(result.vulnerabilities.map((v) => v.line), [0, 2, 3]);
  });

  it('summarizes per instruction with counts by severity', () => {
    const result = mapped({ artifact: 'shop/web:dev', history: BUILDKIT_FINAL, vulns: VULNS });
    assert.deepStrictEqual(
      result.summaries.map((s) => [s.line, s.keyword, s.counts.CRITICAL, s.counts.HIGH, s.counts.MEDIUM]),
      [
        [5, 'FROM', 0, 1, 0],
        [6, 'RUN', 1, 0, 1],
        [10, 'COPY', 0, 1, 0],
      ],
    );
  });

  it('uses the base image diff ids when they are known', () => {
    const spec: ReportSpec = { artifact: 'shop/web:dev', history: BUILDKIT_FINAL, vulns: VULNS };
    const result = mapped(spec, DOCKERFILE, [diffIdFor('shop/web:dev', 0)]);
    assert.strictEqual(result.layers?.baseFrom, 'base-image');
    assert.deepStrictEqual(result.vulnerabilities.map((v) => v.line), [5, 6, 6, 10]);
  });

  it('says "layer unknown" instead of guessing when history and layers do not pair up', () => {
    const result = mapped({ artifact: 'odd:1', history: BUILDKIT_FINAL, vulns: VULNS.slice(0, 2), extraDiffIds: 1 });
    for (const v of result.vulnerabilities) {
      assert.strictEqual(v.line, 5);
      assert.strictEqual(v.layer, 'unknown');
      assert.match(v.note ?? '', /layer unknown/);
    }
  });

  it('falls back to the last base CMD when no instruction matches the history', () => {
    const text = 'FROM debian:bookworm\nRUN make\nCMD ["x"]\n';
    const history: ReportSpec['history'] = [
      ...DEBIAN_BASE_CLASSIC,
      { createdBy: '/bin/sh -c something else entirely' },
      { createdBy: '/bin/sh -c #(nop)  CMD ["y"]', empty: true },
    ];
    const result = mapped({ artifact: 'h:1', history, vulns: [{ id: 'X', pkg: 'p', installed: '1', severity: 'LOW', layer: 1 }] }, text);
    assert.strictEqual(result.layers?.baseFrom, 'cmd-heuristic');
    assert.strictEqual(result.vulnerabilities[0].line, 0);
    assert.strictEqual(result.vulnerabilities[0].layer, 'unknown');
    assert.match(result.vulnerabilities[0].note ?? '', /no instruction of the final stage matches/);
  });

  it('places secrets found in layers on their instruction', () => {
    const result = mapped({
      artifact: 'shop/web:dev',
      history: BUILDKIT_FINAL,
      secrets: [{ ruleId: 'aws-access-key-id', title: 'AWS Access Key ID', severity: 'CRITICAL', layer: 3, target: '/app/.env' }],
    });
    assert.deepStrictEqual(result.secrets.map((s) => [s.item.ruleId, s.line]), [['aws-access-key-id', 10]]);
  });

  it('maps a stage built FROM another stage through the whole chain', () => {
    const text = 'FROM debian:bookworm AS base\nRUN apt-get install -y curl\nFROM base\nRUN useradd app\nUSER app\n';
    const history: ReportSpec['history'] = [
      ...DEBIAN_BASE_BUILDKIT,
      { createdBy: 'RUN /bin/sh -c apt-get install -y curl # buildkit' },
      { createdBy: 'RUN /bin/sh -c useradd app # buildkit' },
      { createdBy: 'USER app', empty: true },
    ];
    const vulns: ReportSpec['vulns'] = [
      { id: 'A', pkg: 'libc6', installed: '1', severity: 'LOW', layer: 0 },
      { id: 'B', pkg: 'curl', installed: '1', severity: 'LOW', layer: 1 },
      { id: 'C', pkg: 'passwd', installed: '1', severity: 'LOW', layer: 2 },
    ];
    assert.deepStrictEqual(mapped({ artifact: 'c:1', history, vulns }, text).vulnerabilities.map((v) => v.line), [0, 1, 3]);
  });

  it('handles a report without Results and a huge one', () => {
    assert.deepStrictEqual(mapped({ artifact: 'clean:1', history: BUILDKIT_FINAL, omitResults: true }).vulnerabilities, []);
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `CVE-2025-${i}`, pkg: `p${i % 300}`, installed: '1', severity: 'LOW' as const, layer: i % 4 }));
    const result = mapped({ artifact: 'big:1', history: BUILDKIT_FINAL, vulns: many });
    assert.strictEqual(result.vulnerabilities.length, 10_000);
    assert.strictEqual(result.summaries.reduce((n, s) => n + s.vulnerabilities.length, 0), 10_000);
  });

  it('explains reports it cannot read', () => {
    assert.throws(() => parseTrivyReport('2026-11-23T10:00:00Z\tFATAL\tfailed'), (e: Error) => e instanceof TrivyReportError && /not JSON/.test(e.message));
    assert.throws(() => parseTrivyReport('{"foo":1}'), /no SchemaVersion/);
    assert.throws(() => parseTrivyReport('{"SchemaVersion":1}'), /SchemaVersion 1 is not supported/);
  });

  it('normalizes both builders\' history spellings', () => {
    assert.strictEqual(normalizeHistory('/bin/sh -c #(nop)  CMD ["bash"]'), 'CMD ["bash"]');
    assert.strictEqual(normalizeHistory('|2 A=1 B=2 /bin/sh -c make   install'), 'RUN make install');
    assert.strictEqual(normalizeHistory('RUN |1 A=b /bin/sh -c make # buildkit'), 'RUN make');
    assert.strictEqual(normalizeHistory('RUN --mount=type=cache,target=/root/.npm /bin/sh -c npm ci # buildkit'), 'RUN npm ci');
  });
});
