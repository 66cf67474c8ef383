/**
 * Finds the chromium the browser tests drive: $CHROMIUM, else Debian's /usr/bin/chromium. When
 * it is missing and this process may install packages (root with apt-get), it installs Debian's
 * package; otherwise it stops with the one command to run. Never a silent skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The flags chromium needs on this kind of machine (no sandbox as root, no GPU, no network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function found(): string | undefined {
  const wanted = process.env.CHROMIUM;
  if (wanted) return existsSync(wanted) ? wanted : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export function chromiumPath(): string {
  const path = found();
  if (path) return path;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt && !process.env.CHROMIUM) {
    const install = spawnSync('sh', ['-c', INSTALL_COMMAND], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 300_000 });
    const installed = found();
    if (installed) return installed;
    throw new Error(`The browser tests need chromium, and installing it failed (${INSTALL_COMMAND}):\n${install.stderr}`);
  }
  throw new Error(
    process.env.CHROMIUM
      ? `The browser tests need chromium: $CHROMIUM is ${process.env.CHROMIUM}, which does not exist.`
      : `The browser tests need chromium. Install it with:\n  sudo sh -c '${INSTALL_COMMAND}'\n(or set CHROMIUM to a chromium binary).`,
  );
}
