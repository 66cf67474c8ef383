/**
 * The HTTP API (issue 15): the workspace's models, their history and analyses, the library,
 * files in and out, and its OpenAPI document; the studio's files beside it. A surface: it
 * parses, calls the core, the analyses and the store, and maps errors in one place.
 */
export { createApp, type AppOptions } from './app.js';
export { requestLocale } from './locale.js';
export { startServer, defaultWorkspacePath, DEFAULT_HOST, DEFAULT_PORT, type ServerOptions, type RunningServer } from './start.js';
export { WorkspaceBusyError } from './workspace-lock.js';
