import { ruleDocUrl } from './docs-url';
import type { RuleMeta } from './types';

// Rule documentation rendered from the one source, each rule's `meta.docs`: the hover, the
// generated docs/rules/<kind>/<name>.md page and `shipshape rules` all come from here.

const FENCE: Record<string, string> = { dockerfile: 'dockerfile', compose: 'yaml', nginx: 'nginx' };

const FIX_TEXT: Record<RuleMeta['fix'], string> = {
  safe: 'Quick fix (safe: applied by fix-all and `shipshape check --fix`).',
  unsafe: 'Quick fix (changes behaviour: offered in the editor, applied by `--fix-unsafe` only).',
  none: 'No automatic fix; the message says what to change.',
};

function aliasList(meta: RuleMeta): string {
  return meta.aliases.length ? meta.aliases.map((a) => `\`${a}\``).join(', ') : 'none';
}

/** The full documentation page. */
export function rulePage(meta: RuleMeta): string {
  const fence = FENCE[meta.kind] ?? '';
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    `| Default severity | Tier | Fix | Also known as |`,
    `|---|---|---|---|`,
    `| ${meta.severity} | ${meta.tier} | ${meta.fix} | ${aliasList(meta)} |`,
    '',
    '## What it does',
    '',
    meta.docs.what,
    '',
    '## Why it matters',
    '',
    meta.docs.why,
    '',
    '## Example',
    '',
    '```' + fence,
    meta.docs.example,
    '```',
    '',
    'Fixed:',
    '',
    '```' + fence,
    meta.docs.fixed,
    '```',
    '',
    '## Fix',
    '',
    FIX_TEXT[meta.fix],
    '',
  ];
  if (meta.docs.notes) lines.push('## Notes', '', meta.docs.notes, '');
  lines.push(
    '## Configuration',
    '',
    'Change the severity or turn the rule off in `.shipshape.yaml`:',
    '',
    '```yaml',
    'rules:',
    `  ${meta.id}: ${meta.severity === 'off' ? 'warning' : 'off'}`,
    '```',
    '',
    `Silence one occurrence with \`# shipshape-ignore ${meta.id} -- reason\` on the line above it.`,
    '',
  );
  return lines.join('\n');
}

/** A compact version for editor hovers. */
export function ruleHover(meta: RuleMeta): string {
  const fence = FENCE[meta.kind] ?? '';
  return [
    `**${meta.title}** · \`${meta.id}\``,
    '',
    meta.docs.why,
    '',
    '```' + fence,
    meta.docs.fixed,
    '```',
    '',
    `${meta.aliases.length ? `Also: ${aliasList(meta)} · ` : ''}[Documentation](${ruleDocUrl(meta.id)})`,
  ].join('\n');
}
