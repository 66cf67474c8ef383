/**
 * The Experiments tab (issue 18): the workshop's method from hypothesis to evidence that changes
 * the model. The assumption map (importance from the sensitivity ranking of the saved version
 * where the model has one); the hypothesis, its test cards and learning cards as fields saved by
 * change lists like every other edit (undo and redo work); the design with its planning warning
 * worked out in the page as the user types, and the results of the counts typed, with their
 * intervals drawn (the pure functions the API and the CLI call); and the forecast before and
 * after: the informed parameter calibrated on the saved counts, the risk run on the model as it
 * is and as calibrated, and the calibration applied as a new version that a learning card records.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { assumptionMap, rankingFromSensitivity, type LearningDraft, type MappedAssumption, type RecordedPlan } from '../../../src/analyses/index.js';
import { EVIDENCE_LEVELS, HYPOTHESIS_KINDS, IMPORTANCE_LEVELS, type Change, type ModelDocument } from '../../../src/core/index.js';
import { formatNumber, type UiKey } from '../../../src/i18n/index.js';
import { wilsonInterval } from '../../../src/stats/index.js';
import { formatMoney, formatPercent } from '../../../src/tables/index.js';
import { call, type Api, type Version } from '../api.js';
import { useOffThread } from '../logic/experiment-worker.js';
import { informedParameters, orderedVariants, percentOf, planInput, recordedPlans, resultsOf, sharedDensity, textOf, updateRecord, wholeOf, withText } from '../logic/experiments.js';
import { useWords, type Words } from '../words.js';
import { ErrorNote, useLoad } from './common.js';
import { AssumptionMapChart, DistributionChart, IntervalChart } from './ExperimentCharts.js';
import type { Editing } from './ModelPage.js';

type Doc = ModelDocument;
type Experiment = NonNullable<Doc['experiments']>[string];
type LearningCard = NonNullable<Doc['learningCards']>[string];

const COLOURS = ['#475467', '#7a5af8', '#ee46bc', '#f79009', '#12b76a', '#2e90fa'];
const KIND_COLOUR: Record<string, string> = { desirability: '#ee46bc', feasibility: '#2e90fa', viability: '#12b76a' };
const LEVEL_SHARE: Record<string, number> = { low: 1 / 6, medium: 0.5, high: 5 / 6 };

export interface ExperimentsProps {
  id: string;
  client: Api;
  version: Version;
  editing: Editing;
  /** A version written here (the calibration applied). */
  onVersion: (version: Version) => void;
}

export function ExperimentsView({ id, version, editing, onVersion }: ExperimentsProps) {
  const words = useWords();
  const doc = version.document;
  const sensitivity = useLoad(() => call<Parameters<typeof rankingFromSensitivity>[0]>(words.locale, 'GET', `/models/${encodeURIComponent(id)}/analyses/sensitivity?version=${version.number}`), [id, version.number, words.locale]);
  const ranking = useMemo(() => (sensitivity.data ? rankingFromSensitivity(sensitivity.data) : undefined), [sensitivity.data]);
  const map = useMemo(() => assumptionMap(doc, ranking), [doc, ranking]);
  const [chosen, setChosen] = useState<string>();
  const shown = chosen && doc.hypotheses?.[chosen] ? chosen : map[0]?.hypothesis;
  const addHypothesis = async () => {
    const made = freeId(doc.hypotheses, 'hypothesis');
    if (await editing.commit([{ op: 'add', kind: 'hypothesis', id: made, record: { kind: 'desirability', statement: '', importance: 'high', evidence: 'none' } } as Change])) setChosen(made);
  };
  const addButton = (
    <button onClick={() => void addHypothesis()} data-testid="hypothesis-add">
      {words.t('studio.exp.hypothesis.add')}
    </button>
  );
  if (!shown) return <div className="experiments"><p className="muted">{words.t('studio.exp.none')}</p>{addButton}</div>;
  const reason = sensitivity.error instanceof Error ? sensitivity.error.message : '';
  return (
    <div className="experiments" data-testid="experiments">
      <h3>{words.t('studio.exp.map.heading')}</h3>
      <AssumptionMapChart
        points={map.map((m) => ({ id: m.hypothesis, name: textOf(doc.hypotheses![m.hypothesis]!.statement, words.locale), evidence: EVIDENCE_LEVELS.indexOf(m.evidence), importance: importanceShare(m), colour: KIND_COLOUR[m.kind] ?? '#475467', selected: m.hypothesis === shown }))}
        evidenceNames={EVIDENCE_LEVELS.map((e) => words.t(`studio.exp.evidence.${e}`))}
        xLabel={words.t('studio.exp.map.x')}
        yLabel={words.t('studio.exp.map.y')}
      />
      <p className="muted" data-testid="map-source">
        {ranking ? words.t('studio.exp.map.fromSensitivity') : sensitivity.error ? words.t('studio.exp.map.fromRecords', { reason }) : ''}
      </p>
      <ol className="assumptions" data-testid="assumptions">
        {map.map((m) => (
          <li key={m.hypothesis} className={m.hypothesis === shown ? 'chosen' : ''}>
            <button className="link" onClick={() => setChosen(m.hypothesis)} data-hypothesis={m.hypothesis}>
              <span data-user-text>{textOf(doc.hypotheses![m.hypothesis]!.statement, words.locale)}</span>
            </button>{' '}
            <span className="muted">
              ({words.t(`studio.exp.quadrant.${m.quadrant}`)}, {importanceWords(m, words)})
            </span>
          </li>
        ))}
      </ol>
      {addButton}
      <HypothesisPanel key={shown} doc={doc} id={shown} editing={editing} modelId={id} version={version} onVersion={onVersion} />
    </div>
  );
}

