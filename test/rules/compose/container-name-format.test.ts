import { containerNameFormat } from '../../../rules/compose/rules/container-name-format';
import { ruleTester } from '../tester';

const lines = (...parts: string[]) => parts.join('\n') + '\n';
const named = (name: string) => lines('services:', '  web:', '    image: nginx:1.27', `    container_name: ${name}`);

ruleTester(containerNameFormat, {
  valid: [
    { code: named('shop-web') },
    { code: named('shop_web.1') },
    { code: named('Web2') },
    { code: named('"quoted-name"') },
    { code: named('ab') },
    { name: 'unknown variable', code: named('${NAME}') },
    { name: 'from .env', code: named('${NAME}'), files: { '/w/.env': 'NAME=shop-web\n' } },
    { name: 'default', code: named('${NAME:-shop-web}') },
    { name: 'prefix + variable', code: named('shop-${ENV:-dev}') },
    { code: lines('services:', '  web:', '    image: nginx:1.27') },
  ],
  invalid: [
    { code: named('"shop web"'), errors: [{ message: 'may contain only letters', range: [3, 20, 3, 30], severity: 'error' }], output: null },
    { code: named('-web'), errors: [{ message: 'must start with a letter or a digit', range: [3, 20, 3, 24] }] },
    { code: named('_web'), errors: [{ message: 'must start with a letter or a digit' }] },
    { code: named('a'), errors: [{ message: 'at least two characters' }] },
    { code: named('shop/web'), errors: [{ message: 'may contain only' }] },
    { code: named('café'), errors: [{ message: 'may contain only' }] },
    { name: 'resolved from .env', code: named('${NAME}'), files: { '/w/.env': 'NAME="my app"\n' }, errors: [{ message: '`container_name: my app`' }] },
    { name: 'default value', code: named('${NAME:-my app}'), errors: [{ message: '`container_name: my app`' }] },
    {
      name: 'in an anchor, reported once',
      code: lines('x-n: &n', '  container_name: "bad name"', 'services:', '  a:', '    <<: *n', '    image: x:1', '  b:', '    <<: *n', '    image: x:1'),
      errors: [{ range: [1, 18, 1, 28] }],
    },
    { name: 'CRLF', code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    container_name: -x\r\n', errors: [{ range: [3, 20, 3, 22] }] },
  ],
});
