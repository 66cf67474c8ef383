/**
 * Schema validation, entry by entry: each record of each section is checked on its own, so one bad
 * record does not hide the problems of the others, and later checks run on every valid record.
 */
import type { z } from 'zod';
import { issue, type Issue, type Path, type SchemaFault, type ValueKind } from './issues.js';
import { BLOCKS, EXPECTATIONS, FIELD_NAMES, Header, ModelDocument, PARAMETER_NAME, SECTIONS, type SectionName } from './model/index.js';
import { LIMITS } from './limits.js';
import { entriesOf } from './records.js';
import { closest } from './suggest.js';

export interface Structured {
  /** The document with only its valid records; `undefined` when the header itself is unusable. */
  doc: ModelDocument | undefined;
  /** Every id written in each section, valid record or not, so references to them do not cascade. */
  declared: Record<SectionName, Set<string>>;
  issues: Issue[];
}

const REQUIRED_SECTIONS: readonly SectionName[] = ['actors', 'valueObjects', 'transactions'];
const HEADER_KEYS = Object.keys(Header.shape);
const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function checkStructure(data: unknown): Structured {
  const issues: Issue[] = [];
  const declared = Object.fromEntries(Object.keys(SECTIONS).map((s) => [s, new Set<string>()])) as Structured['declared'];
  if (!isRecord(data)) {
    issues.push(issue('schema', [], { reason: 'document-not-mapping', received: kindOf(data) }));
    return { doc: undefined, declared, issues };
  }
  const sectionNames = [...Object.keys(BLOCKS), ...Object.keys(SECTIONS)];
  for (const key of Object.keys(data)) {
    if (!HEADER_KEYS.includes(key) && !sectionNames.includes(key)) {
      issues.push(issue('unknown-key', [key], { key, expected: [...HEADER_KEYS.filter((k) => k !== '$schema'), ...sectionNames] }, { atKey: true }));
    }
  }
  const tooMany = recordCount(data);
  if (tooMany) {
    issues.push(tooMany);
    return { doc: undefined, declared, issues };
  }
  const header = Header.safeParse(Object.fromEntries(Object.entries(data).filter(([k]) => HEADER_KEYS.includes(k))));
  if (!header.success) issues.push(...fromZod(header.error, [], data));
  const blocks: Record<string, unknown> = {};
  for (const [block, schema] of Object.entries(BLOCKS) as Array<[string, z.ZodType]>) {
    if (data[block] === undefined || data[block] === null) continue;
    const parsed = schema.safeParse(data[block]);
    if (parsed.success) blocks[block] = parsed.data;
    else issues.push(...fromZod(parsed.error, [block], data[block]));
  }

  const sections: Record<string, Record<string, unknown>> = {};
  for (const [section, schema] of Object.entries(SECTIONS) as Array<[SectionName, z.ZodType]>) {
    const raw = data[section];
    if (raw === undefined || raw === null) {
      if (REQUIRED_SECTIONS.includes(section)) {
        issues.push(issue('missing-field', [], { field: section, reason: 'required-section' }));
      }
      sections[section] = {};
      continue;
    }
    if (!isRecord(raw)) {
      issues.push(issue('schema', [section], { reason: 'section-not-mapping', section, received: kindOf(raw) }));
      sections[section] = {};
      continue;
    }
    const valid: Record<string, unknown> = {};
    for (const [id, entry] of entriesOf(raw)) {
      declared[section].add(id);
      const pattern = section === 'parameters' ? PARAMETER_NAME : ID_PATTERN;
      if (!pattern.test(id)) {
        issues.push(issue('schema', [section, id], { reason: 'invalid-id', section, id }, { atKey: true }));
        continue;
      }
      const parsed = schema.safeParse(entry);
      if (parsed.success) valid[id] = parsed.data;
      else issues.push(...fromZod(parsed.error, [section, id], entry));
    }
    sections[section] = valid;
  }
  const doc = header.success ? ({ ...header.data, ...blocks, ...sections } as ModelDocument) : undefined;
  return { doc, declared, issues };
}

/**
 * The `records` limit, checked before any record is: placed at the section whose records take
 * the count past it, with the count of every section.
 */
