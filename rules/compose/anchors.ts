import { type Alias, isAlias, isCollection, isMap, isPair, isSeq, type Node, type Pair, type ParsedNode } from 'yaml';
import type { ParseProblem } from '../language';
import type { LineIndex } from '../position';
import { isMergeKey } from './effective';
import { syntaxProblem } from './syntax';

// Anchors and aliases, resolved once per document in a single walk in source order.
//
// - An alias names the nearest anchor of that name *above* it. The `yaml` library can resolve
//   aliases too, but only by re-walking the document for each one; Compose files lean on
//   anchors heavily, so one pass builds the whole table.
// - An anchor counts as defined only once its node is complete. `&a [*a]` therefore does not
//   resolve (YAML forbids it and Compose rejects it), which keeps the alias graph acyclic:
//   every lookup through it terminates.
// - "Billion laughs" files (each anchor aliasing the previous one ten times) stay cheap for
//   the model, which never expands aliases, but would blow up anything that does (schema
//   validation, `toPlain`). The walk computes the expanded size with memoization, in linear
//   time, and reports the file when it passes a bound no real Compose file comes near.

export const MAX_EXPANDED_NODES = 100_000;

export interface AnchorTable {
  /** Alias → the node its anchor names; aliases that resolve to nothing are absent. */
  targets: Map<Alias, ParsedNode>;
  /** Anchored node → the aliases that refer to it (to keep fixes from orphaning them). */
  usesOf: Map<ParsedNode, Alias[]>;
  /** Size of the document with every alias expanded, capped just past the bound. */
  expandedSize: number;
  /** True when expanding aliases would exceed MAX_EXPANDED_NODES. */
  expansionExceeded: boolean;
  problems: ParseProblem[];
}

export function resolveAnchors(root: ParsedNode | null, lines: LineIndex): AnchorTable {
  const table: AnchorTable = { targets: new Map(), usesOf: new Map(), expandedSize: 0, expansionExceeded: false, problems: [] };
  const defined = new Map<string, ParsedNode>();
  const open = new Map<string, number>(); // anchors whose node is still being walked (names may nest)
  const sizes = new Map<Node, number>();

  const walk = (node: Node | null | undefined): number => {
    if (!node) return 0;
    if (isAlias(node)) return aliasSize(node);
    const anchor = (node as ParsedNode).anchor;
    if (anchor) open.set(anchor, (open.get(anchor) ?? 0) + 1);
    let size = 1;
    if (isCollection(node)) {
      let largest: { alias: Alias; size: number } | undefined;
      const visit = (part: Node | null): void => {
        const partSize = walk(part);
        size += partSize;
        if (part && isAlias(part) && (!largest || partSize > largest.size)) largest = { alias: part, size: partSize };
      };
      for (const item of node.items) {
        // Key then value (no per-item array: this walk runs on every keystroke).
        if (isPair(item)) {
          visit(item.key as Node | null);
          visit(item.value as Node | null);
          if (isMergeKey(item.key)) checkMerge(item as Pair<ParsedNode, ParsedNode | null>);
        } else visit(item as Node);
      }
      // Only aliases can make a Compose file this large; a huge file without them is just huge.
      if (size > MAX_EXPANDED_NODES && largest && !table.expansionExceeded) reportBomb(largest.alias);
    }
    if (anchor) {
      open.set(anchor, open.get(anchor)! - 1);
      defined.set(anchor, node as ParsedNode);
      sizes.set(node, size);
    }
    return Math.min(size, MAX_EXPANDED_NODES + 1);
  };

  const aliasSize = (alias: Alias): number => {
    const target = defined.get(alias.source);
    if (!target) {
      const [start, end] = alias.range ?? [0, 0];
      const message = open.get(alias.source)
        ? `Alias \`*${alias.source}\` sits inside the node its anchor \`&${alias.source}\` defines; YAML cannot expand a node into itself.`
        : `Unknown anchor: alias \`*${alias.source}\` refers to no \`&${alias.source}\` defined above it.`;
      table.problems.push(syntaxProblem(message, start, end, lines));
      return 1;
    }
    table.targets.set(alias, target);
    const uses = table.usesOf.get(target);
    if (uses) uses.push(alias);
    else table.usesOf.set(target, [alias]);
    return sizes.get(target) ?? 1;
  };

  const follow = (node: ParsedNode | null): ParsedNode | null => (node && isAlias(node) ? table.targets.get(node) ?? null : node);

  // YAML merge keys take a mapping or a list of mappings; Compose rejects anything else.
  const checkMerge = (pair: Pair<ParsedNode, ParsedNode | null>): void => {
    const value = follow(pair.value);
    const items = isSeq(value) ? (value.items as (ParsedNode | null)[]) : [pair.value];
    for (const item of items) {
      const target = follow(item);
      if (isMap(target) || (item && isAlias(item) && !table.targets.has(item))) continue; // dangling: reported already
      const at = item && item.range[1] > item.range[0] ? item : pair.key;
      table.problems.push(
        syntaxProblem('A merge key `<<` takes a mapping (`<<: *anchor`) or a list of them (`<<: [*a, *b]`).', at.range[0], at.range[1], lines),
      );
    }
  };

  const reportBomb = (at: Node): void => {
    table.expansionExceeded = true;
    const [start, end] = (at as ParsedNode).range ?? [0, 0];
    table.problems.push(
      syntaxProblem(
        `Aliases here expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} YAML nodes (an "alias bomb"); Compose refuses such files as excessive aliasing. Analysis of the expanded values is limited.`,
        start,
        end,
        lines,
      ),
    );
  };

  table.expandedSize = walk(root);
  return table;
}
