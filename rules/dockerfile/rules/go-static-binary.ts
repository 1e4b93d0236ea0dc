import type { Env, Instruction } from 'dockerfile-ast';
import type { Report, Rule } from '../../types';
import { copyFroms } from '../copy-from';
import { rangeOfWord } from '../command-words';
import type { DockerfileModel, Stage } from '../model';
import { commandName, unwrapCommand } from '../shell';
import { keywordOf } from '../keywords';

export const goStaticBinary: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/go-static-binary',
    kind: 'dockerfile',
    severity: 'warning',
    tier: 2,
    title: 'Go binary for scratch/distroless built with cgo',
    aliases: [],
    fix: 'unsafe',
    docs: {
      what:
        'Reports `go build`/`go install` in a stage whose output the final stage copies into `scratch` or a static ' +
        'distroless/Chainguard image, when cgo is not switched off: no `CGO_ENABLED=0` on the command, in an earlier ' +
        '`export` of the same RUN, or in an `ENV`/`ARG` of the build stage.',
      why:
        'With cgo on (the default wherever a C compiler exists, as on the Debian-based `golang` images), the binary ' +
        'links against glibc dynamically. `scratch` and `distroless/static` have no libc, so the container dies at ' +
        'start with a baffling "no such file or directory". Building with `CGO_ENABLED=0` gives a static binary.',
      example:
        'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]',
      fixed:
        'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]',
      notes:
        'Alpine-based `golang` images ship no C compiler, so cgo is off there unless the stage installs `gcc` or ' +
        '`build-base`; those builds are not reported. Builds that link statically on purpose ' +
        '(`-ldflags "-extldflags -static"`) are accepted. The quick fix prefixes `CGO_ENABLED=0`; it is unsafe ' +
        'because packages that need cgo (sqlite3, some DNS setups) then fail to build or behave differently.',
    },
  },
  check(model) {
    const final = model.finalStage;
    if (!final || !isStaticRuntime(final)) return [];
    const sources = new Set<Stage>();
    for (const { stage, value } of copyFroms(model)) {
      if (stage !== final) continue;
      const source: Stage | undefined = /^\d+$/.test(value) ? model.stages[Number(value)] : model.stages.find((s) => s.name === value.toLowerCase() && s.index < final.index);
      if (source && source !== final) sources.add(source);
    }
    const reports: Report[] = [];
    for (const source of sources) {
      for (let s: Stage | undefined = source; s; s = s.base.stage) {
        if (cgoOffByDefault(s) || cgoDisabledInStage(s)) break;
        for (const run of s.runs) {
          let exported = false;
          for (const raw of run.script.commands) {
            const command = unwrapCommand(raw);
            const name = commandName(command);
            if ((name === 'export' || name === 'env') && command.words.some((w) => /^CGO_ENABLED=0$/.test(w.value))) exported = true;
            if (name !== 'go' || !['build', 'install'].includes(command.words[1]?.value ?? '')) continue;
            if (exported || raw.assignments.some((a) => a.value.startsWith('CGO_ENABLED=')) || command.words.some((w) => w.value.startsWith('CGO_ENABLED='))) continue;
            if (command.words.some((w) => /-extldflags\b.*-static|-static\b/.test(w.value))) continue;
            const report: Report = {
              message: `This \`go ${command.words[1].value}\` runs with cgo on, so the binary needs a libc that \`${final.base.written}\` does not have. Build with \`CGO_ENABLED=0\`.`,
              range: rangeOfWord(model, run, command.words[0], command.words[1]),
            };
            if (!run.execForm) {
              const at = model.lines.positionAt(run.base + (raw.assignments[0] ?? raw.words[0]).start);
              report.fix = { title: 'Build with CGO_ENABLED=0', safe: false, edits: [{ range: { start: at, end: at }, newText: 'CGO_ENABLED=0 ' }] };
            }
            reports.push(report);
          }
        }
      }
    }
    return reports;
  },
};

function isStaticRuntime(stage: Stage): boolean {
  let root: Stage = stage;
  while (root.base.stage) root = root.base.stage;
  const name = root.base.image?.name ?? '';
  return (
    name === 'scratch' ||
    /^gcr\.io\/distroless\/static(?:-debian\d+)?$/.test(name) ||
    /^cgr\.dev\/chainguard\/static$/.test(name)
  );
}

function cgoOffByDefault(stage: Stage): boolean {
  if (stage.base.stage) return false;
  const image = stage.base.image;
  if (!image || !/alpine/.test(image.tag ?? '')) return false;
  // golang:*-alpine has no C compiler unless the stage installs one.
  return !stage.runs.some((run) =>
    run.script.commands.some((c) => {
      const words = unwrapCommand(c).words.map((w) => w.value);
      return words[0] === 'apk' && words.some((w) => /^(?:gcc|build-base|clang)$/.test(w));
    }),
  );
}

function cgoDisabledInStage(stage: Stage): boolean {
  return stage.instructions.some((i: Instruction) => {
    const keyword = keywordOf(i);
    if (keyword !== 'ENV' && keyword !== 'ARG') return false;
    return ((i as Env).getProperties?.() ?? []).some((p) => p.getName() === 'CGO_ENABLED' && p.getValue() === '0');
  });
}
