import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_NAMES, commandsNeeded } from './main.js';

describe('commands loaded for a run', () => {
  it('loads the command a run names, or the one help names', () => {
    expect(commandsNeeded(['canvas', '-m', 'purple-button', 'insurer'])).toEqual(['canvas']);
    expect(commandsNeeded(['--lang', 'fr', 'validate', 'x.yaml'])).toEqual(['validate']);
    expect(commandsNeeded(['canvas', '--help'])).toEqual(['canvas']);
    expect(commandsNeeded(['help', 'profit'])).toEqual(['profit']);
    expect(commandsNeeded(['experiment', 'plan', '--rate', '0.1'])).toEqual(['experiment']);
    expect(commandsNeeded(['import', 'model.xmile'])).toEqual(['import']);
  });

  it('loads none for the version alone, all for the program help, no command or an unknown one', () => {
    expect(commandsNeeded(['--version'])).toEqual([]);
    expect(commandsNeeded(['-V', '--lang', 'fr'])).toEqual([]);
    for (const argv of [[], ['--help'], ['-h', 'canvas'], ['--version', '--help'], ['help'], ['help', 'frobnicate'], ['frobnicate'], ['--lang', 'fr']]) {
      expect(commandsNeeded(argv)).toEqual(COMMAND_NAMES);
    }
  });

  it('names each command as the command it loads', async () => {
    for (const name of COMMAND_NAMES) {
      const program = await buildProgram([name]);
      expect(program.commands.map((c) => c.name())).toContain(name);
    }
    const all = await buildProgram();
    expect(all.commands.map((c) => c.name()).filter((n) => n !== 'help')).toEqual(COMMAND_NAMES);
  });
});
