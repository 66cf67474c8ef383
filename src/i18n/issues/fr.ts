/**
 * Messages en français pour chaque code d'issue du cœur et du moteur. Typographie française :
 * espace insécable avant « : » et fine insécable avant ; ? ! (le gabarit `t` les pose, sans toucher
 * aux noms insérés), guillemets « » autour des noms, virgule décimale.
 */
import type { EngineParamsByCode, EquationSyntaxFault, RunRefusal } from '../../engine/index.js';
import type { CorrelationFault, DistributionFault, ExpressionSyntaxFault, IssueParamsByCode, LimitName, QuantityKind, KindName, SchemaFault } from '../../core/index.js';
import { numberFormat } from '../numbers.js';
import { engineText, groupedByUnderscore, type EngineMessages, type IssueCatalogue } from './catalogue.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** French spacing before : ; ? ! in the literal parts of a template, never in what is inserted. */
function t(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  const typo = (s: string) => s.replace(/ ([:;?!])/g, (_, mark: string) => `${mark === ':' ? NBSP : NNBSP}${mark}`);
  return strings.reduce((out, s, i) => out + typo(s) + (i < values.length ? String(values[i]) : ''), '');
}

const q = (name: string | number) => `«${NBSP}${name}${NBSP}»`;
const quoted = (names: readonly string[]) => names.map(q).join(', ');
const num = (x: number) =>
  Number.isNaN(x) ? 'NaN' : Number.isFinite(x) ? String(x).replace('.', ',').replace('-', '−') : x > 0 ? 'l’infini' : 'moins l’infini';
/** Les grands nombres lisibles d'un coup d'œil : 536 870 912 devient « 537 millions ». */
const count = (n: number) =>
  n >= 1e6 ? millions(Number((n / 1e6).toPrecision(3))) : numberFormat('fr', 0).format(Math.round(n));
/** « 1 million », « 1,5 million » (moins de deux : singulier), « 537 millions ». */
const millions = (m: number) => `${num(m)}${NBSP}million${m >= 2 ? 's' : ''}`;
const atPeriod = (p: { period?: number }) => (p.period !== undefined ? ` à la période ${p.period}` : '');
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const range = (min: number, max: number | undefined) =>
  max === undefined ? `au moins ${min}` : min === max ? String(min) : `${min} à ${max}`;
const percent = (x: number) => `${num(x)}${NNBSP}%`;

/** Les périodes : avec l'article défini, indéfini, et après « par ». */
const periods: Record<string, { the: string; a: string; per: string }> = {
  day: { the: 'le jour', a: 'un jour', per: 'jour' },
  week: { the: 'la semaine', a: 'une semaine', per: 'semaine' },
  month: { the: 'le mois', a: 'un mois', per: 'mois' },
  quarter: { the: 'le trimestre', a: 'un trimestre', per: 'trimestre' },
  year: { the: 'l’année', a: 'une année', per: 'an' },
};
const period = (name: string) => periods[name] ?? { the: name, a: name, per: name };

/** Les sortes de fiches, avec leur genre pour accorder ce qui les suit. */
export const records: Record<KindName, { one: string; many: string; feminine: boolean }> = {
  parameter: { one: 'paramètre', many: 'paramètres', feminine: false },
  actor: { one: 'acteur', many: 'acteurs', feminine: false },
  valueObject: { one: 'objet de valeur', many: 'objets de valeur', feminine: false },
  transaction: { one: 'transaction', many: 'transactions', feminine: true },
  scenario: { one: 'scénario', many: 'scénarios', feminine: false },
  variant: { one: 'variante', many: 'variantes', feminine: true },
  stock: { one: 'stock', many: 'stocks', feminine: false },
  flow: { one: 'flux', many: 'flux', feminine: false },
  variable: { one: 'variable', many: 'variables', feminine: true },
  cost: { one: 'coût', many: 'coûts', feminine: false },
  transfer: { one: 'transfert', many: 'transferts', feminine: false },
  step: { one: 'étape', many: 'étapes', feminine: true },
  branch: { one: 'branche', many: 'branches', feminine: true },
  hypothesis: { one: 'hypothèse', many: 'hypothèses', feminine: true },
  testCard: { one: 'carte de test', many: 'cartes de test', feminine: true },
  experiment: { one: 'expérience', many: 'expériences', feminine: true },
  learningCard: { one: 'carte d’apprentissage', many: 'cartes d’apprentissage', feminine: true },
  experimentVariant: { one: 'variante d’expérience', many: 'variantes d’expérience', feminine: true },
};
/** « un acteur », « une transaction » */
const a = (kind: KindName) => `${records[kind].feminine ? 'une' : 'un'} ${records[kind].one}`;
/** « d’acteur », « de transaction » */
const de = (kind: KindName) => (/^[aeiouéèêh]/i.test(records[kind].one) ? `d’${records[kind].one}` : `de ${records[kind].one}`);
/** « l’acteur », « la transaction », « le stock » */
const the = (kind: KindName) => {
  const { one, feminine } = records[kind];
  return /^[aeiouéèêh]/i.test(one) ? `l’${one}` : `${feminine ? 'la' : 'le'} ${one}`;
};
const e = (feminine: boolean) => (feminine ? 'e' : '');

