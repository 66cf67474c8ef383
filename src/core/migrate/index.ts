/** Format versions: the registry of up and down migrations, and the function that runs them. */
export { migrate, versionOf, type Migrated } from './migrate.js';
export { migrateText, type MigratedText } from './text.js';
export { MIGRATIONS, LATEST_VERSION, OLDEST_VERSION } from './registry.js';
export type { Migration, MigrationResult, PlainDocument } from './migration.js';
