/**
 * The one entry point from text to an analysable ecosystem: read, check structure, then prepare
 * (references, expressions, dynamics) and evaluate (quantities) as prepare/ does for every
 * surface. Every stage adds its issues; a stage runs on whatever the previous ones could
 * validate, so a single run reports as many problems as possible.
 */
import { checkStructure, type Structured } from './check-structure.js';
import { hasErrors, issue, type Issue, type LocatedIssue } from './issues.js';
import { applyVariant, recordById, type ColumnReader } from './model/index.js';
import { evaluate, prepare, type DynamicsFallback, type DynamicsPreparer, type Ecosystem, type Prepared } from './prepare/index.js';
import { migrate } from './migrate/index.js';
import { locateAll, readSource, type Placer } from './source.js';

export interface LoadOptions {
  dynamics?: DynamicsPreparer;
  /** Load the model as this variant makes it (its `set` parameters replaced). */
  variant?: string;
  /** How the surface reads the CSV column of an empirical distribution (paths relative to the model file). */
  readColumn?: ColumnReader;
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
  const read = readStructured(text, file);
  if (!read.structured) return { ecosystem: undefined, data: read.data, issues: locateAll(read.placer, read.issues) };
  const { structured, placer } = read;
  const issues = read.issues;
  let ecosystem: Ecosystem | undefined;
  let fallback: DynamicsFallback | undefined;
  let prepared: Prepared | undefined;
  if (structured.doc) {
    const doc = options.variant === undefined ? structured.doc : applyVariant(structured.doc, options.variant);
    if (options.variant !== undefined && !recordById(doc.variants, options.variant)) {
      issues.push(issue('unknown-reference', ['variants'], { kind: 'variant', id: options.variant, known: Object.keys(doc.variants ?? {}) }, { atKey: true }));
    }
    prepared = prepare(doc, { declared: structured.declared, ...(options.dynamics ? { dynamics: options.dynamics } : {}), ...(options.readColumn ? { readColumn: options.readColumn } : {}) });
    issues.push(...prepared.issues);
    const evaluated = evaluate(prepared);
    issues.push(...evaluated.issues);
    fallback = evaluated.fallback;
    if (!hasErrors(issues)) ecosystem = evaluated.ecosystem;
  }
  // Warnings that errors cause (a misspelt key leaves parameters "unused") would only add noise.
  const kept = hasErrors(issues) ? issues.filter((i) => !NOISE_WHEN_INVALID.has(i.code)) : issues;
  const located = locateAll(placer, kept).sort((a, b) => a.line - b.line || a.column - b.column);
  let data: { read: unknown } | undefined;
  return {
    ecosystem,
    // The data as read is not kept beside the document (see readStructured): read again if asked for.
    get data() {
      return (data ??= { read: readSource(text, file).data }).read;
    },
    issues: located,
    ...(fallback ? { fallback } : {}),
    ...(ecosystem && prepared ? { prepared } : {}),
  };
}

/**
 * The text read, migrated and checked record by record. The data as read is let go once the
 * checked document is made (at 10⁵ actors it takes about 110 MB, beside the document's 75):
 * only the way to place issues in the text is kept.
 */
function readStructured(text: string, file: string): { placer: Placer; issues: Issue[]; structured?: Structured; data?: unknown } {
  const { data, ...placer } = readSource(text, file);
  if (hasErrors(placer.issues)) return { placer, issues: placer.issues };
  const migrated = migrate(data);
  if (hasErrors(migrated.issues)) return { placer, issues: migrated.issues, data };
  const structured = checkStructure(migrated.data);
  return { placer, issues: [...placer.issues, ...migrated.issues, ...structured.issues], structured };
}
