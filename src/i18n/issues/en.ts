/** English messages for every issue code of the core and the engine. */
import type { EngineParamsByCode, EquationSyntaxFault, RunRefusal } from '../../engine/index.js';
import type { CorrelationFault, DistributionFault, ExpressionSyntaxFault, IssueParamsByCode, LimitName, MissingFieldReason, QuantityKind, SchemaFault } from '../../core/index.js';
import { engineText, groupedByUnderscore, type EngineMessages, type IssueCatalogue } from './catalogue.js';

const q = (name: string | number) => `"${name}"`;
const quoted = (names: readonly string[]) => names.map(q).join(', ');
const num = (x: number) => (Number.isNaN(x) ? 'NaN' : Number.isFinite(x) ? String(x) : x > 0 ? 'infinity' : '-infinity');
/** Large counts in words a person reads at a glance: 536,870,912 as "537 million". */
const count = (n: number) => (n >= 1e6 ? `${Number((n / 1e6).toPrecision(3))} million` : String(Math.round(n)));
const atPeriod = (p: { period?: number }) => (p.period !== undefined ? ` at period ${p.period}` : '');
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const range = (min: number, max: number | undefined) =>
  max === undefined ? `at least ${min}` : min === max ? String(min) : `${min} to ${max}`;

const periods: Record<string, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };
const period = (name: string) => periods[name] ?? name;
const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

const words: IssueCatalogue['words'] = {
  yaml: {
    ALIAS_PROPS: 'an alias cannot have a tag or an anchor',
    BAD_ALIAS: 'this alias is not valid',
    BAD_DIRECTIVE: 'this directive is not valid',
    BAD_DQ_ESCAPE: 'this escape sequence is not valid in a double-quoted string',
    BAD_INDENT: 'the indentation is wrong here',
    BAD_PROP_ORDER: 'anchors and tags must come before the value they mark',
    BAD_SCALAR_START: 'a plain value cannot start with this character; put the value in quotes',
    BLOCK_AS_IMPLICIT_KEY: 'a block cannot be a key; is a colon missing or misplaced?',
    BLOCK_IN_FLOW: 'a block cannot go inside [ ] or { }',
    DUPLICATE_KEY: 'this key appears twice in the same mapping',
    IMPOSSIBLE: 'the YAML reader met something it cannot read here',
    KEY_OVER_1024_CHARS: 'a key cannot be longer than 1024 characters',
    MISSING_CHAR: 'a closing character is missing here (a quote, a bracket or a brace)',
    MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a colon missing?',
    MULTIPLE_ANCHORS: 'a value can have only one anchor',
    MULTIPLE_DOCS: 'a model file holds one YAML document, but this one has several (separated by ---)',
    MULTIPLE_TAGS: 'a value can have only one tag',
    NON_STRING_KEY: 'a key must be plain text',
    RESOURCE_EXHAUSTION: 'the document is too large or too deeply nested to read',
    TAB_AS_INDENT: 'a tab cannot indent YAML; indent with spaces',
    TAG_RESOLVE_FAILED: 'this tag is unknown',
    UNEXPECTED_TOKEN: 'unexpected text here',
    BAD_COLLECTION_TYPE: 'this collection does not have the type its tag says',
  },
  expectations: {
    id: 'an id: a letter or _, then letters, digits, _ or -',
    'currency-code': 'an ISO 4217 currency code such as EUR',
    'parameter-name': 'a parameter name: a letter or _, then letters, digits or _',
    quantity: 'a number or an arithmetic expression in quotes',
    parameter: 'a number, an expression, or { value, unit, source | assumption, range, distribution }',
    valuation: 'a quantity, or a map from receiving actor id to a quantity',
    step: 'a transaction id, or one of { transaction, count }, { and: [...] }, { or: [...] }',
    equation: 'a number or an XMILE equation in quotes',
    flow: 'an equation, or { equation, initial, nonNegative, … }',
    variable: 'an equation, or { equation, initial, gf, … }',
    text: 'text, or one text per language: { fr: …, en: … }',
    distribution: 'a distribution: { kind: uniform, triangular, pert, normal, lognormal, beta, discrete or empirical, and its fields }',
  },
  kinds: { nothing: 'nothing', list: 'a list', mapping: 'a mapping', string: 'text', number: 'a number', boolean: 'true or false', other: 'something else' },
  records: {
    parameter: 'parameter',
    actor: 'actor',
    valueObject: 'value object',
    transaction: 'transaction',
    scenario: 'scenario',
    variant: 'variant',
    stock: 'stock',
    flow: 'flow',
    variable: 'variable',
    cost: 'cost',
    transfer: 'transfer',
    step: 'step',
    branch: 'branch',
    hypothesis: 'hypothesis',
    testCard: 'test card',
    experiment: 'experiment',
    learningCard: 'learning card',
    experimentVariant: 'experiment variant',
  },
  limits: {
    fileBytes: 'bytes in a file',
    modelIdLength: 'characters in a model id',
    yamlAliases: 'YAML aliases expanded',
    yamlDepth: 'levels of nesting in a file (mappings and lists inside one another)',
    records: 'records in a model (actors, value objects, transactions, scenarios, parameters and variants together)',
    expressionDepth: 'levels of nesting in an expression',
    expressionArguments: 'arguments in one function call',
    equationDepth: 'levels of nesting in an equation',
    equationArguments: 'arguments in a call',
    dimensionSize: 'elements in a dimension',
    modelElements: 'values computed by a dynamics model',
    expandedNodes: 'operations in a dynamics model once its macros and arrays are expanded',
    horizon: 'periods in the horizon',
    scenarioPaths: 'paths through a scenario',
    simulationSteps: 'steps in a simulation',
    savedValues: 'values kept by a simulation',
    generatedSourceChars: 'characters of generated code',
  },
};

