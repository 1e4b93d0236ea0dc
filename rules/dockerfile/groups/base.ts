import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';

// Dockerfile rules about base images, stages and users, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const baseRules: Rule<DockerfileModel>[] = [];
