import type { Report, Rule } from '../../types';
import { parseExposed } from '../expose';
import { instructionArgs, instructionsOf } from '../instruction-words';
import type { DockerfileModel } from '../model';

// Ports are 16-bit: `EXPOSE 80800` is a typo the build rejects (or, for some builders, an
// image whose metadata no orchestrator can use).

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export const exposePortInvalid: Rule<DockerfileModel> = {
  meta: {
    id: 'dockerfile/expose-port-invalid',
    kind: 'dockerfile',
    severity: 'error',
    tier: 2,
    title: 'EXPOSE port out of range',
    aliases: ['hadolint:DL3011'],
    fix: 'none',
    docs: {
      what:
        'Reports an `EXPOSE` port outside 0–65535, a range whose end comes before its start (`9000-8000`), and a ' +
        'protocol other than `tcp`, `udp` or `sctp`.',
      why:
        'TCP and UDP ports are 16-bit numbers. A port past 65535 is a typo (`80800` for `8080`) that BuildKit rejects ' +
        'when it parses the port spec, so the image never builds — better to see it while typing.',
      example: 'FROM nginx:1.27\nEXPOSE 80800',
      fixed: 'FROM nginx:1.27\nEXPOSE 8080',
      notes:
        'Ports given through variables (`EXPOSE ${PORT}`) are not judged. The protocol and reversed-range checks go ' +
        'beyond hadolint DL3011; they are errors BuildKit reports too. No automatic fix: only the author knows the ' +
        'intended port.',
    },
  },
  check(model) {
    const reports: Report[] = [];
    for (const instruction of instructionsOf(model, 'EXPOSE')) {
      for (const word of instructionArgs(model, instruction).words) {
        const port = parseExposed(word);
        if (!port) continue;
        const numbers = model.lines.rangeOf(port.numberStart, port.numberEnd);
        if (port.from > 65535 || port.to > 65535) {
          const bad = port.from > 65535 ? port.from : port.to;
          reports.push({ message: `Port ${bad} is out of range: ports go from 0 to 65535.`, range: numbers });
        } else if (port.to < port.from) {
          reports.push({ message: `The range \`${word.value}\` ends before it starts: write it as \`${port.to}-${port.from}\`.`, range: numbers });
        } else if (port.protocol && !PROTOCOLS.has(port.protocol)) {
          reports.push({
            message: `Unknown protocol \`${port.protocol}\` in \`${word.value}\`: use tcp, udp or sctp.`,
            range: port.numberEnd < word.end ? model.lines.rangeOf(port.numberEnd + 1, word.end) : numbers,
          });
        }
      }
    }
    return reports;
  },
};
