/**
 * A file with dynamics, for simulate and export: an XMILE model (Stella, Vensim's export…) or a
 * Symbiose model with a dynamics section. Prints the issues found and stops on errors.
 */
import { basename } from 'node:path';
import { constantValues, loadModel } from '../core/index.js';
import {
  compile, dynamicsModel, loadEcosystem, parseXmile, prepareDynamics,
  type EngineIssue, type Model,
} from '../engine/index.js';
import { engineIssueMessage, ISSUE_CATALOGUES } from '../i18n/index.js';
import { modelSimulation, type Simulation } from '../runtime/index.js';
import { InvalidModelError, UsageError } from './errors.js';
import { cliLocale, t } from './lang.js';
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
    const model = readXmileModel(file, text, variant);
    const compiled = compile(model);
    printEngineIssues(file, compiled.issues);
    if (!compiled.program) throw new InvalidModelError(t('model.hasSomeErrors', { file }));
    return { model, origin: 'xmile' };
  }
  const result = variant === undefined ? loadEcosystem(text, file) : loadModel(text, file, { dynamics: prepareDynamics, variant });
  if (result.issues.length > 0) process.stderr.write(issueLines(result.issues, color, cliLocale()) + '\n');
  if (!result.ecosystem || hasErrors(result.issues)) throw new InvalidModelError(t('model.hasSomeErrors', { file }));
  const { doc, model } = result.ecosystem;
  if (!doc.dynamics) throw new UsageError(t('dynamics.noSection', { file }));
  return { model: dynamicsModel(doc, doc.dynamics, constantValues(model)), origin: 'symbiose' };
}

export type { Simulation };

/**
 * A file read for one run of its dynamics, which is done elsewhere (in a worker). An XMILE
 * model is only read: the run compiles it. A Symbiose document is checked, and its dynamics
 * compiled here, so their issues are placed in the file; its quantities, which would need the
 * dynamics run with the model's own options, are not worked out.
 */
export function readSimulation(file: string, color: boolean, variant: string | undefined, compiling: () => void): Simulation {
  const text = readModelText(file);
  if (XMILE_FILE.test(file)) {
    const model = readXmileModel(file, text, variant);
    return { request: { model }, name: model.name, specs: model.specs };
  }
  const { issues, simulation } = modelSimulation(text, file, variant, compiling);
  if (issues.length > 0) process.stderr.write(issueLines(issues, color, cliLocale()) + '\n');
  if (hasErrors(issues)) throw new InvalidModelError(t('model.hasSomeErrors', { file }));
  if (!simulation) throw new UsageError(t('dynamics.noSection', { file }));
  return simulation;
}

/** The engine's complaints about a model it refused to compile, then the refusal. */
export function modelRefused(file: string, issues: readonly EngineIssue[]): InvalidModelError {
  printEngineIssues(file, issues);
  return new InvalidModelError(t('model.hasSomeErrors', { file }));
}

function readXmileModel(file: string, text: string, variant: string | undefined): Model {
  if (variant !== undefined) throw new UsageError(t('dynamics.variantForXmile'));
  const { model, issues } = parseXmile(text, basename(file));
  printEngineIssues(file, issues);
  if (!model || issues.some((i) => i.severity === 'error')) throw new InvalidModelError(t('dynamics.notXmile', { file }));
  if (model.variables.length === 0) throw new InvalidModelError(t('dynamics.noVariables', { file }));
  return model;
}

export function printEngineIssues(file: string, issues: readonly EngineIssue[]): void {
  const locale = cliLocale();
  const words = ISSUE_CATALOGUES[locale].line;
  for (const found of issues) {
    // The line starts with the file's path: the issue's own file label would say it twice.
    const { file: _, ...placed } = found;
    process.stderr.write(`${file}: ${words[found.severity]} ${engineIssueMessage(placed, locale)} [${found.code}]\n`);
  }
}
