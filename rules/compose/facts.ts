import type { RuleContext } from '../types';
import { findListStyle, type ListStyle, type YamlMap } from './insert';
import type { ComposeModel, ComposeService } from './model';
import type { PortMapping, VolumeMount } from './values';

// Per-service facts several security rules ask for (the normalized volumes and ports, the
// image and what is known about it, what `build:` produces, the user it runs as). Each is
// computed on first use and kept for the life of the model's service objects, so twenty rules
// walking the same file pay for each fact once. The cache is keyed on the service object: a
// new parse makes new services, so nothing stale survives an edit.

const caches = new WeakMap<ComposeService, Map<string, unknown>>();

/** The value of `compute(service)` for `key`, computed once per service. */
export function fact<T>(service: ComposeService, key: string, compute: (service: ComposeService) => T): T {
  let cache = caches.get(service);
  if (!cache) {
    cache = new Map();
    caches.set(service, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute(service);
  cache.set(key, value);
  return value;
}

/** `fact` for values that depend on the analysis context too (workspace files, config); keyed by the context object. */
export function contextFact<T>(service: ComposeService, key: string, context: RuleContext, compute: (service: ComposeService, context: RuleContext) => T): T {
  const byContext = fact(service, key, () => new WeakMap<RuleContext, { value: T }>());
  const hit = byContext.get(context);
  if (hit) return hit.value;
  const value = compute(service, context);
  byContext.set(context, { value });
  return value;
}

export function volumesOfService(service: ComposeService): VolumeMount[] {
  return fact(service, 'volumes', (s) => s.volumes());
}

export function portsOfService(service: ComposeService): PortMapping[] {
  return fact(service, 'ports', (s) => s.ports());
}

const modelStyles = new WeakMap<ComposeModel, ListStyle | undefined>();

/**
 * How a new list in `service` should be written: like the lists the service already has, else
 * like the first list in any service of the file, else flow (`[a, b]`).
 */
export function listStyleFor(model: ComposeModel, service: ComposeService): ListStyle {
  const own = findListStyle(service.context, [service.body?.node as YamlMap | undefined]);
  if (own) return own;
  if (!modelStyles.has(model)) {
    modelStyles.set(model, findListStyle(model.context, model.services.map((other) => other.body?.node as YamlMap | undefined)));
  }
  return modelStyles.get(model) ?? { flow: true, dashOffset: 2 };
}
