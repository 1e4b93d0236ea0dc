import { posix } from 'path';
import type { Report, Rule } from '../../types';
import { builtImage } from '../build';
import { imageHasHealthcheck, serviceImage } from '../images';
import type { ComposeModel } from '../model';
import { mapOf } from '../effective';
import { relatedUse } from '../sites';
import { composeBoolean, composeString } from '../values';

export const healthcheckMissing: Rule<ComposeModel> = {
  meta: {
    id: 'compose/healthcheck-missing',
    kind: 'compose',
    severity: 'info',
    tier: 1,
    title: 'Service has no healthcheck',
    aliases: ['kics:698ed579', 'cis-docker:5.27'],
    fix: 'none',
    docs: {
      what:
        'Reports a service that defines no `healthcheck:` while its image has none either: for a service with `build:`, the Dockerfile (read from the build context, `dockerfile:` and `target:` honoured, `dockerfile_inline:` too) has no `HEALTHCHECK` in the stage that ships; for an `image:`, the image is not one known to ship a `HEALTHCHECK`. A healthcheck switched off with `disable: true` or `test: ["NONE"]` is reported on that line. When the Dockerfile cannot be read (outside the workspace, a remote context), nothing is reported.',
      why:
        'Without a healthcheck, Docker only knows whether the main process is alive, not whether it answers. A deadlocked server, a web app that lost its database connection or a worker stuck on a full disk stays "running" forever: `depends_on: condition: service_healthy` cannot wait for it, restart policies and orchestrators cannot replace it, and monitoring sees nothing. A health probe also makes a compromised or hung container visible.',
      example: 'services:\n  api:\n    image: example/api:3.1\n',
      fixed:
        'services:\n  api:\n    image: example/api:3.1\n    healthcheck:\n      test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/health"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n      start_period: 20s\n',
      notes:
        'No quick fix: the probe depends on the application (an HTTP endpoint, `pg_isready`, `redis-cli ping`). Use a tool that exists in the image — minimal images often lack `curl`. One-shot services (migrations, seeders) do not need one: a service that another service waits for with `condition: service_completed_successfully` is a job and is not reported; suppress the finding for other one-shot services. `dockerfile/healthcheck-missing` stays silent for a Dockerfile whose Compose service defines a healthcheck.',
    },
  },
  check(model, context) {
    const reports: Report[] = [];
    const jobs = oneShotServices(model);
    for (const service of model.services) {
      if (!service.body || jobs.has(service.name)) continue;
      const healthcheck = service.get('healthcheck');
      if (healthcheck) {
        const map = service.map('healthcheck');
        if (!map) continue;
        const disable = map.get('disable');
        if (composeBoolean(disable) === true) {
          reports.push({
            message: `\`${service.name}\` switches its healthcheck off (\`disable: true\`): Docker cannot tell a hung container from a working one. Define a \`test\` that checks the service answers.`,
            range: disable!.range,
            related: relatedUse(service, disable!, 'this healthcheck'),
          });
          continue;
        }
        const test = map.get('test');
        const first = map.list('test')?.[0];
        const word = first ? composeString(first) : composeString(test);
        if (test && word?.trim().toUpperCase() === 'NONE') {
          reports.push({
            message: `\`${service.name}\` switches its healthcheck off (\`test: ["NONE"]\`): Docker cannot tell a hung container from a working one. Define a \`test\` that checks the service answers.`,
            range: test.range,
            related: relatedUse(service, test, 'this healthcheck'),
          });
        }
        continue;
      }
      if (service.has('build')) {
        const built = builtImage(service, context);
        if (!built || built.healthcheck) continue;
        const where = built.path === 'dockerfile_inline' ? 'its `dockerfile_inline`' : `\`${posix.relative(posix.dirname(context.path), built.path) || built.path}\``;
        reports.push({
          message: `\`${service.name}\` has no \`healthcheck\`, and the image it builds from ${where} has no \`HEALTHCHECK\` in its final stage: Docker cannot tell a hung container from a working one, and \`depends_on\` cannot wait for it to be ready. Add a \`healthcheck\` here or a \`HEALTHCHECK\` in the Dockerfile.`,
          range: service.keyRange,
        });
        continue;
      }
      const image = serviceImage(service);
      if (!image || imageHasHealthcheck(image.ref)) continue;
      reports.push({
        message: `\`${service.name}\` has no \`healthcheck\` (and \`${image.ref.raw}\` is not known to ship one): Docker cannot tell a hung container from a working one, and \`depends_on\` cannot wait for it to be ready. Add a \`healthcheck\` with a \`test\` that checks the service answers.`,
        range: service.keyRange,
      });
    }
    return reports;
  },
};

/** Services some other service waits for with `condition: service_completed_successfully`: jobs that run and exit. */
function oneShotServices(model: ComposeModel): Set<string> {
  const jobs = new Set<string>();
  for (const service of model.services) {
    const entry = service.get('depends_on');
    if (!entry) continue;
    for (const dependency of mapOf(service.context, entry)?.entries() ?? []) {
      const condition = composeString(mapOf(service.context, dependency)?.get('condition'));
      if (condition?.trim() === 'service_completed_successfully') jobs.add(dependency.key);
    }
  }
  return jobs;
}