/** Its importance in words, and where it comes from when it is the sensitivity ranking's. */
/** The first `${base}-N` not taken in a section. */
function freeId(section: Record<string, unknown> | undefined, base: string): string {
  let n = Object.keys(section ?? {}).length + 1;
  while (section && Object.hasOwn(section, `${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function importanceWords(m: MappedAssumption, words: Words): string {
  const level = words.t(m.importance ? `studio.exp.importance.${m.importance}` : 'studio.exp.importance.unset');
  return m.importanceFrom === 'sensitivity' ? words.t('studio.exp.importance.bySensitivity', { level, share: formatPercent(words.locale, m.sensitivityShare ?? 0) }) : level;
}

function importanceShare(m: MappedAssumption): number {
  if (m.sensitivityShare !== undefined) return Math.min(1, Math.max(0, m.sensitivityShare));
  return m.importance ? LEVEL_SHARE[m.importance]! : 0;
}

/** A text field of a record: saved on Enter or when it loses focus, when it changed. */
function TextField({ label, value, onSave, testId, long = false }: { label: string; value: string; onSave: (text: string) => void; testId: string; long?: boolean }) {
  const [text, setText] = useState(value);
  const entered = useRef(value);
  useEffect(() => {
    setText(value);
    entered.current = value;
  }, [value]);
  const save = () => {
    if (text !== entered.current) {
      entered.current = text;
      onSave(text);
    }
  };
  const common = {
    value: text,
    'data-testid': testId,
    'data-user-text': true,
    onBlur: save,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        save();
      }
    },
  };
  return (
    <label className="field">
      <span>{label}</span>
      {long ? <textarea rows={2} {...common} onChange={(e) => setText(e.target.value)} /> : <input {...common} onChange={(e) => setText(e.target.value)} />}
    </label>
  );
}

interface PanelProps {
  doc: Doc;
  id: string;
  editing: Editing;
  modelId: string;
  version: Version;
  onVersion: (version: Version) => void;
}

function HypothesisPanel({ doc, id, editing, modelId, version, onVersion }: PanelProps) {
  const words = useWords();
  const h = doc.hypotheses![id]!;
  const save = (patch: Partial<typeof h>) => void editing.commit([updateRecord('hypothesis', id, { ...h, ...patch })]);
  const cards = Object.entries(doc.testCards ?? {}).filter(([, c]) => c.hypothesis === id);
  const experiments = Object.entries(doc.experiments ?? {}).filter(([, e]) => cards.some(([c]) => c === e.testCard));
  const [chosen, setChosen] = useState(experiments[0]?.[0]);
  const experiment = experiments.find(([e]) => e === chosen) ?? experiments[0];
  return (
    <section className="hypothesis" data-testid="hypothesis" data-hypothesis={id}>
      <h3>{words.t('studio.exp.hypothesis.heading')}</h3>
      <TextField label={words.t('studio.exp.hypothesis.statement')} value={textOf(h.statement, words.locale)} onSave={(t) => save({ statement: withText(h.statement, t, words.locale) })} testId="hypothesis-statement" long />
      <div className="row">
        <Choice label={words.t('studio.exp.hypothesis.kind')} value={h.kind} options={HYPOTHESIS_KINDS.map((k) => [k, words.t(`studio.exp.kind.${k}`)])} onChange={(kind) => save({ kind: kind as typeof h.kind })} testId="hypothesis-kind" />
        <Choice label={words.t('studio.exp.hypothesis.importance')} value={h.importance ?? ''} options={IMPORTANCE_LEVELS.map((k) => [k, words.t(`studio.exp.importance.${k}`)])} onChange={(importance) => save({ importance: importance as typeof h.importance })} testId="hypothesis-importance" />
        <Choice label={words.t('studio.exp.hypothesis.evidence')} value={h.evidence ?? 'none'} options={EVIDENCE_LEVELS.map((k) => [k, words.t(`studio.exp.evidence.${k}`)])} onChange={(evidence) => save({ evidence: evidence as typeof h.evidence })} testId="hypothesis-evidence" />
      </div>
      {h.parameters && h.parameters.length > 0 && <p className="muted">{words.t('studio.exp.hypothesis.parameters', { list: h.parameters.join(', ') })}</p>}
      <h3>{words.t('studio.exp.testCard.heading')}</h3>
      {cards.length === 0 && <p className="muted">{words.t('studio.exp.testCard.none')}</p>}
      {cards.map(([cid, card]) => {
        const saveCard = (field: 'believe' | 'verify' | 'measure' | 'criterion', t: string) => void editing.commit([updateRecord('testCard', cid, { ...card, [field]: withText(card[field], t, words.locale) })]);
        // A rate typed as a percentage; emptied, the card names none. What is not a rate is not saved.
        const saveRate = (field: 'threshold' | 'baseline', t: string) => {
          const rate = percentOf(t);
          if (rate === undefined && t.trim() !== '') return;
          const next = { ...card };
          if (rate === undefined) delete next[field];
          else next[field] = rate;
          void editing.commit([updateRecord('testCard', cid, next)]);
        };
        return (
          <div key={cid} className="card test-card" data-testid="test-card" data-card={cid}>
            <TextField label={words.t('studio.exp.testCard.believe')} value={textOf(card.believe, words.locale)} onSave={(t) => saveCard('believe', t)} testId="card-believe" long />
            <TextField label={words.t('studio.exp.testCard.verify')} value={textOf(card.verify, words.locale)} onSave={(t) => saveCard('verify', t)} testId="card-verify" long />
            <TextField label={words.t('studio.exp.testCard.measure')} value={textOf(card.measure, words.locale)} onSave={(t) => saveCard('measure', t)} testId="card-measure" long />
            {card.criterion !== undefined && <TextField label={words.t('studio.exp.testCard.criterion')} value={textOf(card.criterion, words.locale)} onSave={(t) => saveCard('criterion', t)} testId="card-criterion" long />}
            <div className="row">
              {(['threshold', 'baseline'] as const).map((f) => (
                <TextField key={f} label={words.t(`studio.exp.testCard.${f}`)} value={percentText(card[f], words)} onSave={(t) => saveRate(f, t)} testId={`card-${f}`} />
              ))}
            </div>
          </div>
        );
      })}
      <button onClick={() => void editing.commit([{ op: 'add', kind: 'testCard', id: freeId(doc.testCards, `${id}-card`), record: { hypothesis: id, believe: '', verify: '', measure: '' } } as Change])} data-testid="card-add">
        {words.t('studio.exp.testCard.add')}
      </button>
      {cards.length > 0 && experiments.length === 0 && <p className="muted">{words.t('studio.exp.experiment.none')}</p>}
      {cards.length > 0 && (
        <button
          onClick={() => {
            const made = freeId(doc.experiments, `${cards[0]![0]}-test`);
            void editing.commit([{ op: 'add', kind: 'experiment', id: made, record: { testCard: cards[0]![0], measure: cards[0]![1].measure, variants: { a: { control: true, planned: 50 }, b: { planned: 50 } } } } as Change]).then((done) => done && setChosen(made));
          }}
          data-testid="experiment-add"
        >
          {words.t('studio.exp.experiment.add')}
        </button>
      )}
      {experiments.length > 1 && <Choice label={words.t('studio.exp.experiment.choose')} value={experiment![0]} options={experiments.map(([e, r]) => [e, r.name ?? (words.locale === 'en' ? r.label : undefined) ?? e])} onChange={setChosen} testId="experiment-choice" />}
      {experiment && <ExperimentPanel key={experiment[0]} doc={doc} id={experiment[0]} record={experiment[1]} editing={editing} modelId={modelId} version={version} onVersion={onVersion} />}
    </section>
  );
}

/** A rate as the percentage typed in its field ("15" for 0.15), empty when there is none. */
function percentText(rate: number | undefined, words: Words): string {
  return rate === undefined ? '' : formatNumber(words.locale, Number((rate * 100).toPrecision(10)));
}

function Choice({ label, value, options, onChange, testId }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void; testId: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {value === '' && <option value="" />}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Typed {
  planned: string;
  exposed: string;
  converted: string;
}

function ExperimentPanel({ doc, id, record, editing, modelId, version, onVersion }: Omit<PanelProps, 'id'> & { id: string; record: Experiment }) {
  const words = useWords();
  const pct = (x: number) => formatPercent(words.locale, x);
  const variants = orderedVariants(record);
  const initial = (): Record<string, Typed> =>
    Object.fromEntries(variants.map(([v, r]) => [v, { planned: r.planned?.toString() ?? '', exposed: r.observed?.exposed.toString() ?? '', converted: r.observed?.converted.toString() ?? '' }]));
  const [typed, setTyped] = useState(initial);
  useEffect(() => setTyped(initial()), [version.number]);
  // Empty: the test card's baseline and threshold (planRecordedExperiment reads them); typed: instead of them.
  const [rates, setRates] = useState({ control: '', variant: '' });
  const [draft, setDraft] = useState<Drafted>();
  const observedKey = JSON.stringify(variants.map(([, r]) => r.observed ?? null));
  useEffect(() => setDraft(undefined), [observedKey]);
  const fetchDraft = async (): Promise<Drafted> => {
    let learned = `${id}-learned`;
    for (let n = 2; doc.learningCards?.[learned]; n++) learned = `${id}-learned-${n}`;
    const made = await call<Drafted>(words.locale, 'GET', `/models/${encodeURIComponent(modelId)}/experiments/learn?experiment=${encodeURIComponent(id)}&version=${version.number}&id=${encodeURIComponent(learned)}`);
    setDraft(made);
    return made;
  };

  // The model's `label` is its English one: French reads the name, else the id (as the CLI names variants).
  const names = variants.map(([v, r]) => r.name ?? (words.locale === 'en' ? r.label : undefined) ?? v);
  const shortName = (i: number) => variants[i]![0];
  // Worked out off the main thread: Boschloo's exact power alone takes about a second at 50 per group.
  const planned = Object.fromEntries(variants.map(([v]) => [v, wholeOf(typed[v]!.planned)]));
  const plan = useOffThread<ReturnType<typeof recordedPlans>>({ kind: 'recorded-plan', ...planInput(doc, id, planned, { control: percentOf(rates.control), variant: percentOf(rates.variant) }) });
  const plans = plan.answer?.plans;
  const planFault = plan.answer?.fault;
  const counts = variants.map(([v]) => ({ name: v, exposed: wholeOf(typed[v]!.exposed), converted: wholeOf(typed[v]!.converted) }));
  const reading = useOffThread<ReturnType<typeof resultsOf>>({ kind: 'results', counts });
  const results = reading.answer;
  const savedCounts = variants.every(([v, r]) => r.observed && String(r.observed.exposed) === typed[v]!.exposed && String(r.observed.converted) === typed[v]!.converted);
  const invented = savedCounts && variants.some(([, r]) => r.observed?.invented);

  const saveVariant = (v: string) => {
    const r = record.variants[v]!;
    const t = typed[v]!;
    const planned = wholeOf(t.planned);
    const exposed = wholeOf(t.exposed);
    const converted = wholeOf(t.converted);
    const observedChanged = exposed !== r.observed?.exposed || converted !== r.observed?.converted;
    const next = { ...r } as typeof r;
    if (planned !== undefined) next.planned = planned;
    else delete next.planned;
    if (observedChanged) {
      // Counts typed here are observed ones: no longer marked as invented.
      if (exposed !== undefined && converted !== undefined) next.observed = { exposed, converted };
      else delete next.observed;
    }
    if (JSON.stringify(next) === JSON.stringify(r)) return;
    void editing.commit([updateRecord('experiment', id, { ...record, variants: { ...record.variants, [v]: next } })]);
  };
  const cell = (v: string, field: keyof Typed) => (
    <input
      className="count"
      inputMode="numeric"
      value={typed[v]![field]}
      data-testid={`${field}-${v}`}
      onChange={(e) => setTyped((all) => ({ ...all, [v]: { ...all[v]!, [field]: e.target.value } }))}
      onBlur={() => saveVariant(v)}
      onKeyDown={(e) => e.key === 'Enter' && saveVariant(v)}
    />
  );

  return (
    <section className="experiment" data-testid="experiment" data-experiment={id}>
      <h3>
        {words.t('studio.exp.experiment.heading')} <span data-user-text>{record.name ?? (words.locale === 'en' ? record.label : undefined) ?? id}</span>
      </h3>
      <p className="muted" data-user-text>
        {words.t('studio.exp.experiment.measure', { measure: textOf(record.measure, words.locale) })}
      </p>
      <h3>{words.t('studio.exp.design.heading')}</h3>
      <table className="variants-table">
        <thead>
          <tr>
            <th>{words.t('studio.exp.col.variant')}</th>
            <th>{words.t('studio.exp.col.planned')}</th>
            <th>{words.t('studio.exp.col.exposed')}</th>
            <th>{words.t('studio.exp.col.converted')}</th>
          </tr>
        </thead>
        <tbody>
          {variants.map(([v, r], i) => (
            <tr key={v}>
              <td data-user-text>
                {names[i]}
                {i === 0 ? ` (${words.t('studio.exp.control')})` : ''}
              </td>
              <td>{cell(v, 'planned')}</td>
              <td>{cell(v, 'exposed')}</td>
              <td>{cell(v, 'converted')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {variants.map(([v, r], i) => {
        const saveOffer = (field: 'valueProposition' | 'offer' | 'price' | 'callToAction', t: string) =>
          void editing.commit([updateRecord('experiment', id, { ...record, variants: { ...record.variants, [v]: { ...r, [field]: withText(r[field], t, words.locale) } } })]);
        return (
          <details key={v} className="card variant-offer" data-testid={`variant-${v}`}>
            <summary data-user-text>{names[i]}</summary>
            {(['valueProposition', 'offer', 'price', 'callToAction'] as const).map((f) => (
              <TextField key={f} label={words.t(`studio.exp.variant.${f}`)} value={textOf(r[f], words.locale)} onSave={(t) => saveOffer(f, t)} testId={`${f}-${v}`} long={f !== 'price'} />
            ))}
          </details>
        );
      })}
      <div className="row">
        <label className="field">
          <span>{words.t('studio.exp.rates.control')}</span>
          <input value={rates.control} onChange={(e) => setRates({ ...rates, control: e.target.value })} data-testid="rate-control" inputMode="decimal" />
        </label>
        <label className="field">
          <span>{words.t('studio.exp.rates.variant')}</span>
          <input value={rates.variant} onChange={(e) => setRates({ ...rates, variant: e.target.value })} data-testid="rate-variant" inputMode="decimal" />
        </label>
      </div>
      <p className="muted">{words.t('studio.exp.rates.hint')}</p>
      {planFault && (
        <p className="warning-note" data-testid="plan-fault" data-code={planFault.code}>
          {planFault.code === 'same-rates' ? words.t('studio.exp.rates.same') : words.t(`studio.exp.plan.fault.${planFault.code === 'no-planned' ? 'no-planned' : planFault.code === 'no-baseline' ? 'no-baseline' : 'no-threshold'}`, { variant: 'variant' in planFault ? planFault.variant : '' })}
        </p>
      )}
      {plans?.map((p) => <PlanWarning key={p.variant} plan={p} words={words} pending={plan.pending} />)}

      <h3>{words.t('studio.exp.results.heading')}</h3>
      {invented && (
        <p className="warning-note" data-testid="invented">
          {words.t('studio.exp.results.invented')}
        </p>
      )}
      {!results && <p className="muted">{words.t('studio.exp.results.noCounts')}</p>}
      {results && (
        <div data-testid="results" data-pending={reading.pending} className={reading.pending ? 'pending' : ''}>
          <p className="muted">{words.t('studio.exp.results.rates', { level: pct(results.level) })}</p>
          <IntervalChart
            testId="rate-intervals"
            rows={results.variants.map((c, i) => {
              const w = wilsonInterval(c, results.level);
              return { name: shortName(i), estimate: c.successes / c.trials, low: w.interval.low, high: w.interval.high, colour: COLOURS[i % COLOURS.length]! };
            })}
          />
          <p className="muted">{words.t('studio.exp.results.difference', { level: pct(results.level) })}</p>
          <IntervalChart
            testId="difference-intervals"
            zero
            rows={results.comparisons.map((c) => ({ name: shortName(c.variant), estimate: c.difference.estimate, low: c.difference.interval.low, high: c.difference.interval.high, colour: COLOURS[c.variant % COLOURS.length]! }))}
          />
          <div data-testid="verdicts">
            {results.comparisons.map((c, k) => {
              const verdict = results.verdicts[k]!;
              const control = results.variants[0]!;
              const controlRate = control.successes / control.trials;
              const bayes = results.bayesian.comparisons[k]!;
              const significant = (x: number) => formatNumber(words.locale, Number(x.toPrecision(3)), 12);
              return (
                <div key={c.variant} className="verdict" data-code={verdict.code}>
                  <p>
                    {words.t(`experiment.verdict.${verdict.code}`, {
                      variant: names[c.variant]!,
                      test: words.t(`experiment.test.${verdict.test}`),
                      p: significant(verdict.pValue),
                      alpha: formatNumber(words.locale, results.alpha, 4),
                      control: pct(controlRate),
                      observed: pct(controlRate + c.difference.estimate),
                      needed: verdict.decidingSample ? formatNumber(words.locale, verdict.decidingSample.trialsA, 0) : undefined,
                    })}
                  </p>
                  <p data-testid="bayes">
                    {words.t('studio.exp.results.bayes', {
                      variant: names[c.variant]!,
                      p: pct(bayes.probabilityBetter),
                      a: formatNumber(words.locale, results.bayesian.prior.alpha),
                      b: formatNumber(words.locale, results.bayesian.prior.beta),
                      level: pct(results.bayesian.level),
                      low: pct(bayes.difference.interval.low),
                      high: pct(bayes.difference.interval.high),
                    })}{' '}
                    {words.t(`studio.exp.results.bayes.${results.bayesianVerdicts[k]!.code}`, { variant: names[c.variant]! })}
                  </p>
                </div>
              );
            })}
          </div>
        </div>
      )}
      <Forecast key={observedKey} experiment={id} record={record} saved={savedCounts} modelId={modelId} version={version} onVersion={onVersion} draft={draft} fetchDraft={fetchDraft} clearDraft={() => setDraft(undefined)} />
      <LearningCards doc={doc} experiment={id} editing={editing} draft={draft} setDraft={setDraft} fetchDraft={fetchDraft} />
    </section>
  );
}

function PlanWarning({ plan, words, pending }: { plan: RecordedPlan; words: Words; pending: boolean }) {
  const { check } = plan;
  const pct = (x: number) => formatPercent(words.locale, x);
  const from = (source: string) => words.t(`plan.from.${source}` as UiKey, { parameter: plan.controlParameter ?? '' });
  const n = (x: number) => formatNumber(words.locale, x, 0);
  const ratio = check.trialsB / check.trialsA;
  const needed = ratio === 1 ? n(check.needed.trialsA) : `${n(check.needed.trialsA)} + ${n(check.needed.trialsB)}`;
  const power = check.exactPower ? check.exactPower.power : check.normalPower;
  const detectable = check.detectable.variant === undefined ? words.t('experiment.nothingDetectable') : pct(check.detectable.variant);
  return (
    <div className={`${check.code === 'design-cannot-answer' ? 'warning-note' : 'ok-note'}${pending ? ' pending' : ''}`} data-testid="plan-warning" data-code={check.code} data-pending={pending} data-variant={plan.variant}>
      <p data-testid="plan-sources">
        {words.t('plan.recorded', {
          experiment: plan.experiment,
          control: plan.control,
          variant: plan.variant,
          controlRate: pct(plan.rates.control),
          variantRate: pct(plan.rates.variant),
          controlFrom: from(plan.controlFrom),
          variantFrom: from(plan.variantFrom),
          trialsA: n(check.trialsA),
          trialsB: n(check.trialsB),
          trialsFrom: from(plan.trialsFrom),
        })}
      </p>
      <p>
        {words.t(`experiment.${check.code}`, {
          trialsA: n(check.trialsA),
          trialsB: n(check.trialsB),
          control: pct(check.rates.control),
          variant: pct(check.rates.variant),
          power: pct(power),
          how: words.t(check.exactPower ? 'experiment.test.boschloo' : 'experiment.how.normal'),
          needed,
          target: pct(check.targetPower),
          detectable,
        })}
      </p>
      <p className="muted">
        {words.t('studio.exp.plan.powers', {
          normal: pct(check.normalPower),
          exact: check.exactPower ? words.t('studio.exp.plan.exact', { power: pct(check.exactPower.power) }) : '',
          needed,
          target: pct(check.targetPower),
          detectable,
        })}
      </p>
    </div>
  );
}

interface JobView {
  id: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  progress: { done: number; total: number };
  result?: RiskResult;
  reference?: string;
}
interface Estimate {
  value: number;
}
interface ActorRisk {
  actor: string;
  /** The actor's name in the model (withNames). */
  actorName?: string;
  role: 'business' | 'segment';
  npv?: { mean: Estimate };
  gain?: { mean: Estimate };
  lossProbability?: Estimate;
  histogram: { edges: number[]; bins: number[] };
}
interface RiskResult {
  draws: number;
  actors: ActorRisk[];
}
/** What GET …/experiments/learn?experiment= answers: the card drafted (both languages) and the draft behind it. */
export interface Drafted {
  id: string;
  learningCard: LearningCard;
  draft: LearningDraft;
}
interface Applied {
  version?: Version;
}

const RUNS = 1000;

interface ForecastProps {
  experiment: string;
  record: Experiment;
  saved: boolean;
  modelId: string;
  version: Version;
  onVersion: (v: Version) => void;
  /** The learning card drafted and being edited, recorded with the calibration when it is applied. */
  draft: Drafted | undefined;
  fetchDraft: () => Promise<Drafted>;
  clearDraft: () => void;
}

function Forecast({ experiment, record, saved, modelId, version, onVersion, draft, fetchDraft, clearDraft }: ForecastProps) {
  const words = useWords();
  const [calibrated, setCalibrated] = useState<LearningDraft>();
  const [jobs, setJobs] = useState<{ before?: JobView; after?: JobView }>({});
  const [failure, setFailure] = useState<unknown>();
  const [actor, setActor] = useState<string>();
  const [record_, setRecord] = useState(true);
  const [applied, setApplied] = useState<number>();
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);
  const base = `/models/${encodeURIComponent(modelId)}`;
  const path = `${base}/experiments/${encodeURIComponent(experiment)}`;
  // Each variant calibrates the parameter it informs (the control also the experiment's).
  const informed = informedParameters(record);
  if (informed.length === 0) return <p className="muted">{words.t('studio.exp.forecast.none')}</p>;
  const parameters = informed.join(', ');

  const poll = async (job: JobView): Promise<JobView> => {
    let now = job;
    while (now.status === 'running' && live.current) {
      await new Promise((r) => setTimeout(r, 150));
      now = await call<JobView>(words.locale, 'GET', `/jobs/${job.id}`);
      setJobs((all) => (all.before?.id === now.id ? { ...all, before: now } : all.after?.id === now.id ? { ...all, after: now } : all));
    }
    return now;
  };
  const run = async () => {
    setFailure(undefined);
    setApplied(undefined);
    try {
      // The draft's calibrations are the ones the risk after runs on (calibrate and risk with each).
      const made = draft ?? (await fetchDraft());
      setCalibrated(made.draft);
      const options = { version: version.number, runs: RUNS, seed: 1 };
      const [before, after] = await Promise.all([call<JobView>(words.locale, 'POST', `${base}/risk`, options), call<JobView>(words.locale, 'POST', `${path}/risk`, { ...options, each: true })]);
      setJobs({ before, after });
      await Promise.all([poll(before), poll(after)]);
    } catch (reason) {
      setFailure(reason);
    }
  };
  const apply = async () => {
    const learningCard = record_ && draft ? { id: draft.id, record: draft.learningCard } : undefined;
    try {
      const written = await call<Applied>(words.locale, 'POST', `${path}/calibrate`, { each: true, apply: { basedOn: version.number, ...(learningCard ? { learningCard } : {}) } });
      if (written.version) {
        setApplied(written.version.number);
        if (learningCard) clearDraft();
        onVersion(written.version);
      }
    } catch (reason) {
      setFailure(reason);
    }
  };

  const before = jobs.before?.status === 'done' ? jobs.before.result : undefined;
  const after = jobs.after?.status === 'done' ? jobs.after.result : undefined;
  const running = [jobs.before, jobs.after].filter((j) => j?.status === 'running');
  const failed = [jobs.before, jobs.after].find((j) => j?.status === 'failed');
  const mean = (a: ActorRisk) => (a.npv ?? a.gain)!.mean.value;
  const compared = before && after ? before.actors.map((b) => ({ before: b, after: after.actors.find((a) => a.actor === b.actor)! })).filter((p) => p.after) : [];
  // The actor the evidence moves most: the largest relative change of its mean.
  const concerned = compared.reduce<(typeof compared)[number] | undefined>((best, p) => {
    const change = (q: (typeof compared)[number]) => Math.abs(mean(q.after) - mean(q.before)) / Math.max(1, Math.abs(mean(q.before)));
    return !best || change(p) > change(best) ? p : best;
  }, undefined);
  const shown = compared.find((p) => p.before.actor === actor) ?? concerned;
  const money = (x: number) => formatMoney(words.locale, x);
  const pct = (x: number) => formatPercent(words.locale, x);
  return (
    <section className="forecast" data-testid="forecast">
      <h3>{words.t('studio.exp.forecast.heading')}</h3>
      {!saved && <p className="muted">{words.t('studio.exp.forecast.unsaved')}</p>}
      <button onClick={() => void run()} disabled={!saved || running.length > 0} data-testid="forecast-run">
        {words.t('studio.exp.forecast.run', { parameter: parameters })}
      </button>
      <ErrorNote error={failure} />
      {calibrated && (
        <div data-testid="calibration">
          {calibrated.calibrations.map((c) => {
            const counts = calibrated.groups.find((g) => g.id === c.variant)?.counts;
            return (
              <p key={c.parameter} data-parameter={c.parameter}>
                {words.t('studio.exp.forecast.calibrated', {
                  parameter: c.parameter,
                  variant: c.variant,
                  counts: counts ? `${counts.successes}/${counts.trials}` : '',
                  prior: pct(c.before.mean),
                  priorLow: pct(c.before.low),
                  priorHigh: pct(c.before.high),
                  posterior: pct(c.after.mean),
                  postLow: pct(c.after.low),
                  postHigh: pct(c.after.high),
                })}
              </p>
            );
          })}
        </div>
      )}
      {running.length > 0 && (
        <p className="muted" data-testid="forecast-running">
          {words.t('studio.exp.forecast.running', { done: formatNumber(words.locale, running.reduce((s, j) => s + j!.progress.done, 0), 0), total: formatNumber(words.locale, 2 * RUNS, 0) })}
        </p>
      )}
      {failed && <p className="error">{words.t('studio.exp.forecast.failed', { reference: failed.reference ?? '' })}</p>}
      {compared.length > 0 && shown && (
        <div data-testid="forecast-result" data-actor={shown.before.actor}>
          <table className="forecast-table">
            <thead>
              <tr>
                <th>{words.t('studio.exp.forecast.actor')}</th>
                <th>{words.t('studio.exp.forecast.lossBefore')}</th>
                <th>{words.t('studio.exp.forecast.lossAfter')}</th>
                <th>{words.t('studio.exp.forecast.meanBefore')}</th>
                <th>{words.t('studio.exp.forecast.meanAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {compared.map((p) => (
                <tr key={p.before.actor} className={p === shown ? 'chosen' : ''} onClick={() => setActor(p.before.actor)} data-actor={p.before.actor}>
                  <td data-user-text>{p.before.actorName ?? p.before.actor}</td>
                  <td>{p.before.lossProbability ? pct(p.before.lossProbability.value) : '—'}</td>
                  <td>{p.after.lossProbability ? pct(p.after.lossProbability.value) : '—'}</td>
                  <td>{money(mean(p.before))}</td>
                  <td data-testid="mean-after">{money(mean(p.after))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{words.t(shown.before.role === 'segment' ? 'studio.exp.forecast.chartSegment' : 'studio.exp.forecast.chart', { actor: shown.before.actorName ?? shown.before.actor, runs: formatNumber(words.locale, before!.draws, 0) })}</p>
          <ForecastChart before={shown.before} after={shown.after} words={words} />
          <div className="row">
            <button onClick={() => void apply()} disabled={applied !== undefined} data-testid="forecast-apply">
              {words.t('studio.exp.forecast.apply')}
            </button>
            <label className="field inline">
              <input type="checkbox" checked={record_} disabled={!draft} onChange={(e) => setRecord(e.target.checked)} data-testid="forecast-record" />
              <span>{words.t('studio.exp.forecast.record')}</span>
            </label>
          </div>
          {applied !== undefined && (
            <p className="ok-note" data-testid="forecast-applied">
              {words.t('studio.exp.forecast.applied', { n: applied, parameter: parameters })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function ForecastChart({ before, after, words }: { before: ActorRisk; after: ActorRisk; words: Words }) {
  const { x, densities } = useMemo(() => sharedDensity([before.histogram, after.histogram]), [before, after]);
  return (
    <DistributionChart
      testId="forecast-chart"
      x={x}
      yLabel={words.t('studio.exp.forecast.share')}
      series={[
        { label: words.t('studio.exp.forecast.before'), values: densities[0]!, colour: '#98a2b3' },
        { label: words.t('studio.exp.forecast.after'), values: densities[1]!, colour: '#7a5af8' },
      ]}
    />
  );
}

const LEARNING_PARTS = ['believed', 'observed', 'learned', 'decision'] as const;

interface LearningProps {
  doc: Doc;
  experiment: string;
  editing: Editing;
  draft: Drafted | undefined;
  setDraft: (draft: Drafted | undefined) => void;
  fetchDraft: () => Promise<Drafted>;
}

function LearningCards({ doc, experiment, editing, draft, setDraft, fetchDraft }: LearningProps) {
  const words = useWords();
  const [failure, setFailure] = useState<unknown>();
  const cards = Object.entries(doc.learningCards ?? {}).filter(([, c]) => c.experiment === experiment);
  const drafting = async () => {
    setFailure(undefined);
    try {
      await fetchDraft();
    } catch (reason) {
      setFailure(reason);
    }
  };
  const keep = async () => {
    if (draft && (await editing.commit([{ op: 'add', kind: 'learningCard', id: draft.id, record: draft.learningCard } as Change]))) setDraft(undefined);
  };
  // An edit of the draft changes the reader's language; the other one stays as drafted.
  const edit = (part: (typeof LEARNING_PARTS)[number], typed: string) => draft && setDraft({ ...draft, learningCard: { ...draft.learningCard, [part]: withText(draft.learningCard[part], typed, words.locale) } });
  return (
    <section className="learning" data-testid="learning-cards">
      <h3>{words.t('studio.exp.learning.heading')}</h3>
      {cards.length === 0 && <p className="muted">{words.t('studio.exp.learning.none')}</p>}
      {cards.map(([cid, card]) => (
        <div key={cid} className="card learning-card" data-testid="learning-card" data-card={cid} data-model-version={card.modelVersion ?? ''}>
          {LEARNING_PARTS.map((f) => (
            <TextField key={f} label={words.t(`studio.exp.learning.${f}`)} value={textOf(card[f], words.locale)} onSave={(t) => void editing.commit([updateRecord('learningCard', cid, { ...card, [f]: withText(card[f], t, words.locale) })])} testId={`learning-${f}`} long />
          ))}
          {card.modelVersion !== undefined && <p className="muted">{words.t('studio.exp.learning.version', { version: String(card.modelVersion) })}</p>}
        </div>
      ))}
      {draft && (
        <div className="card learning-card draft" data-testid="learning-draft" data-card={draft.id}>
          <p className={draft.draft.invented ? 'warning-note' : 'muted'}>{words.t(draft.draft.invented ? 'learn.draftedInvented' : 'learn.drafted', { experiment })}</p>
          {LEARNING_PARTS.map((f) => (
            <label key={f} className="field">
              <span>{words.t(`studio.exp.learning.${f}`)}</span>
              <textarea rows={f === 'learned' ? 5 : 3} value={textOf(draft.learningCard[f], words.locale)} onChange={(e) => edit(f, e.target.value)} data-testid={`draft-${f}`} data-user-text />
            </label>
          ))}
          {draft.draft.calibrations.length > 0 && <p className="muted">{words.t('studio.exp.learning.drafted', { parameters: draft.draft.calibrations.map((c) => c.parameter).join(', ') })}</p>}
          <div className="row">
            <button onClick={() => void keep()} data-testid="draft-keep">
              {words.t('studio.exp.learning.keep')}
            </button>
            <button onClick={() => setDraft(undefined)} data-testid="draft-discard">
              {words.t('studio.exp.learning.discard')}
            </button>
          </div>
        </div>
      )}
      <ErrorNote error={failure} />
      {!draft && (
        <button onClick={() => void drafting()} data-testid="learning-draft-make">
          {words.t('studio.exp.learning.draft')}
        </button>
      )}
    </section>
  );
}
