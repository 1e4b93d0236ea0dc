import type { Report, Rule } from '../../types';
import type { EffectiveMap, Entry } from '../effective';
import type { ComposeModel, ComposeService } from '../model';

/** Values that mean "no limit". */
const UNLIMITED = new Set(['', '0', '-1', '0.0', '0b', '0m', '0g']);

interface Limit {
  what: string;
  example: string;
  /** Service keys that set it, and keys under `deploy.resources.limits`. */
  keys: string[];
  deploy: string[];
}

const LIMITS: Limit[] = [
  { what: 'memory', example: '`mem_limit: 512m`', keys: ['mem_limit'], deploy: ['memory'] },
  { what: 'CPU', example: '`cpus: 1.0`', keys: ['cpus', 'cpu_quota', 'cpu_count', 'cpu_percent'], deploy: ['cpus'] },
  { what: 'process', example: '`pids_limit: 200`', keys: ['pids_limit'], deploy: ['pids'] },
];

export const resourceLimitsMissing: Rule<ComposeModel> = {
  meta: {
    id: 'compose/resource-limits-missing',
    kind: 'compose',
    severity: 'info',
    tier: 1,
    title: 'Service has no resource limits',
    aliases: ['kics:bb9ac4f7', 'kics:6b610c50', 'kics:221e0658', 'cis-docker:5.11', 'cis-docker:5.12', 'cis-docker:5.29'],
    fix: 'none',
    docs: {
      what:
        'Reports a service that lacks a memory limit (`mem_limit` or `deploy.resources.limits.memory`), a CPU limit (`cpus`, `cpu_quota`, `cpu_count`, `cpu_percent` or `deploy.resources.limits.cpus`) or a process limit (`pids_limit` or `deploy.resources.limits.pids`). One finding per service, on its name, lists what is missing. `0` and `-1` mean unlimited and count as missing; a value Shipshape cannot resolve counts as set.',
      why:
        'Without limits, one container can take the whole host: a memory leak or a decompression bomb triggers the kernel\'s OOM killer on its neighbours, a busy loop starves every other service, and a fork bomb exhausts the host\'s process table so nothing — not even `docker exec` — can start. Limits turn a compromised or buggy service into a contained problem.',
      example: 'services:\n  worker:\n    image: example/worker:2.4\n',
      fixed: 'services:\n  worker:\n    image: example/worker:2.4\n    mem_limit: 512m\n    cpus: 1.0\n    pids_limit: 200\n',
      notes:
        'No quick fix: the right numbers depend on the workload. Measure with `docker stats` and leave headroom. `deploy.resources.limits` is honoured by `docker compose up` as well as by Swarm; `mem_reservation` and `cpu_shares` are soft and do not count as limits.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const service of model.services) {
      if (!service.body) continue;
      const limits = service.map('deploy')?.map('resources')?.map('limits');
      const missing = LIMITS.filter((limit) => !isLimited(service, limits, limit));
      if (!missing.length) continue;
      const names = missing.map((limit) => limit.what);
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
      reports.push({
        message: `\`${service.name}\` has no ${list} limit: a leak, a busy loop or a fork bomb in it can starve every other container on the host. Set ${missing.map((limit) => limit.example).join(', ')} (or \`deploy.resources.limits\`).`,
        range: service.keyRange,
      });
    }
    return reports;
  },
};

function isLimited(service: ComposeService, limits: EffectiveMap | undefined, limit: Limit): boolean {
  const entries: (Entry | undefined)[] = [...limit.keys.map((key) => service.get(key)), ...limit.deploy.map((key) => limits?.get(key))];
  return entries.some((entry) => entry !== undefined && (!entry.resolved || !isUnlimited(entry.value)));
}

function isUnlimited(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return value <= 0;
  return UNLIMITED.has(String(value).trim().toLowerCase());
}
