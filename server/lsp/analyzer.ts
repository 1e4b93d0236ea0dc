import { posix } from 'path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkConfigFile, isConfigFile, loadConfig } from '../../rules/config';
import { analyze, type Analysis } from '../../rules/engine';
import type { Finding, Kind, ResolvedConfig, Workspace } from '../../rules/types';
import { uriToPath } from './paths';

/** What the server remembers about one analyzed document version. */
export interface DocumentResult {
  uri: string;
  version: number;
  path: string;
  text: string;
  findings: Finding[];
  /** Absent for config files, which have no rules of their own. */
  analysis?: Analysis;
  /** Analysis time, used to size the document's debounce. */
  durationMs: number;
}

const LANGUAGE_KINDS: Record<string, Kind> = {
  dockerfile: 'dockerfile',
  dockercompose: 'compose',
  nginx: 'nginx',
};

/**
 * Turns documents into findings through the engine, caching each folder's resolved config
 * until a config file changes. Holds no LSP connection: main.ts decides when to publish.
 */
export class DocumentAnalyzer {
  private readonly configs = new Map<string, ResolvedConfig>();
  private readonly results = new Map<string, DocumentResult>();

  constructor(private readonly workspace: Workspace) {}

  analyzeDocument(document: TextDocument): DocumentResult {
    const started = performance.now();
    const path = uriToPath(document.uri);
    const text = document.getText();
    const { findings, analysis } = this.analyzeText(path, text, document.languageId);
    const result: DocumentResult = {
      uri: document.uri,
      version: document.version,
      path,
      text,
      findings,
      analysis,
      durationMs: performance.now() - started,
    };
    this.results.set(document.uri, result);
    return result;
  }

  /** Findings for any text at `path` (used by fix-all to re-analyze between passes). */
  analyzeText(path: string, text: string, languageId: string): { findings: Finding[]; analysis?: Analysis } {
    if (isConfigFile(path)) return { findings: checkConfigFile(path, text) };
    const kind = LANGUAGE_KINDS[languageId];
    const analysis = analyze({ path, text, kind }, { workspace: this.workspace, config: this.configFor(path) });
    return { findings: analysis?.findings ?? [], analysis };
  }

  /** The latest result for a document, if it is still of the given version. */
  resultFor(uri: string, version?: number): DocumentResult | undefined {
    const result = this.results.get(uri);
    return result && (version === undefined || result.version === version) ? result : undefined;
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }

  configFor(path: string): ResolvedConfig {
    const dir = posix.dirname(path);
    let config = this.configs.get(dir);
    if (!config) {
      config = loadConfig(path, this.workspace);
      this.configs.set(dir, config);
    }
    return config;
  }

  /** Call when any config file may have changed: every folder resolves again. */
  invalidateConfigs(): void {
    this.configs.clear();
  }
}
