import type { Report, Rule } from '../../types';
import { copyParts, flag, instructionArgs, instructionsOf, wordRange } from '../instruction-words';
import type { DockerfileModel } from '../model';
import { isGitSource, isRemoteUrl } from '../sources';

// `ADD https://…` trusts whatever the server (or anyone between it and the builder) returns
// today. `--checksum` makes the build fail instead of shipping a swapped file.

export const addRemoteUnverified: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/add-remote-unverified',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'Remote ADD without a checksum',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports `ADD` of an `http://` or `https://` URL without `--checksum=sha256:…`, and `ADD` of a git repository ' +
        'that is neither pinned to a full commit (`#<40-hex sha>`) nor verified with `--checksum`.',
      why:
        'A downloaded file is only as trustworthy as the server and every network hop to it at build time. Without a ' +
        'checksum a compromised mirror, a re-tagged release or a plain `http://` man-in-the-middle changes what goes ' +
        'into the image without any change to the Dockerfile, and two builds of the same commit can differ. ' +
        '`--checksum` (Dockerfile syntax 1.6 and later) makes BuildKit refuse anything but the expected bytes.',
      example: 'FROM alpine:3.20\nADD https://example.com/tool-1.2.3.tar.gz /tmp/',
      fixed:
        'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n    https://example.com/tool-1.2.3.tar.gz /tmp/',
      notes:
        'Git sources are included: a branch or tag (`#main`, `#v1.2`) can move, so they are reported unless the ' +
        'fragment is a full 40-character commit sha or `--checksum` (the commit sha, for git sources) is given. ' +
        '`git@…`/`ssh://` sources count as git too. URLs built from variables are not judged. There is no automatic fix: ' +
        'the checksum has to come from a trusted source, not from downloading the file again. Plain `http://` is named ' +
        'in the message because it is also readable and writable by the network.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of instructionsOf(model, 'ADD')) {
      const args = instructionArgs(model, instruction);
      const checksum = flag(args, 'checksum');
      if (checksum?.flagValue) continue;
      for (const source of copyParts(args).sources) {
        if (source.heredoc || source.value.includes('$')) continue;
        if (isGitSource(source.value)) {
          const ref = source.value.split('#')[1]?.split(':')[0] ?? '';
          if (/^[0-9a-f]{40}$/i.test(ref) || /^[0-9a-f]{64}$/i.test(ref)) continue;
          reports.push({
            message: `\`${source.value}\` is fetched from git ${ref ? `at \`${ref}\`, which can move` : 'at whatever the default branch is'}: pin a full commit sha (\`#<sha>\`) or add \`--checksum=<commit sha>\`.`,
            range: wordRange(model, source),
          });
        } else if (isRemoteUrl(source.value)) {
          const plain = /^http:\/\//i.test(source.value);
          reports.push({
            message: `\`${source.value}\` is downloaded without verification${plain ? ' over plain HTTP' : ''}: add \`--checksum=sha256:<digest>\` so the build fails if the file changes.`,
            range: wordRange(model, source),
          });
        }
      }
    }
    return reports;
  },
};
