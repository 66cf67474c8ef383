/**
 * Sustainability checks on hand-derived ecosystems (figures worked out in the comments), on the
 * Self Data models of seed 003 (the sentence of the seed that says what the individuals get back
 * is quoted beside each), and `symbiose check` as a user runs it (exit 4 at the threshold).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sustainabilityChecks, type CheckName } from '../src/analyses/index.js';
import { loadEcosystem } from '../src/engine/link/index.js';
import { PERIODS_MODEL } from './game-models.js';
import { ecosystemOf } from './helpers.js';

const findings = (text: string, check: CheckName, options = {}) => sustainabilityChecks(ecosystemOf(text), options).checks.find((c) => c.check === check)!.findings;

const PERIODS = PERIODS_MODEL;

describe('negative net value, and what collapses with it', () => {
  it('d pays for the data transfers and gets nothing: it leaves, and every path needs it', () => {
    // d captures −2 (test/sharing-game.test.ts). Without d no path happens: a, b and c capture 0,
    // nobody else is below zero; the value goes from 16 to 0, all of it (more than half: an error).
    const found = findings(PERIODS, 'negative-net-value');
    expect(found[0]).toMatchObject({ code: 'negative-net-value', actor: 'd', captured: -2 });
    expect(found[1]).toMatchObject({ code: 'collapse', severity: 'error', collapsed: [], valueBefore: 16, valueAfter: 0, lost: 16 });
  });

  it('a cascade: the platform left without its only paying side leaves in turn', () => {
    // Sellers pay 3 a sale to the platform for a listing they value at 1 and sell nothing else:
    // 10 sales, they capture 10 × (1 − 3) = −20 and leave. The platform (fixed cost 15) then has
    // no revenue: −15, it leaves in the second round. Buyers value nothing: the value created,
    // 10 − 15 = −5, falls to 0.
    const text = `
symbiose: 1
name: Cascade
currency: EUR
period: year
horizon: 1
actors:
  sellers: { kind: segment, size: 1 }
  platform: { kind: platform, costs: [{ name: servers, fixed: 15 }] }
valueObjects:
  money: { nature: money }
  listing: { nature: service, valuation: { sellers: 1 } }
transactions:
  list:
    transfers:
      - { from: platform, to: sellers, object: listing }
      - { from: sellers, to: platform, object: money, amount: 3 }
scenarios:
  s:
    start: { actor: sellers, count: 10 }
    steps: [list]
`;
    const found = findings(text, 'negative-net-value');
    expect(found[0]).toMatchObject({ actor: 'sellers', captured: -20 });
    expect(found[1]).toMatchObject({ code: 'collapse', rounds: [[{ actor: 'sellers', captured: -20 }], [{ actor: 'platform', captured: -15 }]], collapsed: ['platform'], valueBefore: -5, valueAfter: 0 });
  });
});

describe('personal data with nothing back', () => {
  const model = (valuation: string) => `
symbiose: 1
name: Data
currency: EUR
period: year
horizon: 1
actors:
  person: { kind: individual }
  broker: { kind: organisation }
valueObjects:
  location: { nature: data, personal: true }
  app: { nature: service${valuation} }
transactions:
  track:
    transfers:
      - { from: person, to: broker, object: location }
      - { from: broker, to: person, object: app }
scenarios:
  s:
    start: { actor: person, count: 12 }
    steps: [track]
`;

  it('flags a person giving personal data for an app it does not value', () => {
    // 12 locations given, the app valued by nobody: nothing valued comes back.
    expect(findings(model(''), 'data-nothing-back')).toEqual([
      { code: 'data-nothing-back', severity: 'warning', actor: 'person', object: 'location', transaction: 'track', scenario: 's', units: 12, elsewhere: 0 },
    ]);
  });

  it('clears it when the person values what it gets', () => {
    expect(findings(model(', valuation: { person: 2 }'), 'data-nothing-back')).toEqual([]);
  });

  it('flags a segment of people, and not a segment whose members are organisations (format version 4)', () => {
    // The same 12 locations a member, given by a segment of 3: 36 in all.
    const segment = (members: string) =>
      model('').replace('symbiose: 1', 'symbiose: 4').replace('person: { kind: individual }', `person: { kind: segment, size: 3${members} }`);
    const flagged = { code: 'data-nothing-back', severity: 'warning', actor: 'person', object: 'location', transaction: 'track', scenario: 's', units: 36, elsewhere: 0 };
    expect(findings(segment(''), 'data-nothing-back')).toEqual([flagged]);
    expect(findings(segment(', members: people'), 'data-nothing-back')).toEqual([flagged]);
    expect(findings(segment(', members: organisations'), 'data-nothing-back')).toEqual([]);
  });
});

describe('capture, single points of failure, subsidised sides', () => {
  // A newspaper (platform) serves readers free, each read costing it 0.1 (1 000 reads), and
  // sells 100 ads at 5 to advertisers; readers value a read at 0.5, advertisers an ad at 8.
  // Value created: 1 000 × 0.5 + 100 × 8 − 1 000 × 0.1 = 1 200. Captured: readers 500,
  // advertisers 100 × (8 − 5) = 300, newspaper 500 − 100 = 400.
  const text = `
symbiose: 1
name: Paper
currency: EUR
period: year
horizon: 1
actors:
  readers: { kind: segment, size: 1 }
  advertisers: { kind: segment, size: 1 }
  paper: { kind: platform, costs: [{ name: printing, variable: 0.1, per: read }] }
valueObjects:
  money: { nature: money }
  news: { nature: service, valuation: { readers: 0.5 } }
  attention: { nature: attention }
  ad: { nature: service, valuation: { advertisers: 8 } }
transactions:
  read:
    transfers:
      - { from: paper, to: readers, object: news }
      - { from: readers, to: paper, object: attention }
  advertise:
    transfers:
      - { from: paper, to: advertisers, object: ad }
      - { from: advertisers, to: paper, object: money, amount: 5 }
scenarios:
  reading:
    start: { actor: readers, count: 1000 }
    steps: [read]
  advertising:
    start: { actor: advertisers, count: 100 }
    steps: [advertise]
`;

  it('finds the readers subsidised by the advertisers', () => {
    // Readers pay 0 against 1 000 × 0.1 = 100 of costs; advertisers pay 500 against none.
    expect(findings(text, 'subsidised-side')).toEqual([
      { code: 'subsidised-side', severity: 'info', platform: 'paper', actor: 'readers', paid: 0, costs: 100, by: [{ actor: 'advertisers', paid: 500, costs: 0 }] },
    ]);
  });

  it('finds the paper and the advertisers single points of failure, not the readers', () => {
    // Terms: {readers, paper} 500 − 100 = 400, {advertisers, paper} 800. Without the paper: 0,
    // 1 200 lost (100 %); without the advertisers 800 lost (2/3); without the readers 400 lost
    // (1/3), below the half.
    expect(findings(text, 'single-point-of-failure')).toEqual([
      { code: 'single-point-of-failure', severity: 'info', actor: 'paper', valueWithout: 0, lost: 1200, share: 1 },
      { code: 'single-point-of-failure', severity: 'info', actor: 'advertisers', valueWithout: 400, lost: 800, share: 2 / 3 },
    ]);
  });

  it('flags capture past the limits asked', () => {
    // Shapley: readers 200, advertisers 400, paper 200 + 400 = 600. Readers capture 500, 300 above
    // theirs: 25 % of 1 200, at the default limit (not above it), above a limit of 0.2.
    expect(findings(text, 'capture')).toEqual([]);
    const found = findings(text, 'capture', { maxGap: 0.2, maxShare: 0.4 });
    expect(found).toEqual([
      { code: 'capture-share', severity: 'warning', actor: 'readers', captured: 500, share: 500 / 1200, limit: 0.4 },
      { code: 'capture-gap', severity: 'warning', actor: 'readers', captured: 500, shapley: 200, gap: 300, limit: 0.2 },
    ]);
  });
});

describe('the Self Data models of seed 003 give the individuals something back', () => {
  const check = (id: string) => {
    const { ecosystem } = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);
    return sustainabilityChecks(ecosystem!).checks.find((c) => c.check === 'data-nothing-back')!;
  };

  it('purple-button: the policyholders send their data to services that serve them', () => {
    // Seed 003, scénario 2 : « Les clients choisissent parmi un ensemble de service tiers celui ou
    // ceux qui leur sont les plus utiles. Le service se connecte à l'espace client de l'utilisateur
    // et récupère le flux de données dont il a besoin pour lui offrir son service. »
    expect(check('purple-button')).toMatchObject({ passed: true, findings: [] });
  });

  it('appstore: the individuals get a use value for their data', () => {
    // Seed 003, scénario 1 : « une vraie valeur d'usage pour les individus doit être proposée, avec
    // des services qui croisent les données et qui répondent à un besoin, qui font une vraie
    // promesse de bénéfice concret pour les individus. »
    expect(check('appstore')).toMatchObject({ passed: true, findings: [] });
  });

  it('personal-platform: the users get the services of their personal cloud', () => {
    // Seed 003, scénario 3 : « Côté utilisateurs : la clé de la valeur perçue réside dans la
    // diversité des services proposés via le cloud personnel, et par conséquent la diversité des
    // données. » and « les données sont fournies en échange d'un retour tangible et perçu comme
    // équilibré ».
    expect(check('personal-platform')).toMatchObject({ passed: true, findings: [] });
  });
});

describe('organisations that pass on their customers\' data are not the people it is about', () => {
  const check = (id: string) => {
    const { ecosystem } = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);
    return sustainabilityChecks(ecosystem!).checks.find((c) => c.check === 'data-nothing-back')!;
  };

  it('coaching-professionnel: the data providers are organisations', () => {
    // Seed 002, groupe contexte 3 : « Les fournisseurs de données : donnent accès aux données
    // détenues sur les utilisateurs en silos, éventuellement via des partenariats légers ». The
    // users' own data (their consent, their proactive data) is given for the coaching they get.
    const doc = loadEcosystem(readFileSync('library/coaching-professionnel.yaml', 'utf8'), 'coaching-professionnel.yaml').ecosystem!.doc;
    expect(doc.actors['fournisseurs-donnees']).toMatchObject({ kind: 'segment', members: 'organisations' });
    expect(check('coaching-professionnel')).toMatchObject({ passed: true, findings: [] });
  });

  it('mint: the American banks hold the accounts Mint reads', () => {
    // Seed 000, 6.2.3 : « Le service terrifiait les banques américaines car il aurait pu en théorie
    // permettre de faire des propositions publicitaires très fines pour des cartes de crédit ou des
    // renégociations de prêts en utilisant les données du compte bancaire. » The banks give the
    // account data; the people it is about are Mint's users, who get the service.
    const doc = loadEcosystem(readFileSync('library/mint.yaml', 'utf8'), 'mint.yaml').ecosystem!.doc;
    expect(doc.actors.banques).toMatchObject({ kind: 'segment', members: 'organisations' });
    expect(check('mint')).toMatchObject({ passed: true, findings: [] });
  });
});

describe('symbiose check', () => {
  const BIN = resolve('bin/symbiose.js');
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-check-'));
  writeFileSync(join(dir, 'periods.yaml'), PERIODS);
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  it('fails (exit 4) on a finding at the threshold, explains it, and passes below', () => {
    const failed = run('check', 'periods.yaml');
    expect(failed.code).toBe(4);
    // Prose is wrapped to 100 columns: read it as one line.
    failed.out = failed.out.replace(/\s+/g, ' ');
    expect(failed.out).toContain('[warning] d captures −2: it loses by taking part, and will leave.');
    expect(failed.out).toContain('[error] Without d, played again until nobody else loses: the value created goes from 16 to 0 (16 lost).');
    expect(failed.out).toContain('1 finding at error or above: the check fails (exit 4).');
    expect(run('check', 'purple-button').code).toBe(0);
    expect(run('check', 'purple-button', '--fail-on', 'warning').code).toBe(4);
  });

  it('gives the findings as JSON, in French, and refuses a bad limit', () => {
    const json = JSON.parse(run('check', 'periods.yaml', '--json').out);
    expect(json).toMatchObject({ failOn: 'error', failed: true, valueCreated: 16 });
    expect(json.checks.map((c: { check: string }) => c.check)).toEqual(['negative-net-value', 'data-nothing-back', 'capture', 'single-point-of-failure', 'subsidised-side']);
    expect(run('check', 'periods.yaml', '--lang', 'fr').out).toContain('Contrôles de durabilité — Periods');
    expect(run('check', 'periods.yaml', '--max-share', '2').code).toBe(2);
  });
});
