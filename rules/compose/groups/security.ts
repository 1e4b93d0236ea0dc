import type { Rule } from '../../types';
import type { ComposeModel } from '../model';

// Compose rules about container hardening: privileges, capabilities, mounts, namespaces, ports, secrets, images, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const securityRules: Rule<ComposeModel>[] = [];
