import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

// What the Compose equivalence tests (incremental parsing, the per-service schema cache) run
// over: every Compose fixture, and the edits typing makes to a text.

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Every Compose fixture by file name, with its text. */
export function composeFixtures(): [string, string][] {
  const dir = join(ROOT, 'test', 'fixtures', 'compose');
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}

/**
 * Edits typing makes, on about `samples` lines spread over the text: a letter at a line's end,
 * a new line, a space at a line start, a deleted character.
 */
export function typingEdits(text: string, samples: number): string[] {
  const out: string[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const step = Math.max(1, Math.floor(lineStarts.length / samples));
  for (let l = 0; l < lineStarts.length; l += step) {
    const start = lineStarts[l];
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
    out.push(text.slice(0, end) + 'z' + text.slice(end));
    out.push(text.slice(0, start) + '\n' + text.slice(start));
    out.push(text.slice(0, start) + ' ' + text.slice(start));
    if (end > start) out.push(text.slice(0, end - 1) + text.slice(end));
  }
  return out;
}
