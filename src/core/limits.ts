/**
 * Every bound Symbiose puts on what it reads and computes, as data. Each is checked before the
 * work it bounds, and going past one gives the `limit` issue (or error) naming the limit and its
 * value, in the reader's language (src/i18n: `words.limits`). The CLI, the server and the studio
 * all read this one table, so a request is refused before memory is spent on it; the README's
 * table of limits is printed from it and a test keeps the two equal.
 */
export const LIMITS = {
  /** Bytes of a model or XMILE file, standard input included. */
  fileBytes: 20 * 1024 * 1024,
  /** Aliases a YAML document may expand (alias bombs). */
  yamlAliases: 1000,
  /** Nesting depth of a model file: mappings and lists inside one another. */
  yamlDepth: 100,
  /** Records of a model, every section together (actors, value objects, transactions, scenarios, parameters, variants). */
  records: 500_000,
  /** Nesting depth of a model expression (brackets, calls, unary signs). */
  expressionDepth: 400,
  /** Arguments of one function call in a model expression, as in max(a, b, …). */
  expressionArguments: 1000,
  /**
   * Nesting depth of an XMILE equation, its macro calls expanded (brackets, calls, operators),
   * and of XMILE module instances inside one another.
   */
  equationDepth: 400,
  /** Arguments of one call in an XMILE equation. */
  equationArguments: 1000,
  /** Elements of one dimension of a dynamics model. */
  dimensionSize: 100_000,
  /**
   * Values a dynamics model computes at each step: every element of every variable, arrays and
   * module instances expanded, the hidden stocks of delays and smooths included.
   */
  modelElements: 100_000,
  /**
   * Nodes of a dynamics model's equations once macro calls and arrays are expanded: counted
   * before a macro is expanded, while the equations compile, and over what each step computes.
   */
  expandedNodes: 1_000_000,
  /** Periods of a model's horizon. */
  horizon: 10_000,
  /** Paths through one scenario (each OR multiplies them) kept for per-path figures. */
  scenarioPaths: 10_000,
  /** Steps of one simulation (horizon divided by dt). */
  simulationSteps: 2 ** 29,
  /** Values a simulation keeps (saved times × saved variables). */
  savedValues: 2 ** 27,
  /** Characters of the JavaScript generated for one dynamics kernel. */
  generatedSourceChars: 64 << 20,
  /** Characters of a model's id in the workspace store (ids name models in addresses). */
  modelIdLength: 100,
} as const;

export type LimitName = keyof typeof LIMITS;

/** Every limit's name, in the order of the documented table. */
export const LIMIT_NAMES = Object.keys(LIMITS) as LimitName[];
