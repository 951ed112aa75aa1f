import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface ResolvedAsset {
  file: string;
  contentType: string;
}

/**
 * Maps a URL path to a file inside the built renderer, or null when it would leave that folder
 * (`..`, encoded separators, NUL). Paths without an extension are client-side routes: index.html.
 */
export function resolveAsset(rootDir: string, urlPath: string): ResolvedAsset | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = resolve(rootDir);
  const relative = decoded.replace(/^\/+/, '');
  const wantsRoute = relative === '' || extname(relative) === '';
  const file = resolve(root, wantsRoute ? 'index.html' : relative);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  return contentType ? { file, contentType } : null;
}
