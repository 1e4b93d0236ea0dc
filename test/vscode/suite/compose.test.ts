import * as assert from 'assert';
import * as fs from 'fs';
import { fileUri, open, waitForDiagnostic, workspaceRoot } from './helpers';
import * as path from 'path';

function composeFile(): string {
  for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']) {
    if (fs.existsSync(path.join(workspaceRoot(), name))) return name;
  }
  throw new Error(`no compose file in ${workspaceRoot()}`);
}

describe('Compose diagnostics', () => {
  it('reports compose/privileged on privileged: true', async () => {
    const editor = await open(composeFile());
    const d = await waitForDiagnostic(fileUri(composeFile()), 'compose/privileged');
    const line = editor.document.lineAt(d.range.start.line).text;
    assert.match(line, /privileged/, `diagnostic is not on the privileged key: ${line}`);
  });
});
