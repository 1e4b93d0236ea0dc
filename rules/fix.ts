import { LineIndex, comparePositions } from './position';
import type { Finding, Fix, TextEdit } from './types';

/**
 * Applies edits to a text. Edits must not overlap; they are applied back to front so earlier
 * offsets stay valid. Returns the text unchanged for an empty list.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  if (!edits.length) return text;
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let out = text;
  for (const edit of sorted) {
    const start = lines.offsetAt(edit.range.start);
    const end = lines.offsetAt(edit.range.end);
    out = out.slice(0, start) + edit.newText + out.slice(end);
  }
  return out;
}

/**
 * Picks the fixes to apply in one pass: safe ones (and unsafe ones when asked), skipping any
 * whose edits overlap an already chosen fix. Callers re-analyze and call again until nothing
 * is left, the way ESLint's fix loop does.
 */
export function chooseFixes(findings: Finding[], options: { unsafe?: boolean } = {}): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || (!fix.safe && !options.unsafe)) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // several findings may share one fix
    if (fix.edits.some((edit) => taken.some((other) => editsOverlap(edit, other)))) continue;
    seen.add(key);
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point are ambiguous in order: treat them as overlapping.
  return comparePositions(a.range.start, b.range.end) <= 0 && comparePositions(b.range.start, a.range.end) <= 0;
}

/** Applies fixes repeatedly (re-analyzing between passes) until none is left or 10 passes ran. */
export function fixText(
  text: string,
  analyzeText: (text: string) => Finding[],
  options: { unsafe?: boolean } = {},
): { text: string; passes: number } {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = chooseFixes(analyzeText(current), options);
    if (!fixes.length) return { text: current, passes: pass };
    current = applyEdits(current, fixes.flatMap((fix) => fix.edits));
  }
  return { text: current, passes: 10 };
}
