/**
 * Prepared statements kept per connection: preparing costs more than running most of the link
 * pass's small queries. The SQL texts are fixed strings of the code (values always go in as
 * parameters), so the cache holds a bounded set: at most `MAX_STATEMENTS` per connection.
 */
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './open.js';

const MAX_STATEMENTS = 500;
const caches = new WeakMap<SqliteDb, Map<string, Statement>>();

export function statement(db: SqliteDb, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
