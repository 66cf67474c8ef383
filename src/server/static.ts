/**
 * The studio's built files (dist/studio/) at /: a file when one matches, else index.html, so
 * the single-page app's own addresses load it too. Outside /api only.
 *
 * The build names each script and style under assets/ by a hash of its content, so those are
 * kept by the browser for good (`immutable`): a new build has new names. Kept, a script need not
 * be fetched again, and the browser may compile it from its code cache rather than from its text
 * (elkjs alone is 1.5 MB, which the layout worker took 0.4–1.6 s to load on the loaded machine). The pages
 * themselves (index.html) are asked again each time, so a new build is seen at once.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, Next } from 'hono';
import type { Env } from './route.js';

export const ASSET_CACHING = 'public, max-age=31536000, immutable';

/** The caching of a file served (serveStatic's onFound comes once its answer is made: too late to set a header). */
async function caching(c: Context<Env>, next: Next): Promise<void> {
  await next();
  if (c.req.path.startsWith('/api/') || !c.res.headers.has('Last-Modified')) return;
  c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? ASSET_CACHING : 'no-cache');
}

export function studioFiles(app: Hono<Env>, root: string): void {
  app.use('*', caching);
  app.use('*', serveStatic({ root }));
  app.get('*', serveStatic({ root, path: 'index.html' }));
}
