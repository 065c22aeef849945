/**
 * Node's `url` module, as far as the language server uses it (features/globs.ts,
 * features/previousReports.ts), for the web worker bundle, where Node's built-ins do not exist
 * (scripts/build.mjs aliases `url` to this file there). A browser workspace has no Windows drive
 * letters or UNC shares, so a file: URI's path is the path, percent-decoded.
 */
export function fileURLToPath(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.protocol !== 'file:') throw new TypeError(`not a file: URL: ${parsed.href}`);
  return decodeURIComponent(parsed.pathname);
}

export function pathToFileURL(path: string): URL {
  return new URL(`file://${path.split('/').map(encodeURIComponent).join('/')}`);
}