const words: IssueCatalogue['words'] = {
  yaml: {
    ALIAS_PROPS: 'un alias ne peut porter ni étiquette ni ancre',
    BAD_ALIAS: 'cet alias n’est pas valide',
    BAD_DIRECTIVE: 'cette directive n’est pas valide',
    BAD_DQ_ESCAPE: 'cette séquence d’échappement n’est pas valide dans une chaîne entre guillemets doubles',
    BAD_INDENT: 'l’indentation est incorrecte ici',
    BAD_PROP_ORDER: 'les ancres et les étiquettes doivent précéder la valeur qu’elles marquent',
    BAD_SCALAR_START: t`une valeur simple ne peut pas commencer par ce caractère ; mettez la valeur entre guillemets`,
    BLOCK_AS_IMPLICIT_KEY: t`un bloc ne peut pas servir de clé ; manque-t-il un deux-points, ou est-il mal placé ?`,
    BLOCK_IN_FLOW: 'un bloc ne peut pas figurer entre [ ] ou { }',
    DUPLICATE_KEY: 'cette clé apparaît deux fois au même niveau',
    IMPOSSIBLE: 'le lecteur YAML a rencontré ici quelque chose qu’il ne sait pas lire',
    KEY_OVER_1024_CHARS: `une clé ne peut pas dépasser 1${NNBSP}024 caractères`,
    MISSING_CHAR: 'il manque ici un caractère fermant (guillemet, crochet ou accolade)',
    MULTILINE_IMPLICIT_KEY: t`une clé doit tenir sur une seule ligne ; manque-t-il un deux-points ?`,
    MULTIPLE_ANCHORS: 'une valeur ne peut avoir qu’une ancre',
    MULTIPLE_DOCS: 'un fichier de modèle contient un seul document YAML, mais celui-ci en contient plusieurs (séparés par ---)',
    MULTIPLE_TAGS: 'une valeur ne peut avoir qu’une étiquette',
    NON_STRING_KEY: 'une clé doit être du texte simple',
    RESOURCE_EXHAUSTION: 'le document est trop volumineux ou trop imbriqué pour être lu',
    TAB_AS_INDENT: t`une tabulation ne peut pas indenter du YAML ; indentez avec des espaces`,
    TAG_RESOLVE_FAILED: 'cette étiquette est inconnue',
    UNEXPECTED_TOKEN: 'texte inattendu ici',
    BAD_COLLECTION_TYPE: 'cette collection n’a pas le type qu’indique son étiquette',
  },
  expectations: {
    id: t`un identifiant : une lettre ou _, puis des lettres, des chiffres, _ ou -`,
    'currency-code': 'un code de devise ISO 4217, comme EUR',
    'parameter-name': t`un nom de paramètre : une lettre ou _, puis des lettres, des chiffres ou _`,
    quantity: 'un nombre, ou une expression arithmétique entre guillemets',
    parameter: 'un nombre, une expression, ou { value, unit, source | assumption, range, distribution }',
    valuation: 'une quantité, ou une quantité par acteur destinataire (identifiant de l’acteur → quantité)',
    step: 'un identifiant de transaction, ou l’une des formes { transaction, count }, { and: [...] }, { or: [...] }',
    equation: 'un nombre, ou une équation XMILE entre guillemets',
    flow: 'une équation, ou { equation, initial, nonNegative, … }',
    variable: 'une équation, ou { equation, initial, gf, … }',
    text: 'un texte, ou un texte par langue : { fr: …, en: … }',
    distribution: 'une distribution : { kind: uniform, triangular, pert, normal, lognormal, beta, discrete ou empirical, et ses champs }',
  },
  kinds: {
    nothing: 'rien',
    list: 'une liste',
    mapping: 'des clés et leurs valeurs',
    string: 'du texte',
    number: 'un nombre',
    boolean: 'true ou false',
    other: 'autre chose',
  },
  records: Object.fromEntries(Object.entries(records).map(([kind, r]) => [kind, r.one])) as Record<KindName, string>,
  limits: {
    fileBytes: 'octets dans un fichier',
    modelIdLength: 'caractères dans l’identifiant d’un modèle',
    yamlAliases: 'alias YAML développés',
    yamlDepth: 'niveaux d’imbrication dans un fichier (tables et listes les unes dans les autres)',
    records: 'fiches dans un modèle (acteurs, objets de valeur, transactions, scénarios, paramètres et variantes ensemble)',
    expressionDepth: 'niveaux d’imbrication dans une expression',
    expressionArguments: 'arguments dans un appel de fonction',
    equationDepth: 'niveaux d’imbrication dans une équation',
    equationArguments: 'arguments dans un appel',
    dimensionSize: 'éléments dans une dimension',
    modelElements: 'valeurs calculées par un modèle dynamique',
    expandedNodes: 'opérations dans un modèle dynamique une fois ses macros et ses tableaux développés',
    horizon: 'périodes dans l’horizon',
    scenarioPaths: 'chemins dans un scénario',
    simulationSteps: 'pas dans une simulation',
    savedValues: 'valeurs gardées par une simulation',
    generatedSourceChars: 'caractères de code généré',
  },
};

/** Les types attendus par zod, en mots. */
const types: Record<string, string> = {
  string: 'du texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  object: 'des clés et leurs valeurs',
  record: 'des clés et leurs valeurs',
  array: 'une liste',
  tuple: 'une liste',
};
const typeWord = (expected: string) => types[expected] ?? expected;
const expectedWord = (expected: string) => words.expectations[expected as keyof typeof words.expectations] ?? typeWord(expected);
const sizeOf = (origin: string, limit: number) =>
  origin === 'array' ? `${limit} ${plural(limit, 'élément')}` : origin === 'string' ? `${limit} ${plural(limit, 'caractère')}` : num(limit);

