/**
 * The side panel when nothing is selected: what the model is (its description, horizon, currency
 * and size), what the arrows' colours mean, and how to start editing.
 */
import { NATURES, textIn, type ModelDocument } from '../../../src/core/index.js';
import { periodCount } from '../../../src/tables/index.js';
import { NATURE_COLOURS } from '../logic/graph.js';
import { useWords } from '../words.js';

export function Overview({ doc }: { doc: ModelDocument }) {
  const words = useWords();
  const description = textIn(doc.description, words.locale);
  const count = (key: 'studio.overview.actors' | 'studio.overview.transactions' | 'studio.overview.parameters', n: number) => words.t(key, { count: n, n: words.n(n) });
  const carried = new Set(Object.values(doc.transactions).flatMap((t) => t.transfers.map((tr) => doc.valueObjects[tr.object]?.nature)));
  return (
    <div className="overview" data-testid="overview">
      <h2>{words.t('studio.overview.title')}</h2>
      {description && (
        <p className="description" data-user-text>
          {description}
        </p>
      )}
      <ul className="facts">
        <li>{words.t('studio.overview.horizon', { periods: periodCount(words.locale, doc.period, doc.horizon), currency: doc.currency })}</li>
        <li>
          {count('studio.overview.actors', Object.keys(doc.actors).length)}, {count('studio.overview.transactions', Object.keys(doc.transactions).length)},{' '}
          {count('studio.overview.parameters', Object.keys(doc.parameters ?? {}).length)}
        </li>
      </ul>
      {carried.size > 0 && (
        <>
          <h3>{words.t('studio.overview.legend')}</h3>
          <ul className="legend">
            {NATURES.filter((n) => carried.has(n)).map((nature) => (
              <li key={nature}>
                <span className="swatch" style={{ background: NATURE_COLOURS[nature] }} aria-hidden="true" /> {words.t(`nature.${nature}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">{words.t('studio.panel.nothing')}</p>
    </div>
  );
}
