import type { Item } from './effective';
import type { ComposeService } from './model';
import { composeString } from './values';

// Linux capabilities as Compose lists them: `cap_add`/`cap_drop` accept `NET_ADMIN`,
// `net_admin` and `CAP_NET_ADMIN` alike.

/** `cap_net_admin` → `NET_ADMIN`. */
export function capabilityName(text: string): string {
  return text.trim().toUpperCase().replace(/^CAP_/, '');
}

export interface CapabilityList {
  /** The `cap_add`/`cap_drop` entry exists. */
  present: boolean;
  /** Normalized names of the resolved items. */
  names: Set<string>;
  /** Some item could not be resolved (a variable): the list is not fully known. */
  unknown: boolean;
  items: Item[];
}

export function capabilityList(service: ComposeService, key: 'cap_add' | 'cap_drop'): CapabilityList {
  const entry = service.get(key);
  const items = service.list(key) ?? [];
  const names = new Set<string>();
  let unknown = entry !== undefined && !entry.resolved;
  for (const item of items) {
    const text = composeString(item);
    if (text === undefined) unknown = true;
    else names.add(capabilityName(text));
  }
  return { present: entry !== undefined, names, unknown, items };
}
