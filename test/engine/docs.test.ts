import assert from 'assert';
import { staleFiles } from '../../scripts/gen-docs';
import { allRuleMeta } from '../../rules/registry';

describe('rule metadata and docs', () => {
  it('every rule has complete docs, a valid id and tier', () => {
    const ids = new Set<string>();
    for (const meta of allRuleMeta()) {
      assert.match(meta.id, /^(dockerfile|compose|nginx)\/[a-z0-9-]+$/, meta.id);
      assert.ok(meta.id.startsWith(`${meta.kind}/`), `${meta.id} kind`);
      assert.ok(!ids.has(meta.id), `duplicate ${meta.id}`);
      ids.add(meta.id);
      for (const field of ['what', 'why', 'example', 'fixed'] as const) assert.ok(meta.docs[field].trim(), `${meta.id} docs.${field}`);
      for (const alias of meta.aliases) assert.match(alias, /^(hadolint|trivy|checkov|kics|cis-docker|dclint|gixy):\S+$/, `${meta.id} alias ${alias}`);
      assert.ok(meta.title && !meta.title.endsWith('.'), `${meta.id} title`);
    }
  });

  it('generated docs pages and README table are current (npm run docs)', () => {
    assert.deepStrictEqual(staleFiles(), []);
  });
});
