/**
 * The studio's built files (dist/studio/) at /: a file when one matches, else index.html, so
 * the single-page app's own addresses load it too. Outside /api only.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { Env } from './route.js';

export function studioFiles(app: Hono<Env>, root: string): void {
  app.use('*', serveStatic({ root }));
  app.get('*', serveStatic({ root, path: 'index.html' }));
}