function schema(p: SchemaFault): string {
  switch (p.reason) {
    case 'type':
      return t`attendu : ${typeWord(p.expected)} (trouvé : ${words.kinds[p.received]})`;
    case 'at-least':
      return p.origin === 'array' ? t`attendu : une liste d’au moins ${sizeOf(p.origin, p.limit)}` : t`attendu : au moins ${sizeOf(p.origin, p.limit)}`;
    case 'more-than':
      return p.origin === 'number' ? t`attendu : un nombre strictement supérieur à ${num(p.limit)}` : t`attendu : plus de ${sizeOf(p.origin, p.limit)}`;
    case 'at-most':
      return t`attendu : au plus ${sizeOf(p.origin, p.limit)}`;
    case 'less-than':
      return p.origin === 'number' ? t`attendu : un nombre strictement inférieur à ${num(p.limit)}` : t`attendu : moins de ${sizeOf(p.origin, p.limit)}`;
    case 'one-of':
      return p.values.length === 1 ? t`attendu : ${p.values[0]!}` : t`attendu : l’une des valeurs ${quoted(p.values)}`;
    case 'expected':
      return t`attendu : ${expectedWord(p.expected)}`;
    case 'format':
      return t`attendu : le format ${p.format}`;
    case 'multiple-of':
      return t`attendu : un multiple de ${num(p.divisor)}`;
    case 'invalid':
      return `cette valeur ne respecte pas le format (${p.zodCode})`;
    case 'document-not-mapping':
      return t`attendu : les sections du modèle, chacune sous sa clé (trouvé : ${words.kinds[p.received]})`;
    case 'section-not-mapping':
      return t`la section ${q(p.section)} doit ranger chaque entrée sous son identifiant (trouvé : ${words.kinds[p.received]})`;
    case 'invalid-id':
      return p.section === 'parameters'
        ? `${q(p.id)} n’est pas un nom de paramètre valide (lettres, chiffres, _)`
        : `${q(p.id)} n’est pas un identifiant valide (lettres, chiffres, _ et -)`;
    case 'reserved-key':
      return t`la clé ${q(p.key)} est réservée ; choisissez un autre identifiant`;
    case 'after-horizon':
      return `la période ${p.at} tombe après l’horizon (${p.horizon})`;
    case 'step-form':
      return t`une étape prend exactement l’une des formes { transaction }, { and } ou { or } ; trouvé : ${p.found.length === 0 ? 'aucune' : p.found.join(' et ')}`;
  }
}

function token(kind: string, text: string): string {
  return kind === 'number' ? `nombre ${text} inattendu` : kind === 'name' ? `nom ${q(text)} inattendu` : `${q(text)} inattendu`;
}

function expressionSyntax(p: ExpressionSyntaxFault): string {
  switch (p.reason) {
    case 'empty':
      return 'l’expression est vide';
    case 'ends-early':
      return 'l’expression s’arrête trop tôt';
    case 'chained-comparison':
      return t`les comparaisons ne s’enchaînent pas ; reliez-les par ${q('and')}`;
    case 'malformed-number':
      return `nombre mal formé ${q(p.text)}`;
    case 'date':
      return t`${q(p.text)} est une date, pas une quantité : écrivez un nombre (2001), ou une expression avec des espaces pour soustraire ou diviser (2001 - 1 - 1)`;
    case 'unexpected-character':
      return `caractère inattendu ${q(p.character)}`;
    case 'comma-in-number': {
      const readings = [
        ...(p.thousands !== undefined ? [`${p.thousands} (ou ${groupedByUnderscore(p.thousands)}) pour ${q(p.text)} en milliers`] : []),
        ...(p.decimal !== undefined ? [`${p.decimal}, avec un point, pour un nombre décimal`] : []),
      ];
      return t`${q(p.text)} : un nombre s’écrit ici sans virgule ; écrivez ${readings.join(', ou ')}`;
    }
    case 'grouped-number':
      return t`${q(p.text)} : un nombre s’écrit sans espace entre ses chiffres ; écrivez ${p.write} (ou ${groupedByUnderscore(p.write)})`;
    case 'percent':
      return t`${q(p.text)} : un pourcentage s’écrit comme une part, ${p.write} ; « % » est ici le reste d’une division`;
    case 'unexpected-token':
      return token(p.token, p.text);
    case 'too-long':
      return t`l’expression enchaîne plus de ${p.max} opérations ; répartissez-la entre plusieurs paramètres`;
    case 'too-deep':
      return `l’expression est imbriquée sur plus de ${p.max} niveaux`;
    case 'unclosed-call':
      return `${q(',')} ou ${q(')')} attendu pour fermer l’appel ouvert au caractère ${p.open}`;
    case 'unclosed-bracket':
      return `${q(')')} attendu pour fermer la parenthèse ouverte au caractère ${p.open}`;
  }
}

function evaluation(p: IssueParamsByCode['evaluation']): string {
  switch (p.reason) {
    case 'division-by-zero':
      return 'division par zéro';
    case 'not-finite':
      return `le résultat n’est pas un nombre fini (${p.value === 'NaN' ? 'NaN' : num(Number(p.value))})`;
    case 'not-real':
      return `${num(p.base)} ^ ${num(p.exponent)} n’est pas un nombre réel`;
    case 'domain':
      return p.function === 'sqrt' ? `racine carrée (sqrt) d’un nombre négatif (${num(p.value)})` : `${p.function} d’un nombre négatif ou nul (${num(p.value)})`;
    case 'unknown-name':
      return `nom inconnu ${q(p.name)}`;
    case 'unknown-function':
      return `fonction inconnue ${q(p.name)}`;
    case 'unknown-operator':
      return `opérateur inconnu ${q(p.operator)}`;
    case 'arity':
      return arity(p);
    case 'before-start':
      return t`cette quantité ne peut pas être calculée avant le début de l’activité : elle lit un paramètre qui n’existe pas à la période 0 (t = 0)`;
  }
}

function arity(p: { name: string; min: number; max?: number; found: number }): string {
  const expected = range(p.min, p.max);
  return `${p.name}() prend ${expected} ${plural(expected === '1' ? 1 : 2, 'argument')}, mais en reçoit ${p.found}`;
}

/** Ce dont parle un montant, et s'il faut accorder au féminin. */
function quantity(kind: QuantityKind, name: string | undefined): { text: string; feminine: boolean } {
  const named = q(name ?? '');
  switch (kind) {
    case 'investment':
      return { text: `l’investissement ${named}`, feminine: false };
    case 'cost':
      return { text: `le coût ${named}`, feminine: false };
    case 'segment-size':
      return { text: `la taille du segment ${named}`, feminine: true };
    case 'start-count':
      return { text: 'le nombre de déclenchements', feminine: false };
    case 'count':
      return { text: 'le nombre de répétitions (count)', feminine: false };
    case 'amount':
      return { text: name === undefined ? 'le montant' : `le montant de ${named}`, feminine: false };
    case 'valuation':
      return { text: `la valorisation de ${named}`, feminine: true };
    case 'money':
      return { text: `la monnaie ${named}`, feminine: true };
    case 'discount-rate':
      return { text: 'le taux d’actualisation', feminine: false };
  }
}

