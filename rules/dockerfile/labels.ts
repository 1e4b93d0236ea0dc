import type { Instruction, Label, Property } from 'dockerfile-ast';
import type { LabelFormat, Range, RuleContext } from '../types';
import { stageInstructionsOf } from './instruction-words';
import type { DockerfileModel, Stage } from './model';

// `LABEL` pairs of every stage and the value formats of hadolint's label schema
// (`labelSchema` in `.shipshape.yaml`, `label-schema` in `.hadolint.yaml`).

export interface LabelPair {
  name: string;
  /** Value with quotes removed and continuations joined. */
  value: string;
  nameRange: Range;
  valueRange?: Range;
  instruction: Instruction;
  stage?: Stage;
}

const cache = new WeakMap<DockerfileModel, LabelPair[]>();

/** Every `LABEL` pair in file order, with the stage it belongs to. */
export function labelPairs(model: DockerfileModel): LabelPair[] {
  let pairs = cache.get(model);
  if (pairs) return pairs;
  pairs = [];
  for (const stage of model.stages) {
    for (const instruction of stageInstructionsOf(stage, 'LABEL')) {
      for (const property of (instruction as Label).getProperties()) pairs.push(pair(property, instruction, stage));
    }
  }
  cache.set(model, pairs);
  return pairs;
}

function pair(property: Property, instruction: Instruction, stage: Stage): LabelPair {
  const valueRange = property.getValueRange() ?? undefined;
  return { name: property.getName(), value: property.getValue() ?? '', nameRange: property.getNameRange(), valueRange, instruction, stage };
}

/** Label checks run only when the user configured a schema (or strict labels). */
export function schemaOf(context: RuleContext): Record<string, LabelFormat> {
  return context.config.labelSchema ?? {};
}

export function hasSchema(context: RuleContext): boolean {
  return Object.keys(schemaOf(context)).length > 0;
}

