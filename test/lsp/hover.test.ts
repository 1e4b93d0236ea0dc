import assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { withCode } from './client';
import { useServer } from './harness';
import { tempFolder } from './repo';

// Hovering a squiggle shows the rule's documentation: markdown naming the rule id.

describe('LSP hover', function () {
  this.timeout(15000);
  const folder = tempFolder();
  after(() => folder.remove());
  const server = useServer({ rootPath: folder.dir });
  const text = 'FROM node:latest\nCOPY . /app\nCMD ["node", "/app/server.js"]\n';

  it('shows markdown documentation naming the rule under the cursor, over the diagnostic range', async () => {
    const client = server();
    const uri = folder.uri('Dockerfile');
    await client.open(uri, 'dockerfile', text);
    const [latest] = withCode(await client.diagnostics(uri, 1), 'dockerfile/image-latest');
    const hover = await client.hover(uri, { line: 0, character: 12 });
    assert.ok(hover, 'a hover inside the tag');
    const contents = hover.contents as MarkupContent;
    assert.strictEqual(contents.kind, 'markdown');
    assert.match(contents.value, /`dockerfile\/image-latest`/);
    assert.doesNotMatch(contents.value, /user-missing/, 'only the rules whose range covers the cursor');
    assert.deepStrictEqual(hover.range, latest.range);
    assert.match(contents.value, /\]\(https:\/\/\S+\)/, 'links to the rule page');
  });

  it('documents the rule of the FROM keyword separately from the tag', async () => {
    const client = server();
    const uri = folder.uri('keyword/Dockerfile');
    await client.open(uri, 'dockerfile', text);
    await client.diagnostics(uri, 1);
    const hover = await client.hover(uri, { line: 0, character: 1 });
    assert.match((hover?.contents as MarkupContent).value, /`dockerfile\/user-missing`/);
  });

  it('answers null away from any finding, past the end of the file and for unknown documents', async () => {
    const client = server();
    const uri = folder.uri('none/Dockerfile');
    await client.open(uri, 'dockerfile', text);
    await client.diagnostics(uri, 1);
    assert.strictEqual(await client.hover(uri, { line: 1, character: 3 }), null);
    assert.strictEqual(await client.hover(uri, { line: 999, character: 999 }), null);
    assert.strictEqual(await client.hover(folder.uri('closed/Dockerfile'), { line: 0, character: 0 }), null);
  });

  it('reflects the latest edit even when asked before the debounced analysis ran', async () => {
    const client = server();
    const uri = folder.uri('fresh/Dockerfile');
    await client.open(uri, 'dockerfile', 'FROM node:22\nUSER node\n');
    await client.diagnostics(uri, 1);
    assert.strictEqual(await client.hover(uri, { line: 0, character: 11 }), null);
    await client.change(uri, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 12 } }, text: 'latest' }]);
    const hover = await client.hover(uri, { line: 0, character: 11 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /dockerfile\/image-latest/);
  });
});
