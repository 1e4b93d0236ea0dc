import { readFileSync, readdirSync } from 'fs';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../../rules/types';
import { uriToPath } from './paths';

/**
 * The engine's view of the files in the editor: open documents as the user sees them (unsaved
 * edits included), everything else from disk. Reads are synchronous and small (config files,
 * includes, a .dockerignore); a missing or unreadable file is simply absent.
 */
export function editorWorkspace(documents: TextDocuments<TextDocument>): Workspace {
  const openText = (path: string) => {
    for (const doc of documents.all()) if (uriToPath(doc.uri) === path) return doc.getText();
    return undefined;
  };
  return {
    readFile(path) {
      const open = openText(path);
      if (open !== undefined) return open;
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return undefined;
      }
    },
  };
}
