/**
 * Every format change, in order: the migration from version n to n + 1 sits at index n − 1. Each
 * later change to the format adds its migration here, with its test beside it.
 */
import type { Migration } from './migration.js';
import { positions } from './v2-positions.js';
import { languages } from './v3-languages.js';
import { uncertainty } from './v4-uncertainty.js';

export const MIGRATIONS: readonly Migration[] = [positions, languages, uncertainty];

/** The oldest and newest versions the registry can read and write. */
export const OLDEST_VERSION = 1;
export const LATEST_VERSION = OLDEST_VERSION + MIGRATIONS.length;