/** zod's expected types, in words. */
const types: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  tuple: 'a list',
};
const typeWord = (expected: string) => types[expected] ?? expected;
/** What a missing field should hold: one of the forms the format names, or a zod type. */
const expectedWord = (expected: string) => words.expectations[expected as keyof typeof words.expectations] ?? typeWord(expected);
const sizeOf = (origin: string, limit: number) =>
  origin === 'array' ? `a list of ${limit} ${plural(limit, 'item')}` : origin === 'string' ? `${limit} ${plural(limit, 'character')}` : String(limit);

function schema(p: SchemaFault): string {
  switch (p.reason) {
    case 'type':
      return `expected ${typeWord(p.expected)}, found ${words.kinds[p.received]}`;
    case 'at-least':
      return p.origin === 'array' ? `expected a list of at least ${p.limit} ${plural(p.limit, 'item')}` : `expected at least ${sizeOf(p.origin, p.limit)}`;
    case 'more-than':
      return `expected more than ${sizeOf(p.origin, p.limit)}`;
    case 'at-most':
      return `expected at most ${sizeOf(p.origin, p.limit)}`;
    case 'less-than':
      return `expected less than ${sizeOf(p.origin, p.limit)}`;
    case 'one-of':
      return p.values.length === 1 ? `expected ${p.values[0]}` : `expected one of ${quoted(p.values)}`;
    case 'expected':
      return `expected ${expectedWord(p.expected)}`;
    case 'format':
      return `expected the format ${p.format}`;
    case 'multiple-of':
      return `expected a multiple of ${p.divisor}`;
    case 'invalid':
      return `this value does not fit the format (${p.zodCode})`;
    case 'document-not-mapping':
      return `expected a mapping of model sections, found ${words.kinds[p.received]}`;
    case 'section-not-mapping':
      return `expected a mapping from id to ${p.section} entry, found ${words.kinds[p.received]}`;
    case 'invalid-id':
      return p.section === 'parameters'
        ? `${q(p.id)} is not a valid parameter name (letters, digits, _)`
        : `${q(p.id)} is not a valid id (letters, digits, _ and -)`;
    case 'reserved-key':
      return `the key ${q(p.key)} is reserved; choose another id`;
    case 'after-horizon':
      return `period ${p.at} is after the horizon (${p.horizon})`;
    case 'step-form':
      return `a step is exactly one of { transaction }, { and } or { or }; found ${p.found.length === 0 ? 'none' : p.found.join(' and ')}`;
  }
}

function token(kind: string, text: string): string {
  return kind === 'number' ? `number ${text}` : kind === 'name' ? `name ${q(text)}` : q(text);
}

