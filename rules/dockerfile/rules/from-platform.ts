import type { Report, Rule } from '../../types';
import { blanksAfter } from '../command-words';
import type { DockerfileModel } from '../model';

export const fromPlatform: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/from-platform',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'FROM pins a platform',
    aliases: ['hadolint:DL3029'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `FROM --platform=<literal>` (`linux/amd64`). A platform taken from a build argument ' +
        '(`--platform=$BUILDPLATFORM`, `$TARGETPLATFORM`) is the cross-compilation idiom and is not reported.',
      why:
        'A hard-coded platform makes every build of that stage emulate or pull that architecture: on ARM machines and ' +
        'in multi-platform builds the image silently gets the wrong architecture or runs under slow emulation. ' +
        '`docker build --platform` and the automatic `BUILDPLATFORM`/`TARGETPLATFORM` arguments choose it per build.',
      example: 'FROM --platform=linux/amd64 node:22\nCMD ["node", "server.js"]',
      fixed: 'FROM node:22\nCMD ["node", "server.js"]',
      notes:
        'Unlike hadolint\'s DL3029, `--platform=$BUILDPLATFORM` and other variable forms are accepted. The quick fix ' +
        'removes the flag; it is unsafe because the image then follows the builder\'s platform.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || value === null || value === undefined || value.includes('$')) continue;
      const range = flag.getRange();
      const start = model.lines.offsetAt(range.start);
      const end = model.lines.offsetAt(range.end);
      const trailing = blanksAfter(model.text, end);
      reports.push({
        message: `\`--platform=${value}\` forces every build of this stage onto ${value}; let \`docker build --platform\` choose, or use \`$BUILDPLATFORM\`/\`$TARGETPLATFORM\`.`,
        range,
        fix: {
          title: 'Remove the --platform flag',
          safe: false,
          edits: [{ range: model.lines.rangeOf(start, end + trailing), newText: '' }],
        },
      });
    }
    return reports;
  },
};
