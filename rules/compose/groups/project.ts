import type { Rule } from '../../types';
import type { ComposeModel } from '../model';

// Compose rules about the project itself: schema, duplicates, names, dependencies, obsolete fields, registered with the language in ../index.ts; each rule lives in ../rules/<name>.ts.
export const projectRules: Rule<ComposeModel>[] = [];
