/**
 * The one entry point from text to an analysable ecosystem: read, check structure, check
 * references, compile expressions, quantify. Every stage adds its issues; a stage runs on whatever
 * the previous ones could validate, so a single run reports as many problems as possible.
 */
import { checkReferences } from './check-references.js';
import { checkStructure } from './check-structure.js';
import { compile, type CompiledModel } from './compile.js';
import { hasErrors, type LocatedIssue } from './issues.js';
import type { ModelDocument } from './model/index.js';
import { quantify, type Ledger } from './quantify.js';
import { locateAll, readSource } from './source.js';

/** A model that passed every check, with its quantities worked out period by period. */
export interface Ecosystem {
  doc: ModelDocument;
  model: CompiledModel;
  ledger: Ledger;
}

export interface LoadResult {
  /** Present only when there is no error (warnings allowed). */
  ecosystem: Ecosystem | undefined;
  /** The raw data, when the text could be read at all. */
  data: unknown;
  issues: LocatedIssue[];
}

export function loadModel(text: string, file: string): LoadResult {
  const source = readSource(text, file);
  if (hasErrors(source.issues)) return { ecosystem: undefined, data: undefined, issues: locateAll(source, source.issues) };
  const structured = checkStructure(source.data);
  const issues = [...source.issues, ...structured.issues];
  let ecosystem: Ecosystem | undefined;
  if (structured.doc) {
    const doc = structured.doc;
    issues.push(...checkReferences(doc, structured.declared));
    const compiled = compile(doc);
    issues.push(...compiled.issues);
    // Quantifying needs sound references: a transfer to an unknown actor has nowhere to go.
    if (!issues.some((i) => i.code === 'unknown-reference' && i.severity === 'error')) {
      const quantified = quantify(compiled.model);
      issues.push(...quantified.issues);
      if (!hasErrors(issues)) ecosystem = { doc, model: compiled.model, ledger: quantified.ledger };
    }
  }
  const located = locateAll(source, issues).sort((a, b) => a.line - b.line || a.column - b.column);
  return { ecosystem, data: source.data, issues: located };
}
