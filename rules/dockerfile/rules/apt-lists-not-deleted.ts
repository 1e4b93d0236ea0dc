import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { appendCommand, fix, hasCacheMount, isRemoval, packageCommands, parsePackageCommand, range, stageRuns, type PkgCommand } from '../packages';
import type { ShellCommand } from '../shell';

// `apt-get update` downloads the package index (tens of megabytes) into /var/lib/apt/lists.
// Unless the same RUN deletes it, it is baked into the layer for good.

const LISTS = ['/var/lib/apt/lists'];
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

export const aptListsNotDeleted: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/apt-lists-not-deleted',
    kind: 'dockerfile',
    severity: 'info',
    tier: 1,
    title: 'apt package lists left in the image',
    aliases: ['hadolint:DL3009'],
    fix: 'safe',
    docs: {
      what:
        'Reports a `RUN` that runs `apt-get update` (or `apt update`) in a stage that ships and does not delete ' +
        '`/var/lib/apt/lists` afterwards in the same `RUN` (with `rm`, or with `apt-get dist-clean`, which apt 2.7.8 and ' +
        'later provide and Debian 13 images use).',
      why:
        '`apt-get update` stores the index of every configured repository under `/var/lib/apt/lists` — often 20 to 50 MB. ' +
        'Each instruction is a layer, so deleting the lists in a later `RUN` hides them without shrinking the image: only ' +
        'deleting them in the same `RUN` keeps them out. A stale index in the image is also useless: the next build ' +
        'should refresh it anyway.',
      example: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
      fixed: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      notes:
        'Silent when the lists live in a BuildKit cache or tmpfs mount (`RUN --mount=type=cache,target=/var/lib/apt/lists` ' +
        'or a mount of `/var/lib/apt`): they never reach the layer. Unlike hadolint, a cache mount of `/var/lib/apt` ' +
        'is enough on its own; hadolint also asks for one on `/var/cache/apt`, which holds downloaded packages, not ' +
        'lists. Like hadolint, only stages that ship are judged — the ' +
        'final stage and the stages it is built `FROM`; a build stage you only `COPY --from` may keep its lists. Unlike ' +
        'hadolint, the `rm` must come after the last `update` (deleting first and updating afterwards leaves the lists). ' +
        'The quick fix appends `&& rm -rf /var/lib/apt/lists/*` to the last command of the `RUN`, after continuation lines ' +
        'and inside a `RUN <<EOF` heredoc; exec-form `RUN [...]` has no shell to append to and gets no fix.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const { run } of stageRuns(model, true)) {
      let update: PkgCommand | undefined;
      for (const cmd of packageCommands(run.script)) {
        if ((cmd.manager === 'apt-get' || cmd.manager === 'apt') && cmd.subName === 'update') update = cmd;
      }
      if (!update?.sub || hasCacheMount(run, LISTS)) continue;
      const commands = run.script.commands;
      let removed = false;
      for (let i = update.index + 1; i < commands.length && !removed; i++) removed = isRemoval(commands[i], LISTS) || isDistClean(commands[i]);
      if (removed) continue;
      reports.push({
        message: `The package lists this \`update\` downloads stay in the layer: end this RUN with \`&& ${CLEANUP}\`.`,
        range: range(model, run, update.sub),
        fix: fix(`Append \`&& ${CLEANUP}\``, [appendCommand(model, run, CLEANUP)], true),
      });
    }
    return reports;
  },
};

/** `apt-get dist-clean` (apt 2.7.8+, used by Debian trixie images) deletes the lists as well as the package cache. */
function isDistClean(command: ShellCommand): boolean {
  const parsed = parsePackageCommand(command, 0);
  return (parsed?.manager === 'apt-get' || parsed?.manager === 'apt') && (parsed.subName === 'dist-clean' || parsed.subName === 'distclean');
}
