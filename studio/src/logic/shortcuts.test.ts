import { describe, expect, it } from 'vitest';
import { routeOf, hashOf } from './route.js';
import { shortcutOf, type KeyPress } from './shortcuts.js';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: null, ...extra });

describe('shortcuts', () => {
  it('undo and redo with Ctrl (or Cmd) and Z', () => {
    expect(shortcutOf(press('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutOf(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutOf(press('z', { metaKey: true }))).toBe('undo');
  });
  it('single keys outside fields only; Escape everywhere', () => {
    expect(shortcutOf(press('a'))).toBe('add-actor');
    expect(shortcutOf(press('Delete'))).toBe('delete');
    expect(shortcutOf(press('?'))).toBe('shortcuts');
    const field = { tagName: 'INPUT' } as unknown as EventTarget;
    expect(shortcutOf(press('a', { target: field }))).toBeUndefined();
    expect(shortcutOf(press('z', { ctrlKey: true, target: field }))).toBeUndefined();
    expect(shortcutOf(press('Escape', { target: field }))).toBe('escape');
    expect(shortcutOf(press('a', { ctrlKey: true }))).toBeUndefined();
  });
});

describe('routes', () => {
  it('read and write the address', () => {
    expect(routeOf('')).toEqual({ view: 'library' });
    expect(routeOf('#/models')).toEqual({ view: 'models' });
    expect(routeOf('#/model/app%20store')).toEqual({ view: 'model', id: 'app store' });
    expect(hashOf({ view: 'model', id: 'app store' })).toBe('#/model/app%20store');
  });
});
