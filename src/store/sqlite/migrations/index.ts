/**
 * SQLite's migrations in the order they apply. Each is a module exporting `name` and `sql`;
 * a new one is appended with the next number and only adds (tables, columns, indexes), so an
 * older store upgrades in place on open and no migration ever rewrites another's work.
 */
import type { Migration } from '../../migration.js';
import * as m0001 from './0001-articles.js';
import * as m0002 from './0002-links.js';

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
];
