/**
 * Version 2: actors may carry `position: { x, y }`, where the studio draws them. Up changes only
 * the version (every version-1 document is a valid version-2 one); down drops the positions and
 * says how many it dropped.
 */
import { issue } from '../issues.js';
import { define, isPlainRecord, withKey, type Migration, type PlainDocument } from './migration.js';

export const positions: Migration = {
  from: 1,
  adds: 'actor positions for the studio',
  up: (data) => ({ data: withKey(data, 'symbiose', 2), issues: [] }),
  down(data) {
    const actors = data.actors;
    let dropped = 0;
    let out = withKey(data, 'symbiose', 1);
    if (isPlainRecord(actors)) {
      const kept: PlainDocument = {};
      for (const [id, actor] of Object.entries(actors)) {
        if (isPlainRecord(actor) && 'position' in actor) {
          const { position: _, ...rest } = actor;
          define(kept, id, rest);
          dropped++;
        } else define(kept, id, actor);
      }
      out = withKey(out, 'actors', kept);
    }
    const issues =
      dropped === 0
        ? []
        : [issue('migration-loss', ['actors'], { field: 'position', count: dropped, from: 2, to: 1 }, { severity: 'warning', atKey: true })];
    return { data: out, issues };
  },
};
