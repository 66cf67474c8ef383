/** File writes of the CLI: atomic (write aside, then rename), so a crash never leaves half a file. */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';

export function writeFileAtomic(file: string, text: string, { overwrite = true } = {}): void {
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory; give a file name`);
    if (!overwrite) throw new UsageError(`${file} already exists; use --force to overwrite it`);
  }
  const aside = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(aside, text, { flag: 'wx' });
    renameSync(aside, file);
  } catch (error) {
    rmSync(aside, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message.replace(/^\w+: /, '');
    throw new UsageError(`cannot write ${file}: ${reason}`);
  }
}

/** A file shipped with Symbiose (templates, examples, schema), from the package root. */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** The path from a model file to the shipped JSON Schema, for its yaml-language-server comment. */
export function schemaLink(modelFile: string): string {
  const link = relative(dirname(resolve(modelFile)), packageFile('schema/symbiose.schema.json')).split('\\').join('/');
  return link.startsWith('.') ? link : `./${link}`;
}
