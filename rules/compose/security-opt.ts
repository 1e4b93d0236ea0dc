import type { Item } from './effective';
import type { ComposeService } from './model';
import { composeString } from './values';

// `security_opt` entries as the Docker daemon reads them: `name:value` or `name=value`, and the
// bare `no-new-privileges`.

export interface SecurityOption {
  item: Item;
  /** Lower-cased option name: `no-new-privileges`, `seccomp`, `apparmor`, `label`, `systempaths`. */
  name: string;
  /** The value after `:`/`=`; undefined for the bare form. */
  value?: string;
}

export interface SecurityOptions {
  present: boolean;
  options: SecurityOption[];
  /** Some entry could not be resolved. */
  unknown: boolean;
}

export function securityOptions(service: ComposeService): SecurityOptions {
  const entry = service.get('security_opt');
  const items = service.list('security_opt') ?? [];
  const options: SecurityOption[] = [];
  let unknown = entry !== undefined && !entry.resolved;
  for (const item of items) {
    const text = composeString(item);
    if (text === undefined) {
      unknown = true;
      continue;
    }
    const match = /^\s*([A-Za-z-]+)\s*(?:[:=]\s*(.*?))?\s*$/.exec(text);
    if (!match) continue;
    options.push({ item, name: match[1].toLowerCase(), ...(match[2] !== undefined ? { value: match[2] } : {}) });
  }
  return { present: entry !== undefined, options, unknown };
}
