import type { Report, Rule, TextEdit } from '../../types';
import type { NginxArg } from '../ast';
import type { NginxModel } from '../model';
import { onWritableMount } from '../container';
import { insertInBlock } from '../edit';

// On a read-only root filesystem nginx cannot create its temp folders under /var/cache/nginx.

const TEMP_PATHS: [string, string][] = [
  ['client_body_temp_path', 'client_temp'],
  ['proxy_temp_path', 'proxy_temp'],
  ['fastcgi_temp_path', 'fastcgi_temp'],
  ['uwsgi_temp_path', 'uwsgi_temp'],
  ['scgi_temp_path', 'scgi_temp'],
];

const UNDER_IMAGE = /^\/var\/(cache|lib)\/nginx(\/|$)/;

export const tempPathsUnwritable: Rule<NginxModel> = {
  meta: {
    id: 'nginx/temp-paths-unwritable',
    kind: 'nginx',
    severity: 'error',
    tier: 1,
    title: 'nginx cannot create its temp folders on a read-only root filesystem',
    aliases: [],
    fix: 'safe',
    docs: {
      what:
        'Reports the `http` block of an nginx.conf when the container\'s root filesystem is read-only (Compose ' +
        '`read_only: true`) and the five temp folders (`client_body_temp_path`, `proxy_temp_path`, ' +
        '`fastcgi_temp_path`, `uwsgi_temp_path`, `scgi_temp_path`) are left at their default under ' +
        '`/var/cache/nginx` or set there, with no tmpfs or volume covering that folder.',
      why:
        'nginx creates these folders when it starts and buffers large request bodies and upstream responses in ' +
        'them. On a read-only root it fails at start with `mkdir() "/var/cache/nginx/client_temp" failed (30: ' +
        'Read-only file system)`. Read-only roots are good hardening; they just need the writable places named.',
      example: 'events {}\nhttp {\n    server { listen 8080; }\n}\n',
      fixed:
        'events {}\nhttp {\n    client_body_temp_path /tmp/client_temp;\n    proxy_temp_path /tmp/proxy_temp;\n    fastcgi_temp_path /tmp/fastcgi_temp;\n' +
        '    uwsgi_temp_path /tmp/uwsgi_temp;\n    scgi_temp_path /tmp/scgi_temp;\n    server { listen 8080; }\n}\n',
      notes:
        'The fix points every temp folder at `/tmp` (as the unprivileged nginx images do); mount a tmpfs there ' +
        '(`tmpfs: [/tmp]` in Compose). Alternatively keep the defaults and mount a tmpfs on `/var/cache/nginx`. The ' +
        'container facts come from the same places as for `nginx/pid-unwritable`; `conf.d` fragments are not checked.',
    },
  },
  check(model) {
    if (model.isFragment) return [];
    const facts = model.containerFacts();
    if (!facts.readOnlyRoot?.value) return [];
    const reports: Report[] = [];
    for (const http of model.blocks('http')) {
      const bad: { name: string; folder: string; arg?: NginxArg }[] = [];
      for (const [name, folder] of TEMP_PATHS) {
        const set = model.childrenNamed(http, name).at(-1);
        const path = set?.args[0]?.value ?? `/var/cache/nginx/${folder}`;
        if (!UNDER_IMAGE.test(path) || onWritableMount(facts, path)) continue;
        if (set?.file) continue;
        bad.push({ name, folder, arg: set?.args[0] });
      }
      if (!bad.length) continue;
      const edits: TextEdit[] = [];
      const unset = bad.filter((b) => !b.arg);
      for (const b of bad) if (b.arg) edits.push({ range: b.arg.range, newText: `/tmp/${b.folder}` });
      if (unset.length) edits.push(insertInBlock(model, http, unset.map((b) => `${b.name} /tmp/${b.folder};`)));
      const explicit = bad.find((b) => b.arg);
      reports.push({
        message: `The root filesystem is read-only (${facts.readOnlyRoot.source}), so nginx cannot create ${bad.map((b) => `\`${b.name}\``).join(', ')} under /var/cache/nginx and fails at start; move them to /tmp (on a tmpfs).`,
        range: explicit?.arg?.range ?? http.nameRange,
        fix: { title: 'Move the temp folders to /tmp', edits, safe: true },
      });
    }
    return reports;
  },
};
