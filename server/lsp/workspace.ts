import { existsSync, readFileSync, readdirSync } from 'fs';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../../rules/types';
import { uriToPath } from './paths';

/**
 * The engine's view of the files in the editor: open documents as the user sees them (unsaved
 * edits included), everything else from disk. Reads are synchronous and small (config files,
 * includes, a .dockerignore); a missing or unreadable file is simply absent.
 *
 * Rules read several neighbouring files per analysis, so open documents are indexed by path
 * once, when they open, rather than by converting every URI on every read.
 */
export function editorWorkspace(documents: TextDocuments<TextDocument>): Workspace {
  const openByPath = new Map<string, string>();
  documents.onDidOpen(({ document }) => openByPath.set(uriToPath(document.uri), document.uri));
  documents.onDidClose(({ document }) => openByPath.delete(uriToPath(document.uri)));
  return {
    readFile(path) {
      const uri = openByPath.get(path);
      const open = uri === undefined ? undefined : documents.get(uri);
      if (open) return open.getText();
      // Most files rules look for (a .dockerignore, an env file) are absent: asking first
      // avoids building and throwing an ENOENT error on every keystroke.
      if (!existsSync(path)) return undefined;
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(dir) {
      if (!existsSync(dir)) return undefined;
      try {
        return readdirSync(dir);
      } catch {
        return undefined;
      }
    },
  };
}
