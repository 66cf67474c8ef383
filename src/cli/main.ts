/**
 * The `symbiose` command line. Each command lives in commands/; this file wires them and turns
 * every error into a message and an exit code (see errors.ts), never a stack trace.
 */
import { CommanderError, Option, type Command } from 'commander';
import { chooseLocale, LOCALES, text } from '../i18n/index.js';
import { LocalizedCommand, suggestWith } from './commander.js';
import { EXIT, InvalidModelError, OutputError, outputErrorMessage, UsageError } from './errors.js';
import { finishOutput, watchStandardOutput } from './delivery.js';
import { chooseCliLocale, langArgument, t } from './lang.js';

type Register = (program: Command) => void;

/**
 * Every command, in the order the help lists them, by the module that registers it (xmile.ts
 * registers two). Each is loaded only when a run needs it
 * (commandsNeeded): `symbiose canvas` loads neither the studio's server nor the XMILE
 * importer, and `symbiose --version` loads no command at all.
 */
const COMMANDS: ReadonlyArray<readonly [readonly string[], () => Promise<Register>]> = [
  [['studio'], async () => (await import('./commands/studio.js')).registerStudio],
  [['tour'], async () => (await import('./commands/tour.js')).registerTour],
  [['init'], async () => (await import('./commands/init.js')).registerInit],
  [['validate'], async () => (await import('./commands/validate.js')).registerValidate],
  [['canvas'], async () => (await import('./commands/canvas.js')).registerCanvas],
  [['payers'], async () => (await import('./commands/payers.js')).registerPayers],
  [['profit'], async () => (await import('./commands/profit.js')).registerProfit],
  [['summary'], async () => (await import('./commands/summary.js')).registerSummary],
  [['share'], async () => (await import('./commands/share.js')).registerShare],
  [['check'], async () => (await import('./commands/check.js')).registerCheck],
  [['data-value'], async () => (await import('./commands/data-value.js')).registerDataValue],
  [['loops'], async () => (await import('./commands/loops.js')).registerLoops],
  [['compare'], async () => (await import('./commands/compare.js')).registerCompare],
  [['risk'], async () => (await import('./commands/risk.js')).registerRisk],
  [['sensitivity'], async () => (await import('./commands/sensitivity.js')).registerSensitivity],
  [['library'], async () => (await import('./commands/library.js')).registerLibrary],
  [['simulate'], async () => (await import('./commands/simulate.js')).registerSimulate],
  [['template'], async () => (await import('./commands/template.js')).registerTemplate],
  [['import', 'export'], async () => (await import('./commands/xmile.js')).registerXmile],
  [['schema'], async () => (await import('./commands/schema.js')).registerSchema],
  [['limits'], async () => (await import('./commands/limits.js')).registerLimits],
  [['migrate'], async () => (await import('./commands/migrate.js')).registerMigrate],
  [['experiment'], async () => (await import('./commands/experiment.js')).registerExperiment],
];
export const COMMAND_NAMES = COMMANDS.flatMap(([names]) => names);

/**
 * The commands a run must load, from its arguments: the one it names (or the one `help` names);
 * none for the version alone; all of them for the program's help, for no command, and for a
 * name that is none of them (commander then suggests the closest).
 */
export function commandsNeeded(argv: readonly string[]): string[] {
  let helpAsked = false;
  let versionAsked = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') i++;
    else if (arg === '-h' || arg === '--help') helpAsked = true;
    else if (arg === '-V' || arg === '--version') versionAsked = true;
    else if (!arg.startsWith('-')) {
      // The program's own help (`symbiose -h canvas`) lists every command.
      if (helpAsked) return COMMAND_NAMES;
      const named = arg === 'help' ? argv[i + 1] : arg;
      return named !== undefined && COMMAND_NAMES.includes(named) ? [named] : COMMAND_NAMES;
    }
  }
  return versionAsked && !helpAsked ? [] : COMMAND_NAMES;
}

/** Commands that take the Ctrl-C signal and stop on it, saying so, with exit code 130. */
const STOPS_CLEANLY = new Set(['simulate', 'studio', 'risk']);

/** The program in the language chosen by chooseCliLocale (its help is built in it), with the commands named (all by default). */
export async function buildProgram(names: readonly string[] = COMMAND_NAMES): Promise<Command> {
  const registers = await Promise.all(COMMANDS.filter(([own]) => own.some((name) => names.includes(name))).map(([, load]) => load()));
  // Every command loads the core anyway; without one (the version alone) nothing is suggested.
  if (registers.length > 0) suggestWith((await import('../core/index.js')).closest);
  const program = new LocalizedCommand('symbiose')
    .description(t('program.description'))
    .version('0.1.0', '-V, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .addOption(new Option('--lang <lang>', t('option.lang')).choices(LOCALES))
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText('after', `\n${t('program.exitCodes')}\n${t('program.start')}`);
  for (const register of registers) register(program);
  // Commands that stop cleanly on Ctrl-C take the signal as they start (see runtime/interrupt.ts);
  // the others get the default back, so Ctrl-C ends them even inside synchronous work.
  program.hook('preAction', async (_program, command) => {
    if (!STOPS_CLEANLY.has(command.name())) (await import('../runtime/index.js')).releaseInterrupt();
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
  const program = await buildProgram(commandsNeeded(argv));
  watchStandardOutput();
  try {
    await program.parseAsync(argv, { from: 'user' });
    await finishOutput();
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    const code = await exitCodeFor(error);
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
async function internalMessage(error: unknown): Promise<string> {
  const { EngineWorkerStopped } = await import('../runtime/index.js');
  if (error instanceof EngineWorkerStopped) {
    return error.reason === 'out-of-memory' ? t('error.workerOutOfMemory') : t('error.workerStopped', { code: String(error.exitCode) });
  }
  return (error as Error)?.message ?? String(error);
}

/**
 * The exit code for an error, its message written. The CLI's own errors are told apart first;
 * the classes of the engine and the runtime are loaded only for what is none of those.
 */
async function exitCodeFor(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`symbiose: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof InvalidModelError) {
    process.stderr.write(`symbiose: ${error.message}\n`);
    return EXIT.invalidModel;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`symbiose: ${outputErrorMessage(error)}\n`);
    return EXIT.outputNotWritten;
  }
  if (error instanceof (await import('../engine/index.js')).CancelledError) {
    process.stderr.write(cancelledLine());
    return EXIT.cancelled;
  }
  if (process.env.SYMBIOSE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.stderr.write(`symbiose: ${t('error.internal', { message: await internalMessage(error) })}\n`);
  return EXIT.internal;
}
