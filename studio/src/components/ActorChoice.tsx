/** Which actor an analysis shows: the selection, or one chosen here (which selects it). */
import type { ModelDocument } from '../../../src/core/index.js';
import { useWords } from '../words.js';
import type { Selection } from './Graph.js';

export function ActorChoice({ doc, actor, onSelect }: { doc: ModelDocument; actor: string; onSelect: (s: Selection) => void }) {
  const words = useWords();
  return (
    <label className="field inline">
      <span>{words.t('studio.panel.actor')}</span>
      <select value={actor} onChange={(e) => onSelect({ kind: 'actor', id: e.target.value })} data-testid="analysis-actor">
        {Object.entries(doc.actors).map(([id, a]) => (
          <option key={id} value={id}>
            {a.name ?? id}
          </option>
        ))}
      </select>
    </label>
  );
}
