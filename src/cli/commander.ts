/**
 * Commander in the chosen language: its help titles, the notes it adds to options (choices,
 * default, environment variable) and the errors it reports while parsing, all from the interface
 * catalogue. Commander builds these in English in a handful of methods; each is replaced here
 * by one that renders the same facts from keys.
 */
import { Argument, Command, Help, Option } from 'commander';
import { t } from './lang.js';
import type { UiKey } from '../i18n/index.js';

/**
 * How the "did you mean" of a parse error is found: core's closest, given by main.ts with the
 * commands (suggestWith), so that `symbiose --version` loads none of the core.
 */
let closest: (word: string, candidates: string[]) => string | undefined = () => undefined;

export function suggestWith(suggest: typeof closest): void {
  closest = suggest;
}

/** Commander's section titles, as it passes them to styleTitle. */
const TITLES: Record<string, UiKey> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Global Options:': 'help.globalOptions',
  'Commands:': 'help.commands',
};

/** The words commander puts in usage lines. */
const TOKENS: Record<string, UiKey> = { '[options]': 'help.optionsToken', '[command]': 'help.commandToken' };

function localizeUsage(usage: string): string {
  return usage
    .split(' ')
    .map((word) => (TOKENS[word] ? t(TOKENS[word]) : word))
    .join(' ');
}

class LocalizedHelp extends Help {
  override commandUsage(command: Command): string {
    return localizeUsage(super.commandUsage(command));
  }

  override subcommandTerm(command: Command): string {
    return localizeUsage(super.subcommandTerm(command));
  }

  override styleTitle(title: string): string {
    const key = TITLES[title];
    return key ? t(key) : title;
  }

  override optionDescription(option: Option): string {
    const notes: string[] = [];
    if (option.argChoices) notes.push(t('help.choices', { choices: option.argChoices.map(quote).join(', ') }));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) {
      notes.push(t('help.default', { value: option.defaultValueDescription ?? quote(String(option.defaultValue)) }));
    }
    if (option.envVar !== undefined) notes.push(t('help.env', { variable: option.envVar }));
    return withNotes(option.description, notes);
  }

  override argumentDescription(argument: Argument): string {
    const notes: string[] = [];
    if (argument.argChoices) notes.push(t('help.choices', { choices: argument.argChoices.map(quote).join(', ') }));
    if (argument.defaultValue !== undefined) {
      notes.push(t('help.default', { value: argument.defaultValueDescription ?? quote(String(argument.defaultValue)) }));
    }
    return withNotes(argument.description, notes);
  }
}

function quote(value: string): string {
  return t('help.quoted', { value });
}

function withNotes(description: string, notes: string[]): string {
  if (notes.length === 0) return description;
  const joined = `(${notes.join(t('help.noteSeparator'))})`;
  return description ? `${description} ${joined}` : joined;
}

/** Commander's parse errors, in the chosen language (same codes, so exit codes do not change). */
export class LocalizedCommand extends Command {
  override createCommand(name?: string): Command {
    return new LocalizedCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(), this.configureHelp());
  }

  unknownOption(flag: string): void {
    if ((this as unknown as { _allowUnknownOption: boolean })._allowUnknownOption) return;
    const flags: string[] = [];
    for (let command: Command | null = this; command; command = command.parent) {
      flags.push(...command.options.map((o) => o.long).filter((l): l is string => l !== undefined));
    }
    const suggestion = flag.startsWith('--') ? closest(flag, flags) : undefined;
    this.fail(t('commander.unknownOption', { flag, hint: hint(suggestion) }), 'commander.unknownOption');
  }

  unknownCommand(): void {
    const name = this.args[0] ?? '';
    const suggestion = closest(name, this.commands.map((c) => c.name()));
    this.fail(t('commander.unknownCommand', { name, hint: hint(suggestion) }), 'commander.unknownCommand');
  }

  missingArgument(name: string): void {
    this.fail(t('commander.missingArgument', { name }), 'commander.missingArgument');
  }

  optionMissingArgument(option: Option): void {
    this.fail(t('commander.optionMissingArgument', { flags: option.flags }), 'commander.optionMissingArgument');
  }

  _excessArguments(received: string[]): void {
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
    const expected = this.registeredArguments.length;
    this.fail(t('commander.excessArguments', { command: this.name(), count: expected, received: received.length }), 'commander.excessArguments');
  }

  /** A value outside an option's or argument's choices, or refused by its parser. */
  _callParseArg(target: Option | Argument, value: string, previous: unknown, _english: string): unknown {
    try {
      return target.parseArg!(value, previous);
    } catch (error) {
      if ((error as { code?: string }).code !== 'commander.invalidArgument') throw error;
      const what = target instanceof Option ? t('commander.option', { flags: target.flags }) : t('commander.argument', { name: target.name() });
      const choices = target.argChoices ? t('commander.allowed', { choices: target.argChoices.join(', ') }) : '';
      this.fail(t('commander.invalidValue', { what, value, choices }), 'commander.invalidArgument');
    }
  }

  private fail(message: string, code: string): never {
    return this.error(`${t('commander.errorPrefix')}${message}`, { code, exitCode: 1 });
  }
}

function hint(suggestion: string | undefined): string {
  return suggestion ? t('commander.didYouMean', { suggestion }) : '';
}
