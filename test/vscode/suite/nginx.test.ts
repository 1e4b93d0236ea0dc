import * as assert from 'assert';
import { fileUri, open, waitForDiagnostic } from './helpers';

describe('nginx diagnostics', () => {
  it('reports nginx/server-tokens on a config without server_tokens off', async () => {
    const editor = await open('nginx/nginx.conf');
    assert.ok(!/server_tokens\s+off/.test(editor.document.getText()), 'example already has server_tokens off');
    const d = await waitForDiagnostic(fileUri('nginx/nginx.conf'), 'nginx/server-tokens');
    assert.ok(d.range.start.line < editor.document.lineCount);
  });
});
