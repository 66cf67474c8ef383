/**
 * Where the SDXorg system-dynamics test suite lives: a copy kept in the project
 * (test/fixtures/sd-test-models, MIT, see its LICENSE and AUTHORS), so tests need nothing beside
 * the repository.
 */
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The folder that holds `sd-test-models/`. */
export function sharedDir(): string {
  return FIXTURES;
}
