/**
 * PostgreSQL's migrations in the order they apply, numbered like SQLite's (the articles schema is
 * migration 1 in both); a new one is appended with the next number and only adds.
 */
import type { Migration } from '../../migration.js';
import * as m0001 from './0001-articles.js';
import * as m0002 from './0002-queue.js';
import * as m0003 from './0003-links.js';

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
];
