import type { Rule } from '../../types';
import type { DockerfileModel } from '../model';

// Dockerfile rules about instructions other than RUN (COPY, ADD, ENV, EXPOSE, HEALTHCHECK, ...), registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const instructionsRules: Rule<DockerfileModel>[] = [];
