import type { NginxDirective } from './ast';

// Header names set by `add_header` and headers-more's `more_set_headers`.

/** Lower-cased header names a directive sets. */
export function headersSet(directive: NginxDirective): string[] {
  if (directive.name === 'add_header') return directive.args[0] ? [directive.args[0].value.toLowerCase()] : [];
  if (directive.name === 'more_set_headers') {
    return directive.args
      .filter((a) => !a.value.startsWith('-'))
      .map((a) => a.value.split(':')[0].trim().toLowerCase())
      .filter(Boolean);
  }
  return [];
}

/** The value an `add_header` gives (lower-cased), for checks like CSP `frame-ancestors`. */
export function headerValue(directive: NginxDirective): string {
  if (directive.name === 'add_header') return (directive.args[1]?.value ?? '').toLowerCase();
  const arg = directive.args.find((a) => !a.value.startsWith('-'));
  return (arg?.value.split(':').slice(1).join(':') ?? '').toLowerCase();
}
