import type { Env, Property } from 'dockerfile-ast';
import type { Report, Rule } from '../../types';
import { stageInstructionsOf } from '../instruction-words';
import type { DockerfileModel, Stage } from '../model';

// `ENV A=/opt B=$A/bin` expands `$A` with the environment from before the instruction, so B
// becomes `/bin` (or the old A), not `/opt/bin`. Docker substitutes every pair of one ENV at
// once; only a later ENV sees the new value.

export const envSelfReference: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/env-self-reference',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'ENV refers to a variable set in the same instruction',
    aliases: ['hadolint:DL3044'],
    fix: 'none',
    docs: {
      what:
        'Reports a `$VAR` or `${VAR}` in an `ENV` value when `VAR` is assigned by another pair of the same `ENV` ' +
        'instruction.',
      why:
        'Docker expands every value of one `ENV` against the environment as it was before the instruction. ' +
        '`ENV APP=/opt/app PATH=$APP/bin:$PATH` puts `/bin` on the PATH, not `/opt/app/bin`: the program is not found, ' +
        'or worse, a different one is.',
      example: 'FROM alpine:3.20\nENV APP_HOME=/opt/app PATH=$APP_HOME/bin:$PATH',
      fixed: 'FROM alpine:3.20\nENV APP_HOME=/opt/app\nENV PATH=$APP_HOME/bin:$PATH',
      notes:
        'A pair referring to its own old value (`PATH=/x:$PATH`) is fine and not reported. A reference to a variable ' +
        'assigned later in the same `ENV` is reported only when no earlier `ARG` or `ENV` of the stage (or a stage it ' +
        'is built `FROM`) defines it, because then it is deliberately the old value. Unlike hadolint, a reference to ' +
        'an earlier pair is reported even when the variable existed before: it still silently gets the old value. ' +
        'Single-quoted and escaped `\\$` text is not expanded and not reported. No automatic fix: splitting the ' +
        'instruction changes the resulting value, which is the point but needs a look.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    const definedAtEnd = new Map<Stage, Set<string>>();
    for (const stage of model.stages) {
      const defined = new Set<string>(stage.base.stage ? definedAtEnd.get(stage.base.stage) : []);
      for (const instruction of stageInstructionsOf(stage, 'ARG', 'ENV')) {
        const keyword = instruction.getKeyword();
        if (keyword === 'ARG') {
          for (const p of (instruction as Env).getProperties()) defined.add(p.getName());
        } else if (keyword === 'ENV') {
          const properties = (instruction as Env).getProperties();
          const index = new Map<string, number>();
          properties.forEach((p, i) => {
            if (!index.has(p.getName())) index.set(p.getName(), i);
          });
          properties.forEach((property, i) => {
            for (const ref of references(model, property)) {
              const at = index.get(ref.name);
              if (at === undefined || at === i) continue;
              if (at > i && defined.has(ref.name)) continue;
              const assigned = properties[at].getValue() ?? '';
              reports.push({
                message:
                  at < i
                    ? `\`$${ref.name}\` is expanded before this ENV runs, so it does not see \`${ref.name}=${assigned}\` set here: move \`${property.getName()}\` to a separate ENV after it.`
                    : `\`$${ref.name}\` is assigned later in this same ENV and is not set yet here: define it in an ENV before this one.`,
                range: model.lines.rangeOf(ref.start, ref.end),
              });
            }
          });
          for (const p of properties) defined.add(p.getName());
        }
      }
      definedAtEnd.set(stage, defined);
    }
    return reports;
  },
};

interface Reference {
  name: string;
  start: number;
  end: number;
}

function references(model: DockerfileModel, property: Property): Reference[] {
  const range = property.getValueRange();
  if (!range) return [];
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  const text = model.text;
  const escape = model.escapeChar;
  const refs: Reference[] = [];
  let quote: string | undefined;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === escape && quote !== "'") {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      else if (quote === "'") continue;
    } else if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (c !== '$') continue;
    const rest = text.slice(i, Math.min(end, i + 256));
    const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
    if (!match) continue;
    refs.push({ name: match[1] ?? match[2], start: i, end: i + match[0].length });
    i += match[0].length - 1;
  }
  return refs;
}
