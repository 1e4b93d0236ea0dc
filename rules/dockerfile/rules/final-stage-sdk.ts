import type { Report, Rule } from '../../types';
import type { DockerfileModel, Stage } from '../model';
import { commandName, unwrapCommand } from '../shell';

const SDK_IMAGES: Array<[RegExp, string]> = [
  [/^(?:golang|cimg\/go|circleci\/golang|bitnami\/golang)$/, 'Go toolchain'],
  [/^(?:maven|cimg\/openjdk)$/, 'Maven build tool'],
  [/^gradle$/, 'Gradle build tool'],
  [/^(?:rust|cimg\/rust)$/, 'Rust toolchain'],
  [/^gcc$/, 'GCC toolchain'],
  [/^mcr\.microsoft\.com\/dotnet\/(?:core\/)?sdk$/, '.NET SDK'],
];

const NODE_BUILD = /^(?:tsc|webpack|vite|ng|next|nuxt|rollup|esbuild|parcel)$/;

export const finalStageSdk: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/final-stage-sdk',
    kind: 'dockerfile',
    severity: 'info',
    tier: 1,
    title: 'The final stage ships a build toolchain',
    aliases: [],
    fix: 'none',
    docs: {
      what:
        'Reports a final stage whose base is a build or SDK image (`golang`, `maven`, `gradle`, `rust`, `gcc`, ' +
        '`mcr.microsoft.com/dotnet/sdk`), or a `node` image that runs a build (`npm run build`, `yarn build`, `tsc`, ' +
        '`vite build`, …) in the stage that ships.',
      why:
        'Compilers, package managers and their caches add hundreds of megabytes and hundreds of packages to scan and ' +
        'patch, and give an attacker who gets in a ready-made toolbox. A multi-stage build compiles in one stage and ' +
        'copies only the result into a small runtime image (distroless, `-slim`, `aspnet`, a JRE).',
      example: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]',
      fixed:
        'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\n' +
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]',
      notes: 'Build stages are never reported: that is where SDK images belong. A final stage built `FROM` an SDK stage counts.',
    },
  },
  check(model) {
    const stage = model.finalStage;
    if (!stage) return [];
    let root: Stage = stage;
    while (root.base.stage) root = root.base.stage;
    const image = root.base.image;
    if (!image) return [];
    const sdk = SDK_IMAGES.find(([pattern]) => pattern.test(image.name))?.[1];
    let what = sdk;
    if (!what && image.name === 'node' && runsNodeBuild(stage)) what = 'Node.js build toolchain';
    if (!what) return [];
    const report: Report = {
      message:
        `The final stage ships the ${what} (\`${image.raw}\`). Build in a separate stage and copy only the output into a ` +
        'runtime image (distroless, a `-slim` or runtime-only tag).',
      range: stage.base.range,
    };
    return [report];
  },
};

function runsNodeBuild(stage: Stage): boolean {
  for (let s: Stage | undefined = stage; s; s = s.base.stage) {
    for (const run of s.runs) {
      for (const raw of run.script.commands) {
        const command = unwrapCommand(raw);
        const name = commandName(command);
        const words = command.words.map((w) => w.value);
        if ((name === 'npm' || name === 'pnpm') && words[1] === 'run' && /^build/.test(words[2] ?? '')) return true;
        if ((name === 'yarn' || name === 'pnpm') && (words[1] === 'build' || (words[1] === 'run' && /^build/.test(words[2] ?? '')))) return true;
        if (name === 'npx' && NODE_BUILD.test(words[1] ?? '')) return true;
        if (name && NODE_BUILD.test(name) && (name === 'tsc' || name === 'webpack' || words[1] === 'build')) return true;
      }
    }
  }
  return false;
}
