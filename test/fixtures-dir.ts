/**
 * Where the tests' copied data lives: test/fixtures, inside the project (the SDXorg
 * system-dynamics test suite in sd-test-models/, MIT, with its LICENSE and AUTHORS), so tests need
 * nothing beside the repository.
 */
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
