import assert from 'assert';
import { isExcluded, parseDockerIgnore, readDockerIgnore } from '../../../rules/dockerfile/dockerignore';
import { memoryWorkspace } from '../../../rules/workspace';

function excluded(patterns: string, path: string): boolean {
  return isExcluded(parseDockerIgnore(patterns), path);
}

describe('.dockerignore matching', () => {
  it('matches names at the context root, with cleaning', () => {
    assert.ok(excluded('.env', '.env'));
    assert.ok(excluded('/.env', '.env'));
    assert.ok(excluded('./.env', '.env'));
    assert.ok(excluded('  .git/  ', '.git'));
    assert.ok(!excluded('.env', 'config/.env'), 'a plain name only matches at the root');
  });

  it('excludes everything under an excluded directory', () => {
    assert.ok(excluded('.git', '.git/config'));
    assert.ok(excluded('node_modules', 'node_modules/a/b.js'));
  });

  it('keeps * and ? within one path segment', () => {
    assert.ok(excluded('*.md', 'README.md'));
    assert.ok(!excluded('*.md', 'docs/README.md'));
    assert.ok(excluded('*/*.md', 'docs/README.md'));
    assert.ok(excluded('.env?', '.env1'));
    assert.ok(!excluded('.env?', '.env/x12'));
  });

  it('lets ** span directories', () => {
    assert.ok(excluded('**/.env', '.env'));
    assert.ok(excluded('**/.env', 'a/b/.env'));
    assert.ok(excluded('**', 'anything/at/all'));
    assert.ok(excluded('src/**/*.pem', 'src/a/b/k.pem'));
    assert.ok(excluded('src/**/*.pem', 'src/k.pem'));
  });

  it('applies ! exceptions with the last match winning', () => {
    assert.ok(!excluded('.env*\n!.env.example', '.env.example'));
    assert.ok(excluded('.env*\n!.env.example', '.env.local'));
    assert.ok(excluded('!.env\n.env', '.env'));
    assert.ok(!excluded('*\n!src', 'src/index.js'));
  });

  it('supports classes and escapes, skips comments and blank lines', () => {
    assert.ok(excluded('[a-c].txt', 'b.txt'));
    assert.ok(!excluded('[^a-c].txt', 'b.txt'));
    assert.ok(excluded('[!a-c].txt', '!.txt'), '`!` is a plain member of a class, as in Go');
    assert.ok(excluded('\\*.txt', '*.txt'));
    assert.ok(!excluded('\\*.txt', 'a.txt'));
    assert.ok(!excluded('# .env\n\n', '.env'));
    assert.ok(!excluded('[', '['), 'a malformed pattern matches nothing');
  });

  it('prefers <Dockerfile>.dockerignore over the context one', () => {
    const workspace = memoryWorkspace({ '/w/app.Dockerfile.dockerignore': 'a', '/w/.dockerignore': 'b' });
    assert.strictEqual(readDockerIgnore(workspace, '/w/app.Dockerfile', '/w')?.path, '/w/app.Dockerfile.dockerignore');
    assert.strictEqual(readDockerIgnore(workspace, '/w/Dockerfile', '/w')?.path, '/w/.dockerignore');
    assert.strictEqual(readDockerIgnore(memoryWorkspace({}), '/w/Dockerfile', '/w'), undefined);
  });
});
