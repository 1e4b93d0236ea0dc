import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';

// Dockerfile rules about the commands in RUN, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const runRules: Rule<DockerfileModel>[] = [];
