/**
 * Every word the surfaces show that is not an issue message: help, headings, table columns,
 * verdicts. Keys are stable codes; fr.ts must define every one (the compiler checks it).
 */
import type { Template } from '../template.js';
import { byPeriod, periodNoun, plural } from './plural.js';

export const en = {
  'program.description': 'Symbiose: a lab for ecosystem business models',
  'program.exitCodes':
    'Exit codes: 0 ok, 1 invalid model, 2 usage error (bad command, option or file), 3 internal error, 4 a check failed, 5 output not written, 130 cancelled (Ctrl-C).',
  'program.start': 'Start with: symbiose tour    or    symbiose init && symbiose validate',

  // Periods and lists
  'period.count': periodNoun({
    day: ['{n} day', '{n} days'],
    week: ['{n} week', '{n} weeks'],
    month: ['{n} month', '{n} months'],
    quarter: ['{n} quarter', '{n} quarters'],
    year: ['{n} year', '{n} years'],
  }),
  'period.at': byPeriod({ day: 'day {n}', week: 'week {n}', month: 'month {n}', quarter: 'quarter {n}', year: 'year {n}' }),
  'period.per': byPeriod({ day: 'per day', week: 'per week', month: 'per month', quarter: 'per quarter', year: 'per year' }),
  'list.separator': ', ',

  // Record kinds, natures, cost kinds
  'actorKind.organisation': 'organisation',
  'actorKind.public-body': 'public-body',
  'actorKind.individual': 'individual',
  'actorKind.segment': 'segment',
  'actorKind.machine': 'machine',
  'actorKind.platform': 'platform',
  'nature.money': 'money',
  'nature.data': 'data',
  'nature.service': 'service',
  'nature.product': 'product',
  'nature.attention': 'attention',
  'nature.reputation': 'reputation',
  'nature.environmental': 'environmental',
  'nature.right': 'right',
  'costKind.fixed': 'fixed',
  'costKind.variable': 'variable',
  'costKind.investment': 'investment',

  // Table columns
  'column.actor': 'Actor',
  'column.revenue': 'Revenue',
  'column.payments': 'Payments',
  'column.costs': 'Costs',
  'column.netCash': 'Net cash',
  'column.operatingCash': 'Operating cash',
  'column.financing': 'Financing',
  'column.npv': 'NPV',
  'column.breakEven': 'Break-even',
  'column.deepest': 'Deepest position',
  'column.total': 'Total',
  'column.payer': 'Payer',
  'column.payee': 'Payee',
  'column.for': 'For (transaction)',
  'column.occurrences': 'Occurrences',
  'column.amount': 'Amount',
  'column.pays': 'Pays',
  'column.isPaid': 'Is paid',
  'column.net': 'Net',
  'column.cashShare': 'Cash share',
  'column.nonMoneyValue': 'Non-money value',
  'column.nonMoneyShare': 'Non-money share',
  'column.totalValue': 'Total value',
  'column.valueShare': 'Value share',

  // Break-even verdicts
  'breakEven.notWithinHorizon': 'not within horizon',
  'breakEven.never': 'never',
  'breakEven.fromStart': 'from the start',
  'breakEven.financingOnly': '— (financing only)',
  'breakEven.noCash': '— (no cash)',

  // Canvas
  'canvas.title': 'Business Model Canvas — {actor}',
  'canvas.intro': 'Derived from the value network; amounts are totals over {periods}, in {currency}.',
  'canvas.block.keyPartners': 'Key partners',
  'canvas.block.keyActivities': 'Key activities',
  'canvas.block.keyResources': 'Key resources',
  'canvas.block.valuePropositions': 'Value propositions',
  'canvas.block.customerRelationships': 'Customer relationships',
  'canvas.block.channels': 'Channels',
  'canvas.block.customerSegments': 'Customer segments',
  'canvas.block.costStructure': 'Cost structure',
  'canvas.block.revenueStreams': 'Revenue streams',
  'canvas.nature': '{nature}',
  'canvas.naturePersonal': '{nature}, personal',
  'canvas.customer': '{actor} ({kind}) — receives {objects}',
  'canvas.proposition': '{object} ({nature}) to {actor}',
  'canvas.channel': '{channel} — {object} to {actor}',
  'canvas.provide': 'Provide {object}',
  'canvas.resource': '{object} ({nature}) from {actor}',
  'canvas.relationship': '{actor}: {frequency}',
  'canvas.relationshipDeclared': '{actor}: {declared}; {frequency}',
  'canvas.frequency': plural('{n} transaction {per}', '{n} transactions {per}'),
  'canvas.frequencyPerMember': plural('{n} transaction per member {per}', '{n} transactions per member {per}'),
  'canvas.noTransactions': 'no transactions in the scenarios',
  'canvas.partner': '{actor} — supplies {objects}',
  'canvas.suppliesTo': '{object} to {actor}',
  'canvas.partnerPaid': '{actor} — paid by {payer}',
  'canvas.paidBy': '{transaction} — paid by {actor}{pricing}',
  'canvas.paidTo': '{transaction} — paid to {actor}{pricing}',
  'canvas.pricing': ' ({price} per transaction)',
  'canvas.cost': '{name} ({kind})',
  'canvas.withAmount': '{text}: {amount}',

  // Who pays
  'payers.title': 'Who pays, who is paid — {model}',
  'payers.intro': 'Money over {periods}, in {currency}.',
  'payers.allScenarios': 'All scenarios',
  'payers.scenario': 'Scenario: {scenario}',
  'payers.none': 'No money changes hands.',
  'payers.whoPays': 'Who pays: {actors}.',
  'payers.whoIsPaid': 'Who is paid: {actors}.',
  'payers.nobody': 'nobody',

  // Profitability
  'profit.title': 'Profitability — {model}',
  'profit.intro': 'Over {periods} in {currency}; NPV at {rate} a year.',
  'profit.deepestAt': '{amount} ({period})',
  'profit.costLine': '{name} ({kind})',
  'sheet.title': 'Profitability sheet — {actor}',
  'sheet.caption': '{currency}, {grouping}.',
  'sheet.captionWithStart': '{currency}, {grouping}; Start holds the investments made before operations start.',
  'sheet.start': 'Start',
  'sheet.yearColumn': 'Y{n}',
  'sheet.byYear': byPeriod({ day: 'by year (days grouped)', week: 'by year (weeks grouped)', month: 'by year (months grouped)', quarter: 'by year (quarters grouped)', year: 'by year' }),
  'sheet.byRuns': 'by runs of {runs}',
  'sheet.revenues': 'Revenues',
  'sheet.payments': 'Payments to others',
  'sheet.costs': 'Costs',
  'sheet.net': 'Net cash flow',
  'sheet.operatingNet': 'Operating net cash flow',
  'sheet.cumulative': 'Cumulative position',
  'sheet.financing': 'Financing',
  'sheet.cash': 'Cash position (with financing)',
  'sheet.discounted': 'Discounted net cash flow',
  'sheet.valueReceived': 'Value received (non-money)',
  'sheet.npv': 'NPV at {rate} a year: {amount} {currency}',
  'sheet.breakEven': 'Break-even: {verdict}',
  'sheet.deepest': 'Deepest cumulative position: {verdict}',
  'sheet.deepestAt': '{amount} {currency} in {period}',
  'sheet.neverBelowZero': 'never below zero',

  // Value sharing
  'summary.title': 'Summary — {model}',
  'summary.intro':
    'Over {periods}, in {currency}:\n' +
    '  value created {created} = non-money value received {nonMoney} − costs {costs}\n' +
    '  (money paid by one actor to another creates nothing by itself: it moves value between them).',
  'summary.notes':
    "Cash share: of the net cash the ecosystem's earners capture (— for actors that pay more than they earn).\n" +
    'Value share: of the value created; negative when an actor gives more value than it gets.',
} satisfies Record<string, Template>;

export type UiKey = keyof typeof en;
