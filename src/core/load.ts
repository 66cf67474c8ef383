/**
 * The one entry point from text to an analysable ecosystem: read, check structure, then prepare
 * (references, expressions, dynamics) and evaluate (quantities) as prepare/ does for every
 * surface. Every stage adds its issues; a stage runs on whatever the previous ones could
 * validate, so a single run reports as many problems as possible.
 */
import { checkStructure } from './check-structure.js';
import { hasErrors, issue, type Issue, type LocatedIssue } from './issues.js';
import { applyVariant, recordById } from './model/index.js';
import { evaluate, prepare, type DynamicsFallback, type DynamicsPreparer, type Ecosystem, type Prepared } from './prepare/index.js';
import { migrate } from './migrate/index.js';
import { locateAll, readSource } from './source.js';

export interface LoadOptions {
  dynamics?: DynamicsPreparer;
  /** Load the model as this variant makes it (its `set` parameters replaced). */
  variant?: string;
}

export interface LoadResult {
  /** Present only when there is no error (warnings allowed). */
  ecosystem: Ecosystem | undefined;
  /** The raw data, when the text could be read at all. */
  data: unknown;
  issues: LocatedIssue[];
  /** Why the dynamics ran as closures rather than generated code, when they did. */
  fallback?: DynamicsFallback;
  /** The prepared model, when the ecosystem is there: evaluate it again with other values. */
  prepared?: Prepared;
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
  let fallback: DynamicsFallback | undefined;
  let prepared: Prepared | undefined;
  if (structured.doc) {
    const doc = options.variant === undefined ? structured.doc : applyVariant(structured.doc, options.variant);
    if (options.variant !== undefined && !recordById(doc.variants, options.variant)) {
      issues.push(issue('unknown-reference', ['variants'], { kind: 'variant', id: options.variant, known: Object.keys(doc.variants ?? {}) }, { atKey: true }));
    }
    prepared = prepare(doc, { declared: structured.declared, ...(options.dynamics ? { dynamics: options.dynamics } : {}) });
    issues.push(...prepared.issues);
    const evaluated = evaluate(prepared);
    issues.push(...evaluated.issues);
    fallback = evaluated.fallback;
    if (!hasErrors(issues)) ecosystem = evaluated.ecosystem;
  }
  // Warnings that errors cause (a misspelt key leaves parameters "unused") would only add noise.
  const kept = hasErrors(issues) ? issues.filter((i) => !NOISE_WHEN_INVALID.has(i.code)) : issues;
  const located = locateAll(source, kept).sort((a, b) => a.line - b.line || a.column - b.column);
  return { ecosystem, data: source.data, issues: located, ...(fallback ? { fallback } : {}), ...(ecosystem && prepared ? { prepared } : {}) };
}
