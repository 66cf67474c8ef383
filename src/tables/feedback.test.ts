import { describe, expect, it } from 'vitest';
import { feedbackBlocks, type FeedbackView } from './feedback.js';

const loop = { id: 'B1', polarity: 'balancing' as const, variables: ['Level', 'gap', 'adjusting'], links: [{ sign: '-' as const }, { sign: '+' as const }, { sign: '+' as const }] };
const texts = (view: FeedbackView, locale: 'en' | 'fr', period?: 'month') =>
  feedbackBlocks(period, view, locale).map((b) => (b.kind === 'table' ? b.rows.map((r) => r.join(' | ')).join('\n') : 'text' in b ? b.text : b.items.join('\n')));

describe('feedback blocks', () => {
  it('names each loop with its polarity and signs, and the periods by the model period or by t', () => {
    const view: FeedbackView = {
      loops: [loop],
      truncated: false,
      modules: [],
      dominance: {
        method: 'euler',
        dt: 0.25,
        scores: [{ loop: 'B1', observed: 'balancing' }],
        periods: [{ partition: 1, from: 0, to: 0.25, loop: null, share: 0, dominant: false }, { partition: 1, from: 0.25, to: 30, loop: 'B1', share: 1, dominant: true }],
        unscored: [],
      },
    };
    const en = texts(view, 'en', 'month');
    expect(en).toContain('B1 | balancing | Level → gap → adjusting → Level | − + + | balancing');
    expect(en).toContain('1 | month 0 | month 0.25 | (none: nothing changes) |  | \n1 | month 0.25 | month 30 | B1 | 100.0 % | yes');
    // French: a decimal comma, a no-break space before the colon, a narrow one before %.
    expect(texts(view, 'fr')).toContain('1 | t = 0 | t = 0,25 | (aucune\u00a0: rien ne varie) |  | \n1 | t = 0,25 | t = 30 | B1 | 100,0\u202f% | oui');
  });

  it('says when the search stopped, what it left out, and why dominance was not computed', () => {
    const view: FeedbackView = { loops: [loop], truncated: true, modules: ['hares', 'lynxes'], dominance: { refused: 'too-large', evaluations: 3e7, max: 2e7 } };
    const en = texts(view, 'en').join('\n');
    expect(en).toContain('The variables inside the modules hares, lynxes are left out');
    expect(en).toContain('The search stopped at 1 loops');
    expect(en).toContain('Dominance not computed: the run would take 30,000,000 evaluations, past the limit of 20,000,000.');
  });
});
