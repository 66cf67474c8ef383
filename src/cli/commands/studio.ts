/**
 * `symbiose studio`: opens the workspace (made on first use, the library loaded into it once),
 * serves the HTTP API and the studio's files, prints the address to open, and stops cleanly on
 * Ctrl-C (the workspace closed, exit 130).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Command } from 'commander';
import { interruptSignal } from '../../runtime/index.js';
import type { RunningServer, ServerOptions } from '../../server/index.js';
import { EXIT, UsageError } from '../errors.js';
import { packageFile } from '../files.js';
import { t } from '../lang.js';

/** Ports tried after the default one when it is taken. */
const NEXT_PORTS = 20;

interface StudioOptions {
  port?: string;
  host?: string;
  workspace?: string;
}

/** The server, loaded only when the studio starts: other commands start without hono. */
const serverModule = () => import('../../server/index.js');

export function registerStudio(program: Command): void {
  program
    .command('studio')
    .description(t('cmd.studio'))
    .option('--port <n>', t('option.studioPort'))
    .option('--host <host>', t('option.studioHost'))
    .option('--workspace <file>', t('option.studioWorkspace'))
    .action(async (options: StudioOptions) => {
      const signal = interruptSignal();
      const { DEFAULT_HOST, DEFAULT_PORT, defaultWorkspacePath } = await serverModule();
      const workspacePath = options.workspace ?? defaultWorkspacePath(process.env, homedir());
      const studioDir = packageFile('dist/studio');
      const hasApp = existsSync(`${studioDir}/index.html`);
      if (!hasApp) process.stderr.write(`symbiose: ${t('studio.noApp', { folder: studioDir })}\n`);
      const server = await listening(
        { host: options.host ?? DEFAULT_HOST, port: DEFAULT_PORT, workspacePath, ...(hasApp ? { studioDir } : {}) },
        options.port === undefined ? undefined : portOf(options.port),
      );
      if (server.seeded.length > 0) process.stdout.write(`${t('studio.seeded', { count: server.seeded.length })}\n`);
      process.stdout.write(`${t('studio.listening', { url: server.url, workspace: workspacePath })}\n`);
      await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
      await server.close();
      process.stderr.write(`symbiose: ${t('studio.stopped')}\n`);
      process.exitCode = EXIT.cancelled;
    });
}

/**
 * The server on the port asked; without one, on the default port or, when it is taken, the
 * next free one (said on standard error). A port asked that is taken is a usage error.
 */
async function listening(options: ServerOptions & { host: string }, asked: number | undefined): Promise<RunningServer> {
  const { startServer, WorkspaceBusyError } = await serverModule();
  const first = asked ?? options.port;
  const last = asked ?? options.port + NEXT_PORTS;
  for (let port = first; ; port++) {
    try {
      const server = await startServer({ ...options, port });
      if (port !== first) process.stderr.write(`symbiose: ${t('studio.portNext', { port: first, next: port })}\n`);
      return server;
    } catch (error) {
      if (error instanceof WorkspaceBusyError) {
        const words = { workspace: error.workspace, pid: error.pid, url: error.url ?? '' };
        throw new UsageError(t(error.url ? 'studio.workspaceBusyAt' : 'studio.workspaceBusy', words));
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && port < last) continue;
      if (code === 'EADDRINUSE') throw new UsageError(t('studio.portTakenGiven', { port: first, host: options.host }));
      if (code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND') {
        throw new UsageError(t('studio.cannotListen', { host: options.host, port, reason: code }));
      }
      throw error;
    }
  }
}

function portOf(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(t('studio.badPort', { value: text }));
  return port;
}
