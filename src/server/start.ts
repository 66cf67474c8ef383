/**
 * The server on a socket: the SQLite workspace opened (created if needed, the engine's change
 * applier given so renames reach the dynamics' equations) and held against a second server
 * (workspace-lock.ts), the library seeded once, the app served by @hono/node-server. What
 * `symbiose studio` runs; the CLI says what happens in words.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { applyModelChanges } from '../engine/index.js';
import { openSqliteStore, seedLibrary, type Workspace } from '../store/index.js';
import { workerPool, type WorkerPool } from '../runtime/index.js';
import { createApp } from './app.js';
import { lockWorkspace } from './workspace-lock.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4321;

/**
 * Where the workspace is when none is named: $SYMBIOSE_WORKSPACE, else workspace.sqlite in the
 * user's data folder ($XDG_DATA_HOME/symbiose, else ~/.local/share/symbiose, as the XDG base
 * directory specification says).
 */
export function defaultWorkspacePath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (env.SYMBIOSE_WORKSPACE) return env.SYMBIOSE_WORKSPACE;
  const data = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(data, 'symbiose', 'workspace.sqlite');
}

export interface ServerOptions {
  host?: string;
  port: number;
  workspacePath: string;
  /** The studio's built files, served at / (left out when absent). */
  studioDir?: string;
  libraryDir?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  /** The address to open (the port chosen by the system when 0 was asked). */
  url: string;
  host: string;
  port: number;
  /** Library models loaded into the workspace now: all of them on its first start, else none. */
  seeded: string[];
  /** Stops listening, lets open requests finish, then closes the workspace. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const inMemory = options.workspacePath === ':memory:';
  if (!inMemory) mkdirSync(dirname(options.workspacePath), { recursive: true });
  // Refused here, before anything is opened, when another server holds the file.
  const lock = inMemory ? undefined : lockWorkspace(options.workspacePath);
  const workspace = await openSqliteStore({ path: options.workspacePath, apply: applyModelChanges }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  try {
    const seeded = await seedLibrary(workspace, options.libraryDir);
    // One engine worker started now and kept: the first simulation does not wait for a thread.
    const engine = workerPool();
    engine.warm();
    // Aborted when the server stops: the analysis jobs still running stop with it.
    const closing = new AbortController();
    const app = createApp({ workspace, engine, closing: closing.signal, ...optional(options) });
    const server = await listen(app.fetch, host, options.port).catch(async (error: unknown) => {
      closing.abort();
      await engine.close();
      throw error;
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    lock?.listening(url);
    return { url, host, port, seeded, close: () => (closing.abort(), stop(server, workspace, engine)).finally(() => lock?.release()) };
  } catch (error) {
    await workspace.close();
    lock?.release();
    throw error;
  }
}

function optional(options: ServerOptions) {
  return {
    ...(options.studioDir !== undefined ? { studioDir: options.studioDir } : {}),
    ...(options.libraryDir !== undefined ? { libraryDir: options.libraryDir } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
  };
}

type NodeServer = ReturnType<typeof serve>;

/** Listens; rejects with the system's error (EADDRINUSE for a port taken) rather than crashing. */
function listen(fetch: Parameters<typeof serve>[0]['fetch'], hostname: string, port: number): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port });
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function stop(server: NodeServer, workspace: Workspace, engine: WorkerPool): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive connections would hold close() open.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  });
  await engine.close();
  await workspace.close();
}
