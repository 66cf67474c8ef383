/**
 * How the value created is shared: each actor's net cash and the worth of what it receives over
 * the horizon, as bars side by side, with the shares in a table below.
 */
import { actorName, valueSharing } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { useWords } from '../words.js';
import { Chart } from './Chart.js';

export function SharingView({ ecosystem }: { ecosystem: Ecosystem }) {
  const words = useWords();
  const sharing = valueSharing(ecosystem);
  const { doc } = ecosystem;
  const names = sharing.actors.map((a) => actorName(doc, a.actor));
  const share = (x: number | undefined) => (x === undefined ? '—' : `${words.n(x * 100)} %`);
  return (
    <div className="sharing" data-testid="sharing">
      <p className="muted">{words.t('studio.sharing.created', { amount: words.n(sharing.valueCreated), currency: sharing.currency })}</p>
      <Chart
        testId="sharing-chart"
        x={names.map((_, i) => i)}
        xLabel={words.t('column.actor')}
        xNames={names}
        series={[
          { label: words.t('column.netCash'), values: sharing.actors.map((a) => a.money), colour: '#2e7d32', bars: true, align: -1 },
          { label: words.t('column.nonMoneyValue'), values: sharing.actors.map((a) => a.nonMoney), colour: '#6a1b9a', bars: true, align: 1 },
        ]}
      />
      <table>
        <thead>
          <tr>
            <th>{words.t('column.actor')}</th>
            <th className="number">{words.t('column.netCash')}</th>
            <th className="number">{words.t('column.cashShare')}</th>
            <th className="number">{words.t('column.nonMoneyValue')}</th>
            <th className="number">{words.t('column.valueShare')}</th>
          </tr>
        </thead>
        <tbody>
          {sharing.actors.map((a, i) => (
            <tr key={a.actor}>
              <td>{names[i]}</td>
              <td className="number">{words.n(a.money)}</td>
              <td className="number">{share(a.moneyShare)}</td>
              <td className="number">{words.n(a.nonMoney)}</td>
              <td className="number">{share(a.totalShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
