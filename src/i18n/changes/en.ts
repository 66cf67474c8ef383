import type { ListOf, Quantity } from '../../core/index.js';
import { en as issues } from '../issues/en.js';
import { formatNumber } from '../numbers.js';
import type { ChangeMessages } from './catalogue.js';

const q = (name: string | number) => `"${name}"`;
const noun = (kind: keyof typeof issues.words.records) => issues.words.records[kind];
const value = (quantity: Quantity) => (typeof quantity === 'number' ? formatNumber('en', quantity) : q(String(quantity)));

/** The record an item's list is in: actor "bakery", transaction "sale", scenario "buy". */
function owner(list: ListOf): string {
  switch (list.kind) {
    case 'cost':
      return `actor ${q(list.actor)}`;
    case 'transfer':
      return `transaction ${q(list.transaction)}`;
    default:
      return `scenario ${q(list.scenario)}`;
  }
}

const FIELD = { name: 'name', label: 'English label' } as const;

export const en: ChangeMessages = {
  add: (c) => ('id' in c ? `added ${noun(c.kind)} ${q(c.id)}` : `added a ${noun(c.kind)} to ${owner(c)}`),
  update: (c) => ('id' in c ? `changed ${noun(c.kind)} ${q(c.id)}` : `changed ${noun(c.kind)} ${c.index + 1} of ${owner(c)}`),
  remove: (c) => ('id' in c ? `removed ${noun(c.kind)} ${q(c.id)}` : `removed ${noun(c.kind)} ${c.index + 1} of ${owner(c)}`),
  rename: (c) => `renamed ${noun(c.kind)} ${q(c.from)} to ${q(c.to)}`,
  'set-parameter': (c) => `set parameter ${q(c.name)} to ${value(c.value)}`,
  'set-position': (c) => (c.position === null ? `removed the position of actor ${q(c.actor)}` : `moved actor ${q(c.actor)} to (${formatNumber('en', c.position.x)}, ${formatNumber('en', c.position.y)})`),
  'set-label': (c) => (c.text === null ? `removed the ${FIELD[c.field]} of ${noun(c.kind)} ${q(c.id)}` : `set the ${FIELD[c.field]} of ${noun(c.kind)} ${q(c.id)} to ${q(c.text)}`),
};
