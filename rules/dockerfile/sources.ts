// What an `ADD`/`COPY` source is: a remote URL, a git repository, a local tar archive that
// `ADD` unpacks, or a plain local path. `ADD` unpacks local tar archives (uncompressed, gzip,
// bzip2, xz, zstd); it never unpacks zip files and never unpacks anything it downloads.

export type SourceKind = 'url' | 'git' | 'archive' | 'local' | 'unknown';

const GIT_SSH = /^(?:[\w.-]+@)?[\w.-]+\.[a-z]{2,}:[\w./~-]+?(?:\.git)?(?:#.*)?$/i;
const TAR_ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lzma|tlz|gz|bz2|xz|zst|lzma)$/i;

export function isRemoteUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export function isGitSource(source: string): boolean {
  if (/^git:\/\//i.test(source) || /^ssh:\/\//i.test(source)) return true;
  if (/^git@/i.test(source)) return true;
  if (/^https?:\/\//i.test(source)) {
    const withoutFragment = source.split('#')[0].replace(/\/+$/, '');
    return /\.git$/i.test(withoutFragment);
  }
  return GIT_SSH.test(source) && source.includes('@');
}

/** A local file name `ADD` would try to unpack as a tar archive. */
export function isTarArchiveName(source: string): boolean {
  return TAR_ARCHIVE.test(source);
}

export function sourceKind(source: string): SourceKind {
  if (source.includes('$')) return 'unknown';
  if (isGitSource(source)) return 'git';
  if (isRemoteUrl(source)) return 'url';
  if (isTarArchiveName(source)) return 'archive';
  return 'local';
}

/** `a.tar.gz` from `dir/a.tar.gz`, `"a.tgz"` or `C:\x\a.tgz`. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[/\\]+$/, '');
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return trimmed.slice(slash + 1);
}
