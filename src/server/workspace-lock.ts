/**
 * One studio per workspace file. The server holds `<workspace>.lock` while it runs, naming its
 * process and address; a second server on the same file is refused with both, so the user opens
 * the studio already running instead of two servers writing one file behind each other's back.
 * A lock left by a process that no longer runs (killed, the machine stopped) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';

/** Another process holds the workspace: data, which the CLI puts in words. */
export class WorkspaceBusyError extends Error {
  constructor(
    readonly workspace: string,
    readonly pid: number,
    readonly url: string | undefined,
  ) {
    super(`workspace ${workspace} is open in process ${pid}`);
  }
}

interface Holder {
  pid: number;
  url?: string;
}

export interface WorkspaceLock {
  /** Writes the address the server listens on into the lock, for a second server to name. */
  listening(url: string): void;
  release(): void;
}

export function lockWorkspace(workspace: string): WorkspaceLock {
  const path = `${workspace}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid } satisfies Holder));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = holderOf(path);
      if (holder && holder.pid !== process.pid && running(holder.pid)) throw new WorkspaceBusyError(workspace, holder.pid, holder.url);
      // Ours from an earlier attempt, or left by a process that is gone: taken over.
      unlinkSync(path);
    }
  }
  return {
    listening: (url) => writeFileSync(path, JSON.stringify({ pid: process.pid, url } satisfies Holder)),
    release: () => {
      if (holderOf(path)?.pid === process.pid) unlinkSync(path);
    },
  };
}

function holderOf(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' ? { pid: holder.pid, ...(typeof holder.url === 'string' ? { url: holder.url } : {}) } : undefined;
  } catch {
    // Unreadable or half-written (its writer was killed between open and write): nobody's.
    return undefined;
  }
}

/** Whether a process runs: signal 0 checks without sending anything (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
