import type { Report, Rule } from '../../types';
import { blanksAfter } from '../command-words';
import type { DockerfileModel } from '../model';

export const fromPlatformRedundant: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/from-platform-redundant',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'FROM --platform=$TARGETPLATFORM restates the default',
    aliases: ['hadolint:DL3065'],
    fix: 'safe',
    docs: {
      what: 'Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).',
      why:
        'A stage is built for the target platform unless told otherwise, so the flag says nothing, and readers mistake ' +
        'it for the `$BUILDPLATFORM` idiom of cross-compiling stages, which does change behaviour.',
      example: 'FROM --platform=$TARGETPLATFORM alpine:3.22\nCMD ["sh"]',
      fixed: 'FROM alpine:3.22\nCMD ["sh"]',
      notes: 'The quick fix removes the flag; the build is the same, so it is safe.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) continue;
      const range = flag.getRange();
      const end = model.lines.offsetAt(range.end);
      reports.push({
        message: `\`--platform=${value}\` is what a stage gets anyway; remove it.`,
        range,
        fix: {
          title: 'Remove the redundant --platform flag',
          safe: true,
          edits: [{ range: model.lines.rangeOf(model.lines.offsetAt(range.start), end + blanksAfter(model.text, end)), newText: '' }],
        },
      });
    }
    return reports;
  },
};
