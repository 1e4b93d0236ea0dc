import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';
import { chmodWorldWritable } from '../rules/chmod-world-writable';
import { curlPipeShell } from '../rules/curl-pipe-shell';
import { sudoersNopasswd } from '../rules/sudoers-nopasswd';
import { goStaticBinary } from '../rules/go-static-binary';
import { pipefail } from '../rules/pipefail';
import { sudo } from '../rules/sudo';
import { tlsVerifyDisabled } from '../rules/tls-verify-disabled';
import { cdInsteadOfWorkdir } from '../rules/cd-instead-of-workdir';
import { irrelevantCommand } from '../rules/irrelevant-command';
import { lnBinSh } from '../rules/ln-bin-sh';
import { runConsecutive } from '../rules/run-consecutive';
import { useraddHighUid } from '../rules/useradd-high-uid';
import { wgetAndCurl } from '../rules/wget-and-curl';
import { wgetProgress } from '../rules/wget-progress';
// Package-manager rules (helpers in ../packages.ts).
import { pkgUpdateAlone } from '../rules/pkg-update-alone';
import { aptNoInstallRecommends } from '../rules/apt-no-install-recommends';
import { aptListsNotDeleted } from '../rules/apt-lists-not-deleted';
import { apkNoCache } from '../rules/apk-no-cache';
import { npmInstallNotCi } from '../rules/npm-install-not-ci';
import { pkgUpgrade } from '../rules/pkg-upgrade';
import { unsignedPackages } from '../rules/unsigned-packages';
import { aptVersionUnpinned } from '../rules/apt-version-unpinned';
import { pipVersionUnpinned } from '../rules/pip-version-unpinned';
import { npmVersionUnpinned } from '../rules/npm-version-unpinned';
import { apkVersionUnpinned } from '../rules/apk-version-unpinned';
import { gemVersionUnpinned } from '../rules/gem-version-unpinned';
import { yumVersionUnpinned } from '../rules/yum-version-unpinned';
import { dnfVersionUnpinned } from '../rules/dnf-version-unpinned';
import { zypperVersionUnpinned } from '../rules/zypper-version-unpinned';
import { goInstallVersionUnpinned } from '../rules/go-install-version-unpinned';
import { aptGetYesMissing } from '../rules/apt-get-yes-missing';
import { yumYesMissing } from '../rules/yum-yes-missing';
import { dnfYesMissing } from '../rules/dnf-yes-missing';
import { zypperNonInteractiveMissing } from '../rules/zypper-non-interactive-missing';
import { aptInsteadOfAptGet } from '../rules/apt-instead-of-apt-get';
import { yumCleanMissing } from '../rules/yum-clean-missing';
import { dnfCleanMissing } from '../rules/dnf-clean-missing';
import { zypperCleanMissing } from '../rules/zypper-clean-missing';
import { yarnCacheCleanMissing } from '../rules/yarn-cache-clean-missing';
import { pipNoCacheDir } from '../rules/pip-no-cache-dir';

// Dockerfile rules about the commands in RUN, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const runRules: Rule<DockerfileModel>[] = [
  chmodWorldWritable,
  curlPipeShell,
  sudoersNopasswd,
  goStaticBinary,
  pipefail,
  sudo,
  tlsVerifyDisabled,
  cdInsteadOfWorkdir,
  irrelevantCommand,
  lnBinSh,
  runConsecutive,
  useraddHighUid,
  wgetAndCurl,
  wgetProgress,
  pkgUpdateAlone,
  aptNoInstallRecommends,
  aptListsNotDeleted,
  apkNoCache,
  npmInstallNotCi,
  pkgUpgrade,
  unsignedPackages,
  aptVersionUnpinned,
  pipVersionUnpinned,
  npmVersionUnpinned,
  apkVersionUnpinned,
  gemVersionUnpinned,
  yumVersionUnpinned,
  dnfVersionUnpinned,
  zypperVersionUnpinned,
  goInstallVersionUnpinned,
  aptGetYesMissing,
  yumYesMissing,
  dnfYesMissing,
  zypperNonInteractiveMissing,
  aptInsteadOfAptGet,
  yumCleanMissing,
  dnfCleanMissing,
  zypperCleanMissing,
  yarnCacheCleanMissing,
  pipNoCacheDir,
];
