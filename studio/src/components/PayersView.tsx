/** Who pays whom, over the horizon: overall and per scenario. */
import { actorName, objectName, whoPays, type PaymentTable } from '../../../src/analyses/index.js';
import { scenarioName } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { useWords } from '../words.js';

export function PayersView({ ecosystem }: { ecosystem: Ecosystem }) {
  const words = useWords();
  const result = whoPays(ecosystem);
  const { doc } = ecosystem;
  const table = (t: PaymentTable) => (
    <div key={t.scenario ?? ''} className="payers">
      <h4>{t.scenario === undefined ? words.t('payers.allScenarios') : words.t('payers.scenario', { scenario: scenarioName(doc, t.scenario) })}</h4>
      {t.payments.length === 0 ? (
        <p>{words.t('payers.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{words.t('column.payer')}</th>
              <th>{words.t('column.payee')}</th>
              <th>{words.t('column.for')}</th>
              <th className="number">{words.t('column.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {t.payments.map((p, i) => (
              <tr key={i}>
                <td>{actorName(doc, p.payer)}</td>
                <td>{actorName(doc, p.payee)}</td>
                <td>{objectName(doc, p.object)}</td>
                <td className="number">{words.n(p.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
  return (
    <div data-testid="payers">
      <p className="muted">{words.t('payers.intro', { periods: words.t('period.count', { period: doc.period, count: doc.horizon, n: doc.horizon }), currency: result.currency })}</p>
      {table(result.overall)}
      {result.scenarios.length > 1 && result.scenarios.map(table)}
    </div>
  );
}
