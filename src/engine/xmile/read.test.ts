import { describe, expect, it } from 'vitest';
import { readXmile } from './read.js';

describe('readXmile', () => {
  it('says where an element named __proto__ is, rather than that the XML cannot be parsed', () => {
    const text = '<xmile>\n  <model><variables>\n    <aux name="a"><eqn>1</eqn><__proto__>x</__proto__></aux>\n  </variables></model>\n</xmile>';
    // Line 3; `<__proto__>` starts after 4 spaces and `<aux name="a"><eqn>1</eqn>` (26 characters): column 31.
    expect(readXmile(text, 'm.xmile').issues.map((i) => [i.code, i.params])).toEqual([['xml', { reason: 'reserved-tag', tag: '__proto__', line: 3, column: 31 }]]);
  });
});
