/**
 * The shape of an issue-message catalogue: one function per code of the core and of the engine,
 * from that code's parameters to a sentence. en.ts and fr.ts are both typed by it, so a code
 * without a message in either language fails the type check.
 */
import type { Expectation, IssueCode, IssueParamsByCode, LimitName, ParamValue, KindName, ValueKind, YamlErrorCode } from '../../core/index.js';
import type { EngineIssueCode, EngineParamsByCode } from '../../engine/index.js';

export type CoreMessages = { readonly [C in IssueCode]: (p: IssueParamsByCode[C]) => string };
export type EngineMessages = { readonly [C in EngineIssueCode]: (p: EngineParamsByCode[C]) => string };

export interface IssueCatalogue {
  core: CoreMessages;
  engine: EngineMessages;
  /** The words of an issue line: its severity and where in the document it is. */
  line: {
    error: string;
    warning: string;
    /** `path` as people write it: transactions.buy.transfers[0].to */
    at: (path: string) => string;
  };
  /** The words an engine issue read on its own (an XMILE file) is placed with. */
  where: {
    variable: (name: string) => string;
    dimension: (name: string) => string;
    /** `offset` counts from 0; undefined when only the equation is known. */
    equation: (equation: string, offset: number | undefined) => string;
  };
  /** Everything a message may name by code, so each language says it in its own words. */
  words: {
    yaml: Readonly<Record<YamlErrorCode, string>>;
    expectations: Readonly<Record<Expectation, string>>;
    kinds: Readonly<Record<ValueKind, string>>;
    records: Readonly<Record<KindName, string>>;
    /** What each limit of core/limits.ts counts, as a plural noun: "bytes in a file". */
    limits: Readonly<Record<LimitName, string>>;
  };
}

type Params = Readonly<Record<string, ParamValue | undefined>>;

/** The engine's message for an engine code carried as a parameter (the core's `dynamics` issue). */
export function engineText(messages: EngineMessages, code: string, params: Params): string {
  const message = (messages as unknown as Record<string, ((p: Params) => string) | undefined>)[code];
  return message ? message(params) : code;
}

/** A list parameter as an array (a single id stays a list of one). */
export function listOf(value: ParamValue | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'object' ? value : [String(value)];
}

/**
 * A number as Symbiose reads it, with `_` between groups of three digits of its whole part
 * (3000 → 3_000, 1000000.5 → 1_000_000.5): the grouping a model may write.
 */
export function groupedByUnderscore(number: string): string {
  const [whole = '', fraction] = number.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '_');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