/** Pourquoi une distribution ne peut pas être tirée, ou ne convient pas à son paramètre. */
function distribution(p: DistributionFault): string {
  switch (p.reason) {
    case 'min-not-below-max':
      return `le minimum (${num(p.min)}) doit être inférieur au maximum (${num(p.max)})`;
    case 'mode-outside-range':
      return `la valeur la plus probable (${num(p.mode)}) sort de l’intervalle du minimum au maximum (${num(p.min)} à ${num(p.max)})`;
    case 'not-positive':
      return `${p.field} doit être supérieur à 0, pas ${num(p.value)}`;
    case 'truncation-empty':
      return t`tronquée de ${num(p.min)} à ${num(p.max)}, la distribution n’a plus aucune probabilité : élargissez les bornes ou rapprochez-les de son centre`;
    case 'discrete-lengths':
      return t`${p.values} ${plural(p.values, 'valeur')} mais ${p.probabilities} ${plural(p.probabilities, 'probabilité')} : donnez une probabilité par valeur`;
    case 'negative-probability':
      return `une probabilité ne peut pas être négative (${num(p.probability)})`;
    case 'probabilities-sum':
      return `la somme des probabilités vaut ${num(p.sum)}, pas 1`;
    case 'of-expression':
      return t`${q(p.name)} est une expression : sa valeur vient des paramètres qu’elle lit, elle ne peut donc pas être tirée ; mettez la distribution sur le facteur incertain, comme paramètre à part entière`;
    case 'timing-unbounded':
      return t`${q(p.name)} fixe une date (il est comparé à la période t), donc chaque tirage est pris comme une période entière ; une distribution ${p.kind} sans min ni max n’a pas de bornes où garder les tirages : donnez min et max`;
    case 'empirical-file':
      return `le fichier ${q(p.file)} de cette distribution empirique ne peut pas être lu`;
    case 'empirical-column':
      return `le fichier ${q(p.file)} n’a pas de colonne ${q(p.column)}${p.known.length > 0 ? t` (ses colonnes : ${quoted(p.known)})` : ''}`;
    case 'empirical-empty':
      return `la colonne ${q(p.column)} de ${q(p.file)} ne contient aucune valeur`;
    case 'empirical-server':
      return t`${q(p.name)} est tiré de la colonne ${q(p.column)} de ${q(p.file)}, que le serveur ne peut pas lire (il garde le texte du modèle, pas ses fichiers de données) : lancez \`symbiose risk\` ou \`symbiose sensitivity\` là où se trouve le fichier, ou donnez à ${q(p.name)} une distribution à lui`;
    case 'empirical-cell':
      return t`la ligne ${p.row} de la colonne ${q(p.column)} de ${q(p.file)} n’est pas un nombre : ${q(p.text)}`;
  }
}

/** Pourquoi des corrélations de rang ne peuvent pas être induites. */
function correlation(p: CorrelationFault): string {
  switch (p.reason) {
    case 'self':
      return `${q(p.name)} est corrélé à lui-même`;
    case 'duplicate':
      return `la corrélation entre ${q(p.first)} et ${q(p.second)} est donnée deux fois`;
    case 'outside-unit':
      return `une corrélation de rang est comprise entre −1 et 1, pas ${num(p.value)}`;
    case 'not-square':
      return t`la matrice doit avoir une ligne et une colonne par paramètre (${p.size}) ; trouvé ${p.found}`;
    case 'diagonal-not-one':
      return `${q(p.name)} est corrélé à lui-même à 1, pas ${num(p.value)}`;
    case 'not-symmetric':
      return `la corrélation de ${q(p.first)} avec ${q(p.second)} (${num(p.value)}) diffère de celle de ${q(p.second)} avec ${q(p.first)} (${num(p.mirror)})`;
    case 'not-positive-semidefinite':
      return t`ces corrélations ne peuvent pas tenir ensemble (la matrice n’est pas semi-définie positive, à partir de ${q(p.name)}) : affaiblissez-en certaines`;
    case 'not-drawn':
      return t`${q(p.name)} n’est jamais tiré (il n’a ni distribution ni fourchette, ou c’est une expression) : il ne peut pas être corrélé`;
  }
}

const misplacedReasons: Record<IssueParamsByCode['misplaced-field']['reason'], string> = {
  'size-not-segment': t`seul un segment a une taille ; indiquez kind: segment`,
  'per-not-variable': 'seul un coût variable en a un',
  'at-not-investment': 'seul un investissement en a un',
  'valuation-of-money': t`la monnaie vaut son montant ; indiquez le montant sur chaque transfert`,
  'currency-not-money': 'seule la monnaie a une devise',
  'personal-not-data': 'seules des données peuvent être personnelles',
  'members-not-segment': t`seul un segment a des membres ; une organisation est un seul acteur`,
  'count-not-transaction': 'un nombre de répétitions (count) s’applique à une étape de transaction',
};

function missingField(p: IssueParamsByCode['missing-field']): string {
  switch (p.reason) {
    case 'schema':
      return `il manque ${q(p.field)}${p.expected ? t` (attendu : ${expectedWord(p.expected)})` : p.values ? t` (valeurs possibles : ${quoted(p.values)})` : ''}`;
    case 'format-version':
      return `il manque ${q(p.field)}, la version du format (un nombre entier)`;
    case 'required-section':
      return `il manque la section ${q(p.field)}, qui est obligatoire`;
    case 'segment-size':
      return t`il manque ${q(p.field)} : un segment est une population, qui a une taille`;
    case 'variable-cost-per':
      return t`il manque ${q(p.field)} : un coût variable nomme la transaction à laquelle il s’applique`;
    case 'money-amount':
      return t`il manque ${q(p.field)} : un transfert de monnaie (${q(p.object ?? '')}) a besoin d’un montant par occurrence`;
  }
}

