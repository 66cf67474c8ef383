/**
 * A system-dynamics model as read from XMILE, before any check: names as written, equations as
 * text. compile/ turns it into a runnable program or a list of issues.
 */

export type Method = 'euler' | 'rk4';

export interface SimSpecs {
  start: number;
  stop: number;
  dt: number;
  /** How often values are kept; a multiple of dt in practice. Defaults to dt. */
  saveStep: number;
  method: Method;
  timeUnits?: string;
}

export interface Dimension {
  name: string;
  /** Element names in order; a dimension given only by size has elements "1".."n". */
  elements: string[];
  /** Written as `size="n"` rather than with named elements. */
  sized?: boolean;
}

/** Interpolation between points (XMILE 1.0 §3.1.4). */
export type GraphicalFunctionType = 'continuous' | 'extrapolate' | 'discrete';

export interface GraphicalFunction {
  type: GraphicalFunctionType;
  /** Explicit x values; otherwise spread evenly over xscale. */
  xs?: number[];
  xscale?: { min: number; max: number };
  yscale?: { min: number; max: number };
  ys: number[];
}

export type VariableKind = 'stock' | 'flow' | 'aux' | 'gf';

/** An equation written for some elements of an arrayed variable (XMILE `<element subscript>`). */
export interface ElementEquation {
  subscript: string[];
  equation: string;
  gf?: GraphicalFunction;
}

export interface Variable {
  kind: VariableKind;
  name: string;
  /** Absent for a bare `<gf>` (a table called like a function) or when `elements` define it. */
  equation?: string;
  dimensions: string[];
  elements?: ElementEquation[];
  gf?: GraphicalFunction;
  inflows?: string[];
  outflows?: string[];
  /**
   * Stocks: never below zero; flows: uniflow, never negative. `false` opts out of the model's
   * `behavior` default.
   */
  nonNegative?: boolean;
  /** Value at the start of the run when it differs from `equation` (Vensim ACTIVE INITIAL). */
  initialEquation?: string;
  units?: string;
  doc?: string;
  /**
   * A variable of a module instance (XMILE 1.0 §3.7), named `instance.name`: the canonical path
   * of its instance (`hares`, or `outer.inner`), where the names its equations use are resolved.
   * Absent (or '') in the root model.
   */
  namespace?: string;
}

/**
 * A macro (XMILE 1.0 §3.8): its equation is computed with the parameters bound to the call's
 * arguments, and may read the macro's own variables (auxiliaries and stocks), which each call
 * gets a private copy of.
 */
export interface Macro {
  name: string;
  parameters: string[];
  equation: string;
  variables: Variable[];
}

export interface Model {
  name?: string;
  specs: SimSpecs;
  dimensions: Dimension[];
  variables: Variable[];
  macros: Macro[];
  /** Model-wide defaults (XMILE `<behavior>`): every stock or flow non-negative unless it opts out. */
  behavior?: { stocksNonNegative: boolean; flowsNonNegative: boolean };
}
