/**
 * A schema migration, as both stores list them (`sqlite/migrations/`, `postgres/migrations/`):
 * numbered modules exporting `name` and `sql`, applied in order, each only adding to the schema.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
