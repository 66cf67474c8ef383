/**
 * The one entry point from text to an analysable ecosystem: read, check structure, check
 * references, compile expressions, quantify. Every stage adds its issues; a stage runs on whatever
 * the previous ones could validate, so a single run reports as many problems as possible.
 */
import { checkReferences } from './check-references.js';
import { checkStructure } from './check-structure.js';
import { compile, type CompiledModel } from './compile.js';
import { hasErrors, type LocatedIssue } from './issues.js';
import { applyVariant, type ModelDocument } from './model/index.js';
import { issue, type Issue } from './issues.js';
import { constantValues, quantify, type Ledger, type PeriodSeries } from './quantify.js';
import { migrate } from './migrate/index.js';
import { locateAll, readSource } from './source.js';

/** A model that passed every check, with its quantities worked out period by period. */
export interface Ecosystem {
  doc: ModelDocument;
  model: CompiledModel;
  ledger: Ledger;
  /** The dynamics' variables per period, when the model has dynamics. */
  series: PeriodSeries;
}

/**
 * Runs a document's dynamics (the engine does; the core only knows this signature) and gives
 * each variable's value per period, or the issues that stop it. `constants` are the model's
 * parameters that depend on neither time nor dynamics, which the dynamics may read.
 */
export type DynamicsRunner = (doc: ModelDocument, constants: ReadonlyMap<string, number>) => { series: PeriodSeries | undefined; issues: Issue[] };

export interface LoadOptions {
  dynamics?: DynamicsRunner;
  /** Load the model as this variant makes it (its `set` parameters replaced). */
  variant?: string;
}

export interface LoadResult {
  /** Present only when there is no error (warnings allowed). */
  ecosystem: Ecosystem | undefined;
  /** The raw data, when the text could be read at all. */
  data: unknown;
  issues: LocatedIssue[];
}

const NOISE_WHEN_INVALID = new Set<Issue['code']>(['unused-parameter', 'unused-record', 'unreached-transaction']);

export function loadModel(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const source = readSource(text, file);
  if (hasErrors(source.issues)) return { ecosystem: undefined, data: undefined, issues: locateAll(source, source.issues) };
  // Older formats are read as today's: migrated in memory, the file left as it is.
  const migrated = migrate(source.data);
  if (hasErrors(migrated.issues)) return { ecosystem: undefined, data: source.data, issues: locateAll(source, migrated.issues) };
  const structured = checkStructure(migrated.data);
  const issues = [...source.issues, ...migrated.issues, ...structured.issues];
  let ecosystem: Ecosystem | undefined;
  if (structured.doc) {
    const doc = options.variant === undefined ? structured.doc : applyVariant(structured.doc, options.variant);
    if (options.variant !== undefined && !doc.variants?.[options.variant]) {
      issues.push(issue('unknown-reference', ['variants'], { kind: 'variant', id: options.variant, known: Object.keys(doc.variants ?? {}).join(', ') || 'none' }, { atKey: true }));
    }
    issues.push(...checkReferences(doc, structured.declared));
    const compiled = compile(doc);
    issues.push(...compiled.issues);
    let series: PeriodSeries | undefined = new Map();
    if (doc.dynamics) {
      if (options.dynamics) {
        const run = options.dynamics(doc, constantValues(compiled.model));
        issues.push(...run.issues);
        series = run.series;
      } else {
        issues.push(issue('dynamics', ['dynamics'], { detail: 'this model has dynamics, which need the engine to load it' }, { atKey: true }));
        series = undefined;
      }
    }
    // Quantifying needs sound references (a transfer to an unknown actor has nowhere to go) and
    // the dynamics' series when the model reads them.
    if (series && !issues.some((i) => i.code === 'unknown-reference' && i.severity === 'error')) {
      const quantified = quantify(compiled.model, series);
      issues.push(...quantified.issues);
      if (!hasErrors(issues)) ecosystem = { doc, model: compiled.model, ledger: quantified.ledger, series };
    }
  }
  // Warnings that errors cause (a misspelt key leaves parameters "unused") would only add noise.
  const kept = hasErrors(issues) ? issues.filter((i) => !NOISE_WHEN_INVALID.has(i.code)) : issues;
  const located = locateAll(source, kept).sort((a, b) => a.line - b.line || a.column - b.column);
  return { ecosystem, data: source.data, issues: located };
}
