import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { copyWholeFilesystem } from '../rules/copy-whole-filesystem';
import { fromPlatformRedundant } from '../rules/from-platform-redundant';
import { inlineIgnore } from '../rules/inline-ignore';
import { stageNameReserved } from '../rules/stage-name-reserved';
import { userNonNumeric } from '../rules/user-non-numeric';
import { workdirRelative } from '../rules/workdir-relative';

// The remaining hadolint checks about structure and form (DL1001, DL3000, DL3063, DL3065–DL3067),
// registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const parityRules: Rule<DockerfileModel>[] = [
  workdirRelative,
  stageNameReserved,
  fromPlatformRedundant,
  userNonNumeric,
  copyWholeFilesystem,
  inlineIgnore,
];
