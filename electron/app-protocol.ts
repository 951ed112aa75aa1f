import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAsset } from './security/asset-path';
import { contentSecurityPolicy } from './security/csp';
import { APP_SCHEME } from './security/navigation';

/** Must run before `app.ready`: gives `app://` a real, secure origin (file:// would be origin null). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from disk with the CSP header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAsset(rendererDir, new URL(request.url).pathname);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.file);
      return new Response(body, {
        headers: {
          'Content-Type': asset.contentType,
          'Content-Security-Policy': contentSecurityPolicy(),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
