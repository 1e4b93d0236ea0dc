// Where each rule's documentation page lives. The generated pages are in docs/rules/ of the
// repository; diagnostics link there (codeDescription.href) and so does SARIF (helpUri).

export const REPOSITORY_URL = 'https://github.com/shipshape-dev/shipshape';

export function ruleDocUrl(ruleId: string): string {
  const [kind, name] = ruleId.split('/');
  return `${REPOSITORY_URL}/blob/main/docs/rules/${kind}/${name}.md`;
}
