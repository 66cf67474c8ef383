/**
 * The library loaded into a new workspace: every model of `library/` (the folder shipped with the
 * package), each under its file's name, on the workspace's first start only. The store makes it
 * idempotent: a workspace once seeded is never seeded again, so a library model the user deleted
 * stays deleted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NewModel, Workspace } from './workspace.js';

/** The library folder, from src/store or dist/store alike. */
export const LIBRARY_DIR = fileURLToPath(new URL('../../library/', import.meta.url));

export function libraryModels(dir: string = LIBRARY_DIR): NewModel[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ id: file.slice(0, -'.yaml'.length), text: readFileSync(join(dir, file), 'utf8'), format: 'yaml' as const }));
}

/** Seeds the workspace with the library if it was never seeded; returns the ids created. */
export async function seedLibrary(store: Workspace, dir: string = LIBRARY_DIR): Promise<string[]> {
  return store.seed(libraryModels(dir));
}
