/**
 * A request path reduced to the one spelling that names a file of a build: percent-escapes decoded,
 * empty and `.` segments dropped, `..` applied. `directory` is true when the path ends in a slash
 * (or a dot segment), i.e. names a folder's index.html.
 */
export type SitePath = { segments: string[]; directory: boolean };

/**
 * Normalises a raw request path (no query), or null when it cannot name a file of the build: bad
 * percent-encoding, `..` above the root, or a segment that decodes to a slash, backslash or NUL
 * (`%2f`, `%5c`, `%00`), which would otherwise let one segment stand for several or for another host.
 */
export function normaliseSitePath(raw: string): SitePath | null {
  if (raw[0] !== '/') return null;
  const parts = raw.split('/');
  const segments: string[] = [];
  let directory = false;
  for (let i = 1; i < parts.length; i++) {
    let part = parts[i];
    if (part.includes('%')) {
      try {
        part = decodeURIComponent(part);
      } catch {
        return null;
      }
    }
    if (part.includes('/') || part.includes('\\') || part.includes('\0')) return null;
    directory = part === '' || part === '.' || part === '..';
    if (part === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else if (!directory) {
      segments.push(part);
    }
  }
  return { segments, directory: directory || segments.length === 0 };
}

/** The build-relative file a normalised path names: a folder's index.html, or the file itself. */
export function builtFileOf(path: SitePath): string {
  const joined = path.segments.join('/');
  if (!path.directory) return joined;
  return joined ? `${joined}/index.html` : 'index.html';
}

/**
 * The folder form of a path as a same-origin URL path for a Location header: one leading slash
 * followed by a non-empty, fully escaped segment, so it can never read as `//host` or `/\host`.
 */
export function folderUrlOf(path: SitePath): string {
  return `/${path.segments.map(encodeURIComponent).join('/')}/`;
}
