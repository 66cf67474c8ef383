/** The model's versions: what each changed, two compared, any one restored as a new version. */
import { useState } from 'react';
import { changeMessage } from '../../../src/i18n/index.js';
import type { History } from '../api.js';
import { useWords } from '../words.js';
import type { AnalysesProps } from './Analyses.js';
import { ErrorNote, Loading, useLoad } from './common.js';

export function HistoryView({ id, client, version, onRestored }: AnalysesProps) {
  const words = useWords();
  const { data, error } = useLoad<History>(() => client.history(id), [client, id, version.number]);
  const [from, setFrom] = useState<number>();
  const [compared, setCompared] = useState<string[]>();
  const [failure, setFailure] = useState<unknown>();
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const restore = async (n: number) => {
    try {
      onRestored((await client.restore(id, version.number, n)).version);
    } catch (reason) {
      setFailure(reason);
    }
  };
  const compare = async (to: number) => {
    if (from === undefined) return;
    try {
      setCompared((await client.compare(id, from, to)).words);
    } catch (reason) {
      setFailure(reason);
    }
  };
  return (
    <div className="history" data-testid="history">
      <ErrorNote error={failure} />
      <ol reversed>
        {[...data.versions].reverse().map((v) => (
          <li key={v.number} data-version={v.number}>
            <strong>{words.t('studio.history.version', { n: v.number, kind: words.t(`studio.history.kind.${v.kind}`) })}</strong>{' '}
            <span className="muted">{new Date(v.savedAt).toLocaleString(words.locale)}</span>
            <ul>
              {v.changes.slice(0, 5).map((c, i) => (
                <li key={i}>{changeMessage(c, words.locale)}</li>
              ))}
              {v.changes.length > 5 && <li>{words.t('studio.history.more', { count: v.changes.length - 5 })}</li>}
            </ul>
            <button className="small" onClick={() => setFrom(v.number)} aria-pressed={from === v.number}>
              {words.t('studio.history.compareFrom')}
            </button>
            {from !== undefined && from !== v.number && (
              <button className="small" onClick={() => void compare(v.number)}>
                {words.t('studio.history.compareTo')}
              </button>
            )}
            {v.number !== version.number && (
              <button className="small" onClick={() => void restore(v.number)}>
                {words.t('studio.history.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {compared && (
        <div className="compared" data-testid="compared">
          <h4>{words.t('studio.history.differences')}</h4>
          {compared.length === 0 ? <p>{words.t('studio.history.same')}</p> : <ul>{compared.map((w, i) => <li key={i}>{w}</li>)}</ul>}
        </div>
      )}
    </div>
  );
}
