import type { KindName, ListOf, Quantity } from '../../core/index.js';
import { records } from '../issues/fr.js';
import { formatNumber } from '../numbers.js';
import type { ChangeMessages } from './catalogue.js';

const NBSP = '\u00a0';
const q = (name: string | number) => `«${NBSP}${name}${NBSP}»`;
const value = (quantity: Quantity) => (typeof quantity === 'number' ? formatNumber('fr', quantity) : q(String(quantity)));
const elided = (kind: KindName) => /^[aeéèiouy]/i.test(records[kind].one);

/** « du paramètre », « de la transaction », « de l’acteur ». */
const of = (kind: KindName) => `${elided(kind) ? 'de l’' : records[kind].feminine ? 'de la ' : 'du '}${records[kind].one}`;
/** « au scénario », « à la transaction », « à l’acteur ». */
const to = (kind: KindName) => `${elided(kind) ? 'à l’' : records[kind].feminine ? 'à la ' : 'au '}${records[kind].one}`;
/** « d’un coût », « d’une étape ». */
const ofA = (kind: KindName) => `d’${records[kind].feminine ? 'une' : 'un'} ${records[kind].one}`;

/** The record an item's list is in, with its kind: ['actor', 'bakery']. */
function owner(list: ListOf): [KindName, string] {
  switch (list.kind) {
    case 'cost':
      return ['actor', list.actor];
    case 'transfer':
      return ['transaction', list.transaction];
    default:
      return ['scenario', list.scenario];
  }
}
const ofOwner = (list: ListOf) => `${of(owner(list)[0])} ${q(owner(list)[1])}`;

const FIELD = { name: 'du nom', label: 'du libellé anglais' } as const;
const NEW_FIELD = { name: 'nouveau nom', label: 'nouveau libellé anglais' } as const;

export const fr: ChangeMessages = {
  add: (c) => ('id' in c ? `ajout ${of(c.kind)} ${q(c.id)}` : `ajout ${ofA(c.kind)} ${to(owner(c)[0])} ${q(owner(c)[1])}`),
  update: (c) => ('id' in c ? `modification ${of(c.kind)} ${q(c.id)}` : `modification ${of(c.kind)} ${c.index + 1} ${ofOwner(c)}`),
  remove: (c) => ('id' in c ? `suppression ${of(c.kind)} ${q(c.id)}` : `suppression ${of(c.kind)} ${c.index + 1} ${ofOwner(c)}`),
  rename: (c) => `renommage ${of(c.kind)} ${q(c.from)} en ${q(c.to)}`,
  'set-parameter': (c) => `nouvelle valeur du paramètre ${q(c.name)}${NBSP}: ${value(c.value)}`,
  'set-position': (c) =>
    c.position === null ? `retrait de la position de l’acteur ${q(c.actor)}` : `déplacement de l’acteur ${q(c.actor)} en (${formatNumber('fr', c.position.x)}${NBSP}; ${formatNumber('fr', c.position.y)})`,
  'set-label': (c) => (c.text === null ? `retrait ${FIELD[c.field]} ${of(c.kind)} ${q(c.id)}` : `${NEW_FIELD[c.field]} ${of(c.kind)} ${q(c.id)}${NBSP}: ${q(c.text)}`),
};
