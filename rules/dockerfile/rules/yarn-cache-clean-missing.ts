import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { checkClean, findFlag, hasCacheMount, unwrapped } from '../packages';

const YARN_CACHE = /(^|\/)(\.cache\/yarn|\.yarn-cache|yarn-cache|\.yarn\/berry\/cache|\.yarn\/cache|Yarn\/Cache)(\/|$)/;

export const yarnCacheCleanMissing: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/yarn-cache-clean-missing',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: '`yarn install` without `yarn cache clean`',
    aliases: ['hadolint:DL3060'],
    fix: 'safe',
    docs: {
      what:
        'Reports a `RUN` in a stage that ships whose last `yarn install` (a bare `yarn`, `yarn add`, `yarn global add`) ' +
        'is not followed, in the same `RUN`, by `yarn cache clean` or by deleting the yarn cache folder.',
      why:
        'Yarn keeps a copy of every package it downloads in its global cache (`/usr/local/share/.cache/yarn` for root). ' +
        'Left in the layer, it roughly doubles the size of `node_modules` in the image for no benefit at run time.',
      example: 'FROM node:22-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile',
      fixed: 'FROM node:22-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean',
      notes:
        'Silent under a BuildKit cache or tmpfs mount whose target is a yarn cache folder (for example ' +
        '`--mount=type=cache,target=/usr/local/share/.cache/yarn`), and when the install points `--cache-folder` into ' +
        'such a mount. Unlike hadolint, build stages that are only copied from are not reported (the usual pattern ' +
        'installs in a build stage and copies `node_modules` out). The quick fix appends `&& yarn cache clean`.',
    },
  },
  check(model) {
    return checkClean(model, {
      managers: ['yarn'],
      subs: ['install', 'add'],
      cleans: (command, parsed) => {
        if (parsed?.manager === 'yarn') return parsed.subName === 'cache' && parsed.args[0]?.value === 'clean';
        const words = unwrapped(command);
        return words[0] === 'rm' && words.slice(1).some((w) => !w.startsWith('-') && YARN_CACHE.test(w));
      },
      cachePaths: [],
      mountMatch: (target) => YARN_CACHE.test(target) || /yarn/i.test(target),
      silent: (cmd, run) => {
        const folder = findFlag(cmd, 'cache-folder')?.value;
        return folder !== undefined && hasCacheMount(run, [folder]);
      },
      cleanCommand: () => 'yarn cache clean',
      message: () => 'yarn keeps a copy of every downloaded package in its cache: end this RUN with `&& yarn cache clean`.',
    });
  },
};
