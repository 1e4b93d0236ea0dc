import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { addInsteadOfCopy } from '../rules/add-instead-of-copy';
import { addRemoteUnverified } from '../rules/add-remote-unverified';
import { cmdShellForm } from '../rules/cmd-shell-form';
import { copyDestNotDirectory } from '../rules/copy-dest-not-directory';
import { copyRelativeNoWorkdir } from '../rules/copy-relative-no-workdir';
import { copySecrets } from '../rules/copy-secrets';
import { copyThenExtract } from '../rules/copy-then-extract';
import { envSelfReference } from '../rules/env-self-reference';
import { exposePortInvalid } from '../rules/expose-port-invalid';
import { exposeSsh } from '../rules/expose-ssh';
import { labelEmpty } from '../rules/label-empty';
import { labelInvalidEmail } from '../rules/label-invalid-email';
import { labelInvalidGitHash } from '../rules/label-invalid-git-hash';
import { labelInvalidRfc3339 } from '../rules/label-invalid-rfc3339';
import { labelInvalidSemver } from '../rules/label-invalid-semver';
import { labelInvalidSpdx } from '../rules/label-invalid-spdx';
import { labelInvalidUrl } from '../rules/label-invalid-url';
import { labelKeyInvalid } from '../rules/label-key-invalid';
import { labelMissing } from '../rules/label-missing';
import { labelSuperfluous } from '../rules/label-superfluous';
import { maintainerDeprecated } from '../rules/maintainer-deprecated';
import { secretInEnvArg } from '../rules/secret-in-env-arg';

// Dockerfile rules about instructions other than RUN (COPY, ADD, ENV, EXPOSE, HEALTHCHECK, ...), registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const instructionsRules: Rule<DockerfileModel>[] = [
  // Tier 1: security.
  secretInEnvArg,
  copySecrets,
  exposeSsh,
  addInsteadOfCopy,
  addRemoteUnverified,
  // Tier 2: hadolint parity.
  copyThenExtract,
  exposePortInvalid,
  copyDestNotDirectory,
  cmdShellForm,
  envSelfReference,
  copyRelativeNoWorkdir,
  maintainerDeprecated,
  labelKeyInvalid,
  labelMissing,
  labelSuperfluous,
  labelEmpty,
  labelInvalidUrl,
  labelInvalidRfc3339,
  labelInvalidSpdx,
  labelInvalidGitHash,
  labelInvalidSemver,
  labelInvalidEmail,
];
