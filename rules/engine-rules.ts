import type { Severity } from './types';

// The engine's own diagnostics. They are not rules of a file kind, but users configure and
// suppress them by id like any rule.

export const INTERNAL_ERROR_RULE = 'shipshape/internal-error';
export const UNUSED_SUPPRESSION_RULE = 'shipshape/unused-suppression';
export const CONFIG_RULE = 'shipshape/config';

export const IMAGE_VULNERABILITY_RULE = 'image/vulnerability';
export const IMAGE_SECRET_RULE = 'image/secret';

export const ENGINE_RULES: Record<string, { severity: Severity; title: string }> = {
  // Trivy image scans: severity follows Trivy's (critical/high error, medium warning, low info).
  [IMAGE_VULNERABILITY_RULE]: { severity: 'error', title: 'Vulnerable package in the built image, on the instruction that added it' },
  [IMAGE_SECRET_RULE]: { severity: 'error', title: 'Secret found in a layer of the built image' },
  [INTERNAL_ERROR_RULE]: { severity: 'info', title: 'A parser or rule failed on this file' },
  [UNUSED_SUPPRESSION_RULE]: { severity: 'info', title: 'Suppression comment that silences nothing, or names an unknown rule' },
  [CONFIG_RULE]: { severity: 'error', title: 'Invalid Shipshape or hadolint configuration' },
};
