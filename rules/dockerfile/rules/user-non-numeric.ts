import type { Report, Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { createdUid, wellKnownUid } from '../users';

export const userNonNumeric: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/user-non-numeric',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'USER names a user instead of a numeric UID',
    aliases: ['hadolint:DL3066'],
    fix: 'none',
    docs: {
      what: 'Reports `USER name` (or `name:group`) in the final stage, unless the value comes from a build argument or the image is a Windows image (whose users have no numeric ids).',
      why:
        'Kubernetes `runAsNonRoot` and other admission checks can only verify a numeric UID: with a name they cannot tell ' +
        'root from non-root and refuse the pod, and the name may not resolve on the host for volume permissions.',
      example: 'FROM node:22\nUSER node\nCMD ["node", "server.js"]',
      fixed: 'FROM node:22\nUSER 1000:1000\nCMD ["node", "server.js"]',
      notes:
        'Unlike hadolint, only the final stage is judged: build stages never run under an orchestrator; and `USER root` ' +
        'is left to `dockerfile/user-root`. The message names the UID the file gives the user (`useradd -u`), or the ' +
        'fixed UID of well-known accounts of the base image (`nonroot` 65532 on distroless, `node` 1000, `nginx` 101).',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const stage = model.finalStage;
    // Windows users have no numeric ids.
    if (stage?.baseInfo.family === 'windows') return reports;
    for (const instruction of stage?.instructions ?? []) {
      if (instruction.getKeyword() !== 'USER') continue;
      const value = instruction.getArgumentsContent()?.trim() ?? '';
      const uid = value.split(':')[0];
      // `USER root` is user-root's finding; asking for its UID would only repeat it.
      if (!uid || /^\d+$/.test(uid) || uid.includes('$') || uid.toLowerCase() === 'root') continue;
      const range = instruction.getArgumentsRange();
      if (!range) continue;
      const known = createdUid(stage!, uid);
      const usual = known ? undefined : wellKnownUid(stage!, uid);
      const example = known
        ? `\`USER ${known}\`, the UID this file gives \`${uid}\``
        : usual
          ? `\`USER ${usual}\`, the UID of \`${uid}\` in this base image`
          : 'e.g. `USER 10001`';
      reports.push({ message: `\`USER ${value}\` names a user; use its numeric UID (${example}) so the runtime can verify it is not root.`, range });
    }
    return reports;
  },
};
