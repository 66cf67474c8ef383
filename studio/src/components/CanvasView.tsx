/** The Business Model Canvas of the selected actor, derived from the value network. */
import { actorName, canvas, CANVAS_BLOCKS } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { canvasItemText } from '../../../src/tables/index.js';
import { useWords } from '../words.js';
import type { Selection } from './Graph.js';
import { ActorChoice } from './ActorChoice.js';

export function CanvasView({ ecosystem, actor, onSelect }: { ecosystem: Ecosystem; actor: string | undefined; onSelect: (s: Selection) => void }) {
  const words = useWords();
  const { doc } = ecosystem;
  const shown = actor && Object.hasOwn(doc.actors, actor) ? actor : Object.keys(doc.actors)[0];
  if (!shown) return <p className="muted">{words.t('studio.analyses.noActors')}</p>;
  const result = canvas(ecosystem, shown);
  return (
    <div className="canvas-view" data-testid="canvas">
      <ActorChoice doc={doc} actor={shown} onSelect={onSelect} />
      <h3>{words.t('canvas.title', { actor: actorName(doc, shown) })}</h3>
      <div className="canvas-grid">
        {CANVAS_BLOCKS.map((block) => (
          <div key={block} className={`block ${block}`} data-block={block}>
            <h4>{words.t(`canvas.block.${block}`)}</h4>
            <ul>
              {result.blocks[block].map((item, i) => (
                <li key={i}>{canvasItemText(doc, shown, item, words.locale)}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
