import type { Report, Rule } from '../../types';
import type { NginxModel } from '../model';
import { headersMoreArgs } from '../headers';

// A header value spread over several lines is sent with the line breaks in it.

const HEADER_DIRECTIVES = new Set(['add_header', 'more_set_headers', 'more_set_input_headers', 'add_trailer']);

export const addHeaderMultiline: Rule<NginxModel> = {
  meta: {
    id: 'nginx/add-header-multiline',
    kind: 'nginx',
    severity: 'info',
    tier: 1,
    title: 'Header value contains a line break',
    aliases: ['gixy:add_header_multiline'],
    fix: 'none',
    docs: {
      what:
        'Reports `add_header`, `add_trailer` and headers-more\'s `more_set_headers` whose value contains a line ' +
        'break: a quoted string continued on the next line, or a `\\n` escape.',
      why:
        'nginx copies the value byte for byte, so the line break goes on the wire. A break followed by spaces is ' +
        'the obsolete "folded header" syntax that HTTP/1.1 deprecated: some clients and proxies join the lines, ' +
        'others reject the response, and some read the second line as a header of its own. Long policies such as ' +
        '`Content-Security-Policy` are the usual culprit; write them on one line (or build them with a `map` or `set`).',
      example: 'add_header Content-Security-Policy "default-src \'self\';\n    script-src \'self\' cdn.example.com";\n',
      fixed: 'add_header Content-Security-Policy "default-src \'self\'; script-src \'self\' cdn.example.com";\n',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const name of HEADER_DIRECTIVES) {
      for (const directive of model.find(name)) {
        // headers-more's options (`-s 404`, `-t 'text/html text/plain'`) are not headers.
        const more = directive.name.startsWith('more_');
        // add_header's value is its second word: looked at in place, no list per directive.
        if (!more && !(directive.args.length > 1 && hasLineBreak(directive.args[1].value))) continue;
        const values = more ? headersMoreArgs(directive) : [directive.args[1]];
        for (const arg of values) {
          if (!hasLineBreak(arg.value)) continue;
          reports.push({
            message: `This \`${directive.name}\` value contains a line break, which nginx sends as is (an obsolete folded header that clients read differently); write the value on one line.`,
            range: arg.range,
          });
        }
      }
    }
    return reports;
  },
};

function hasLineBreak(value: string): boolean {
  return value.includes('\n') || value.includes('\r');
}
