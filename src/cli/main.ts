/**
 * The `symbiose` command line. Each command lives in commands/; this file wires them and turns
 * every error into a message and an exit code (see errors.ts), never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { registerCanvas } from './commands/canvas.js';
import { registerCompare } from './commands/compare.js';
import { registerTemplate } from './commands/template.js';
import { registerInit } from './commands/init.js';
import { registerLibrary } from './commands/library.js';
import { registerPayers } from './commands/payers.js';
import { registerProfit } from './commands/profit.js';
import { registerSchema } from './commands/schema.js';
import { registerSimulate } from './commands/simulate.js';
import { registerXmile } from './commands/xmile.js';
import { registerSummary } from './commands/summary.js';
import { registerTour } from './commands/tour.js';
import { registerValidate } from './commands/validate.js';
import { EXIT, InvalidModelError, UsageError } from './errors.js';
import { CancelledError } from './simulation-run.js';

export function buildProgram(): Command {
  const program = new Command('symbiose')
    .description('Symbiose: a lab for ecosystem business models')
    .version('0.1.0')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 invalid model, 2 usage error (bad command, option or file), 3 internal error, 130 cancelled (Ctrl-C).\n' +
        'Start with: symbiose tour    or    symbiose init && symbiose validate',
    );
  registerTour(program);
  registerInit(program);
  registerValidate(program);
  registerCanvas(program);
  registerPayers(program);
  registerProfit(program);
  registerSummary(program);
  registerCompare(program);
  registerLibrary(program);
  registerSimulate(program);
  registerTemplate(program);
  registerXmile(program);
  registerSchema(program);
  program.exitOverride();
  const overrideAll = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(overrideAll);
  };
  overrideAll(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`symbiose: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof CancelledError) {
    process.stderr.write('symbiose: cancelled\n');
    return EXIT.cancelled;
  }
  if (error instanceof InvalidModelError) {
    process.stderr.write(`symbiose: ${error.message}\n`);
    return EXIT.invalidModel;
  }
  if (process.env.SYMBIOSE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.stderr.write(
    `symbiose: internal error: ${(error as Error)?.message ?? String(error)}\n` +
      'This is a bug in Symbiose; rerun with SYMBIOSE_DEBUG=1 for details and report it.\n',
  );
  return EXIT.internal;
}
