import type { Report, Rule } from '../../types';
import { labelPairs } from '../labels';
import type { DockerfileModel } from '../model';

// Docker's label-key guidelines: lower-case reverse-DNS (`org.opencontainers.image.title`),
// letters, digits, `.` and `-`, and the `com.docker.*` / `io.docker.*` / `org.dockerproject.*`
// namespaces reserved for Docker itself.

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

export const labelKeyInvalid: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/label-key-invalid',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'Label key does not follow the naming guidelines',
    aliases: ['hadolint:DL3048'],
    fix: 'none',
    docs: {
      what:
        'Reports a `LABEL` key that does not follow Docker\'s key format: it must start with a lower-case letter, end ' +
        'with a lower-case letter or digit, use only lower-case letters, digits, `.` and `-`, contain no `..` or `--`, ' +
        'and stay out of the namespaces Docker reserves (`com.docker.`, `io.docker.`, `org.dockerproject.`).',
      why:
        'Tools look labels up by exact key. Keys in one consistent, namespaced form (`org.opencontainers.image.version`) ' +
        'do not collide with other tools\' labels and are found by registries and scanners; `Version`, `app_version` ' +
        'and `APP-VERSION` are three different labels to them.',
      example: 'FROM alpine:3.20\nLABEL Maintainer="team@example.com" app_version="1.2.0"',
      fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="team@example.com" org.opencontainers.image.version="1.2.0"',
      notes:
        'Like the other label rules it reports nothing until a label schema is configured (`labelSchema` in ' +
        '`.shipshape.yaml` or hadolint\'s `label-schema`), as the catalog says; hadolint runs DL3048 always. Keys built from variables (`${PREFIX}.version`) are not judged. No automatic fix: renaming a key ' +
        'breaks whatever reads the old one.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    // A team that has not described its labels has not asked for label policy.
    if (!Object.keys(context.config.labelSchema).length) return reports;
    for (const pair of labelPairs(model)) {
      const problem = keyProblem(pair.name);
      if (problem) reports.push({ message: `Label key \`${pair.name}\` ${problem}.`, range: pair.nameRange });
    }
    return reports;
  },
};

export function keyProblem(key: string): string | undefined {
  if (!key || key.includes('$')) return undefined;
  if (/[A-Z]/.test(key) && /^[A-Za-z0-9.-]+$/.test(key)) return `has upper-case letters: use \`${key.toLowerCase()}\``;
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or digit';
  const bad = /[^a-z0-9.-]/.exec(key);
  if (bad) return `contains \`${bad[0] === ' ' ? '␠' : bad[0]}\`: use only lower-case letters, digits, \`.\` and \`-\``;
  if (key.includes('..') || key.includes('--')) return 'must not contain `..` or `--`';
  const reserved = RESERVED.find((ns) => key.startsWith(ns));
  if (reserved) return `uses the \`${reserved}\` namespace, which is reserved for Docker`;
  return undefined;
}
