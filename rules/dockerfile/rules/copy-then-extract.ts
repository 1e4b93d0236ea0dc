import type { Report, Rule } from '../../types';
import { copyParts, flag, instructionArgs, stageInstructionsOf, wordRange, type Word } from '../instruction-words';
import type { DockerfileModel } from '../model';
import { unwrapCommand, type ShellCommand } from '../shell';
import { baseName, isTarArchiveName } from '../sources';

// `COPY app.tar.gz /tmp/` followed by `RUN tar -xzf /tmp/app.tar.gz` keeps the archive in a
// layer forever (a later `rm` only hides it) and costs a step. `ADD app.tar.gz /opt/` unpacks
// a local tar archive directly.

const DECOMPRESSORS = new Set(['gunzip', 'bunzip2', 'unxz', 'unzstd', 'unlzma', 'uncompress', 'zcat', 'xzcat', 'bzcat', 'zstdcat', 'gzcat']);
const COMPRESSORS = new Set(['gzip', 'bzip2', 'xz', 'zstd', 'lzma']);

export const copyThenExtract: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/copy-then-extract',
    kind: 'dockerfile',
    severity: 'info',
    tier: 2,
    title: 'Archive copied, then extracted',
    aliases: ['hadolint:DL3010'],
    fix: 'none',
    docs: {
      what:
        'Reports a `COPY` of a local tar archive (`.tar`, `.tar.gz`/`.tgz`, `.tar.bz2`, `.tar.xz`, `.tar.zst`, ...) that a ' +
        'later `RUN` in the same stage extracts with `tar -x` or a decompressor such as `gunzip`.',
      why:
        'The copied archive stays in its own layer even when a later step deletes it, so the image carries the packed ' +
        'and the unpacked files. `ADD` unpacks a local tar archive into the destination in a single step and never ' +
        'stores the archive itself.',
      example: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
      fixed: 'FROM debian:12-slim\nADD app.tar.gz /opt/',
      notes:
        'Unlike hadolint, zip files are left alone: `ADD` does not unpack them, so `COPY` plus `unzip` is the right way. ' +
        '`COPY --from` is not reported because `ADD` cannot read from another stage. The finding sits on the archive in ' +
        'the `COPY`; there is no automatic fix because the extraction options (`-C`, `--strip-components`) have to be ' +
        'translated by hand.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const stage of model.stages) {
      if (!stageInstructionsOf(stage, 'COPY').length || !stage.runs.length) continue;
      const archives: Array<{ name: string; word: Word }> = [];
      const reported = new Set<Word>();
      let runIndex = 0;
      for (const instruction of stageInstructionsOf(stage, 'COPY', 'RUN')) {
        const keyword = instruction.getKeyword();
        if (keyword === 'COPY') {
          const args = instructionArgs(model, instruction);
          if (flag(args, 'from')) continue;
          const { sources, dest } = copyParts(args);
          for (const source of sources) {
            if (!source.heredoc && !source.value.includes('$') && isTarArchiveName(source.value)) {
              archives.push({ name: baseName(source.value), word: source });
            }
          }
          if (dest && sources.length === 1 && !sources[0].heredoc && isTarArchiveName(dest.value)) {
            archives.push({ name: baseName(dest.value), word: sources[0] });
          }
        } else if (keyword === 'RUN' && archives.length) {
          // Runs are in instruction order: advance to this one instead of searching.
          while (runIndex < stage.runs.length && stage.runs[runIndex].instruction !== instruction) runIndex++;
          const run = stage.runs[runIndex];
          if (!run) continue;
          for (const raw of run.script.commands) {
            const command = unwrapCommand(raw);
            if (!extracts(command)) continue;
            const names = new Set(command.words.slice(1).map((w) => baseName(w.value.replace(/^--file=/, ''))));
            for (const archive of archives) {
              if (reported.has(archive.word) || !names.has(archive.name)) continue;
              reported.add(archive.word);
              reports.push({
                message: `\`${archive.name}\` is copied and then extracted by a later RUN: \`ADD ${archive.word.value} <dir>/\` unpacks it in one step without keeping the archive in a layer.`,
                range: wordRange(model, archive.word),
                related: [{ range: model.lines.rangeOf(run.base + raw.words[0].start, run.base + raw.words[raw.words.length - 1].end), message: `\`${archive.name}\` is extracted here` }],
              });
            }
          }
        }
      }
    }
    return reports.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};

function extracts(command: ShellCommand): boolean {
  const name = command.words[0]?.value.replace(/^.*\//, '');
  if (!name) return false;
  const args = command.words.slice(1).map((w) => w.value);
  if (name === 'tar') {
    if (args.some((a) => a === '--extract' || a === '--get' || /^-[A-Za-z]*x/.test(a))) return true;
    // Old-style bundled options: `tar xzf file.tgz`.
    return args.length > 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(args[0]);
  }
  if (DECOMPRESSORS.has(name)) return true;
  if (COMPRESSORS.has(name)) return args.some((a) => a === '-d' || a === '--decompress' || /^-[A-Za-z]*d/.test(a));
  return false;
}
