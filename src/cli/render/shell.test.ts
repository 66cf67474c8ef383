import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from './shell.js';

describe('shellWord', () => {
  it('leaves plain file names as they are and quotes the others so that sh reads them back whole', () => {
    expect(shellWord('models/shop.yaml')).toBe('models/shop.yaml');
    for (const name of ['my model.yaml', "l'atelier.yaml", 'a$b`c".yaml', 'tab\there']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellWord(name)}`], { encoding: 'utf8' })).toBe(name);
    }
  });
});