function expressionSyntax(p: ExpressionSyntaxFault): string {
  switch (p.reason) {
    case 'empty':
      return 'the expression is empty';
    case 'ends-early':
      return 'the expression ends too early';
    case 'chained-comparison':
      return 'comparisons cannot be chained; use "and"';
    case 'malformed-number':
      return `malformed number ${q(p.text)}`;
    case 'date':
      return `${q(p.text)} is a date, not a quantity: write a number (2001), or an expression with spaces to subtract or divide (2001 - 1 - 1)`;
    case 'unexpected-character':
      return `unexpected character ${q(p.character)}`;
    case 'comma-in-number': {
      const readings = [
        ...(p.thousands !== undefined ? [`${p.thousands} (or ${groupedByUnderscore(p.thousands)}) for ${q(p.text)} in thousands`] : []),
        ...(p.decimal !== undefined ? [`${p.decimal}, with a point, for a decimal`] : []),
      ];
      return `${q(p.text)}: a number has no comma here; write ${readings.join(', or ')}`;
    }
    case 'grouped-number':
      return `${q(p.text)}: a number has no spaces between its digits; write ${p.write} (or ${groupedByUnderscore(p.write)})`;
    case 'percent':
      return `${q(p.text)}: a percentage is written as a share, ${p.write}; "%" here is the remainder of a division`;
    case 'unexpected-token':
      return `unexpected ${token(p.token, p.text)}`;
    case 'too-long':
      return `the expression chains more than ${p.max} operations; split it into parameters`;
    case 'too-deep':
      return `the expression is nested more than ${p.max} levels deep`;
    case 'unclosed-call':
      return `expected "," or ")" to close the call opened at character ${p.open}`;
    case 'unclosed-bracket':
      return `expected ")" to close the "(" at character ${p.open}`;
  }
}

function evaluation(p: IssueParamsByCode['evaluation']): string {
  switch (p.reason) {
    case 'division-by-zero':
      return 'division by zero';
    case 'not-finite':
      return `the result is not a finite number (${p.value})`;
    case 'not-real':
      return `${num(p.base)} ^ ${num(p.exponent)} is not a real number`;
    case 'domain':
      return p.function === 'sqrt' ? `sqrt of a negative number (${num(p.value)})` : `${p.function} of a non-positive number (${num(p.value)})`;
    case 'unknown-name':
      return `unknown name ${q(p.name)}`;
    case 'unknown-function':
      return `unknown function ${q(p.name)}`;
    case 'unknown-operator':
      return `unknown operator ${q(p.operator)}`;
    case 'arity':
      return arity(p);
    case 'before-start':
      return 'cannot be evaluated before operations start: it reads a parameter that does not exist at period 0 (t = 0)';
  }
}

function arity(p: { name: string; min: number; max?: number; found: number }): string {
  const expected = range(p.min, p.max);
  return `${p.name}() takes ${expected} ${plural(expected === '1' ? 1 : 2, 'argument')}, got ${p.found}`;
}

function quantity(kind: QuantityKind, name: string | undefined): string {
  switch (kind) {
    case 'investment':
      return `investment ${q(name ?? '')}`;
    case 'cost':
      return `cost ${q(name ?? '')}`;
    case 'segment-size':
      return `size of segment ${q(name ?? '')}`;
    case 'start-count':
      return 'start count';
    case 'count':
      return 'count';
    case 'amount':
      return name === undefined ? 'amount' : `amount of ${q(name)}`;
    case 'valuation':
      return `valuation of ${q(name ?? '')}`;
    case 'money':
      return `money ${q(name ?? '')}`;
    case 'discount-rate':
      return 'discount rate';
  }
}

const missingReasons: Record<Exclude<MissingFieldReason, 'money-amount'>, string> = {
  'required-section': 'a required section',
  'segment-size': 'a segment is a population with a size',
  'variable-cost-per': 'a variable cost names the transaction it is paid per',
  'format-version': 'the format version, a whole number',
};

const misplacedReasons: Record<IssueParamsByCode['misplaced-field']['reason'], string> = {
  'size-not-segment': 'only a segment has a size; set kind: segment',
  'per-not-variable': 'only a variable cost has one',
  'at-not-investment': 'only an investment has one',
  'valuation-of-money': 'money is worth its amount; give the amount on each transfer',
  'currency-not-money': 'only money has a currency',
  'personal-not-data': 'only data can be personal',
  'members-not-segment': 'only a segment has members; an organisation is one actor',
  'count-not-transaction': 'a count multiplies a transaction step',
};

function missingField(p: IssueParamsByCode['missing-field']): string {
  if (p.reason === 'schema') {
    const expected = p.expected ? ` (expected ${expectedWord(p.expected)})` : p.values ? ` (expected one of ${quoted(p.values)})` : '';
    return `missing ${q(p.field)}${expected}`;
  }
  if (p.reason === 'money-amount') return `missing ${q(p.field)} (a transfer of money (${q(p.object ?? '')}) needs an amount per occurrence)`;
  return `missing ${q(p.field)} (${missingReasons[p.reason]})`;
}

