import type { Report, Rule } from '../../types';
import { copyParts, instructionArgs, instructionsOf, wordRange } from '../instruction-words';
import type { DockerfileModel } from '../model';
import { sourceKind } from '../sources';

// `ADD` is `COPY` plus two surprises: it downloads URLs and unpacks local tar archives. For a
// plain local file it does exactly what `COPY` does, so reading it makes a reviewer wonder
// which surprise was intended — and a renamed file that happens to end in `.tar.gz` gets
// unpacked instead of copied.

/** Flags `COPY` does not accept. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export const addInsteadOfCopy: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/add-instead-of-copy',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 1,
    title: 'ADD used to copy local files',
    aliases: ['hadolint:DL3020', 'trivy:DS-0005', 'checkov:CKV_DOCKER_4', 'cis-docker:4.9'],
    fix: 'safe',
    docs: {
      what:
        'Reports `ADD` whose sources include a local file or folder that is not a tar archive (URLs, git repositories ' +
        'and archives are what `ADD` is for). Heredoc sources (`ADD <<EOF /x`) count as local files.',
      why:
        '`ADD` downloads remote URLs and silently unpacks local tar archives; `COPY` only copies. Using `COPY` for plain ' +
        'files says what happens, and keeps a file that merely looks like an archive from being unpacked. The CIS Docker ' +
        'Benchmark (4.9) asks for `COPY` instead of `ADD`.',
      example: 'FROM alpine:3.20\nADD --chown=app:app ./src /app/src',
      fixed: 'FROM alpine:3.20\nCOPY --chown=app:app ./src /app/src',
      notes:
        'The quick fix replaces the keyword only, keeping flags and arguments as written, and is offered when every ' +
        'source is a plain local path and no `ADD`-only flag (`--checksum`, `--keep-git-dir`, `--unpack`) is present. ' +
        'When plain files are mixed with archives or URLs the message asks to split the instruction. Unlike hadolint, ' +
        '`.zip` files count as plain files — `ADD` never unpacks zip — and a source written with a variable is not judged.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of instructionsOf(model, 'ADD')) {
      const args = instructionArgs(model, instruction);
      const { sources } = copyParts(args);
      if (!sources.length) continue;
      const kinds = sources.map((s) => (s.heredoc ? 'local' : sourceKind(s.value)));
      const localIndex = kinds.indexOf('local');
      if (localIndex < 0) continue;
      const allLocal = kinds.every((k) => k === 'local');
      const addOnly = args.flags.find((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase()));
      const keyword = instruction.getInstructionRange();
      const written = instruction.getInstruction();
      const local = sources[localIndex];
      const what = local.heredoc ? 'an inline file' : `\`${local.value}\``;
      if (allLocal) {
        reports.push({
          message: addOnly
            ? `${what} is a local path: use COPY (drop \`--${addOnly.name}\`, which only applies to ADD).`
            : `${what} is a local path: use COPY, which only copies (ADD also downloads URLs and unpacks archives).`,
          range: keyword,
          ...(addOnly
            ? {}
            : {
                fix: {
                  title: 'Replace ADD with COPY',
                  edits: [{ range: keyword, newText: written === written.toLowerCase() ? 'copy' : 'COPY' }],
                  safe: true,
                },
              }),
        });
      } else {
        reports.push({
          message: `${what} is a local path mixed with archives or URLs: copy it with a separate COPY and keep ADD for the rest.`,
          range: wordRange(model, local),
        });
      }
    }
    return reports;
  },
};
