import type { RelatedLocation } from '../types';
import type { Item, Via } from './effective';
import type { ComposeService } from './model';

// A value written once (in an anchor, a merged mapping, an aliased list) can be used by several
// services. Rules report it once, where it is written, naming every service it affects, and
// point each service that pulls it in from elsewhere at its own use site. These helpers keep
// that bookkeeping out of the rules.

export interface Site<T> {
  /** The first use, whose item carries the written range. */
  item: Item;
  services: ComposeService[];
  /** What the rule found about the value (same for every use: it is the same written text). */
  data: T;
  /** Per service, the via trail of its use (for related information). */
  uses: { service: ComposeService; via: readonly Via[] }[];
}

/** Groups uses of written values by the node (or pair) they are written as. */
export class WrittenSites<T> {
  private readonly groups = new Map<unknown, Site<T>>();

  /** Records that `service` uses `item`; `identity` is what makes two uses the same written value (usually `item.node`). */
  add(identity: unknown, service: ComposeService, item: Item, data: T): void {
    const group = this.groups.get(identity);
    if (group) {
      if (!group.services.includes(service)) group.services.push(service);
      group.uses.push({ service, via: item.via });
      return;
    }
    this.groups.set(identity, { item, services: [service], data, uses: [{ service, via: item.via }] });
  }

  get size(): number {
    return this.groups.size;
  }

  sites(): Site<T>[] {
    return [...this.groups.values()];
  }
}

/** "`a`", "`a` and `b`", "`a`, `b` and `c`". */
export function serviceNames(services: readonly ComposeService[]): string {
  const names = services.map((service) => `\`${service.name}\``);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Service `a`" / "Services `a` and `b`". */
export function servicesSubject(services: readonly ComposeService[]): string {
  return `${services.length === 1 ? 'Service' : 'Services'} ${serviceNames(services)}`;
}

/** Related locations for each use that reaches the written value through a merge key or alias. */
export function relatedUses(site: Pick<Site<unknown>, 'uses'>, what: string): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  for (const use of site.uses) {
    const step = use.via[0];
    if (step) related.push({ range: step.range, message: `Service \`${use.service.name}\` gets ${what} here, ${describeStep(step)}.` });
  }
  return related;
}

/** Related location for one service's use of a value written elsewhere (none when written in place). */
export function relatedUse(service: ComposeService, item: Item, what: string): RelatedLocation[] {
  return relatedUses({ uses: [{ service, via: item.via }] }, what);
}

export function describeStep(step: Via): string {
  if (step.kind === 'alias') return `through the alias \`*${step.anchor}\``;
  return step.anchor ? `through the merge key \`<<: *${step.anchor}\`` : 'through a `<<` merge key';
}

/** True when any use of the value comes from a shared place (anchor, merge): fixes there affect every user. */
export function isShared(site: Pick<Site<unknown>, 'uses'>): boolean {
  return site.uses.some((use) => use.via.length > 0);
}
