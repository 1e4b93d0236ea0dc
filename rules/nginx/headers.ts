import type { NginxArg, NginxDirective } from './ast';

// Header names set by `add_header` and headers-more's `more_set_headers`.

/**
 * The `Name: value` arguments of a headers-more directive, without its options: `-r`, and
 * `-s 404` / `-t 'text/html text/plain'` whose values are status codes and content types.
 */
export function headersMoreArgs(directive: NginxDirective): NginxArg[] {
  const out: NginxArg[] = [];
  const args = directive.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value.startsWith('-')) {
      if (value === '-s' || value === '-t') i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

/** Lower-cased header names a directive sets. */
export function headersSet(directive: NginxDirective): string[] {
  if (directive.name === 'add_header') return directive.args[0] ? [directive.args[0].value.toLowerCase()] : [];
  if (directive.name === 'more_set_headers') {
    return headersMoreArgs(directive)
      .map((a) => a.value.split(':')[0].trim().toLowerCase())
      .filter(Boolean);
  }
  return [];
}

/** The value an `add_header` gives (lower-cased), for checks like CSP `frame-ancestors`. */
export function headerValue(directive: NginxDirective): string {
  if (directive.name === 'add_header') return (directive.args[1]?.value ?? '').toLowerCase();
  const arg = headersMoreArgs(directive)[0];
  return (arg?.value.split(':').slice(1).join(':') ?? '').toLowerCase();
}
