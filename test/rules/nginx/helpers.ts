import type { Rule } from '../../../rules/types';
import { ruleTester, type InvalidCase, type ValidCase } from '../tester';

// The tester turns every other rule off, nginx/syntax included; keep it on so "must parse
// cleanly" really checks each case (and each fixed output) against the parser.
const withSyntax = <T extends ValidCase>(c: T): T => ({ ...c, rules: { 'nginx/syntax': 'error', ...c.rules } });

export function nginxRuleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  ruleTester(rule, { valid: cases.valid.map(withSyntax), invalid: cases.invalid.map(withSyntax) });
}

/** A whole nginx.conf around an `http` body (events and http lines first, body indented by 4). */
export function conf(http: string): string {
  return `events {}\nhttp {\n${http.replace(/^(?=.)/gm, '    ')}}\n`;
}

export const FRAGMENT = '/w/conf.d/default.conf';