function recordCount(data: Record<string, unknown>): Issue | undefined {
  let total = 0;
  let over: SectionName | undefined;
  for (const section of Object.keys(SECTIONS) as SectionName[]) {
    const raw = data[section];
    if (!isRecord(raw)) continue;
    total += Object.keys(raw).length;
    if (total > LIMITS.records) over ??= section;
  }
  return over === undefined ? undefined : issue('limit', [over], { limit: 'records', max: LIMITS.records, found: total }, { atKey: true });
}

/** Turns zod's issues into ours, with the path prefixed by where the record sits. */
export function fromZod(error: z.ZodError, prefix: Path, input: unknown): Issue[] {
  return fromZodIssues(error.issues, prefix, input);
}

type ZodIssue = z.ZodError['issues'][number];

function fromZodIssues(zodIssues: readonly ZodIssue[], prefix: Path, input: unknown): Issue[] {
  return zodIssues.flatMap((zodIssue): Issue[] => {
    const inner = zodIssue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const path = [...prefix, ...inner];
    if (zodIssue.code === 'invalid_union' && zodIssue.errors.length > 0) {
      // Report the branch the value was meant for (the one whose type it has), so a misspelt key
      // inside a step is named, rather than "expected one of…" for the whole step.
      const branch = closestBranch(zodIssue.errors);
      if (branch) return fromZodIssues(branch, path, valueAt(input, inner));
    }
    if (zodIssue.code === 'unrecognized_keys') {
      return zodIssue.keys.map((key) => {
        // Digits as a key: a number written with a comma inside braces ({ fixed: 3,000 }), which
        // YAML cut into a value and a key. Say so rather than suggest a field.
        if (/^\d+$/.test(key)) return issue('unknown-key', [...path, key], { key, looksLike: 'cut-number' }, { atKey: true });
        // A field of another record (`per` on a scenario's start) is not a misspelling of itself.
        const suggestion = closest(key, FIELD_NAMES);
        return issue('unknown-key', [...path, key], { key, ...(suggestion && suggestion !== key ? { suggestion } : {}) }, { atKey: true });
      });
    }
    const value = valueAt(input, inner);
    const fault = schemaFault(zodIssue, value);
    if (inner.length > 0 && value === undefined) {
      const field = String(path[path.length - 1]);
      const expected =
        fault.reason === 'type' || fault.reason === 'expected' ? { expected: fault.expected } : fault.reason === 'one-of' ? { values: fault.values } : {};
      return [issue('missing-field', path.slice(0, -1), { field, reason: 'schema', ...expected })];
    }
    return [issue('schema', path, fault, zodIssue.code === 'invalid_key' ? { atKey: true } : {})];
  });
}

/** The union branch whose issues do not reject the value's type outright, if exactly one. */
function closestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  const typed = branches.filter((issues) => !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  return typed.length === 1 ? typed[0] : undefined;
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * A zod issue as our schema fault, from its code and fields (never from its English). A custom
 * error that is one of EXPECTATIONS is the schema naming the form it expected.
 */
function schemaFault(zodIssue: ZodIssue, value: unknown): SchemaFault {
  if ((EXPECTATIONS as readonly string[]).includes(zodIssue.message)) return { reason: 'expected', expected: zodIssue.message };
  switch (zodIssue.code) {
    case 'invalid_type':
      return { reason: 'type', expected: zodIssue.expected, received: kindOf(value) };
    case 'too_small':
      return { reason: zodIssue.inclusive === false ? 'more-than' : 'at-least', origin: zodIssue.origin, limit: Number(zodIssue.minimum) };
    case 'too_big':
      return { reason: zodIssue.inclusive === false ? 'less-than' : 'at-most', origin: zodIssue.origin, limit: Number(zodIssue.maximum) };
    case 'invalid_value':
      return { reason: 'one-of', values: zodIssue.values.map((v) => String(v)) };
    case 'invalid_format':
      return { reason: 'format', format: zodIssue.format };
    case 'not_multiple_of':
      return { reason: 'multiple-of', divisor: Number(zodIssue.divisor) };
    case 'invalid_key': {
      // A record key that fails its own schema: say what the key should be.
      const inner = zodIssue.issues[0];
      return inner ? schemaFault(inner, undefined) : { reason: 'invalid', zodCode: zodIssue.code };
    }
    default:
      return { reason: 'invalid', zodCode: zodIssue.code };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'object':
      return 'mapping';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'other';
  }
}
