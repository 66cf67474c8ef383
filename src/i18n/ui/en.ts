/**
 * Every word the surfaces show that is not an issue message: help, headings, table columns,
 * verdicts. Keys are stable codes; fr.ts must define every one (the compiler checks it).
 */
import type { Template } from '../template.js';

export const en = {
  'program.description': 'Symbiose: a lab for ecosystem business models',
  'program.exitCodes':
    'Exit codes: 0 ok, 1 invalid model, 2 usage error (bad command, option or file), 3 internal error, 4 a check failed, 5 output not written, 130 cancelled (Ctrl-C).',
  'program.start': 'Start with: symbiose tour    or    symbiose init && symbiose validate',
} satisfies Record<string, Template>;

export type UiKey = keyof typeof en;
