/** The library: each model's description, sources and assumptions; open it, or copy it to change it. */
import { useState } from 'react';
import { textIn, type Text } from '../../../src/core/index.js';
import type { Api, LibraryAssumption, LibraryEntry } from '../api.js';
import type { Route } from '../logic/route.js';
import { useWords } from '../words.js';
import { ErrorNote, Loading, Unit, useLoad } from './common.js';

export function LibraryView({ client, go }: { client: Api; go: (route: Route) => void }) {
  const words = useWords();
  const { data, error } = useLoad(() => client.library(), [client]);
  const [failure, setFailure] = useState<unknown>();
  const copy = async (id: string) => {
    try {
      const version = await client.copyFromLibrary(id);
      go({ view: 'model', id: version.model });
    } catch (reason) {
      setFailure(reason);
    }
  };
  return (
    <section className="page">
      <h1>{words.t('studio.library.heading')}</h1>
      <p className="muted">{words.t('studio.library.intro')}</p>
      <ErrorNote error={error ?? failure} />
      {!data && !error && <Loading />}
      <div className="cards">
        {data?.map((entry) => (
          <LibraryCard key={entry.id} entry={entry} onOpen={() => go({ view: 'model', id: entry.id })} onCopy={() => void copy(entry.id)} />
        ))}
      </div>
    </section>
  );
}

function LibraryCard({ entry, onOpen, onCopy }: { entry: LibraryEntry; onOpen: () => void; onCopy: () => void }) {
  const words = useWords();
  const assumptions = entry.assumptions ?? entry.provenance?.parameters?.filter((p) => p.assumption !== undefined) ?? [];
  const description = textIn(entry.description, words.locale);
  return (
    <article className="card" data-library={entry.id}>
      <h2 data-user-text>{words.locale === 'en' ? (entry.label ?? entry.name) : entry.name}</h2>
      {description && <p data-user-text>{description}</p>}
      <div className="actions">
        <button onClick={onOpen}>{words.t('studio.library.open')}</button>
        <button onClick={onCopy}>{words.t('studio.library.copy')}</button>
      </div>
      {entry.sources && entry.sources.length > 0 && (
        <details>
          <summary>{words.t('studio.library.sources')}</summary>
          <ul>
            {entry.sources.map((source, i) => (
              <li key={i} data-user-text>
                {source}
              </li>
            ))}
          </ul>
        </details>
      )}
      {assumptions.length > 0 && (
        <details>
          <summary>{words.t('studio.library.assumptions')}</summary>
          <ul>
            {assumptions.map((a, i) => (
              <li key={i} data-user-text>
                {typeof a === 'string' || !isAssumption(a) ? textIn(a as Text, words.locale) : <Assumption a={a} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

/** A parameter's provenance, rather than a text in one or two languages. */
function isAssumption(a: LibraryAssumption | Text): a is LibraryAssumption {
  return typeof a === 'object' && ('name' in a || 'assumption' in a || 'value' in a);
}

function Assumption({ a }: { a: LibraryAssumption }) {
  const words = useWords();
  return (
    <>
      {a.name && <code>{a.name}</code>} {typeof a.value === 'number' ? words.n(a.value) : a.value} <Unit unit={a.unit} value={typeof a.value === 'number' ? a.value : 2} />
      {a.assumption && <> — {textIn(a.assumption, words.locale)}</>}
      {a.range && <> ({words.t('studio.library.range', { low: words.n(a.range[0]), high: words.n(a.range[1]) })})</>}
    </>
  );
}
