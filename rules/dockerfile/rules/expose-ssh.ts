import type { Fix, Report, Rule, TextEdit } from '../../types';
import { parseExposed } from '../expose';
import { deleteInstruction, instructionArgs, shippedStages, stageInstructionsOf, wordRange, type InstructionArgs } from '../instruction-words';
import type { DockerfileModel } from '../model';

// An image that exposes 22 is an image meant to be logged into: an SSH daemon next to the
// application, with host keys and credentials baked into the image. `docker exec` does the
// job without an open port.

export const exposeSsh: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/expose-ssh',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'SSH port exposed',
    aliases: ['trivy:DS-0004', 'checkov:CKV_DOCKER_1'],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `EXPOSE 22` (also `22/tcp` and a port range that includes 22) in the final stage or a stage it is ' +
        'built `FROM`.',
      why:
        'Port 22 means an SSH server runs in the container: one more network service to attack, host keys and ' +
        'passwords or `authorized_keys` baked into the image, and a way in that bypasses the orchestrator\'s access ' +
        'control and audit log. `docker exec` and `kubectl exec` give a shell without any of that.',
      example: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openssh-server\nEXPOSE 22 8080',
      fixed: 'FROM ubuntu:24.04\nEXPOSE 8080',
      notes:
        'The quick fix removes `22` from the `EXPOSE` (the whole instruction when 22 is its only port). It is marked ' +
        'unsafe because whatever connects to port 22 stops working; the SSH server itself still has to be removed by ' +
        'hand. A range such as `20-25` is reported without a fix. Build stages that do not ship are not checked, and a ' +
        'port given through a variable (`EXPOSE ${SSH_PORT}`) is not resolved.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of shippedStages(model)) {
      for (const instruction of stageInstructionsOf(stage, 'EXPOSE')) {
        const args = instructionArgs(model, instruction);
        args.words.forEach((word, index) => {
          const port = parseExposed(word);
          if (!port || port.from > 22 || port.to < 22 || (port.protocol && port.protocol !== 'tcp')) return;
          const single = port.from === 22 && port.to === 22;
          reports.push({
            message: single
              ? 'Port 22 (SSH) is exposed: use `docker exec` for shell access instead of running an SSH server in the container.'
              : `The range \`${word.value}\` exposes port 22 (SSH): leave it out and use \`docker exec\` for shell access.`,
            range: wordRange(model, word),
            ...(single ? { fix: dropWord(model, args, index) } : {}),
          });
        });
      }
    }
    return reports.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};

function dropWord(model: DockerfileModel, args: InstructionArgs, index: number): Fix {
  const words = args.words;
  const remaining = words.filter((w, i) => i !== index && !isSsh(w));
  let edits: TextEdit[];
  if (!remaining.length) {
    edits = [deleteInstruction(model, args.instruction)];
  } else if (index > 0) {
    edits = [{ range: model.lines.rangeOf(words[index - 1].end, words[index].end), newText: '' }];
  } else {
    edits = [{ range: model.lines.rangeOf(words[0].start, words[1].start), newText: '' }];
  }
  return { title: remaining.length ? 'Remove port 22 from EXPOSE' : 'Remove `EXPOSE 22`', edits, safe: false };
}

function isSsh(word: { value: string; start: number; end: number; raw: string }): boolean {
  const port = parseExposed(word);
  return !!port && port.from === 22 && port.to === 22 && (!port.protocol || port.protocol === 'tcp');
}
