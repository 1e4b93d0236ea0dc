import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { cmdMultiple } from '../rules/cmd-multiple';
import { copyFromOwnStage } from '../rules/copy-from-own-stage';
import { copyFromUnknownStage } from '../rules/copy-from-unknown-stage';
import { entrypointMultiple } from '../rules/entrypoint-multiple';
import { finalStageSdk } from '../rules/final-stage-sdk';
import { fromPlatform } from '../rules/from-platform';
import { healthcheckMissing } from '../rules/healthcheck-missing';
import { healthcheckMultiple } from '../rules/healthcheck-multiple';
import { imageEol } from '../rules/image-eol';
import { imageNotPinnedDigest } from '../rules/image-not-pinned-digest';
import { imageUntagged } from '../rules/image-untagged';
import { onbuildInvalid } from '../rules/onbuild-invalid';
import { registryNotTrusted } from '../rules/registry-not-trusted';
import { stageNameDuplicate } from '../rules/stage-name-duplicate';
import { userRoot } from '../rules/user-root';

// Dockerfile rules about base images, stages and users, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const baseRules: Rule<DockerfileModel>[] = [
  // Tier 1: security.
  userRoot,
  imageUntagged,
  imageEol,
  finalStageSdk,
  healthcheckMissing,
  // Tier 2: hadolint parity.
  registryNotTrusted,
  healthcheckMultiple,
  cmdMultiple,
  entrypointMultiple,
  copyFromUnknownStage,
  copyFromOwnStage,
  stageNameDuplicate,
  fromPlatform,
  onbuildInvalid,
  // Tier 3: policy, off by default.
  imageNotPinnedDigest,
];