function equationSyntax(p: EquationSyntaxFault): string {
  switch (p.reason) {
    case 'empty':
      return 'the equation is empty';
    case 'ends-early':
      return 'the equation ends too early';
    case 'unclosed-comment':
      return 'unclosed comment "{"';
    case 'unclosed-quote':
      return 'unclosed quoted name';
    case 'expected-element-name':
      return 'expected an element name after "."';
    case 'expected-name-after-dot':
      return 'expected a name after "."';
    case 'expected-then':
      return 'expected THEN';
    case 'expected-else':
      return 'expected ELSE';
    case 'expected-dimension-name':
      return 'expected a dimension name after "*:"';
    case 'unexpected-character':
      return `unexpected character ${q(p.character)}`;
    case 'unexpected-token':
      return `unexpected ${token(p.token, p.text)}`;
    case 'unclosed-call':
      return `expected "," or ")" to close the call opened at character ${p.open}`;
    case 'unclosed-subscript':
      return `expected "," or "]" to close the subscript opened at character ${p.open}`;
    case 'unclosed-bracket':
      return `expected ")" to close the "(" at character ${p.open}`;
  }
}

function run(p: RunRefusal): string {
  switch (p.reason) {
    case 'no-variable':
      return `no variable named ${q(p.name)}`;
    case 'dt':
      return `dt must be positive (found ${num(p.dt)})`;
    case 'stop-before-start':
      return `stop (${num(p.stop)}) is before start (${num(p.start)})`;
    case 'too-many-steps':
      return `${count(p.steps)} steps (from ${num(p.start)} to ${num(p.stop)} by ${num(p.dt)}) is more than one run may take (${count(p.max)}); use a larger dt or an earlier stop`;
    case 'too-many-values': {
      const delays = p.delays > 0 ? ` and the history of ${p.delays} ${plural(p.delays, 'delay')} over ${count(p.steps)} steps` : '';
      return `keeping ${p.series} series over ${count(p.saves)} saved steps${delays} needs ${count(p.values)} numbers (more than ${count(p.max)}); keep fewer variables, save less often${p.delays > 0 ? ', use a larger dt' : ''} or stop earlier`;
    }
    case 'input-not-finite':
      return `the input ${q(p.name)} must be a finite number (found ${num(p.value)})`;
    case 'input-not-constant':
      return `${q(p.name)} is not a constant: only a variable whose equation is a number can be given as an input`;
    case 'not-an-input':
      return `${q(p.name)} is not an input of this program: compile the model with it as an input, or give the model itself`;
  }
}

const xmlCodes: Record<string, string> = {
  InvalidTag: 'a tag is malformed, or an element is not closed',
  InvalidAttr: 'an attribute is malformed',
  InvalidChar: 'a character is not allowed here',
  InvalidXml: 'the XML is not well formed (several root elements, text after the end, or elements left open)',
};

function xml(p: EngineParamsByCode['xml']): string {
  switch (p.reason) {
    case 'empty':
      return 'cannot read the model: the file is empty';
    case 'parse':
      return 'cannot read the model: the XML cannot be parsed';
    case 'reserved-tag':
      return `cannot read the model: line ${p.line}, column ${p.column}: an element named <${p.tag}> is not XMILE, and is not read`;
    case 'no-root':
      return 'cannot read the model: no <xmile> root element';
    case 'no-model':
      return 'cannot read the model: no <model> element';
    case 'unnamed':
      return `cannot read the model: a <${p.kind}> has no name`;
    case 'malformed': {
      const where = p.column === undefined ? `line ${p.line}` : `line ${p.line}, column ${p.column}`;
      return `cannot read the model: ${xmlCodes[p.xmlCode] ?? `invalid XML (${p.xmlCode})`} (${where})`;
    }
  }
}

function unsupported(p: EngineParamsByCode['unsupported']): string {
  switch (p.reason) {
    case 'integration-method':
      return `not supported yet: integration method ${q(p.method)}; using Euler`;
    case 'module-without-model':
      return `not supported yet: module ${q(p.module)} instantiates no <model> of this file`;
    case 'module-recursive':
      return `not supported yet: module ${q(p.module)} contains itself`;
    case 'lookup-needs-table':
      return 'not supported yet: LOOKUP needs the name of a graphical function first';
    case 'no-graphical-function':
      return `not supported yet: ${q(p.name)} has no graphical function to read`;
    case 'gf-without-input':
      return `not supported yet: ${q(p.name)} is a graphical function without input; call it as ${p.name}(x)`;
    case 'builtin':
      return `not supported yet: the XMILE builtin ${p.function}`;
    case 'macro-recursive':
      return `not supported yet: macro ${q(p.macro)} calls itself`;
  }
}

