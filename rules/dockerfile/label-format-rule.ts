import type { LabelFormat, Report, Rule, RuleDocs } from '../types';
import { formatProblem, labelPairs, schemaOf, usesVariable } from './labels';
import type { DockerfileModel } from './model';

// The label-schema format rules (hadolint DL3052–DL3058) differ only in the format they check
// and the words they use; each rule module describes itself and builds its check here.

export interface LabelFormatRuleSpec {
  id: string;
  alias: string;
  format: LabelFormat;
  title: string;
  /** "a URL", "an RFC 3339 timestamp"... */
  noun: string;
  /** A short example of a valid value, for the message. */
  sample: string;
  docs: RuleDocs;
}

export function labelFormatRule(spec: LabelFormatRuleSpec): Rule<DockerfileModel> {
  return {
    meta: {
      id: spec.id,
      kind: 'dockerfile',
      severity: 'warning',
      tier: 2,
      title: spec.title,
      aliases: [spec.alias],
      fix: 'none',
      docs: spec.docs,
    },
    check(model, context) {
      const schema = schemaOf(context);
      const reports: Report[] = [];
      for (const pair of labelPairs(model)) {
        if (schema[pair.name] !== spec.format || !pair.value || usesVariable(pair.value) || !pair.valueRange) continue;
        if (!formatProblem(spec.format, pair.value)) continue;
        reports.push({
          message: `Label \`${pair.name}\` must be ${spec.noun} (labelSchema), e.g. \`${spec.sample}\`; \`${pair.value}\` is not.`,
          range: pair.valueRange,
        });
      }
      return reports;
    },
  };
}

/** The paragraph every label-schema rule's docs share. */
export const LABEL_SCHEMA_NOTE =
  'Silent until a label schema is configured: `labelSchema` in `.shipshape.yaml` (or `label-schema` in ' +
  '`.hadolint.yaml`) maps label names to `text`, `url`, `hash`, `rfc3339`, `semver`, `spdx` or `email`. Values built ' +
  'from variables (`${VERSION}`) are only known at build time and are not judged — unlike hadolint, which asks for ' +
  '`text` in that case.';