/** A value filled in at build time (`${VERSION}`) cannot be judged here. */
export function usesVariable(value: string): boolean {
  return /\$(?:\{|[A-Za-z_])/.test(value);
}

// ---- formats ----

/** An absolute URI (RFC 3986): scheme, then something. */
export function isUrl(value: string): boolean {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(\S+)$/.exec(value);
  if (!match) return false;
  const rest = match[2];
  if (rest.startsWith('//')) {
    const authority = rest.slice(2).split(/[/?#]/)[0];
    return authority.length > 0 && !/[\s<>"{}|\\^`]/.test(rest);
  }
  return !/[\s<>"{}|\\^`]/.test(rest);
}

/** RFC 3339 date-time: `2024-05-01T12:30:00Z`, `2024-05-01T12:30:00.123+02:00`. */
export function isRfc3339(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return false;
  if (match[9] !== undefined && (Number(match[9]) > 23 || Number(match[10]) > 59)) return false;
  return true;
}

/** Semantic Versioning 2.0.0 (no leading `v`). */
export function isSemver(value: string): boolean {
  return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.test(
    value,
  );
}

/** A git object name: abbreviated (7+) or full SHA-1, or a full SHA-256. */
export function isGitHash(value: string): boolean {
  return /^[0-9a-f]{7,40}$/.test(value) || /^[0-9a-f]{64}$/.test(value);
}

/** An email address in the common RFC 5322 addr-spec form. */
export function isEmail(value: string): boolean {
  return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(
    value,
  );
}

/**
 * The SPDX license identifiers real images use. Not the full SPDX list (hundreds of ids, most
 * never seen in a container): a license outside it can always be written `LicenseRef-<name>`,
 * and the docs say so.
 */
const SPDX_IDS = new Set(
  [
    '0BSD', 'AFL-3.0', 'AGPL-1.0', 'AGPL-3.0', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-1.0', 'Apache-1.1', 'Apache-2.0',
    'APSL-2.0', 'Artistic-1.0', 'Artistic-2.0', 'BlueOak-1.0.0', 'BSD-1-Clause', 'BSD-2-Clause', 'BSD-2-Clause-Patent',
    'BSD-3-Clause', 'BSD-3-Clause-Clear', 'BSD-4-Clause', 'BSL-1.0', 'BUSL-1.1', 'CC-BY-3.0', 'CC-BY-4.0', 'CC-BY-SA-3.0',
    'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-ND-4.0', 'CC0-1.0', 'CDDL-1.0', 'CDDL-1.1', 'CECILL-2.1',
    'CPAL-1.0', 'CPL-1.0', 'ECL-2.0', 'EFL-2.0', 'EPL-1.0', 'EPL-2.0', 'EUPL-1.1', 'EUPL-1.2', 'GFDL-1.3', 'GFDL-1.3-only',
    'GFDL-1.3-or-later', 'GPL-1.0', 'GPL-1.0-only', 'GPL-1.0-or-later', 'GPL-2.0', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0',
    'GPL-3.0-only', 'GPL-3.0-or-later', 'ISC', 'LGPL-2.0', 'LGPL-2.0-only', 'LGPL-2.0-or-later', 'LGPL-2.1', 'LGPL-2.1-only',
    'LGPL-2.1-or-later', 'LGPL-3.0', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'LPPL-1.3c', 'MIT', 'MIT-0', 'MPL-1.1', 'MPL-2.0',
    'MPL-2.0-no-copyleft-exception', 'MS-PL', 'MS-RL', 'MulanPSL-2.0', 'NCSA', 'ODbL-1.0', 'OFL-1.1', 'OpenSSL', 'OSL-3.0',
    'PostgreSQL', 'PSF-2.0', 'Python-2.0', 'Ruby', 'SSPL-1.0', 'Unicode-DFS-2016', 'Unlicense', 'UPL-1.0', 'Vim', 'W3C',
    'WTFPL', 'X11', 'Zlib', 'ZPL-2.1', 'LicenseRef-Proprietary', 'NONE', 'NOASSERTION',
  ].map((id) => id.toLowerCase()),
);
const SPDX_SHAPE = /^(?:LicenseRef-[A-Za-z0-9.-]+|DocumentRef-[A-Za-z0-9.-]+:LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]\+?)$/;
const SPDX_OPERATOR = /^(?:AND|OR|WITH)$/;

/** An SPDX license expression: ids (`MIT`), `+`, `AND`/`OR`/`WITH` and parentheses. */
export function isSpdx(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').split(/\s+/).filter(Boolean);
  if (!tokens.length) return false;
  let depth = 0;
  let expectId = true;
  let afterWith = false;
  for (const token of tokens) {
    if (token === '(') {
      if (!expectId) return false;
      depth++;
    } else if (token === ')') {
      if (expectId || --depth < 0) return false;
    } else if (SPDX_OPERATOR.test(token)) {
      if (expectId) return false;
      afterWith = token === 'WITH';
      expectId = true;
    } else {
      if (!expectId) return false;
      // Exception ids after WITH (`Classpath-exception-2.0`) are judged by shape only.
      if (!afterWith && !isKnownOrLicenseRef(token)) return false;
      if (afterWith && !SPDX_SHAPE.test(token)) return false;
      afterWith = false;
      expectId = false;
    }
  }
  return depth === 0 && !expectId;
}

function isKnownOrLicenseRef(token: string): boolean {
  if (!SPDX_SHAPE.test(token)) return false;
  if (/^(?:DocumentRef-[^:]+:)?LicenseRef-/.test(token)) return true;
  return SPDX_IDS.has(token.replace(/\+$/, '').toLowerCase());
}

export function formatProblem(format: LabelFormat, value: string): boolean {
  switch (format) {
    case 'url':
      return !isUrl(value);
    case 'rfc3339':
      return !isRfc3339(value);
    case 'semver':
      return !isSemver(value);
    case 'hash':
      return !isGitHash(value);
    case 'spdx':
      return !isSpdx(value);
    case 'email':
      return !isEmail(value);
    default:
      return false;
  }
}