function dimension(p: EngineParamsByCode['dimension']): string {
  switch (p.reason) {
    case 'unknown-dimension':
      return `unknown dimension ${q(p.dimension)}`;
    case 'size':
      return `size ${q(p.size)} of dimension ${q(p.dimension)}: a size is a whole number of elements, at least 1`;
    case 'flow-elements':
      return `flow ${q(p.flow)} does not have the stock's elements`;
    case 'argument-sizes':
      return `the arguments of ${p.function} have different numbers of elements`;
    case 'operand-sizes':
      return `the two sides of ${q(p.operator)} have different numbers of elements`;
    case 'delay-order-size':
      return 'the order of DELAYN/SMTHN must be one value';
    case 'branch-sizes':
      return 'IF THEN ELSE branches have different numbers of elements';
    case 'subscript-size':
      return 'a subscript must be one value';
    case 'many-values':
      return `the equation gives ${p.count} values where one is expected; subscript the arrays it reads`;
    case 'subscript-count':
      return `${q(p.name)} has ${p.dimensions} ${plural(p.dimensions, 'dimension')} but ${p.subscripts} ${plural(p.subscripts, 'subscript')} ${p.subscripts === 1 ? 'is' : 'are'} given`;
    case 'no-counterpart':
      return `element ${q(p.element)} of ${q(p.from)} has no counterpart in ${q(p.to)}`;
    case 'subscript-range':
      return `subscript ${num(p.index)} is outside ${q(p.dimension)} (1..${p.size})`;
  }
}

function simSpecs(p: EngineParamsByCode['sim-specs']): string {
  switch (p.reason) {
    case 'not-a-number':
      return `simulation specs: <${p.key}> is ${q(p.text)}, not a number`;
    case 'start-stop':
      return 'simulation specs: start and stop must be numbers';
    case 'stop-before-start':
      return `simulation specs: stop (${num(p.stop)}) is before start (${num(p.start)})`;
    case 'dt':
      return `simulation specs: dt must be a positive number (found ${num(p.dt)})`;
    case 'save-step':
      return `simulation specs: the save step must be a positive number (found ${num(p.saveStep)})`;
  }
}

function graphicalFunction(p: EngineParamsByCode['graphical-function']): string {
  switch (p.reason) {
    case 'not-a-number':
      return `graphical function: <${p.tag}> holds ${q(p.text)}, which is not a list of numbers`;
    case 'no-points':
      return 'graphical function: no points (ypts is empty)';
    case 'no-x':
      return 'graphical function: neither xpts nor xscale';
    case 'length-mismatch':
      return `graphical function: ${p.xs} x values but ${p.ys} y values`;
    case 'decreasing':
      return `graphical function: x values must not decrease (point ${p.point})`;
  }
}

/** A limit of core/limits.ts passed: the core's `limit` issue and the engine's say it alike. */
const limit = (p: { limit: LimitName; max: number; found?: number | undefined }): string =>
  `too many ${words.limits[p.limit]}: at most ${count(p.max)} (limit ${q(p.limit)})${p.found !== undefined ? `, found ${count(p.found)}` : ''}`;

const engine: EngineMessages = {
  xml,
  'equation-syntax': (p) => {
    const where = p.macro === undefined ? '' : p.macroVariable === undefined ? `in macro ${q(p.macro)}: ` : `in macro ${q(p.macro)}, variable ${q(p.macroVariable)}: `;
    return `invalid equation: ${where}${equationSyntax(p)}`;
  },
  'unknown-name': (p) => `unknown name ${q(p.name)}`,
  'unknown-function': (p) => `unknown function ${q(p.name)}`,
  arity: (p) => `${p.name} takes ${range(p.min, p.max)} ${plural(p.min === p.max && p.min === 1 ? 1 : 2, 'argument')}, found ${p.found}`,
  'algebraic-loop': (p) =>
    'macro' in p
      ? `algebraic loop (no stock on the way): ${p.cycle.join(' → ')} in macro ${p.macro}`
      : `algebraic loop (no stock on the way): ${p.cycle.join(' → ')} (${p.when === 'start' ? 'at the start of the run' : 'during the run'})`,
  unsupported,
  dimension,
  'duplicate-name': (p) => `the name ${q(p.name)} is defined more than once`,
  'missing-equation': (p) => `no equation${p.element ? ` for element [${p.element}]` : ''}`,
  'sim-specs': simSpecs,
  'graphical-function': graphicalFunction,
  'not-constant': (p) =>
    p.reason === 'delay-order'
      ? 'the order of DELAYN/SMTHN must be known at the start of the run (it is not a finite number there)'
      : 'a subscript range bound must be known at the start of the run',
  units: (p) =>
    `flow ${q(p.flow)} is in ${p.flowUnits} but stock ${q(p.stock)} is in ${p.stockUnits}: a flow into or out of it should be in ${p.stockUnits} per ${p.time}`,
  'not-finite': (p) => `${p.label} becomes ${p.value === 'NaN' ? 'NaN' : 'infinite'} at time ${num(p.time)}`,
  run: (p) => `the run cannot start: ${run(p)}`,
  import: (p) => {
    const list = 'names' in p ? p.names.map(q).join(', ') : '';
    switch (p.reason) {
      case 'modules':
        return `a model document cannot hold module instances yet (${list}); export the file as XMILE first to flatten them`;
      case 'macros':
        return `a model document cannot hold macros yet (${list})`;
      case 'element-graphical-functions':
        return `a model document cannot hold a graphical function per array element yet (${list})`;
      case 'stock-initials':
        return `a model document cannot hold a stock's separate initial equation yet (${list})`;
      case 'save-step':
        return `a model document cannot hold a save step (${num(p.saveStep)}) other than dt (${num(p.dt)})`;
      case 'reserved-name':
        return `a model document cannot hold the name ${q(p.name)}, which its format reserves; rename it`;
    }
  },
  limit,
};

