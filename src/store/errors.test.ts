import { describe, expect, it } from 'vitest';
import { LOCALES, text, type UiKey } from '../i18n/index.js';
import { ChangesRefused, InvalidModel, InvalidModelId, ModelExists, ModelNotFound, NothingToRedo, NothingToUndo, Outdated, VersionNotFound, type StoreError } from './index.js';

const save = { number: 3, kind: 'save' as const, of: null, changes: [], savedAt: '2026-12-01T12:00:00.000Z' };
const ERRORS: StoreError[] = [
  new ModelNotFound('bakery'),
  new VersionNotFound('bakery', 9, 4),
  new ModelExists('bakery'),
  new InvalidModelId('a b'),
  new InvalidModel([]),
  new Outdated('bakery', 2, 4, [save, { ...save, number: 4 }]),
  new ChangesRefused('bakery', []),
  new NothingToUndo('bakery'),
  new NothingToRedo('bakery'),
];

describe('the store’s refusals in words', () => {
  it('have a message in every language, every placeholder filled from the error’s params', () => {
    expect(new Set(ERRORS.map((e) => e.code)).size).toBe(ERRORS.length);
    for (const error of ERRORS) {
      for (const locale of LOCALES) {
        const message = text(locale, `store.${error.code}` as UiKey, error.params);
        expect(message, `${locale} ${error.code}`).not.toMatch(/\{\w+\}|^store\./);
      }
    }
  });

  it('say how many saves came first, and since which version', () => {
    const outdated = new Outdated('bakery', 2, 4, [save, { ...save, number: 4 }]);
    expect(outdated.params).toEqual({ model: 'bakery', basedOn: 2, latest: 4, count: 2 });
    expect(text('en', 'store.outdated', outdated.params)).toBe(
      'model "bakery" was saved 2 times since version 2, the one edited here, and is now at version 4: nothing was saved. What changed meanwhile:',
    );
    expect(text('fr', 'store.outdated', { ...outdated.params, count: 1, latest: 3 })).toBe(
      'le modèle «\u00a0bakery\u00a0» a été enregistré une fois depuis la version 2, celle modifiée ici, et en est à la version 3\u00a0: rien n’a été enregistré. Ce qui a changé entre-temps\u00a0:',
    );
  });
});
