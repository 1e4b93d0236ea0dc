import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';

const PRAGMA = /#\s*(?:hadolint\s+(?:global\s+)?ignore=|shipshape-ignore(?:-file)?\b|trivy:ignore:|checkov:skip=)/i;

export const inlineIgnore: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/inline-ignore',
    kind: 'dockerfile',
    severity: 'off',
    tier: 3,
    title: 'Inline suppression comment',
    aliases: ['hadolint:DL1001'],
    fix: 'none',
    docs: {
      what:
        'Reports suppression comments in the Dockerfile (`# shipshape-ignore …`, `# hadolint ignore=…`, `#trivy:ignore:…`, ' +
        '`#checkov:skip=…`). Off by default: turn it on for teams that keep exceptions in configuration only.',
      why:
        'An exception written next to the code is easy to add and easy to forget; keeping them in `.shipshape.yaml` (or ' +
        '`.hadolint.yaml`) puts every accepted risk in one reviewed place.',
      example: '# hadolint ignore=DL3008\nRUN apt-get install -y curl',
      fixed: 'RUN apt-get install -y curl\n# with, in .shipshape.yaml:\n# rules:\n#   dockerfile/apt-version-unpinned: off',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (let line = 0; line < model.lines.lineCount; line++) {
      const text = model.lines.lineText(line);
      const hash = text.indexOf('#');
      if (hash < 0 || text.slice(0, hash).trim() !== '' || !PRAGMA.test(text)) continue;
      reports.push({
        message: 'Suppression comment: keep accepted exceptions in .shipshape.yaml instead, where they are reviewed together.',
        range: { start: { line, character: hash }, end: { line, character: text.length } },
      });
    }
    return reports;
  },
};
