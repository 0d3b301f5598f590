/**
 * Event actors as merged events key them. A person, organisation or group the article names is
 * its resolved entity (`e17`), whatever the event coder guessed for its country; a state,
 * named or stood for by its capital, demonym or a description ("North Korean officials"), is its
 * country (`c:PRK`), so that "Russia", "Moscow" and "the Russian side" meet; anything else is
 * its name (`n:…`).
 */
import { countryName } from '../../geo/index.js';
import { entityClass } from '../entities/local-entities.js';
import { nameKey } from '../names.js';
import type { ActorRef, ArticleEvent, LocalEntity } from '../types.js';

type Actor = NonNullable<ArticleEvent['source']>;

export class ActorResolver {
  private readonly byKey = new Map<string, number>();

  /** `ids[i]` is the resolved entity of `locals[i]`. */
  constructor(
    private readonly locals: readonly LocalEntity[],
    private readonly ids: readonly string[],
  ) {
    locals.forEach((l, i) => l.keys.forEach((k) => this.byKey.has(k) || this.byKey.set(k, i)));
  }

  private entityNamed(name: string): number | undefined {
    return this.byKey.get(`k:${nameKey(name)}`);
  }

  resolve(actor: Actor | null): ActorRef | null {
    if (!actor) return null;
    const local = this.entityNamed(actor.name);
    const named = local === undefined ? null : this.locals[local]!;
    if (named && local !== undefined && ['PERSON', 'ORG', 'MISC'].includes(entityClass(named.type)))
      return {
        key: this.ids[local]!,
        entity: this.ids[local]!,
        name: named.name,
        country: actor.country,
      };
    if (actor.country) {
      const country = countryName(actor.country);
      const place = country === null ? undefined : this.entityNamed(country);
      return {
        key: `c:${actor.country}`,
        entity: place === undefined ? null : this.ids[place]!,
        name: country ?? actor.name,
        country: actor.country,
      };
    }
    if (named && local !== undefined)
      return { key: this.ids[local]!, entity: this.ids[local]!, name: named.name, country: null };
    const key = nameKey(actor.name);
    return key ? { key: `n:${key}`, entity: null, name: actor.name, country: null } : null;
  }
}
