import { posix } from 'path';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import type { Report, Rule, RuleContext } from '../../types';
import type { DockerfileModel, Stage } from '../model';
import { keywordOf } from '../keywords';

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export const healthcheckMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/healthcheck-missing',
    kind: 'dockerfile',
    severity: 'info',
    tier: 1,
    title: 'The final stage has no HEALTHCHECK',
    aliases: ['hadolint:DL3057', 'trivy:DS-0026', 'checkov:CKV_DOCKER_2', 'cis-docker:4.6'],
    fix: 'none',
    docs: {
      what:
        'Reports a final stage without `HEALTHCHECK` (its own or one inherited from the stage it is built `FROM`). ' +
        '`HEALTHCHECK NONE` counts as a deliberate choice. It stays silent when a Compose file next to the Dockerfile ' +
        '(or one folder up) builds it in a service that defines a `healthcheck:`.',
      why:
        'Without a health check, Docker and orchestrators only know whether the process exists, not whether it works: ' +
        'a deadlocked server keeps receiving traffic and is never restarted, and `depends_on: condition: service_healthy` ' +
        'cannot wait for it.',
      example: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html',
      fixed:
        'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n' +
        'HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1',
      notes:
        'hadolint\'s DL3057 is off by default and judges every stage; Shipshape reports only the final stage, at info. ' +
        'Kubernetes ignores `HEALTHCHECK` (it uses probes): turn this rule off for images that only run there.',
    },
  },
  check(model, context) {
    const stage = model.finalStage;
    if (!stage || hasHealthcheck(stage)) return [];
    if (composeDefinesHealthcheck(context)) return [];
    const report: Report = {
      message:
        'The final stage has no HEALTHCHECK, so a hung process still looks healthy. Add `HEALTHCHECK CMD <probe>` ' +
        '(or `HEALTHCHECK NONE` to say it is deliberate).',
      range: stage.from.getInstructionRange(),
    };
    return [report];
  },
};

function hasHealthcheck(stage: Stage): boolean {
  for (let s: Stage | undefined = stage; s; s = s.base.stage) {
    if (s.instructions.some((i) => keywordOf(i) === 'HEALTHCHECK')) return true;
  }
  return false;
}

/** A Compose service building this Dockerfile with a healthcheck of its own. */
function composeDefinesHealthcheck(context: RuleContext): boolean {
  const dockerfile = context.path;
  const here = posix.dirname(dockerfile);
  for (const dir of [here, posix.dirname(here)]) {
    for (const name of COMPOSE_FILES) {
      const path = posix.join(dir, name);
      const text = context.workspace.readFile(path);
      if (text === undefined) continue;
      try {
        const services = parseDocument(text).get('services');
        if (!isMap(services)) continue;
        for (const pair of (services as YAMLMap).items) {
          const service = pair.value;
          if (!isMap(service)) continue;
          if (buildsDockerfile(service as YAMLMap, dir, dockerfile) && healthy(service as YAMLMap)) return true;
        }
      } catch {
        // A broken Compose file is compose/syntax's business.
      }
    }
  }
  return false;
}

function buildsDockerfile(service: YAMLMap, composeDir: string, dockerfile: string): boolean {
  const build = service.get('build', true);
  let contextDir: string | undefined;
  let file = 'Dockerfile';
  if (isScalar(build)) contextDir = String(build.value);
  else if (isMap(build)) {
    contextDir = String((build as YAMLMap).get('context') ?? '.');
    const named = (build as YAMLMap).get('dockerfile');
    if (named !== undefined && named !== null) file = String(named);
  }
  if (contextDir === undefined) return false;
  const resolved = posix.resolve(composeDir, contextDir, file);
  return resolved === dockerfile;
}

function healthy(service: YAMLMap): boolean {
  const healthcheck = service.get('healthcheck', true);
  if (!isMap(healthcheck)) return false;
  const disabled = (healthcheck as YAMLMap).get('disable');
  return disabled !== true && disabled !== 'true';
}
