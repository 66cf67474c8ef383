/** The workspace's models: open, delete, or start a new one from nothing. */
import { useState } from 'react';
import { PERIODS, type Period } from '../../../src/core/index.js';
import type { Api } from '../api.js';
import { newModelDocument } from '../logic/edits.js';
import type { Route } from '../logic/route.js';
import { useWords } from '../words.js';
import { ErrorNote, Loading, useLoad } from './common.js';

export function ModelsView({ client, go }: { client: Api; go: (route: Route) => void }) {
  const words = useWords();
  const { data, error, reload } = useLoad(() => client.models(), [client]);
  const [failure, setFailure] = useState<unknown>();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [period, setPeriod] = useState<Period>('month');
  const [horizon, setHorizon] = useState('12');

  const create = async () => {
    try {
      const version = await client.create(newModelDocument(name.trim(), currency.trim().toUpperCase(), period, Number(horizon)));
      go({ view: 'model', id: version.model });
    } catch (reason) {
      setFailure(reason);
    }
  };
  const remove = async (id: string, title: string) => {
    if (!confirm(words.t('studio.models.confirmDelete', { model: title }))) return;
    try {
      await client.remove(id);
      reload();
    } catch (reason) {
      setFailure(reason);
    }
  };

  return (
    <section className="page">
      <h1>{words.t('studio.models.heading')}</h1>
      <ErrorNote error={error ?? failure} />
      <form
        className="new-model"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>{words.t('studio.models.new')}</h2>
        <label>
          {words.t('studio.models.newName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="new-model-name" />
        </label>
        <label>
          {words.t('studio.models.currency')}
          <input value={currency} onChange={(e) => setCurrency(e.target.value)} size={4} />
        </label>
        <label>
          {words.t('studio.models.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {words.t('studio.period', { period: p })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {words.t('studio.models.horizon')}
          <input type="number" min={1} value={horizon} onChange={(e) => setHorizon(e.target.value)} />
        </label>
        <button type="submit">{words.t('studio.models.create')}</button>
      </form>
      <p className="muted">{words.t('studio.models.drop')}</p>
      {!data && !error && <Loading />}
      {data && data.length === 0 && <p>{words.t('studio.models.empty')}</p>}
      <ul className="model-list">
        {data?.map((m) => (
          <li key={m.id} data-model={m.id}>
            <a href={`#/model/${encodeURIComponent(m.id)}`} data-user-text>
              {words.locale === 'en' ? (m.label ?? m.name) : m.name}
            </a>{' '}
            <span className="muted">
              {m.id} · {words.t('studio.models.version', { n: m.latest })}
            </span>{' '}
            <button className="small" onClick={() => void remove(m.id, m.label ?? m.name)}>
              {words.t('studio.models.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