function equationSyntax(p: EquationSyntaxFault): string {
  switch (p.reason) {
    case 'empty':
      return 'l’équation est vide';
    case 'ends-early':
      return 'l’équation s’arrête trop tôt';
    case 'unclosed-comment':
      return `commentaire ${q('{')} non fermé`;
    case 'unclosed-quote':
      return 'nom entre guillemets non fermé';
    case 'expected-element-name':
      return `un nom d’élément est attendu après ${q('.')}`;
    case 'expected-name-after-dot':
      return `un nom est attendu après ${q('.')}`;
    case 'expected-then':
      return 'THEN attendu';
    case 'expected-else':
      return 'ELSE attendu';
    case 'expected-dimension-name':
      return `un nom de dimension est attendu après ${q('*:')}`;
    case 'unexpected-character':
      return `caractère inattendu ${q(p.character)}`;
    case 'unexpected-token':
      return token(p.token, p.text);
    case 'unclosed-call':
      return `${q(',')} ou ${q(')')} attendu pour fermer l’appel ouvert au caractère ${p.open}`;
    case 'unclosed-subscript':
      return `${q(',')} ou ${q(']')} attendu pour fermer l’indice ouvert au caractère ${p.open}`;
    case 'unclosed-bracket':
      return `${q(')')} attendu pour fermer la parenthèse ouverte au caractère ${p.open}`;
  }
}

function run(p: RunRefusal): string {
  switch (p.reason) {
    case 'no-variable':
      return `aucune variable ne s’appelle ${q(p.name)}`;
    case 'dt':
      return t`dt doit être positif (trouvé : ${num(p.dt)})`;
    case 'stop-before-start':
      return `la fin (${num(p.stop)}) précède le début (${num(p.start)})`;
    case 'too-many-steps':
      return t`${count(p.steps)} pas (de ${num(p.start)} à ${num(p.stop)} par ${num(p.dt)}), c’est plus qu’une simulation ne peut en faire (${count(p.max)}) ; prenez un dt plus grand ou une fin plus proche`;
    case 'too-many-values': {
      const delays = p.delays > 0 ? `, ainsi que l’historique de ${p.delays} ${plural(p.delays, 'retard')} sur ${count(p.steps)} pas,` : '';
      return t`garder ${p.series} séries sur ${count(p.saves)} pas enregistrés${delays} demande ${count(p.values)} nombres (plus de ${count(p.max)}) ; gardez moins de variables, enregistrez moins souvent${p.delays > 0 ? ', prenez un dt plus grand' : ''} ou arrêtez plus tôt`;
    }
    case 'input-not-finite':
      return t`l’entrée ${q(p.name)} doit être un nombre fini (trouvé : ${num(p.value)})`;
    case 'input-not-constant':
      return t`${q(p.name)} n’est pas une constante : seule une variable dont l’équation est un nombre peut servir d’entrée`;
    case 'not-an-input':
      return t`${q(p.name)} n’est pas une entrée de ce programme : compilez le modèle avec cette entrée, ou donnez le modèle lui-même`;
  }
}

const xmlCodes: Record<string, string> = {
  InvalidTag: 'une balise est mal formée, ou un élément n’est pas fermé',
  InvalidAttr: 'un attribut est mal formé',
  InvalidChar: 'un caractère n’est pas permis ici',
  InvalidXml: 'le XML est mal formé (plusieurs éléments racines, du texte après la fin, ou des éléments restés ouverts)',
};

function xml(p: EngineParamsByCode['xml']): string {
  const why = (() => {
    switch (p.reason) {
      case 'empty':
        return 'le fichier est vide';
      case 'parse':
        return 'le XML ne peut pas être analysé';
      case 'reserved-tag':
        return t`ligne ${p.line}, colonne ${p.column} : un élément nommé <${p.tag}> n’est pas du XMILE, et n’est pas lu`;
      case 'no-root':
        return 'aucun élément racine <xmile>';
      case 'no-model':
        return 'aucun élément <model>';
      case 'unnamed':
        return `un élément <${p.kind}> n’a pas de nom`;
      case 'malformed': {
        const where = p.column === undefined ? `ligne ${p.line}` : `ligne ${p.line}, colonne ${p.column}`;
        return `${xmlCodes[p.xmlCode] ?? `XML invalide (${p.xmlCode})`} (${where})`;
      }
    }
  })();
  return t`impossible de lire le modèle : ${why}`;
}

function unsupported(p: EngineParamsByCode['unsupported']): string {
  const what = (() => {
    switch (p.reason) {
      case 'integration-method':
        return t`la méthode d’intégration ${q(p.method)} ; Euler est utilisée à la place`;
      case 'module-without-model':
        return `le module ${q(p.module)} n’instancie aucun <model> de ce fichier`;
      case 'module-recursive':
        return `le module ${q(p.module)} se contient lui-même`;
      case 'lookup-needs-table':
        return 'LOOKUP attend d’abord le nom d’une fonction graphique';
      case 'no-graphical-function':
        return `${q(p.name)} n’a pas de fonction graphique à lire`;
      case 'gf-without-input':
        return t`${q(p.name)} est une fonction graphique sans entrée ; appelez-la sous la forme ${p.name}(x)`;
      case 'builtin':
        return `la fonction XMILE ${p.function}`;
      case 'macro-recursive':
        return `la macro ${q(p.macro)} s’appelle elle-même`;
    }
  })();
  return t`pas encore pris en charge : ${what}`;
}

