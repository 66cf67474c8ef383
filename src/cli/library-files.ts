/** The library folder shipped with Symbiose: listing, reading and locating its models. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueEntry, type CatalogueEntry } from '../analyses/index.js';
import { closest } from '../core/index.js';
import { UsageError } from './errors.js';
import { packageFile } from './files.js';
import { t } from './lang.js';
import { loadModelFile } from './model-file.js';

export const LIBRARY_DIR = packageFile('library');

export function libraryIds(): string[] {
  return readdirSync(LIBRARY_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

export function libraryFile(id: string): string {
  const ids = libraryIds();
  if (!ids.includes(id)) {
    const suggestion = closest(id, ids);
    throw new UsageError(t('library.unknownModel', { id, hint: suggestion ? t('usage.didYouMean', { suggestion }) : '' }));
  }
  return join(LIBRARY_DIR, `${id}.yaml`);
}

/** Every library model's card; a model that fails to load is listed with its error count. */
export function readCatalogue(): Array<CatalogueEntry & { errors: number }> {
  return libraryIds().map((id) => {
    const result = loadModelFile(join(LIBRARY_DIR, `${id}.yaml`));
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    if (result.ecosystem) return { ...catalogueEntry(id, result.ecosystem.doc), errors };
    return { id, name: id, label: undefined, summary: t('library.doesNotLoad'), tags: [], sources: [], errors };
  });
}
