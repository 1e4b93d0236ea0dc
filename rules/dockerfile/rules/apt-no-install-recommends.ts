import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { findFlag, fix, insertAfter, mayHideFlags, packageCommands, range, stageRuns, writesNoRecommends } from '../packages';

// Debian's apt installs "Recommends" by default: `apt-get install curl` also pulls in
// packages curl merely suggests, growing the image and its attack surface.

export const aptNoInstallRecommends: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/apt-no-install-recommends',
    kind: 'dockerfile',
    severity: 'info',
    tier: 1,
    title: '`apt-get install` without `--no-install-recommends`',
    aliases: ['hadolint:DL3015', 'trivy:DS-0029'],
    fix: 'safe',
    docs: {
      what:
        'Reports `apt-get install` and `apt install` in a stage that ships (the final stage and the stages it is built ' +
        '`FROM`) without `--no-install-recommends`, unless recommends are switched off with ' +
        '`-o APT::Install-Recommends=false` or by an `APT::Install-Recommends "0"` line written earlier in the stage.',
      why:
        'By default apt installs every package listed as *Recommends* along with the ones you asked for. They are not ' +
        'needed for the package to work, yet they routinely add tens to hundreds of megabytes — documentation tools, ' +
        'compilers, X11 libraries — each one more thing to patch and more code an attacker can use. Asking for exactly ' +
        'what you need keeps the image small and its vulnerability report short.',
      example: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
      fixed:
        'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
      notes:
        'Unlike hadolint, build stages that are only copied from (`COPY --from`) are not reported: their extra packages ' +
        'never ship. `apt install` is covered too. If a package then misses a feature, name the recommended package ' +
        'explicitly. The quick fix inserts the flag right after `install`.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const configured = new Set<unknown>();
    for (const { run, stage } of stageRuns(model, true)) {
      // A stage built FROM a stage that configured apt inherits the setting.
      if (stage.base.stage && configured.has(stage.base.stage)) configured.add(stage);
      if (writesNoRecommends(run.script)) configured.add(stage);
      if (configured.has(stage)) continue;
      for (const cmd of packageCommands(run.script)) {
        if ((cmd.manager !== 'apt-get' && cmd.manager !== 'apt') || cmd.subName !== 'install' || !cmd.sub) continue;
        if (findFlag(cmd, 'no-install-recommends') || mayHideFlags(cmd)) continue;
        const option = cmd.flags.find((f) => (f.name === 'o' || f.name === 'option') && /^APT::Install-Recommends=(false|0|no|off)$/i.test(f.value ?? ''));
        if (option) continue;
        reports.push({
          message: 'This `install` also installs recommended packages: add `--no-install-recommends` and name what you need.',
          range: range(model, run, cmd.sub),
          fix: fix('Add `--no-install-recommends`', [insertAfter(model, run, cmd.sub, '--no-install-recommends')], true),
        });
      }
    }
    return reports;
  },
};
