/** Output formats shared by every command: readable text (default), Markdown, or JSON. */
import { Option } from 'commander';
import { renderMarkdown, renderText, type Block } from './render/blocks.js';
import { UsageError } from './errors.js';

export type Format = 'text' | 'md' | 'json';

export interface OutputOptions {
  json?: boolean;
  format?: string;
}

export const formatOption = () =>
  new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text');
export const jsonOption = () => new Option('--json', 'machine-readable JSON (same as --format json)');

export function formatOf(options: OutputOptions): Format {
  if (options.json && options.format !== undefined && options.format !== 'text' && options.format !== 'json') {
    throw new UsageError(`--json and --format ${options.format} contradict each other; choose one`);
  }
  if (options.json) return 'json';
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'md' && format !== 'json') throw new UsageError(`unknown format "${format}"`);
  return format;
}

export function colorWanted(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env);
}

/** Prints blocks as text or Markdown, or `data` as JSON. */
export function emit(format: Format, blocks: () => Block[], data: () => unknown): void {
  if (format === 'json') process.stdout.write(JSON.stringify(data(), roundNumbers, 2) + '\n');
  else if (format === 'md') process.stdout.write(renderMarkdown(blocks()));
  else process.stdout.write(renderText(blocks(), colorWanted(process.stdout)));
}

/** 12 significant digits: 3743.7499999999995 prints as 3743.75, and no figure loses meaning. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}
