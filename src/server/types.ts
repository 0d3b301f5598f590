/** The types the server is built from: the store it reads through, and the app it builds. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { LinkQueries, Store } from '../store/types.js';

/** Everything the explorer reads and writes: the corpus store and its linked-data queries. */
export type ExplorerStore = Store & LinkQueries;

export type ExplorerApp = OpenAPIHono;
