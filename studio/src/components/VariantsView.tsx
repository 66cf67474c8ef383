/** Variants side by side: each actor's NPV, net cash and break-even as written and in each variant. */
import { useMemo } from 'react';
import { actorName, variantOutcome, type VariantOutcome } from '../../../src/analyses/index.js';
import { applyVariant, type Ecosystem } from '../../../src/core/index.js';
import { analyse } from '../logic/analyse.js';
import { useWords } from '../words.js';

export function VariantsView({ ecosystem }: { ecosystem: Ecosystem }) {
  const words = useWords();
  const { doc } = ecosystem;
  const outcomes = useMemo(() => {
    const rows: Array<VariantOutcome | { variant: string; name: string; failed: true }> = [variantOutcome('', words.t('compare.asWritten'), ecosystem)];
    for (const [id, variant] of Object.entries(doc.variants ?? {})) {
      const made = analyse(applyVariant(doc, id)).ecosystem;
      rows.push(made ? variantOutcome(id, variant.name ?? id, made) : { variant: id, name: variant.name ?? id, failed: true });
    }
    return rows;
  }, [ecosystem, words.locale]);
  if (outcomes.length === 1) return <p className="muted">{words.t('studio.variants.none')}</p>;
  const actors = Object.keys(doc.actors);
  return (
    <div className="variants" data-testid="variants">
      <table>
        <thead>
          <tr>
            <th>{words.t('column.actor')}</th>
            {outcomes.map((o) => (
              <th key={o.variant} className="number">
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actors.map((actor) => (
            <tr key={actor}>
              <td>
                {actorName(doc, actor)} <span className="muted">{words.t('column.npv')}</span>
              </td>
              {outcomes.map((o) => {
                const figures = 'failed' in o ? undefined : o.actors.find((a) => a.actor === actor);
                return (
                  <td key={o.variant} className="number">
                    {figures ? words.n(figures.npv) : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
