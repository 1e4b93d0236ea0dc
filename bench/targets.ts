import { buildModel } from '../rules/dockerfile/model';
import { mapReport } from '../rules/trivy/map';
import { parseTrivyReport } from '../rules/trivy/report';
import { EMPTY_CONFIG } from '../rules/types';
import { memoryWorkspace } from '../rules/workspace';
import { buildReport, DEBIAN_BASE_BUILDKIT } from '../test/fixtures/trivy/build-report';
import { compose, dockerfile, nginx, type CorpusFile } from './corpus';
import { measureEngine } from './engine';
import { sample, summarize } from './stats';

// The speed targets the issues name, each measured at exactly the size it names: engine p50
// per file (a freshly edited text each run), and Trivy report parsing plus layer mapping.

export interface TargetResult {
  what: string;
  p50: number;
  targetMs: number;
}

const ENGINE_TARGETS: Array<[CorpusFile['kind'], number, number]> = [
  ['dockerfile', 1000, 5],
  ['dockerfile', 10000, 30],
  ['compose', 300, 5],
  ['compose', 3000, 30],
  ['nginx', 10000, 20],
];

const GENERATORS = { dockerfile, compose, nginx };

export function measureTargets(): TargetResult[] {
  const results: TargetResult[] = ENGINE_TARGETS.map(([kind, lines, targetMs]) => ({
    what: `${kind} ${lines} lines, every rule`,
    p50: measureEngine(GENERATORS[kind](lines)).p50,
    targetMs,
  }));
  results.push({ what: 'Trivy report with 10,000 vulnerabilities: parse + map', p50: measureTrivyMapping(10_000), targetMs: 300 });
  return results;
}

function measureTrivyMapping(count: number): number {
  const history = [
    ...DEBIAN_BASE_BUILDKIT,
    { createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit' },
    { createdBy: 'COPY . /app # buildkit' },
  ];
  const vulns = Array.from({ length: count }, (_, i) => ({
    id: `CVE-2025-${10000 + i}`,
    pkg: `package-${i % 400}`,
    installed: '1.0.0',
    fixed: i % 3 ? '1.0.1' : undefined,
    severity: (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const)[i % 4],
    layer: i % 3,
  }));
  const json = JSON.stringify(buildReport({ artifact: 'bench/app:1', history, vulns }));
  const text = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\nCMD ["app"]\n';
  const model = () => buildModel(text, { path: '/w/Dockerfile', workspace: memoryWorkspace(), config: EMPTY_CONFIG, now: new Date() });
  return summarize(sample(() => mapReport(parseTrivyReport(json), model()), { minRuns: 5, maxRuns: 20, budgetMs: 3000 })).p50;
}
