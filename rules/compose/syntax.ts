import type { Document, YAMLError } from 'yaml';
import { incrementalParsing, parseIncremental, parseWhole } from './incremental';
import type { ParseProblem } from '../language';
import type { LineIndex } from '../position';

// Turns text into YAML documents and YAML's complaints into `compose/syntax` problems. The
// `yaml` library recovers from errors and still hands back a best-effort tree, which is what
// lets the rest of the file be analyzed while the user is mid-edit.

export const SYNTAX_RULE = 'compose/syntax';

export type ComposeDocument = Document.Parsed;

/**
 * Parsing dominates the cost of analyzing a Compose file, and one edit is analyzed several
 * times (diagnostics, code actions, hover). The documents are never mutated after parsing, so
 * the last result is kept and reused while the text is unchanged.
 */
let lastText: string | undefined;
let lastDocuments: ComposeDocument[] = [];
let lastIncremental = true;

export function parseYaml(text: string): ComposeDocument[] {
  if (text === lastText && lastIncremental === incrementalParsing.enabled) return lastDocuments;
  // Duplicate keys stay errors (Compose rejects them too); merge keys are resolved by the
  // model itself, so the library sees `<<` as an ordinary key. Unchanged service blocks are
  // reused from the previous parse (incremental.ts) whenever that gives the same documents.
  const documents: ComposeDocument[] = parseIncremental(text) ?? parseWhole(text);
  lastText = text;
  lastIncremental = incrementalParsing.enabled;
  lastDocuments = documents;
  return documents;
}

export function syntaxProblems(documents: ComposeDocument[], lines: LineIndex): ParseProblem[] {
  const problems: ParseProblem[] = [];
  for (const doc of documents) {
    for (const error of doc.errors) problems.push(problemFor(error, lines));
  }
  return problems;
}

export function syntaxProblem(message: string, start: number, end: number, lines: LineIndex): ParseProblem {
  return { rule: SYNTAX_RULE, severity: 'error', message, range: lines.rangeOf(start, end) };
}

function problemFor(error: YAMLError, lines: LineIndex): ParseProblem {
  const [start, rawEnd] = error.pos;
  // Some errors point at a zero-width spot; widen to one character on the same line so editors
  // draw a visible squiggle (but never past the line end, and never past the text).
  let end = rawEnd;
  if (error.code === 'DUPLICATE_KEY') end = Math.max(end, keyEnd(lines.text, start));
  if (end <= start) {
    const line = lines.positionAt(start).line;
    end = Math.min(start + 1, lines.lineEnd(line));
  }
  return syntaxProblem(describe(error), start, Math.max(start, end), lines);
}

/** End of the key starting at `offset` (YAML marks only its first character). */
function keyEnd(text: string, offset: number): number {
  const match = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s:#,{}[\]][^:#\n,{}[\]]*?)(?=[ \t]*:)/.exec(text.slice(offset, offset + 1024));
  return match ? offset + match[0].length : offset;
}

/** YAML's messages are accurate but terse; a few common ones get the hint users need. */
const HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'This key is already set above in the same mapping; Compose rejects duplicate keys.',
  TAB_AS_INDENT: 'YAML does not allow tabs for indentation; indent with spaces.',
  BAD_INDENT: 'Check the indentation of this line against its parent.',
  MISSING_CHAR: 'A bracket or quote is not closed.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; a missing `:` or quote above is the usual cause.',
  BLOCK_AS_IMPLICIT_KEY: 'A `key: value` cannot hold another `key: value` on the same line; put the nested mapping on its own indented lines or quote the value.',
};

function describe(error: YAMLError): string {
  // With prettyErrors off the message is the bare sentence, without the code frame.
  const sentence = error.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  const base = /^map keys must be unique/i.test(sentence) ? 'Duplicate key' : sentence;
  const hint = HINTS[error.code];
  return `YAML syntax error: ${base}${/[.!?]$/.test(base) ? '' : '.'}${hint ? ` ${hint}` : ''}`;
}
