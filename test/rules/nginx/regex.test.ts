import assert from 'assert';
import { CHAR, canContain, mustStartWith, parseRegex, samples } from '../../../rules/nginx/regex';

// The pattern reader behind http-splitting, ssrf and origins.

function group(pattern: string, key: number | string = 1) {
  const parsed = parseRegex(pattern);
  assert.ok(parsed, `cannot read ${pattern}`);
  const node = parsed.groups.get(key);
  assert.ok(node, `no group ${key} in ${pattern}`);
  return node;
}

describe('nginx regex reader', () => {
  it('knows which groups can hold a line feed', () => {
    assert.strictEqual(canContain(group('^/(.*)$'), CHAR.NL), false);
    assert.strictEqual(canContain(group('^/(.*)$'), CHAR.CR), true);
    assert.strictEqual(canContain(group('(?s)^/(.*)$'), CHAR.NL), true);
    assert.strictEqual(canContain(group('/([^/]+)'), CHAR.NL), true);
    assert.strictEqual(canContain(group('/(\\W*)'), CHAR.NL), true);
    assert.strictEqual(canContain(group('/([^/\\r\\n]+)'), CHAR.NL), false);
    assert.strictEqual(canContain(group('/([a-z0-9_-]+)'), CHAR.DOT), false);
    assert.strictEqual(canContain(group('/(?<name>[[:alnum:].]+)', 'name'), CHAR.DOT), true);
  });

  it('numbers groups like PCRE (named ones count, non-capturing and lookarounds do not)', () => {
    const parsed = parseRegex('^/(?:a|b)/(?<x>[0-9]+)/(?=y)(z)$')!;
    assert.strictEqual(parsed.groupCount, 2);
    assert.strictEqual(parsed.groups.get(1), parsed.groups.get('x'));
  });

  it('knows when a capture must start with a slash', () => {
    assert.strictEqual(mustStartWith(group('^/api(/.*)$'), CHAR.SLASH), true);
    assert.strictEqual(mustStartWith(group('^/api((/.*)?)$'), CHAR.SLASH), undefined);
    assert.strictEqual(mustStartWith(group('^/api/(.*)$'), CHAR.SLASH), false);
    assert.strictEqual(mustStartWith(group('^(/a|/b)'), CHAR.SLASH), true);
  });

  it('gives up on syntax it does not know', () => {
    assert.strictEqual(parseRegex('^(a'), undefined);
    assert.strictEqual(parseRegex('^[a-'), undefined);
    assert.strictEqual(parseRegex('^(?(1)a|b)'), undefined);
  });

  it('generates samples with wildcards marked, one per alternative', () => {
    const out = samples(parseRegex('^https://(www|api)\\.example.com$')!);
    assert.deepStrictEqual(out.map((s) => s.text), ['https://www.example.com', 'https://api.example.com']);
    const dot = out[0].text.lastIndexOf('.');
    assert.strictEqual(out[0].wild[dot], true, 'the unescaped dot is a wildcard');
    assert.strictEqual(out[0].wild[out[0].text.indexOf('.')], false, 'the escaped dot is literal');
    assert.ok(out[0].anchoredStart && out[0].anchoredEnd);
  });
});
