import type { Rule } from '../../types';
import type { ComposeModel } from '../model';
import { buildAndImage } from '../rules/build-and-image';
import { containerNameFormat } from '../rules/container-name-format';
import { dependsOnUnhealthy } from '../rules/depends-on-unhealthy';
import { duplicateContainerName } from '../rules/duplicate-container-name';
import { duplicatePublishedPort } from '../rules/duplicate-published-port';
import { projectNameMissing } from '../rules/project-name-missing';
import { schema } from '../rules/schema';
import { undefinedReference } from '../rules/undefined-reference';
import { versionObsolete } from '../rules/version-obsolete';

// Compose rules about the project itself: schema, duplicates, names, dependencies, obsolete fields, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const projectRules: Rule<ComposeModel>[] = [
  schema,
  undefinedReference,
  versionObsolete,
  projectNameMissing,
  buildAndImage,
  containerNameFormat,
  duplicateContainerName,
  duplicatePublishedPort,
  dependsOnUnhealthy,
];
