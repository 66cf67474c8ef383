/**
 * Variants side by side, as `symbiose compare` prints them (src/tables): the stocks at the
 * horizon, then each actor's NPV, net cash, break-even and deepest position, or for a segment the
 * value it receives, its net money and its net gain, as written and in each variant.
 */
import { useMemo } from 'react';
import { variantOutcome, type VariantOutcome } from '../../../src/analyses/index.js';
import { applyVariant, type Ecosystem } from '../../../src/core/index.js';
import { compareBlocks } from '../../../src/tables/index.js';
import { analyse } from '../logic/analyse.js';
import { useWords } from '../words.js';
import { Blocks } from './Blocks.js';

export function VariantsView({ ecosystem }: { ecosystem: Ecosystem }) {
  const words = useWords();
  const { doc } = ecosystem;
  const { outcomes, failed } = useMemo(() => {
    const made: VariantOutcome[] = [variantOutcome('base', words.t('compare.asWritten'), ecosystem)];
    const broken: string[] = [];
    for (const [id, variant] of Object.entries(doc.variants ?? {})) {
      const varied = analyse(applyVariant(doc, id)).ecosystem;
      if (varied) made.push(variantOutcome(id, variant.name ?? id, varied));
      else broken.push(variant.name ?? id);
    }
    return { outcomes: made, failed: broken };
  }, [ecosystem, words.locale]);
  if (Object.keys(doc.variants ?? {}).length === 0) return <p className="muted">{words.t('studio.variants.none')}</p>;
  // The title names the model, already in the toolbar.
  const blocks = compareBlocks(doc, outcomes, undefined, words.locale).slice(1);
  return (
    <div className="variants" data-testid="variants">
      <Blocks blocks={blocks} />
      {failed.map((name) => (
        <p key={name} className="error">
          {words.t('studio.variants.failed', { variant: name })}
        </p>
      ))}
    </div>
  );
}
