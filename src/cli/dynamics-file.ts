/**
 * A file with dynamics, for simulate and export: an XMILE model (Stella, Vensim's export…) or a
 * Symbiose model with a dynamics section. Prints the issues found and stops on errors.
 */
import { basename } from 'node:path';
import { constantValues, loadModel } from '../core/index.js';
import {
  compile, dynamicsModel, loadEcosystem, parseXmile, renderEngineIssue, prepareDynamics, type EngineIssue, type Model,
} from '../engine/index.js';
import { InvalidModelError, UsageError } from './errors.js';
import { t } from './lang.js';
import { readModelText } from './model-file.js';
import { issueLines } from './render/issues.js';
import { hasErrors } from '../core/index.js';

export const XMILE_FILE = /\.(xmile|stmx|itmx|xml)$/i;

export interface DynamicsFile {
  model: Model;
  /** Where the model came from, for messages. */
  origin: 'xmile' | 'symbiose';
}

export function readDynamicsFile(file: string, color: boolean, variant?: string): DynamicsFile {
  const text = readModelText(file);
  if (XMILE_FILE.test(file)) {
    if (variant !== undefined) throw new UsageError(t('dynamics.variantForXmile'));
    const { model, issues } = parseXmile(text, basename(file));
    printEngineIssues(file, issues);
    if (!model || issues.some((i) => i.severity === 'error')) throw new InvalidModelError(t('dynamics.notXmile', { file }));
    if (model.variables.length === 0) {
      throw new InvalidModelError(t('dynamics.noVariables', { file }));
    }
    const compiled = compile(model);
    printEngineIssues(file, compiled.issues);
    if (!compiled.program) throw new InvalidModelError(t('model.hasSomeErrors', { file }));
    return { model, origin: 'xmile' };
  }
  const result = variant === undefined ? loadEcosystem(text, file) : loadModel(text, file, { dynamics: prepareDynamics, variant });
  if (result.issues.length > 0) process.stderr.write(issueLines(result.issues, color) + '\n');
  if (!result.ecosystem || hasErrors(result.issues)) throw new InvalidModelError(t('model.hasSomeErrors', { file }));
  const { doc, model } = result.ecosystem;
  if (!doc.dynamics) throw new UsageError(t('dynamics.noSection', { file }));
  return { model: dynamicsModel(doc, doc.dynamics, constantValues(model)), origin: 'symbiose' };
}

function printEngineIssues(file: string, issues: readonly EngineIssue[]): void {
  for (const found of issues) {
    process.stderr.write(`${file}: ${found.severity} ${renderEngineIssue(found)} [${found.code}]\n`);
  }
}
