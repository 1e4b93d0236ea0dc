import type { Arg, Env, Instruction, Property } from 'dockerfile-ast';
import type { Report, Rule } from '../../types';
import { instructionsOf } from '../instruction-words';
import type { DockerfileModel } from '../model';
import { credentialFormat, isCredentialName, isInertValue, isPublicKeyFingerprint } from '../secrets';

// A credential in ENV lives in the image config for everyone who can pull the image
// (`docker inspect`); one in an ARG default lives in the Dockerfile, in the build history and
// in every RUN that uses it. Either way it is not a secret any more.

export const secretInEnvArg: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/secret-in-env-arg',
    kind: 'dockerfile',
    severity: 'error',
    tier: 1,
    title: 'Credential in ENV or ARG',
    aliases: ['hadolint:DL3064', 'trivy:DS-0031', 'cis-docker:4.10'],
    fix: 'none',
    docs: {
      what:
        'Reports an `ENV` or `ARG` that sets a credential: a name that announces one (`PASSWORD`, `SECRET`, `TOKEN`, ' +
        '`API_KEY`, `PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY`, `DB_PASS`, `clientSecret`, ...) with a literal value, or any ' +
        'value in a recognisable credential format (AWS access key ids, GitHub/GitLab/Slack/Stripe/npm tokens, PEM private ' +
        'keys, JSON web tokens, `scheme://user:password@host` URLs).',
      why:
        '`ENV` values are stored in the image configuration: anyone who can pull the image reads them with ' +
        '`docker inspect`, and every container started from it inherits them. `ARG` values end up in the build history ' +
        'and in the layers of every `RUN` that uses them. A credential written into the Dockerfile is also committed to ' +
        'source control. BuildKit secret mounts give a `RUN` step the value for that step only, without writing it ' +
        'anywhere.',
      example:
        'FROM node:22-alpine\nENV NPM_TOKEN=replace-me-with-a-real-token\nRUN npm ci',
      fixed:
        'FROM node:22-alpine\n# docker build --secret id=npm_token,env=NPM_TOKEN .\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
      notes:
        'An `ENV` that copies a credential-named build argument (`ARG NPM_TOKEN` then `ENV NPM_TOKEN=$NPM_TOKEN`) is ' +
        'reported too: it writes whatever `--build-arg` passed into the image configuration. ' +
        'Not reported: empty values and `ARG` without a default (the value comes from the build command), values that ' +
        'only reference another variable that is not a build argument (`${DB_PASSWORD}` set at run time), booleans and numbers such as `0`/`1`/`true`, absolute paths, ' +
        'names that describe a credential instead of holding one (`*_FILE`, `*_PATH`, `*_URL`, `*_NAME`, `*_ID`, ' +
        '`*_LENGTH`, ...), and OpenPGP key variables (`GPG_KEY`, `GPG_KEYS`) that hold only public key ids or ' +
        'fingerprints, as official images do to verify downloads. Unlike hadolint DL3064, a sensitive-looking name with no value is not reported, and neither ' +
        'is a user name on its own or an identifier such as `AWS_ACCESS_KEY_ID` unless its value has the format of a ' +
        'real key id (`AKIA…`). The finding is placed on the name when the name gave the credential away and on the ' +
        'value when its format did. There is no automatic fix: the value has to move out of the Dockerfile, and it ' +
        'should be rotated because it has already been shared.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const judged = new Set<Instruction>();
    for (const stage of model.stages) {
      // Build arguments in scope so far in this stage (a global ARG only once redeclared here).
      const buildArgs = new Set<string>();
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword !== 'ENV' && keyword !== 'ARG') continue;
        judged.add(instruction);
        for (const property of (instruction as Env | Arg).getProperties()) {
          const report = judge(property, keyword) ?? (keyword === 'ENV' ? persistedBuildArg(property, buildArgs) : undefined);
          if (report) reports.push(report);
          if (keyword === 'ARG') buildArgs.add(property.getName());
        }
      }
    }
    // ARGs before the first FROM (and anything outside a stage) are judged on their own.
    for (const instruction of instructionsOf(model, 'ENV', 'ARG')) {
      if (judged.has(instruction)) continue;
      for (const property of (instruction as Env | Arg).getProperties()) {
        const report = judge(property, instruction.getKeyword() as 'ENV' | 'ARG');
        if (report) reports.push(report);
      }
    }
    return reports;
  },
};

/**
 * `ARG NPM_TOKEN` then `ENV NPM_TOKEN=$NPM_TOKEN`: the value given with `--build-arg` is
 * written into the image configuration, where `docker inspect` shows it to anyone.
 */
function persistedBuildArg(property: Property, buildArgs: Set<string>): Report | undefined {
  const value = property.getValue();
  const valueRange = property.getValueRange();
  const referenced = value === null ? undefined : REFERENCED_NAME.exec(value.trim())?.[1];
  if (!referenced || !valueRange || !buildArgs.has(referenced)) return undefined;
  const name = property.getName();
  if (!isCredentialName(name) && !isCredentialName(referenced)) return undefined;
  return {
    message: `\`${name}\` copies the build argument \`${referenced}\` into the image's environment: the credential passed with \`--build-arg\` is then readable by anyone with the image (\`docker inspect\`). Give it to the step that needs it with \`RUN --mount=type=secret\` instead.`,
    range: valueRange,
  };
}

/** The variable a value consisting of one reference names: `$A`, `${A}`, `${A:-x}`. */
const REFERENCED_NAME = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-+?][^}]*)?\}?$/;

function judge(property: Property, keyword: 'ENV' | 'ARG'): Report | undefined {
  const name = property.getName();
  const value = property.getValue();
  if (value === null || isInertValue(value)) return undefined;
  const remedy =
    keyword === 'ENV'
      ? 'ENV values are readable by anyone with the image (`docker inspect`). Pass it to the step that needs it with `RUN --mount=type=secret`, or provide it at run time.'
      : 'build arguments are recorded in the image history. Pass it to the step that needs it with `RUN --mount=type=secret` instead.';
  const format = credentialFormat(value);
  const valueRange = property.getValueRange();
  if (format && valueRange) {
    return { message: `\`${name}\` is set to ${format}: ${remedy}`, range: valueRange };
  }
  if (isCredentialName(name) && !isPublicKeyFingerprint(name, value)) {
    return { message: `\`${name}\` looks like a credential with a literal value: ${remedy}`, range: property.getNameRange() };
  }
  return undefined;
}
