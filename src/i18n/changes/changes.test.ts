import { describe, expect, it } from 'vitest';
import type { Change } from '../../core/index.js';
import { changeMessage } from './index.js';

const NB = '\u00a0';

describe('changes in words', () => {
  const cases: Array<[Change, string, string]> = [
    [{ op: 'add', kind: 'actor', id: 'mill', record: { kind: 'organisation' } }, 'added actor "mill"', `ajout de l’acteur «${NB}mill${NB}»`],
    [{ op: 'add', kind: 'cost', actor: 'bakery', record: { fixed: 100 } } as Change, 'added a cost to actor "bakery"', `ajout d’un coût à l’acteur «${NB}bakery${NB}»`],
    [{ op: 'add', kind: 'step', scenario: 'buy', list: ['steps'], record: { actor: 'bakery' } } as Change, 'added a step to scenario "buy"', `ajout d’une étape au scénario «${NB}buy${NB}»`],
    [{ op: 'update', kind: 'transaction', id: 'sale', record: { transfers: [] } } as Change, 'changed transaction "sale"', `modification de la transaction «${NB}sale${NB}»`],
    [{ op: 'update', kind: 'transfer', transaction: 'sale', index: 1, record: { from: 'a', to: 'b', object: 'c' } } as Change, 'changed transfer 2 of transaction "sale"', `modification du transfert 2 de la transaction «${NB}sale${NB}»`],
    [{ op: 'remove', kind: 'parameter', id: 'price' }, 'removed parameter "price"', `suppression du paramètre «${NB}price${NB}»`],
    [{ op: 'remove', kind: 'cost', actor: 'bakery', index: 0 }, 'removed cost 1 of actor "bakery"', `suppression du coût 1 de l’acteur «${NB}bakery${NB}»`],
    [{ op: 'rename', kind: 'variant', from: 'a', to: 'b' }, 'renamed variant "a" to "b"', `renommage de la variante «${NB}a${NB}» en «${NB}b${NB}»`],
    [{ op: 'set-parameter', name: 'price', value: 1234.5 }, 'set parameter "price" to 1,234.5', `nouvelle valeur du paramètre «${NB}price${NB}»${NB}: 1\u202f234,5`],
    [{ op: 'set-parameter', name: 'price', value: 'loaves * 2' }, 'set parameter "price" to "loaves * 2"', `nouvelle valeur du paramètre «${NB}price${NB}»${NB}: «${NB}loaves * 2${NB}»`],
    [{ op: 'set-position', actor: 'mill', position: { x: 120, y: -40 } }, 'moved actor "mill" to (120, −40)', `déplacement de l’acteur «${NB}mill${NB}» en (120${NB}; −40)`],
    [{ op: 'set-position', actor: 'mill', position: null }, 'removed the position of actor "mill"', `retrait de la position de l’acteur «${NB}mill${NB}»`],
    [{ op: 'set-label', kind: 'valueObject', id: 'bread', field: 'name', text: 'Pain' }, 'set the name of value object "bread" to "Pain"', `nouveau nom de l’objet de valeur «${NB}bread${NB}»${NB}: «${NB}Pain${NB}»`],
    [{ op: 'set-label', kind: 'scenario', id: 'buy', field: 'label', text: null }, 'removed the English label of scenario "buy"', `retrait du libellé anglais du scénario «${NB}buy${NB}»`],
  ];
  it.each(cases)('%j', (change, english, french) => {
    expect(changeMessage(change, 'en')).toBe(english);
    expect(changeMessage(change, 'fr')).toBe(french);
  });
});
