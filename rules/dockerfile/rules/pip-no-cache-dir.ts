import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { envValueBefore, findFlag, fix, hasCacheMount, hasFlag, insertAfter, isTruthy, mayHideFlags, packageCommands, range, scriptSetsTruthy, stageRuns } from '../packages';

const PIP_CACHE = /(^|\/)(\.cache\/pip|pip-cache|\.pip-cache|pip)$/;

export const pipNoCacheDir: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/pip-no-cache-dir',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: '`pip install` without `--no-cache-dir`',
    aliases: ['hadolint:DL3042'],
    fix: 'safe',
    docs: {
      what:
        'Reports `pip install` (also `pip3`, `python -m pip`) without `--no-cache-dir` in a stage that ships, unless ' +
        '`PIP_NO_CACHE_DIR` is set to a true value (by `ENV`, `ARG`, `export` or on the command) or pip\'s cache is a ' +
        'BuildKit cache or tmpfs mount.',
      why:
        'pip keeps every wheel it downloads or builds in `~/.cache/pip`. In an image that cache is dead weight — often as ' +
        'large as the installed packages themselves — because the next build starts from a fresh layer anyway.',
      example: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
      fixed: 'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
      notes:
        'Silent under `RUN --mount=type=cache,target=/root/.cache/pip` (or a mount of `/root/.cache`, or of the folder ' +
        'given to `--cache-dir`): keeping the cache out of the layer and reusing it between builds is the point. Unlike ' +
        'hadolint, build stages that are only copied from (the usual wheel-building stage) are not reported. `pipx` and ' +
        '`pipenv` are not pip. The quick fix inserts `--no-cache-dir` right after `install`.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run, stage } of stageRuns(model, true)) {
      for (const cmd of packageCommands(run.script)) {
        if (cmd.manager !== 'pip' || cmd.subName !== 'install' || !cmd.sub || hasFlag(cmd, 'no-cache-dir') || mayHideFlags(cmd)) continue;
        const cacheDir = findFlag(cmd, 'cache-dir')?.value;
        if (hasCacheMount(run, ['/root/.cache/pip', ...(cacheDir ? [cacheDir] : [])], (t) => PIP_CACHE.test(t))) continue;
        if (scriptSetsTruthy(run.script, cmd, 'PIP_NO_CACHE_DIR')) continue;
        if (isTruthy(envValueBefore(stage, run, 'PIP_NO_CACHE_DIR'))) continue;
        reports.push({
          message: 'pip keeps a copy of every downloaded wheel in ~/.cache/pip: add `--no-cache-dir`.',
          range: range(model, run, cmd.sub),
          fix: fix('Add `--no-cache-dir`', [insertAfter(model, run, cmd.sub, '--no-cache-dir')], true),
        });
      }
    }
    return reports;
  },
};
