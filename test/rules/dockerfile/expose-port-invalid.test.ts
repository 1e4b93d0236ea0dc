import { exposePortInvalid } from '../../../rules/dockerfile/rules/expose-port-invalid';
import { ruleTester } from '../tester';

ruleTester(exposePortInvalid, {
  valid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000-9010 0 65535 36412/sctp\n' },
    { name: 'variables', code: 'FROM alpine:3.20\nARG PORT=99999\nEXPOSE $PORT ${OTHER:-70000}\n' },
    { name: 'build stages too, but valid', code: 'FROM alpine:3.20 AS a\nEXPOSE 1\nFROM a\n' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nEXPOSE 80800\n',
      errors: [{ range: [1, 7, 1, 12], message: 'Port 80800 is out of range', severity: 'error' }],
      output: null,
    },
    {
      name: 'range end, protocol kept out of the range',
      code: 'FROM alpine:3.20\nexpose 8000-70000/udp\n',
      errors: [{ range: [1, 7, 1, 17], message: 'Port 70000' }],
    },
    {
      name: 'reversed range',
      code: 'FROM alpine:3.20\nEXPOSE 9000-8000\n',
      errors: [{ range: [1, 7, 1, 16], message: 'write it as `8000-9000`' }],
    },
    {
      name: 'unknown protocol',
      code: 'FROM alpine:3.20\nEXPOSE 80/http\n',
      errors: [{ range: [1, 10, 1, 14], message: 'Unknown protocol `http`' }],
    },
    {
      name: 'continuation, CRLF, any stage',
      code: 'FROM alpine:3.20 AS build\r\nEXPOSE 80 \\\r\n  # ports\r\n  123456\r\nFROM scratch\r\n',
      errors: [{ range: [3, 2, 3, 8] }],
    },
  ],
});