/** Why a distribution cannot be drawn from, or does not fit its parameter. */
function distribution(p: DistributionFault): string {
  switch (p.reason) {
    case 'min-not-below-max':
      return `the minimum (${num(p.min)}) must be below the maximum (${num(p.max)})`;
    case 'mode-outside-range':
      return `the most likely value (${num(p.mode)}) lies outside the minimum and maximum (${num(p.min)} to ${num(p.max)})`;
    case 'not-positive':
      return `${p.field} must be above 0, not ${num(p.value)}`;
    case 'truncation-empty':
      return `truncated to ${num(p.min)} to ${num(p.max)}, the distribution holds no probability: widen the bounds or move them towards its centre`;
    case 'discrete-lengths':
      return `${p.values} ${plural(p.values, 'value')} but ${p.probabilities} ${plural(p.probabilities, 'probability', 'probabilities')}: give one probability per value`;
    case 'negative-probability':
      return `a probability cannot be negative (${num(p.probability)})`;
    case 'probabilities-sum':
      return `the probabilities sum to ${num(p.sum)}, not 1`;
    case 'of-expression':
      return `${q(p.name)} is an expression: its value comes from the parameters it reads, so it cannot be drawn; put the distribution on the uncertain factor, as a parameter of its own`;
    case 'timing-unbounded':
      return `${q(p.name)} sets a timing (it is compared with the period t), so each draw is taken as a whole period; a ${p.kind} distribution without min and max has no bounds to keep the draws in: give min and max`;
    case 'empirical-file':
      return `the file ${q(p.file)} of this empirical distribution cannot be read`;
    case 'empirical-column':
      return `the file ${q(p.file)} has no column ${q(p.column)}${p.known.length > 0 ? ` (its columns: ${quoted(p.known)})` : ''}`;
    case 'empirical-empty':
      return `the column ${q(p.column)} of ${q(p.file)} holds no values`;
    case 'empirical-server':
      return `${q(p.name)} is drawn from the column ${q(p.column)} of ${q(p.file)}, which the server cannot read (it keeps the model’s text, not its data files): run \`symbiose risk\` or \`symbiose sensitivity\` where the file is, or give ${q(p.name)} a distribution of its own`;
    case 'empirical-cell':
      return `row ${p.row} of column ${q(p.column)} in ${q(p.file)} is not a number: ${q(p.text)}`;
  }
}

/** Why rank correlations cannot be induced. */
function correlation(p: CorrelationFault): string {
  switch (p.reason) {
    case 'self':
      return `${q(p.name)} is correlated with itself`;
    case 'duplicate':
      return `the correlation between ${q(p.first)} and ${q(p.second)} is given twice`;
    case 'outside-unit':
      return `a rank correlation lies between −1 and 1, not ${num(p.value)}`;
    case 'not-square':
      return `the matrix must have one row and one column per parameter (${p.size}); found ${p.found}`;
    case 'diagonal-not-one':
      return `${q(p.name)} is correlated with itself at 1, not ${num(p.value)}`;
    case 'not-symmetric':
      return `the correlation of ${q(p.first)} with ${q(p.second)} (${num(p.value)}) differs from that of ${q(p.second)} with ${q(p.first)} (${num(p.mirror)})`;
    case 'not-positive-semidefinite':
      return `these correlations cannot hold together (the matrix is not positive semi-definite, from ${q(p.name)} on): weaken some of them`;
    case 'not-drawn':
      return `${q(p.name)} is never drawn (it has no distribution nor range, or it is an expression), so it cannot be correlated`;
  }
}

