import * as vscode from 'vscode';

// The scan results view: image → severity → package → vulnerability. Children are built when a
// node is expanded, so a 10,000-vulnerability scan costs nothing until someone looks at it.
// Selecting a vulnerability reveals the Dockerfile line that introduced it.

// The shape the server's scan command returns; a type import only, so no server code is bundled.
export type { ScanSummary } from '../../server/lsp/scan-command';
import type { ScanSummary } from '../../server/lsp/scan-command';

type Vulnerability = ScanSummary['vulnerabilities'][number];
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
const ICONS: Record<string, string> = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'info', UNKNOWN: 'question' };

type Node =
  | { type: 'image'; scan: ScanSummary }
  | { type: 'severity'; scan: ScanSummary; severity: string; items: Vulnerability[] }
  | { type: 'package'; scan: ScanSummary; name: string; items: Vulnerability[] }
  | { type: 'vulnerability'; scan: ScanSummary; item: Vulnerability }
  | { type: 'secrets'; scan: ScanSummary }
  | { type: 'secret'; scan: ScanSummary; item: ScanSummary['secrets'][number] };

export class ScanResultsProvider implements vscode.TreeDataProvider<Node> {
  private readonly scans = new Map<string, ScanSummary>();
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  show(scan: ScanSummary): void {
    this.scans.delete(scan.dockerfileUri); // the latest scan goes last
    this.scans.set(scan.dockerfileUri, scan);
    this.changed.fire(undefined);
  }

  get(dockerfileUri: string): ScanSummary | undefined {
    return this.scans.get(dockerfileUri);
  }

  /** The most recent scan shown. */
  latest(): ScanSummary | undefined {
    return [...this.scans.values()].pop();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return [...this.scans.values()].map((scan) => ({ type: 'image', scan }));
    switch (node.type) {
      case 'image': {
        const bySeverity = SEVERITIES.map((severity) => ({
          type: 'severity' as const,
          scan: node.scan,
          severity,
          items: node.scan.vulnerabilities.filter((v) => v.severity === severity),
        })).filter((group) => group.items.length);
        return node.scan.secrets.length ? [{ type: 'secrets', scan: node.scan }, ...bySeverity] : bySeverity;
      }
      case 'severity': {
        const byPackage = new Map<string, Vulnerability[]>();
        for (const item of node.items) byPackage.set(item.pkgName, [...(byPackage.get(item.pkgName) ?? []), item]);
        return [...byPackage].sort(([a], [b]) => a.localeCompare(b)).map(([name, items]) => ({ type: 'package', scan: node.scan, name, items }));
      }
      case 'package':
        return node.items.map((item) => ({ type: 'vulnerability', scan: node.scan, item }));
      case 'secrets':
        return node.scan.secrets.map((item) => ({ type: 'secret', scan: node.scan, item }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.type) {
      case 'image': {
        const item = new vscode.TreeItem(node.scan.image, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.scan.vulnerabilities.length} vulnerabilities · ${node.scan.scannedAt}`;
        item.iconPath = new vscode.ThemeIcon('package');
        item.tooltip = node.scan.imageId;
        item.contextValue = 'scanImage';
        return item;
      }
      case 'severity': {
        const item = new vscode.TreeItem(node.severity, collapsed);
        item.description = String(node.items.length);
        item.iconPath = new vscode.ThemeIcon(ICONS[node.severity]);
        return item;
      }
      case 'package': {
        const item = new vscode.TreeItem(node.name, collapsed);
        const versions = [...new Set(node.items.map((v) => v.installedVersion))].join(', ');
        item.description = `${versions} · ${node.items.length}`;
        item.iconPath = new vscode.ThemeIcon('library');
        return item;
      }
      case 'vulnerability': {
        const v = node.item;
        const item = new vscode.TreeItem(v.id, vscode.TreeItemCollapsibleState.None);
        item.description = `${v.installedVersion} → ${v.fixedVersion ?? 'no fix'}${v.layer === 'base' ? ' · base image' : ''}`;
        item.tooltip = new vscode.MarkdownString(`**${v.id}** (${v.severity}) in \`${v.pkgName}\`${v.title ? `\n\n${v.title}` : ''}${v.url ? `\n\n[Advisory](${v.url})` : ''}`);
        item.command = revealCommand(node.scan.dockerfileUri, v.line);
        item.contextValue = 'vulnerability';
        return item;
      }
      case 'secrets': {
        const item = new vscode.TreeItem('Secrets', collapsed);
        item.description = String(node.scan.secrets.length);
        item.iconPath = new vscode.ThemeIcon('key');
        return item;
      }
      case 'secret': {
        const item = new vscode.TreeItem(node.item.title, vscode.TreeItemCollapsibleState.None);
        item.description = node.item.target;
        item.command = revealCommand(node.scan.dockerfileUri, node.item.line);
        return item;
      }
    }
  }
}

function revealCommand(uri: string, line: number): vscode.Command {
  const position = new vscode.Position(line, 0);
  return {
    title: 'Show in Dockerfile',
    command: 'vscode.open',
    arguments: [vscode.Uri.parse(uri), { selection: new vscode.Range(position, position) }],
  };
}
