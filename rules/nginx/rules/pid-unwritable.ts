import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';
import { onWritableMount } from '../container';
import { insertLinesAtTop } from '../edit';

// A non-root or read-only container cannot create /var/run/nginx.pid.

export const DEFAULT_PID = '/var/run/nginx.pid';

/** Why nginx cannot write under /var/run here, or undefined when it can (as far as we know). */
export function unwritableReason(model: NginxModel): { text: string; readOnly: boolean } | undefined {
  const facts = model.containerFacts();
  if (facts.nonRoot?.value) return { text: `nginx runs as a non-root user (${facts.nonRoot.source})`, readOnly: !!facts.readOnlyRoot?.value };
  if (facts.readOnlyRoot?.value) return { text: `the root filesystem is read-only (${facts.readOnlyRoot.source})`, readOnly: true };
  return undefined;
}

export const pidUnwritable: Rule<NginxModel> = {
  meta: {
    id: 'nginx/pid-unwritable',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'nginx cannot write its pid file in this container',
    aliases: [],
    fix: 'safe',
    docs: {
      what:
        'Reports an nginx.conf whose `pid` is unset (nginx then uses `/var/run/nginx.pid`) or under `/var/run` or ' +
        '`/run`, when nginx runs as a non-root user (an unprivileged base image such as ' +
        '`nginxinc/nginx-unprivileged`, a Dockerfile `USER`, a Compose `user:`) or on a read-only root filesystem ' +
        '(Compose `read_only: true`), and no tmpfs or volume covers that folder.',
      why:
        'The master process writes its pid file before serving anything. `/var/run` belongs to root and lives on ' +
        'the image\'s root filesystem, so a non-root or read-only container stops at start with `open() ' +
        '"/var/run/nginx.pid" failed (13: Permission denied)` or `(30: Read-only file system)`, usually found only ' +
        'after deployment, in a crash loop.',
      example: 'pid /var/run/nginx.pid;\nevents {}\nhttp {\n    server { listen 8080; }\n}\n',
      fixed: 'pid /tmp/nginx.pid;\nevents {}\nhttp {\n    server { listen 8080; }\n}\n',
      notes:
        'How Shipshape knows how the container runs: from the workspace links when the host provides them, and ' +
        'otherwise from a Dockerfile (that COPYs this file or its folder) or a Compose file (that bind-mounts it) ' +
        'in the same folder or up to two folders above; a `user` directive in the file means the master runs as ' +
        'root. Without such evidence nothing is reported. The fix moves the pid file to `/tmp/nginx.pid`, as the ' +
        'unprivileged images do; with a read-only root, also mount a tmpfs on `/tmp`.',
    },
  },
  check(model) {
    if (model.isFragment) return [];
    const reason = unwritableReason(model);
    if (!reason) return [];
    const facts = model.containerFacts();
    const pid = model.children(undefined).find((d) => d.name === 'pid');
    const path = pid?.args[0]?.value ?? DEFAULT_PID;
    if (!/^\/(var\/)?run\//.test(path) || onWritableMount(facts, path)) return [];
    const tmpfs = reason.readOnly && !onWritableMount(facts, '/tmp/nginx.pid') ? ' (and mount a tmpfs on `/tmp`)' : '';
    const message = `nginx cannot create its pid file \`${path}\`${pid ? '' : ' (the default)'}: ${reason.text}. Set \`pid /tmp/nginx.pid;\`${tmpfs}.`;
    if (pid && pid.file) return [];
    const report: Report = pid
      ? { message, range: pid.args[0].range, fix: { title: 'Set `pid /tmp/nginx.pid`', edits: [{ range: pid.args[0].range, newText: '/tmp/nginx.pid' }], safe: true } }
      : {
          message,
          range: model.directives[0]?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          fix: { title: 'Add `pid /tmp/nginx.pid;`', edits: [insertLinesAtTop(model, ['pid /tmp/nginx.pid;'])], safe: true },
        };
    return [report];
  },
};
