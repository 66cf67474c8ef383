/**
 * One studio and one chromium page for a browser test file: the real server (studio-server.ts),
 * Debian's chromium (chromium.ts), a page that reports its uncaught errors, and a picture of the
 * page left behind when a scenario fails.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
import { startStudio, type RunningStudio } from './studio-server.js';

export const SHOTS = 'docs/screenshots';

export interface StudioPage {
  studio: RunningStudio;
  browser: Browser;
  page: Page;
}

export async function openStudioPage(options: { viewport?: { width: number; height: number }; locale?: string; timeout?: number } = {}): Promise<StudioPage> {
  const executablePath = chromiumPath();
  const studio = await startStudio();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, locale: options.locale ?? 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`the page threw: ${error.stack ?? error.message}`));
  page.setDefaultTimeout(options.timeout ?? 8_000);
  mkdirSync(SHOTS, { recursive: true });
  return { studio, browser, page };
}

export async function closeStudioPage(open: Partial<StudioPage>): Promise<void> {
  await open.browser?.close();
  await open.studio?.stop();
}

/** An afterEach hook: a failed scenario leaves a picture of the page behind, named in the failure's output. */
export function shotOnFailure(prefix: string, page: () => Page | undefined) {
  return async (context: TestContext) => {
    const shown = page();
    if (context.task.result?.state !== 'fail' || !shown) return;
    const path = join(tmpdir(), `symbiose-${prefix}-${context.task.name.replace(/\W+/g, '-').slice(0, 60)}.png`);
    await shown.screenshot({ path }).catch(() => undefined);
    console.error(`screenshot of the failed scenario: ${path}`);
  };
}
