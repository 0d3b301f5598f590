/**
 * A story input from an analysed document, with entity ids made of the entity type and the name
 * key of its canonical form (`PERSON:pakcholsu`): the stand-in for resolved entity ids that the
 * bench and the tests use until cross-article entity resolution gives real ones.
 */
import type { Doc, EntityType } from '../doc/index.js';
import { nameKey } from './names.js';
import type { StoryInput } from './stories.js';

export function storyInputOf(doc: Doc): StoryInput {
  const entities = new Map<string, { id: string; type: EntityType; mentions: number }>();
  for (const e of doc.layers.entities ?? []) {
    const id = `${e.type}:${nameKey(e.canonical)}`;
    const entry = entities.get(id) ?? { id, type: e.type, mentions: 0 };
    entry.mentions++;
    entities.set(id, entry);
  }
  const published = /^\d{4}-\d{2}-\d{2}/.exec(doc.meta.published ?? '')?.[0] ?? null;
  return { id: doc.id, published, title: doc.meta.title, body: doc.text, entities: [...entities.values()] };
}
