/**
 * The `symbiose` command line. Each command lives in commands/; this file wires them and turns
 * every error into a message and an exit code (see errors.ts), never a stack trace.
 */
import { CommanderError, Option, type Command } from 'commander';
import { chooseLocale, LOCALES, text } from '../i18n/index.js';
import { registerCanvas } from './commands/canvas.js';
import { registerCompare } from './commands/compare.js';
import { registerTemplate } from './commands/template.js';
import { registerInit } from './commands/init.js';
import { registerLibrary } from './commands/library.js';
import { registerPayers } from './commands/payers.js';
import { registerRisk } from './commands/risk.js';
import { registerProfit } from './commands/profit.js';
import { registerSchema } from './commands/schema.js';
import { registerLimits } from './commands/limits.js';
import { registerSimulate } from './commands/simulate.js';
import { registerXmile } from './commands/xmile.js';
import { registerSummary } from './commands/summary.js';
import { registerShare } from './commands/share.js';
import { registerCheck } from './commands/check.js';
import { registerDataValue } from './commands/data-value.js';
import { registerLoops } from './commands/loops.js';
import { registerStudio } from './commands/studio.js';
import { registerTour } from './commands/tour.js';
import { registerValidate } from './commands/validate.js';
import { LocalizedCommand } from './commander.js';
import { registerMigrate } from './commands/migrate.js';
import { registerExperiment } from './commands/experiment.js';
import { EXIT, InvalidModelError, OutputError, outputErrorMessage, UsageError } from './errors.js';
import { finishOutput, watchStandardOutput } from './output.js';
import { chooseCliLocale, langArgument, t } from './lang.js';
import { CancelledError } from './simulation-run.js';
import { EngineWorkerStopped, releaseInterrupt } from '../runtime/index.js';

/** Commands that take the Ctrl-C signal and stop on it, saying so, with exit code 130. */
const STOPS_CLEANLY = new Set(['simulate', 'studio', 'risk']);

/** The program in the language chosen by chooseCliLocale (its help is built in it). */
export function buildProgram(): Command {
  const program = new LocalizedCommand('symbiose')
    .description(t('program.description'))
    .version('0.1.0', '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .addOption(new Option('--lang <lang>', t('option.lang')).choices(LOCALES))
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText('after', `\n${t('program.exitCodes')}\n${t('program.start')}`);
  registerStudio(program);
  registerTour(program);
  registerInit(program);
  registerValidate(program);
  registerCanvas(program);
  registerPayers(program);
  registerProfit(program);
  registerSummary(program);
  registerShare(program);
  registerCheck(program);
  registerDataValue(program);
  registerLoops(program);
  registerCompare(program);
  registerRisk(program);
  registerLibrary(program);
  registerSimulate(program);
  registerTemplate(program);
  registerXmile(program);
  registerSchema(program);
  registerLimits(program);
  registerMigrate(program);
  registerExperiment(program);
  // Commands that stop cleanly on Ctrl-C take the signal as they start (see runtime/interrupt.ts);
  // the others get the default back, so Ctrl-C ends them even inside synchronous work.
  program.hook('preAction', (_program, command) => {
    if (!STOPS_CLEANLY.has(command.name())) releaseInterrupt();
  });
  program.exitOverride();
  const overrideAll = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(overrideAll);
  };
  overrideAll(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  chooseCliLocale(argv, process.env);
  const program = buildProgram();
  watchStandardOutput();
  try {
    await program.parseAsync(argv, { from: 'user' });
    await finishOutput();
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    const code = exitCodeFor(error);
    if (code !== EXIT.ok) return code;
    // Help and the version are output too: a closed pipe or a full disk is exit 5 for them as well.
    return finishOutput().then(() => code, exitCodeFor);
  }
}

/**
 * What Ctrl-C prints, whether the command stopped itself or the runtime stopped it (then maybe
 * before main() has chosen the language: it is chosen here the same way).
 */
export function cancelledLine(): string {
  return `symbiose: ${text(chooseLocale(langArgument(process.argv.slice(2)), process.env), 'run.cancelled')}\n`;
}

/** What went wrong, for the internal-error line: our own stopped worker in the user's words. */
function internalMessage(error: unknown): string {
  if (error instanceof EngineWorkerStopped) {
    return error.reason === 'out-of-memory' ? t('error.workerOutOfMemory') : t('error.workerStopped', { code: String(error.exitCode) });
  }
  return (error as Error)?.message ?? String(error);
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
    process.stderr.write(cancelledLine());
    return EXIT.cancelled;
  }
  if (error instanceof InvalidModelError) {
    process.stderr.write(`symbiose: ${error.message}\n`);
    return EXIT.invalidModel;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`symbiose: ${outputErrorMessage(error)}\n`);
    return EXIT.outputNotWritten;
  }
  if (process.env.SYMBIOSE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.stderr.write(`symbiose: ${t('error.internal', { message: internalMessage(error) })}\n`);
  return EXIT.internal;
}