function dimension(p: EngineParamsByCode['dimension']): string {
  switch (p.reason) {
    case 'unknown-dimension':
      return `dimension inconnue ${q(p.dimension)}`;
    case 'size':
      return t`taille ${q(p.size)} de la dimension ${q(p.dimension)} : une taille est un nombre entier d’éléments, au moins 1`;
    case 'flow-elements':
      return `le flux ${q(p.flow)} n’a pas les éléments du stock`;
    case 'argument-sizes':
      return `les arguments de ${p.function} n’ont pas le même nombre d’éléments`;
    case 'operand-sizes':
      return `les deux côtés de ${q(p.operator)} n’ont pas le même nombre d’éléments`;
    case 'delay-order-size':
      return 'l’ordre de DELAYN/SMTHN doit être une seule valeur';
    case 'branch-sizes':
      return 'les branches de IF THEN ELSE n’ont pas le même nombre d’éléments';
    case 'subscript-size':
      return 'un indice doit être une seule valeur';
    case 'many-values':
      return t`l’équation donne ${p.count} valeurs là où une seule est attendue ; indicez les tableaux qu’elle lit`;
    case 'subscript-count':
      return `${q(p.name)} a ${p.dimensions} ${plural(p.dimensions, 'dimension')}, mais ${p.subscripts} ${plural(p.subscripts, 'indice')} ${p.subscripts === 1 ? 'est donné' : 'sont donnés'}`;
    case 'no-counterpart':
      return `l’élément ${q(p.element)} de ${q(p.from)} n’a pas d’équivalent dans ${q(p.to)}`;
    case 'subscript-range':
      return `l’indice ${num(p.index)} sort de ${q(p.dimension)} (1..${p.size})`;
  }
}

function simSpecs(p: EngineParamsByCode['sim-specs']): string {
  const why = (() => {
    switch (p.reason) {
      case 'not-a-number':
        return `<${p.key}> vaut ${q(p.text)}, qui n’est pas un nombre`;
      case 'start-stop':
        return 'le début et la fin doivent être des nombres';
      case 'stop-before-start':
        return `la fin (${num(p.stop)}) précède le début (${num(p.start)})`;
      case 'dt':
        return t`dt doit être un nombre positif (trouvé : ${num(p.dt)})`;
      case 'save-step':
        return t`le pas d’enregistrement doit être un nombre positif (trouvé : ${num(p.saveStep)})`;
    }
  })();
  return t`paramètres de simulation : ${why}`;
}

function graphicalFunction(p: EngineParamsByCode['graphical-function']): string {
  const why = (() => {
    switch (p.reason) {
    case 'not-a-number':
      return t`fonction graphique : <${p.tag}> contient ${q(p.text)}, qui n’est pas une liste de nombres`;
      case 'no-points':
        return 'aucun point (ypts est vide)';
      case 'no-x':
        return 'ni xpts ni xscale';
      case 'length-mismatch':
        return `${p.xs} ${plural(p.xs, 'valeur')} de x, mais ${p.ys} ${plural(p.ys, 'valeur')} de y`;
      case 'decreasing':
        return `les valeurs de x ne doivent pas décroître (point ${p.point})`;
    }
  })();
  return t`fonction graphique : ${why}`;
}

const dynamicsSections: Record<string, string> = { stocks: 'le stock', flows: 'le flux', variables: 'la variable' };

/** « de » devant un mot, élidé devant une voyelle ou un h muet : « d’octets », « de pas ». */
const elided = (word: string, next: string): string => (/^[aâàeéèêiîoôuûyh]/i.test(next) ? `${word.slice(0, -1)}’${next}` : `${word} ${next}`);

/** Une limite de core/limits.ts dépassée : le problème `limit` du cœur et celui du moteur la disent de même. */
const limit = (p: { limit: LimitName; max: number; found?: number | undefined }): string =>
  t`trop ${elided('de', words.limits[p.limit])} : au plus ${count(p.max)} (limite ${q(p.limit)})${p.found !== undefined ? t`, trouvé ${count(p.found)}` : ''}`;

const engine: EngineMessages = {
  xml,
  'equation-syntax': (p) => {
    const where =
      p.macro === undefined ? '' : p.macroVariable === undefined ? t`dans la macro ${q(p.macro)} : ` : t`dans la macro ${q(p.macro)}, variable ${q(p.macroVariable)} : `;
    return t`équation invalide : ${where}${equationSyntax(p)}`;
  },
  'unknown-name': (p) => `nom inconnu ${q(p.name)}`,
  'unknown-function': (p) => `fonction inconnue ${q(p.name)}`,
  arity: (p) => `${p.name} prend ${range(p.min, p.max)} ${plural(p.min === p.max && p.min === 1 ? 1 : 2, 'argument')}, mais en reçoit ${p.found}`,
  'algebraic-loop': (p) =>
    'macro' in p
      ? t`boucle algébrique (sans stock sur le chemin) : ${p.cycle.join(' → ')} dans la macro ${p.macro}`
      : t`boucle algébrique (sans stock sur le chemin) : ${p.cycle.join(' → ')} (${p.when === 'start' ? 'au début de la simulation' : 'pendant la simulation'})`,
  unsupported,
  dimension,
  'duplicate-name': (p) => `le nom ${q(p.name)} est défini plusieurs fois`,
  'missing-equation': (p) => `aucune équation${p.element ? ` pour l’élément [${p.element}]` : ''}`,
  'sim-specs': simSpecs,
  'graphical-function': graphicalFunction,
  'not-constant': (p) =>
    p.reason === 'delay-order'
      ? 'l’ordre de DELAYN/SMTHN doit être connu dès le début de la simulation (il n’y est pas un nombre fini)'
      : 'une borne de plage d’indices doit être connue dès le début de la simulation',
  units: (p) =>
    t`le flux ${q(p.flow)} est en ${p.flowUnits}, mais le stock ${q(p.stock)} est en ${p.stockUnits} : un flux qui le remplit ou le vide devrait être en ${p.stockUnits} par ${p.time}`,
  'not-finite': (p) => `${p.label} devient ${p.value === 'NaN' ? 'NaN (valeur indéfinie)' : 'infini'} à l’instant ${num(p.time)}`,
  run: (p) => t`la simulation ne peut pas démarrer : ${run(p)}`,
  import: (p) => {
    const list = 'names' in p ? p.names.map(q).join(', ') : '';
    switch (p.reason) {
      case 'modules':
        return t`un document de modèle ne sait pas encore contenir d’instances de modules (${list}) ; exportez d’abord le fichier en XMILE pour les aplatir`;
      case 'macros':
        return t`un document de modèle ne sait pas encore contenir de macros (${list})`;
      case 'element-graphical-functions':
        return t`un document de modèle ne sait pas encore contenir une fonction graphique par élément de tableau (${list})`;
      case 'stock-initials':
        return t`un document de modèle ne sait pas encore contenir l’équation initiale distincte d’un stock (${list})`;
      case 'save-step':
        return t`un document de modèle ne sait pas contenir un pas d’enregistrement (${num(p.saveStep)}) différent de dt (${num(p.dt)})`;
      case 'reserved-name':
        return t`un document de modèle ne peut pas contenir le nom ${q(p.name)}, que son format réserve ; renommez-le`;
    }
  },
  limit,
};

