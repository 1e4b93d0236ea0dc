import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { fix, hasCacheMount, hasFlag, insertAfter, isRemoval, mayHideFlags, packageCommands, range, stageRuns } from '../packages';

// Without --no-cache, `apk add` keeps the downloaded index under /var/cache/apk in the layer.

const CACHE = ['/var/cache/apk', '/etc/apk/cache'];

export const apkNoCache: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/apk-no-cache',
    kind: 'dockerfile',
    severity: 'info',
    tier: 1,
    title: '`apk add` without `--no-cache`',
    aliases: ['hadolint:DL3019', 'trivy:DS-0025'],
    fix: 'safe',
    docs: {
      what: 'Reports `apk add` without `--no-cache` in a stage that ships (the final stage and the stages it is built `FROM`).',
      why:
        'Alpine\'s `apk` stores the repository index it downloads under `/var/cache/apk`. Left in a layer, it adds size ' +
        'to every image and describes package versions that are out of date by the next build. `--no-cache` fetches the ' +
        'index into a temporary place and removes it when done, which also makes a separate `apk update` (and `--update`) ' +
        'unnecessary.',
      example: 'FROM alpine:3.20\nRUN apk update && apk add curl',
      fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
      notes:
        'Silent under a BuildKit cache or tmpfs mount of `/var/cache/apk` or `/etc/apk/cache` (the cache then stays out of ' +
        'the layer, and keeping it is the point), and when the same `RUN` deletes `/var/cache/apk` after the install. ' +
        'Unlike hadolint, build stages that are only copied from are not reported. The quick fix inserts `--no-cache` ' +
        'right after `add`.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run } of stageRuns(model, true)) {
      if (hasCacheMount(run, CACHE)) continue;
      for (const cmd of packageCommands(run.script)) {
        if (cmd.manager !== 'apk' || cmd.subName !== 'add' || !cmd.sub || hasFlag(cmd, 'no-cache') || mayHideFlags(cmd)) continue;
        const commands = run.script.commands;
        let removed = false;
        for (let i = cmd.index + 1; i < commands.length && !removed; i++) removed = isRemoval(commands[i], ['/var/cache/apk']);
        if (removed) continue;
        reports.push({
          message: '`apk add` leaves its index in /var/cache/apk: add `--no-cache`.',
          range: range(model, run, cmd.sub),
          fix: fix('Add `--no-cache`', [insertAfter(model, run, cmd.sub, '--no-cache')], true),
        });
      }
    }
    return reports;
  },
};
