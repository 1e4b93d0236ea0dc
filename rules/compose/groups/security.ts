import type { Rule } from '../../types';
import type { ComposeModel } from '../model';
import { capAddDangerous } from '../rules/cap-add-dangerous';
import { capDropMissing } from '../rules/cap-drop-missing';
import { databasePortPublished } from '../rules/database-port-published';
import { dockerSocketMount } from '../rules/docker-socket-mount';
import { healthcheckMissing } from '../rules/healthcheck-missing';
import { hostNamespace } from '../rules/host-namespace';
import { imageLatest } from '../rules/image-latest';
import { imageUntagged } from '../rules/image-untagged';
import { networkSegmentation } from '../rules/network-segmentation';
import { noNewPrivilegesMissing } from '../rules/no-new-privileges-missing';
import { portUnboundInterface } from '../rules/port-unbound-interface';
import { privilegedPort } from '../rules/privileged-port';
import { readOnlyMissing } from '../rules/read-only-missing';
import { readOnlyUnwritablePaths } from '../rules/read-only-unwritable-paths';
import { resourceLimitsMissing } from '../rules/resource-limits-missing';
import { restartPolicy } from '../rules/restart-policy';
import { secretInEnvironment } from '../rules/secret-in-environment';
import { securityProfileDisabled } from '../rules/security-profile-disabled';
import { sensitiveHostMount } from '../rules/sensitive-host-mount';
import { userRoot } from '../rules/user-root';

// Compose rules about container hardening: privileges, capabilities, mounts, namespaces, ports, secrets, images, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const securityRules: Rule<ComposeModel>[] = [
  dockerSocketMount,
  sensitiveHostMount,
  hostNamespace,
  capAddDangerous,
  capDropMissing,
  noNewPrivilegesMissing,
  securityProfileDisabled,
  readOnlyMissing,
  readOnlyUnwritablePaths,
  networkSegmentation,
  userRoot,
  resourceLimitsMissing,
  healthcheckMissing,
  portUnboundInterface,
  databasePortPublished,
  secretInEnvironment,
  imageUntagged,
  imageLatest,
  privilegedPort,
  restartPolicy,
];