export const fr: IssueCatalogue = {
  words,
  engine,
  line: { error: 'erreur', warning: 'avertissement', at: (path) => t`(emplacement : ${path})` },
  where: {
    variable: (name) => `variable ${q(name)}`,
    dimension: (name) => `dimension ${q(name)}`,
    equation: (equation, offset) =>
      offset === undefined ? ` dans l’équation ${q(equation)}` : ` au caractère ${offset + 1} de l’équation ${q(equation)}`,
  },
  core: {
    syntax: (p) => {
      switch (p.reason) {
        case 'yaml':
          return words.yaml[p.yamlCode] ?? `YAML invalide (${p.yamlCode})`;
        case 'json':
          return p.fault === 'unexpected-end' ? t`JSON invalide : le texte s’arrête trop tôt` : t`JSON invalide : ${q(p.character)} inattendu`;
        case 'alias-limit':
          return t`trop d’alias : le document grossirait sans limite`;
        case 'unresolved-alias':
          return 'un alias renvoie à une ancre qui n’est pas définie avant lui';
      }
    },
    schema,
    'unknown-key': (p) =>
      p.looksLike === 'cut-number'
        ? t`clé inconnue ${q(p.key)} : entre { }, une virgule sépare les entrées, si bien qu’un nombre écrit avec une virgule (3,000 ou 0,5) est lu en deux ; écrivez 3000 (ou 3_000), et 0.5 avec un point`
        : `clé inconnue ${q(p.key)}${p.suggestion ? t` ; vouliez-vous dire ${q(p.suggestion)} ?` : p.expected ? t` ; clés possibles : ${p.expected.join(', ')}` : ''}`,
    'unknown-reference': (p) => {
      const record = records[p.kind];
      const known = p.known === undefined ? '' : p.known.length > 0 ? t` (existant${e(record.feminine)}s : ${p.known.join(', ')})` : ` (le modèle n’en définit aucun${e(record.feminine)})`;
      return `${record.one} inconnu${e(record.feminine)} ${q(p.id)}${p.suggestion ? t` ; vouliez-vous dire ${q(p.suggestion)} ?` : ''}${known}`;
    },
    reciprocity: (p) => {
      const problems = [...p.givesOnly.map((a) => `${q(a)} donne sans rien recevoir`), ...p.receivesOnly.map((a) => `${q(a)} reçoit sans rien donner`)];
      return t`la transaction ${q(p.transaction)} n’est pas réciproque : ${problems.join(`${NNBSP}; `)} ; ajoutez le transfert en retour, ou indiquez reciprocal: false pour un flux à sens unique`;
    },
    'self-transfer': (p) => `l’acteur ${q(p.actor)} se transfère quelque chose à lui-même`,
    'or-fractions': (p) => `les fractions du OR totalisent ${num(p.sum)}${atPeriod(p)}, au lieu de 1`,
    'fraction-range': (p) => `la fraction ${num(p.value)}${atPeriod(p)} n’est pas comprise entre 0 et 1`,
    negative: (p) => {
      const what = quantity(p.quantity, p.name);
      return t`${what.text} est négati${what.feminine ? 've' : 'f'} (${num(p.value)})${atPeriod(p)} ; attendu : 0 ou plus`;
    },
    'expression-syntax': (p) => t`expression invalide : ${expressionSyntax(p)}`,
    'unknown-name': (p) =>
      `nom inconnu ${q(p.name)}${p.suggestion ? t` ; vouliez-vous dire ${q(p.suggestion)} ?` : t` ; ce doit être un paramètre, t ou horizon`}`,
    'unknown-function': (p) => t`fonction inconnue ${q(p.name)} ; fonctions possibles : ${p.known.join(', ')}`,
    arity,
    'parameter-cycle': (p) => t`des paramètres dépendent les uns des autres en boucle : ${p.cycle.join(' → ')}`,
    evaluation: (p) => `${evaluation(p)}${atPeriod(p)}`,
    'currency-mismatch': (p) =>
      `${quantity(p.quantity, p.record).text}${p.parameter ? ` (via le paramètre ${q(p.parameter)})` : ''} est en ${p.found}, alors que la devise du modèle est ${p.expected}`,
    'missing-field': missingField,
    'misplaced-field': (p) => t`${q(p.field)} n’a pas de sens ici : ${misplacedReasons[p.reason]}`,
    'cost-kind': (p) =>
      t`un coût est exactement l’un de fixed, variable ou investment ; trouvé : ${p.found.length === 0 ? 'aucun' : p.found.join(' et ')}`,
    'reserved-name': (p) => t`${q(p.name)} est réservé par le langage des expressions ; choisissez un autre nom`,
    'name-clash': (p) =>
      t`le paramètre ${q(p.name)} porte le même nom que ${dynamicsSections[p.section] ?? p.section} ${q(p.other)} de la dynamique ; renommez l’un des deux`,
    dynamics: (p) => {
      const text = engineText(engine, p.engineCode, p);
      return p.variable === undefined ? text : t`variable ${q(p.variable)} : ${text}`;
    },
    'dynamics-stop': (p) => `la dynamique s’arrête à ${num(p.stop)}, avant la fin de l’horizon (${num(p.end)})`,
    'dynamics-dt': (p) => t`dt ${num(p.dt)} ne découpe pas ${period(p.period).a} en pas égaux ; prenez 1 ; 0,5 ; 0,25 ; 0,125…`,
    'dynamics-engine': () => 'ce modèle a une dynamique, qu’il faut le moteur pour charger',
    'dynamics-varying-parameter': (p) =>
      t`variable ${q(p.variable)} : le paramètre ${q(p.parameter)} dépend de t ou de la dynamique, que la dynamique ne peut pas lire ; écrivez-le plutôt avec TIME dans la dynamique`,
    'unreached-transaction': (p) => t`la transaction ${q(p.transaction)} n’a jamais lieu : aucun scénario n’y mène`,
    'unused-parameter': (p) => `le paramètre ${q(p.name)} ne sert à aucune quantité`,
    'unused-record': (p) =>
      p.kind === 'actor' ? `l’acteur ${q(p.id)} ne prend part à aucune transaction` : `l’objet de valeur ${q(p.id)} ne figure dans aucun transfert`,
    'duplicate-name': (p) => {
      const record = records[p.kind];
      return t`les ${record.many} ${q(p.first)} et ${q(p.second)} portent ${record.feminine ? 'toutes' : 'tous'} deux le nom ${q(p.name)} ; les tableaux ne pourront pas les distinguer`;
    },
    'unit-period': (p) =>
      t`le paramètre ${q(p.name)} est en ${p.unit}, mais la période du modèle est ${period(p.period).the} : les montants sont comptés par ${period(p.period).per} ; convertissez-le`,
    'discount-rate-name': (p) =>
      t`un taux d’actualisation s’écrit avec des nombres seulement, et celui-ci lit ${q(p.name)} : écrivez sa valeur ici (un taux est fixé pour toute l’évaluation, alors qu’un paramètre peut varier d’une période et d’un tirage à l’autre)`,
    'start-count': (p) =>
      t`le scénario ${q(p.scenario)} démarre ${num(p.count)} fois par période depuis ${q(p.actor)}, qui n’est pas un segment : le nombre de départs est le nombre de fois que l’acteur lance le scénario à chaque période, pas le nombre de ses membres ; pour un départ par membre, faites des membres un segment avec une taille (size) et partez de lui`,
    'discount-rate': (p) =>
      t`un taux d’actualisation de ${num(p.rate)} représente ${percent(p.percent)} par an ; pour ${percent(p.rate)}, écrivez ${num(p.fraction)}`,
    'format-version': (p) =>
      `la version de format ${p.version} n’est pas de celles que connaît ce Symbiose (${p.oldest} à ${p.latest})${p.version > p.latest ? t` ; elle a été écrite par un Symbiose plus récent : mettez-le à jour` : ''}`,
    'migration-loss': (p) =>
      t`la version de format ${p.to} n’a pas de ${q(p.field)} : ${p.count} ${plural(p.count, 'valeur perdue', 'valeurs perdues')} en migrant depuis la version ${p.from}`,
    'migration-range': (p) =>
      p.reading === 'factor'
        ? t`la fourchette de ${q(p.parameter)} bornait son facteur ${num(p.number ?? 0)}, pas sa valeur : ce facteur est désormais le paramètre ${q(p.factor ?? '')}, avec la fourchette`
        : t`la fourchette de ${q(p.parameter)}, une expression, borne désormais sa valeur (version de format 4) ; si elle bornait un facteur de l’expression, faites de ce facteur un paramètre à part entière et déplacez-y la fourchette`,
    distribution,
    'range-order': (p) => `le bas d’une fourchette (${num(p.low)}) ne peut pas dépasser son haut (${num(p.high)})`,
    'range-value': (p) => `${q(p.name)} vaut ${num(p.value)}, hors de sa propre fourchette (${num(p.low)} à ${num(p.high)})`,
    correlation,
    'experiment-count': (p) =>
      t`variante ${q(p.variant)} : ${p.count} ${p.field === 'converted' ? plural(p.count, 'converti') : plural(p.count, 'exposé')}, plus que les ${p.limit} ${p.of === 'exposed' ? 'exposés' : 'prévus'}`,
    'experiment-variants': (p) =>
      p.reason === 'too-few'
        ? t`l’expérience ${q(p.experiment)} a ${p.count} ${plural(p.count, 'variante')} : un test en compare au moins deux`
        : t`l’expérience ${q(p.experiment)} a ${p.count} témoins : marquez une seule variante control: true`,
    'edit-unknown': (p) => t`modification ${p.change} : il n’y a pas ${de(p.kind)} ${q(p.id)}`,
    'edit-exists': (p) => t`modification ${p.change} : ${the(p.kind)} ${q(p.id)} existe déjà`,
    'edit-invalid-id': (p) => t`modification ${p.change} : ${q(p.id)} ne peut pas être l’identifiant d’${a(p.kind)}`,
    'edit-index': (p) =>
      t`modification ${p.change} : il n’y a pas ${de(p.kind)} numéro ${p.index} (la liste en compte ${p.count})`,
    'edit-in-use': (p) =>
      t`modification ${p.change} : ${the(p.kind)} ${q(p.id)} est supprimé${e(records[p.kind].feminine)}, mais reste cité${e(records[p.kind].feminine)} ${p.count} fois`,
    'edit-unwritable': (p) =>
      t`modification ${p.change} : des expressions du modèle lisent ${q(p.id)}, et ne pourraient pas lire le nom ${q(p.name)}`,
    'edit-unparsed': (p) => t`modification ${p.change} : cette quantité ne se lit pas, donc ${q(p.id)} n’y a pas été renommé`,
    'scenario-paths': (p) =>
      t`le scénario ${q(p.scenario)} a plus de ${count(p.limit)} chemins ; ses chiffres sont donnés pour le scénario entier, pas chemin par chemin`,
    'unknown-override': (p) => t`${q(p.name)} n’est ni un paramètre ni une constante de la dynamique ; on ne peut pas lui donner de valeur`,
    'override-value': (p) => `la valeur donnée à ${q(p.name)} (${p.value}) n’est pas un nombre fini`,
    limit,
    'edit-needs-engine': (p) =>
      t`modification ${p.change} : renommer ${q(p.id)} touche les équations de la dynamique, ce qui demande le renommeur du moteur`,
  },
};