export const en: IssueCatalogue = {
  words,
  engine,
  line: { error: 'error', warning: 'warning', at: (path) => `(at ${path})` },
  where: {
    variable: (name) => `variable ${q(name)}`,
    dimension: (name) => `dimension ${q(name)}`,
    equation: (equation, offset) => (offset === undefined ? ` in equation ${q(equation)}` : ` at character ${offset + 1} of equation ${q(equation)}`),
  },
  core: {
    syntax: (p) => {
      switch (p.reason) {
        case 'yaml':
          return words.yaml[p.yamlCode] ?? `invalid YAML (${p.yamlCode})`;
        case 'json':
          return p.fault === 'unexpected-end' ? 'invalid JSON: the text ends too early' : `invalid JSON: unexpected ${q(p.character)}`;
        case 'alias-limit':
          return 'too many aliases: the document would expand without bound';
        case 'unresolved-alias':
          return 'an alias names an anchor that is not set before it';
      }
    },
    schema,
    'unknown-key': (p) =>
      p.looksLike === 'cut-number'
        ? `unknown key ${q(p.key)}: inside { }, a comma separates entries, so a number written with a comma (3,000 or 0,5) is read as two; write 3000 (or 3_000), and 0.5 with a point`
        : `unknown key ${q(p.key)}${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : p.expected ? `; expected one of: ${p.expected.join(', ')}` : ''}`,
    'unknown-reference': (p) =>
      `unknown ${words.records[p.kind]} ${q(p.id)}${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ''}${p.known ? ` (known: ${p.known.length > 0 ? p.known.join(', ') : 'none'})` : ''}`,
    reciprocity: (p) => {
      const problems = [...p.givesOnly.map((a) => `${q(a)} gives but receives nothing`), ...p.receivesOnly.map((a) => `${q(a)} receives but gives nothing`)];
      return `transaction ${q(p.transaction)} is not reciprocal: ${problems.join('; ')}; add the transfer in return, or set reciprocal: false for a one-way flow`;
    },
    'self-transfer': (p) => `actor ${q(p.actor)} transfers to itself`,
    'or-fractions': (p) => `OR fractions sum to ${num(p.sum)}${atPeriod(p)}, expected 1`,
    'fraction-range': (p) => `fraction ${num(p.value)}${atPeriod(p)} is outside 0..1`,
    negative: (p) => `${quantity(p.quantity, p.name)} is negative (${num(p.value)})${atPeriod(p)}; expected 0 or more`,
    'expression-syntax': (p) => `invalid expression: ${expressionSyntax(p)}`,
    'unknown-name': (p) => `unknown name ${q(p.name)}${p.suggestion ? `; did you mean ${q(p.suggestion)}?` : ': expected a parameter, t or horizon'}`,
    'unknown-function': (p) => `unknown function ${q(p.name)}; expected one of: ${p.known.join(', ')}`,
    arity,
    'parameter-cycle': (p) => `parameters depend on each other in a cycle: ${p.cycle.join(' → ')}`,
    evaluation: (p) => `${evaluation(p)}${atPeriod(p)}`,
    'currency-mismatch': (p) =>
      `${quantity(p.quantity, p.record)}${p.parameter ? ` (through parameter ${q(p.parameter)})` : ''} is in ${p.found}, but the model currency is ${p.expected}`,
    'missing-field': missingField,
    'misplaced-field': (p) => `${q(p.field)} is meaningless here: ${misplacedReasons[p.reason]}`,
    'cost-kind': (p) => `a cost is exactly one of fixed, variable or investment; found ${p.found.length === 0 ? 'none' : p.found.join(' and ')}`,
    'reserved-name': (p) => `${q(p.name)} is reserved by the expression language; choose another name`,
    'name-clash': (p) => `parameter ${q(p.name)} has the same name as dynamics ${p.section} ${q(p.other)}; rename one of them`,
    dynamics: (p) => {
      const text = engineText(engine, p.engineCode, p);
      return p.variable === undefined ? text : `variable ${q(p.variable)}: ${text}`;
    },
    'dynamics-stop': (p) => `the dynamics stop at ${num(p.stop)}, before the horizon ends (${num(p.end)})`,
    'dynamics-dt': (p) => `dt ${num(p.dt)} does not divide ${article(period(p.period))} evenly; use 1, 0.5, 0.25, 0.125…`,
    'dynamics-engine': () => 'this model has dynamics, which need the engine to load it',
    'dynamics-varying-parameter': (p) =>
      `variable ${q(p.variable)}: parameter ${q(p.parameter)} depends on t or on the dynamics, which the dynamics cannot read; write it with TIME in the dynamics instead`,
    'unreached-transaction': (p) => `transaction ${q(p.transaction)} never happens: no scenario reaches it`,
    'unused-parameter': (p) => `parameter ${q(p.name)} is not used by any quantity`,
    'unused-record': (p) => (p.kind === 'actor' ? `actor ${q(p.id)} takes part in no transaction` : `value object ${q(p.id)} is in no transfer`),
    'duplicate-name': (p) =>
      `${words.records[p.kind]}s ${q(p.first)} and ${q(p.second)} are both named ${q(p.name)}; tables will not tell them apart`,
    'unit-period': (p) =>
      `parameter ${q(p.name)} is in ${p.unit} but the model's period is ${article(period(p.period))}: amounts are counted per ${period(p.period)}; convert it`,
    'discount-rate-name': (p) =>
      `a discount rate is written with numbers only, and this one reads ${q(p.name)}: write its value here (a rate is fixed for the whole appraisal, while parameters may vary by period and by draw)`,
    'start-count': (p) =>
      `scenario ${q(p.scenario)} starts ${num(p.count)} times a period from ${q(p.actor)}, which is not a segment: a start count is how many times the actor starts the scenario each period, not how many members it has; to start once per member, make the members a segment with a size and start from it`,
    'discount-rate': (p) => `a discount rate of ${num(p.rate)} is ${num(p.percent)} % a year; for ${num(p.rate)} % write ${num(p.fraction)}`,
    'format-version': (p) =>
      `format version ${p.version} is not one this Symbiose knows (${p.oldest} to ${p.latest})${p.version > p.latest ? '; it was written by a newer Symbiose: update it' : ''}`,
    'migration-loss': (p) => `format version ${p.to} has no ${q(p.field)}: ${p.count} dropped in migrating from version ${p.from}`,
    'migration-range': (p) =>
      p.reading === 'factor'
        ? `the range of ${q(p.parameter)} bounded its factor ${num(p.number ?? 0)}, not its value: that factor is now the parameter ${q(p.factor ?? '')}, with the range`
        : `the range of ${q(p.parameter)}, an expression, now bounds its value (format version 4); if it bounded a factor inside it, make that factor a parameter of its own and move the range there`,
    distribution,
    'range-order': (p) => `the low end of a range (${num(p.low)}) must not be above its high end (${num(p.high)})`,
    'range-value': (p) => `${q(p.name)} is ${num(p.value)}, outside its own range (${num(p.low)} to ${num(p.high)})`,
    correlation,
    'experiment-count': (p) =>
      `variant ${q(p.variant)}: ${p.count} ${p.field === 'converted' ? 'converted' : 'exposed'}, more than the ${p.limit} ${p.of === 'exposed' ? 'exposed' : 'planned'}`,
    'experiment-variants': (p) =>
      p.reason === 'too-few'
        ? `experiment ${q(p.experiment)} has ${p.count} ${plural(p.count, 'variant')}: a test compares at least two`
        : `experiment ${q(p.experiment)} has ${p.count} controls: mark one variant control: true`,
    'edit-unknown': (p) => `change ${p.change}: there is no ${words.records[p.kind]} ${q(p.id)}`,
    'edit-exists': (p) => `change ${p.change}: ${words.records[p.kind]} ${q(p.id)} already exists`,
    'edit-invalid-id': (p) => `change ${p.change}: ${q(p.id)} cannot be the id of ${article(words.records[p.kind])}`,
    'edit-index': (p) => `change ${p.change}: there is no ${words.records[p.kind]} ${p.index} (the list has ${p.count})`,
    'edit-in-use': (p) => `change ${p.change}: ${words.records[p.kind]} ${q(p.id)} is removed but still referenced ${p.count} ${plural(p.count, 'time')}`,
    'edit-unwritable': (p) => `change ${p.change}: model expressions read ${q(p.id)}, and could not read the name ${q(p.name)}`,
    'edit-unparsed': (p) => `change ${p.change}: this quantity does not parse, so ${q(p.id)} was not renamed in it`,
    'scenario-paths': (p) => `scenario ${q(p.scenario)} has more than ${p.limit} paths; its figures are given per scenario only, not per path`,
    'unknown-override': (p) => `${q(p.name)} is neither a parameter nor a constant of the dynamics; it cannot be given a value`,
    'override-value': (p) => `the value given to ${q(p.name)} (${p.value}) is not a finite number`,
    limit,
    'edit-needs-engine': (p) => `change ${p.change}: renaming ${q(p.id)} reaches into the dynamics' equations, which needs the engine's renamer`,
  },
};
