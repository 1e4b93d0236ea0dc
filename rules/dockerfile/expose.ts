import type { Word } from './instruction-words';

// `EXPOSE` arguments: `80`, `80/tcp`, `8000-8010/udp`. A word with a variable is unknown until
// the build and is never judged.

export interface ExposedPort {
  word: Word;
  from: number;
  to: number;
  protocol?: string;
  /** Offsets of the numeric part(s) within the text, for precise ranges. */
  numberStart: number;
  numberEnd: number;
}

const PORT = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/;

export function parseExposed(word: Word): ExposedPort | undefined {
  if (word.value.includes('$')) return undefined;
  const match = PORT.exec(word.value);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] !== undefined ? Number(match[2]) : from;
  // Quotes are rare in EXPOSE; point at the whole word when the raw text differs.
  const numbers = match[1].length + (match[2] !== undefined ? match[2].length + 1 : 0);
  const plain = word.raw === word.value && word.end - word.start === word.raw.length;
  return {
    word,
    from,
    to,
    protocol: match[3]?.toLowerCase(),
    numberStart: word.start,
    numberEnd: plain ? word.start + numbers : word.end,
  };
}
