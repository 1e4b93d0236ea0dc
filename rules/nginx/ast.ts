import type { Range } from '../types';

// The nginx syntax tree. Every node keeps both its LSP range and its string offsets, so rules
// can report on exact tokens and build text edits without re-scanning.

/** One word of a directive: its name or an argument. */
export interface NginxArg {
  /** The word as nginx sees it: quotes removed, `\"` `\\` `\t` `\n` `\r` escapes resolved. */
  readonly value: string;
  /** The word exactly as written, quotes included. */
  readonly raw: string;
  readonly quoted: boolean;
  readonly range: Range;
  /** Offsets of `raw` in the text (end exclusive). */
  readonly start: number;
  readonly end: number;
}

export type BlockKind =
  /** Ordinary nested directives. */
  | 'directives'
  /** Table lines of `map`, `geo`, `types`, `split_clients`, `charset_map`: not directives. */
  | 'entries'
  /** `*_by_lua_block`: Lua source kept verbatim. */
  | 'raw';

export interface NginxBlock {
  kind: BlockKind;
  children: NginxDirective[];
  /** The `{`. */
  readonly openRange: Range;
  open: number;
  /** The `}`; undefined when the file ends before the block is closed. */
  readonly closeRange?: Range;
  close?: number;
  /** Verbatim contents between the braces, for raw blocks. */
  raw?: string;
}

export interface NginxDirective {
  name: string;
  readonly nameRange: Range;
  /** The name token itself (names may be quoted, rarely). */
  nameToken: NginxArg;
  args: NginxArg[];
  block?: NginxBlock;
  /** From the name to the `;` or the closing `}` (both included). */
  readonly range: Range;
  start: number;
  end: number;
  /** The directive whose block holds this one; undefined at the top of the file. */
  parent?: NginxDirective;
  /** True for lines inside `map`/`geo`/`types`/… blocks, which nginx does not treat as directives. */
  isEntry: boolean;
  /** Absolute path of the file this directive was read from, when it came through `include`. */
  file?: string;
}

export interface NginxComment {
  /** Text after the `#`. */
  text: string;
  range: Range;
  start: number;
}
