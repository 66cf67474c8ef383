/**
 * The Risk tab: the model's saved version drawn many times over its assumptions' ranges, on the
 * server as two jobs (a risk run and a tornado), with a progress bar and a cancel button. Per
 * actor: its chance of losing money in words, its NPV histogram, the fan chart of its cumulative
 * position, break-even, deepest position and shortfall with their standard errors, and the
 * assumptions that drive it. Finished runs are kept by the server with the version they ran on:
 * opening the tab shows this version's without running again, or an older version's, marked so.
 */
import { useEffect, useRef, useState } from 'react';
import { actorName } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { formatNumber } from '../../../src/i18n/index.js';
import { formatFigure, formatMoney, formatPercent } from '../../../src/tables/index.js';
import { ApiError, type Api, type JobView, type RiskSettings, type Version } from '../api.js';
import { correlationNote, driversReading, rankingRows, SENSITIVITY_METHODS, sharePercent, shownResult, tornadoBars, type ActorRiskJson, type EffectJson, type RiskJson, type SavedSummary, type SensitivityJson, type SensitivityMethod } from '../logic/risk.js';
import { useWords, type Words } from '../words.js';
import { ActorChoice } from './ActorChoice.js';
import { ErrorNote } from './common.js';
import type { Selection } from './Graph.js';
import { RiskFan, RiskHistogram, RiskRanking, RiskTornado } from './RiskCharts.js';
import './risk.css';

/** What is on screen: a result, the version and settings it ran with, and how it ended. */
interface Shown<R> {
  /** The saved result's number; none for a cancelled run, which is not kept. */
  id?: number;
  version: number;
  settings: Record<string, string | number | boolean | null>;
  savedAt?: string;
  cancelled?: boolean;
  result: R;
}

/** The jobs running per model, so that leaving the tab and coming back finds them again. */
const running = new Map<string, { risk?: string; sensitivity?: string }>();
const POLL_MS = 250;
const DEFAULT_SETTINGS: RiskSettings = { runs: 10_000, seed: 1, sampling: 'lhs', ranges: true };

interface RiskProps {
  id: string;
  client: Api;
  version: Version;
  ecosystem: Ecosystem;
  actor: string | undefined;
  onSelect: (s: Selection) => void;
}

export function RiskView({ id, client, version, ecosystem, actor, onSelect }: RiskProps) {
  const words = useWords();
  const [settings, setSettings] = useState<RiskSettings>(DEFAULT_SETTINGS);
  // Written as typed: empty is no precision (the run draws all its futures).
  const [precision, setPrecision] = useState('');
  const [method, setMethod] = useState<SensitivityMethod>('tornado');
  const [risk, setRisk] = useState<Shown<RiskJson>>();
  const [tornado, setTornado] = useState<Shown<SensitivityJson>>();
  const [jobs, setJobs] = useState<{ risk?: JobView; sensitivity?: JobView }>({});
  const [failure, setFailure] = useState<unknown>();
  const [failed, setFailed] = useState<string>();
  const [round, setRound] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // On opening, and when the version changes: the jobs still running (a page reloaded during a
  // run), then the saved results this version should show for what is not running.
  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const found = await client.runningJobs(id);
        if (!current) return;
        for (const job of found) {
          const mine = running.get(id) ?? {};
          mine[job.kind] ??= job.id;
          running.set(id, mine);
          setJobs((j) => ({ ...j, [job.kind]: job }));
        }
        if (found.length > 0) setRound((r) => r + 1);
        const { results } = await client.results(id);
        const summaries = results as SavedSummary[];
        const pick = async <R,>(kind: 'risk' | 'sensitivity', set: (s: Shown<R> | undefined) => void) => {
          const chosen = shownResult(summaries, kind, version.number);
          if (!chosen) return;
          const saved = await client.result(id, chosen.id);
          if (current) set({ id: saved.id, version: saved.version, settings: saved.settings, savedAt: saved.savedAt, result: saved.result as R });
        };
        if (!running.get(id)?.risk) await pick<RiskJson>('risk', setRisk);
        if (!running.get(id)?.sensitivity) await pick<SensitivityJson>('sensitivity', setTornado);
      } catch (reason) {
        if (current) setFailure(reason);
      }
    })();
    return () => {
      current = false;
    };
  }, [client, id, version.number]);

  // The jobs of this model still running (started here, before the tab was left, or before a reload): polled until they end.
  useEffect(() => {
    const mine = running.get(id);
    if (!mine?.risk && !mine?.sensitivity) return;
    const timer = setTimeout(async () => {
      for (const kind of ['risk', 'sensitivity'] as const) {
        const job = mine[kind];
        if (!job) continue;
        try {
          const view = await client.job(job);
          if (!live.current) return;
          setJobs((j) => ({ ...j, [kind]: view }));
          if (view.status === 'running') continue;
          delete mine[kind];
          finish(kind, view);
        } catch (reason) {
          delete mine[kind];
          setFailure(reason);
        }
      }
      setRound((r) => r + 1);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [id, client, round]);

  const finish = (kind: 'risk' | 'sensitivity', view: JobView) => {
    if (view.status === 'failed') return setFailed(view.reference ?? '');
    if (view.result === undefined) return;
    const shown = { ...(view.saved !== undefined ? { id: view.saved } : {}), version: view.version, settings: view.settings ?? {}, savedAt: new Date().toISOString(), cancelled: view.status === 'cancelled', result: view.result };
    if (kind === 'risk') setRisk(shown as Shown<RiskJson>);
    else setTornado(shown as Shown<SensitivityJson>);
  };

  const start = async () => {
    setFailure(undefined);
    setFailed(undefined);
    try {
      const asked = precision.trim() === '' ? {} : { precision: Number(precision.trim().replace(',', '.')) };
      const riskJob = await client.startRisk(id, version.number, { ...settings, ...asked });
      const tornadoJob = await client.startSensitivity(id, version.number, { method, seed: settings.seed });
      running.set(id, { risk: riskJob.id, sensitivity: tornadoJob.id });
      setJobs({ risk: riskJob, sensitivity: tornadoJob });
      setRound((r) => r + 1);
    } catch (reason) {
      setFailure(reason);
    }
  };
  const cancel = async () => {
    const mine = running.get(id);
    for (const job of [mine?.risk, mine?.sensitivity]) if (job) await client.cancelJob(job).catch(setFailure);
  };

  // The settings the server refused, by the field its issues name.
  const faulty = new Set(failure instanceof ApiError ? (failure.body.issues ?? []).map((i) => String(i.path[0])) : []);
  // The precision's refusals carry no issue: their code names the field.
  if (failure instanceof ApiError && failure.body.code.startsWith('precision-')) faulty.add('precision');
  const field = (name: string) => `field inline${faulty.has(name) ? ' faulty' : ''}`;
  const busy = Boolean(running.get(id)?.risk || running.get(id)?.sensitivity);
  const riskJob = jobs.risk?.status === 'running' ? jobs.risk : undefined;
  const tornadoJob = jobs.sensitivity?.status === 'running' ? jobs.sensitivity : undefined;
  const { doc } = ecosystem;
  const actors = risk?.result.actors ?? [];
  const shownActor = actors.find((a) => a.actor === actor) ?? actors.find((a) => a.role === 'business') ?? actors[0];
  return (
    <div className="risk" data-testid="risk" data-busy={busy} data-result-version={risk?.version ?? ''}>
      <p className="muted">{words.t('studio.risk.intro')}</p>
      <form
        className="risk-settings"
        // The server checks the settings and says what is wrong in the page's language, on the field.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className={field('runs')} data-field="runs">
          <span>{words.t('studio.risk.runs')}</span>
          <input type="number" min={1} step={1} value={settings.runs} data-testid="risk-runs" onChange={(e) => setSettings({ ...settings, runs: Number(e.target.value) })} />
        </label>
        <label className={field('seed')} data-field="seed">
          <span>{words.t('studio.risk.seed')}</span>
          <input type="number" min={0} step={1} value={settings.seed} data-testid="risk-seed" onChange={(e) => setSettings({ ...settings, seed: Number(e.target.value) })} />
        </label>
        <label className={field('sampling')} data-field="sampling">
          <span>{words.t('studio.risk.sampling')}</span>
          <select value={settings.sampling} data-testid="risk-sampling" onChange={(e) => setSettings({ ...settings, sampling: e.target.value as RiskSettings['sampling'] })}>
            {(['lhs', 'mc', 'sobol'] as const).map((s) => (
              <option key={s} value={s}>
                {words.t(`risk.sampling.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={field('precision')} data-field="precision">
          <span>{words.t('studio.risk.precision')}</span>
          <input type="text" inputMode="decimal" value={precision} placeholder="0.005" data-testid="risk-precision" onChange={(e) => setPrecision(e.target.value)} />
        </label>
        <label className={field('method')} data-field="method">
          <span>{words.t('studio.risk.method')}</span>
          <select value={method} data-testid="risk-method" onChange={(e) => setMethod(e.target.value as SensitivityMethod)}>
            {SENSITIVITY_METHODS.map((m) => (
              <option key={m} value={m}>
                {words.t(`studio.risk.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={field('ranges')} data-field="ranges">
          <input type="checkbox" checked={settings.ranges} data-testid="risk-ranges" onChange={(e) => setSettings({ ...settings, ranges: e.target.checked })} />
          <span>{words.t('studio.risk.ranges')}</span>
        </label>
        <button type="submit" disabled={busy} data-testid="risk-run">
          {words.t('studio.risk.run')}
        </button>
        <button type="button" className="small" disabled={!busy} onClick={() => void cancel()} data-testid="risk-cancel">
          {words.t('studio.risk.cancel')}
        </button>
      </form>
      {riskJob && (
        <div className="risk-progress" data-testid="risk-progress">
          <progress max={Math.max(1, riskJob.progress.total)} value={riskJob.progress.done} />
          <span>{words.t('studio.risk.progress', { done: words.n(riskJob.progress.done), total: words.n(riskJob.progress.total) })}</span>
        </div>
      )}
      {tornadoJob && tornadoJob.progress.total > 0 && (
        <p className="muted" data-testid="tornado-progress">
          {words.t('studio.risk.tornadoProgress', { done: words.n(tornadoJob.progress.done), total: words.n(tornadoJob.progress.total) })}
        </p>
      )}
      <ErrorNote error={failure} />
      {failed !== undefined && <p className="error">{words.t('studio.risk.failed', { reference: failed })}</p>}
      {!risk && !busy && <p className="muted" data-testid="risk-none">{words.t('studio.risk.none')}</p>}
      {risk && (
        <>
          <RunNote shown={risk} latest={version.number} words={words} />
          <ul className="risk-overview" data-testid="risk-overview">
            {risk.result.actors.map((a) => (
              <li key={a.actor} data-actor={a.actor} data-testid="risk-loss" data-loss={a.role === 'business' ? a.lossProbability.value : ''}>
                {sentence(a, risk.result.draws, doc.currency, words, actorName(doc, a.actor))}
              </li>
            ))}
          </ul>
          {shownActor && (
            <>
              <ActorChoice doc={doc} actor={shownActor.actor} onSelect={onSelect} />
              <ActorDetail headline={sentence(shownActor, risk.result.draws, doc.currency, words, actorName(doc, shownActor.actor))} actor={shownActor} risk={risk.result} tornado={tornado} latest={version.number} ecosystem={ecosystem} words={words} />
            </>
          )}
          {risk.result.assumptions.held.length > 0 && <p className="muted">{words.t('studio.risk.held', { parameters: risk.result.assumptions.held.map((h) => h.parameter).join(', ') })}</p>}
          <p className="muted">{words.t('studio.risk.errorsNote')}</p>
        </>
      )}
    </div>
  );
}

/** The run's version, settings and date; stale when the model has moved on since; cancelled, not kept. */
function RunNote({ shown, latest, words }: { shown: Shown<RiskJson>; latest: number; words: Words }) {
  const { result } = shown;
  if (shown.cancelled) return <p className="warning" data-testid="risk-cancelled">{words.t('studio.risk.cancelled', { draws: words.n(result.draws), runs: words.n(result.runs) })}</p>;
  const when = shown.savedAt ? new Date(shown.savedAt).toLocaleString(words.locale) : '';
  return (
    <>
      <p className="muted" data-testid="risk-ran-on" data-version={shown.version}>
        {words.t('studio.risk.ranOn', { version: shown.version, runs: words.n(result.draws), sampling: words.t(`risk.sampling.${result.sampling}`), seed: result.seed, when })}
      </p>
      {result.stoppedBy === 'precision' && (
        <p className="muted" data-testid="risk-precision-stop">
          {words.t('studio.risk.stoppedAtPrecision', { draws: words.n(result.draws), runs: words.n(result.runs), precision: formatPercent(words.locale, Number(shown.settings.precision)) })}
        </p>
      )}
      {shown.version < latest && (
        <p className="warning" data-testid="risk-stale" data-version={shown.version}>
          {words.t('studio.risk.stale', { version: shown.version, latest })}
        </p>
      )}
    </>
  );
}

/** A share of futures in words: 41 %, 0.4 %, 99.6 %. */
function share(words: Words, p: number): string {
  const { percent, digits } = sharePercent(p);
  return `${formatNumber(words.locale, percent, digits)}${words.locale === 'fr' ? '\u202f' : ' '}%`;
}

function sentence(a: ActorRiskJson, draws: number, currency: string, words: Words, name: string): string {
  const runs = words.n(draws);
  if (a.role === 'segment') {
    const g = a.gain.percentiles;
    return words.t('studio.risk.segmentGain', { actor: name, low: formatMoney(words.locale, g.p5.value), high: formatMoney(words.locale, g.p95.value), median: formatMoney(words.locale, g.p50.value), currency, runs });
  }
  if (a.lossProbability.value === 0) return words.t('studio.risk.noLoss', { actor: name, runs });
  return words.t('studio.risk.loss', { actor: name, share: share(words, a.lossProbability.value), runs });
}

function ActorDetail({ headline, actor, risk, tornado, latest, ecosystem, words }: { headline: string; actor: ActorRiskJson; risk: RiskJson; tornado: Shown<SensitivityJson> | undefined; latest: number; ecosystem: Ecosystem; words: Words }) {
  const { doc } = ecosystem;
  const currency = doc.currency;
  const money = (x: number) => formatMoney(words.locale, x);
  const pct = (x: number) => formatPercent(words.locale, x);
  const ranked = tornado?.result.actors.find((a) => a.actor === actor.actor);
  const method = tornado?.result.method ?? 'tornado';
  const bars = ranked && method === 'tornado' ? tornadoBars(ranked.ranking.flatMap((e) => (e.method === 'tornado' ? [e] : []))) : [];
  const rows = ranked && method !== 'tornado' ? rankingRows(ranked.ranking) : [];
  const correlated = tornado ? correlationNote(tornado.result) : undefined;
  const spread = actor.role === 'business' ? actor.npv : actor.gain;
  const reading = driversReading(actor.drivers);
  const fig = (x: number) => formatNumber(words.locale, x, 2);
  return (
    <div className="risk-actor" data-testid="risk-actor" data-actor={actor.actor}>
      <h3>{actorName(doc, actor.actor)}</h3>
      <p className="risk-headline" data-testid="risk-headline">
        {headline}
      </p>
      <ul className="figures" data-testid="risk-figures">
        {actor.role === 'business' && (
          <>
            <li data-figure="loss">{words.t('studio.risk.figure.loss', { value: pct(actor.lossProbability.value), error: pct(actor.lossProbability.standardError) })}</li>
            <li data-figure="break-even">{words.t('studio.risk.figure.breakEven', { value: pct(actor.breakEven.probability.value), error: pct(actor.breakEven.probability.standardError) })}</li>
          </>
        )}
        <li data-figure="npv">
          {words.t('studio.risk.figure.npv', { median: money(spread.percentiles.p50.value), error: money(spread.percentiles.p50.standardError), low: money(spread.percentiles.p5.value), high: money(spread.percentiles.p95.value), currency })}
        </li>
        {actor.role === 'business' && (
          <>
            <li data-figure="deepest">{words.t('studio.risk.figure.deepest', { median: money(actor.deepest.percentiles.p50.value), error: money(actor.deepest.percentiles.p50.standardError), currency })}</li>
            <li data-figure="shortfall">{words.t('studio.risk.figure.shortfall', { value: money(actor.deepest.expectedShortfall.value), error: money(actor.deepest.expectedShortfall.standardError), currency })}</li>
          </>
        )}
      </ul>
      <h3>{words.t(actor.role === 'business' ? 'studio.risk.histogram' : 'studio.risk.histogramGain', { currency })}</h3>
      <RiskHistogram histogram={actor.histogram} xLabel={words.t('studio.risk.amount', { currency })} />
      <h3>{words.t('studio.risk.fan', { currency })}</h3>
      <RiskFan fan={actor.fan} xLabel={words.t('studio.period', { period: doc.period })} />
      <h3>{words.t('studio.risk.drivers')}</h3>
      {reading?.kind === 'drivers' && (
        <div data-testid="risk-drawn-drivers" data-reading="drivers">
          <p>{words.t('studio.risk.drawnDrivers', { draws: words.n(reading.draws) })}</p>
          <ul className="risk-drivers">
            {reading.drivers.map((d) => (
              <li key={d.parameter} data-parameter={d.parameter}>
                {words.t('studio.risk.drawnDriver', { parameter: d.parameter, rho: fig(d.spearman), src: fig(d.src), prcc: fig(d.prcc) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {reading?.kind === 'constant' && (
        <p className="muted" data-testid="risk-drawn-drivers" data-reading="constant">
          {words.t(actor.role === 'business' ? 'studio.risk.driversNone' : 'studio.risk.driversNoneSegment')}
        </p>
      )}
      {reading?.kind === 'noise' && (
        <p className="muted" data-testid="risk-drawn-drivers" data-reading="noise">
          {words.t('studio.risk.noDrawnDriver', { draws: words.n(reading.draws) })}
        </p>
      )}
      {tornado && tornado.version < latest && <p className="warning">{words.t('studio.risk.tornadoStale', { version: tornado.version })}</p>}
      {correlated && (
        <p className="warning" data-testid="risk-correlated" data-method={correlated.method}>
          {words.t(`studio.risk.correlated.${correlated.method}`, { parameters: correlated.parameters.join(', ') })}
        </p>
      )}
      {ranked && bars.length === 0 && rows.length === 0 && <p className="muted">{words.t('studio.risk.noDrivers')}</p>}
      {rows.length > 0 && method !== 'tornado' && (
        <>
          <p className="muted">{words.t(`studio.risk.ranking.${method}`, { runs: words.n(tornado!.result.runs ?? 0), currency })}</p>
          <ol className="risk-drivers" data-testid="risk-ranked" data-method={method}>
            {ranked!.ranking.filter((e) => rows.some((r) => r.parameter === e.parameter)).sort((a, b) => b.measure - a.measure).map((e) => (
              <li key={e.parameter} data-parameter={e.parameter}>
                {rankLine(e, words, fig, money)}
              </li>
            ))}
          </ol>
          <RiskRanking rows={rows} method={method} />
        </>
      )}
      {bars.length > 0 && (
        <>
          <ol className="risk-drivers" data-testid="risk-drivers">
            {bars.slice(0, 5).map((b) => (
              <li key={b.parameter} data-parameter={b.parameter}>
                {words.t(actor.role === 'business' ? 'studio.risk.driver' : 'studio.risk.driverGain', { parameter: b.parameter, low: formatFigure(words.locale, b.low), high: formatFigure(words.locale, b.high), atLow: money(b.atLow), atHigh: money(b.atHigh) })}
              </li>
            ))}
          </ol>
          <p className="muted">{words.t('studio.risk.tornado', { currency })}</p>
          <RiskTornado bars={bars} base={ranked!.base} />
        </>
      )}
      {risk.failed > 0 && <p className="warning">{words.t('risk.failed', { failed: words.n(risk.failed), runs: words.n(risk.draws), codes: (risk.failure ?? []).join(', ') })}</p>}
    </div>
  );
}

/** One assumption of a regression, Morris or Sobol ranking in words, with its method's figures. */
function rankLine(e: EffectJson, words: Words, fig: (x: number) => string, money: (x: number) => string): string {
  switch (e.method) {
    case 'regression': return words.t('studio.risk.rank.regression', { parameter: e.parameter, rho: fig(e.spearman), src: fig(e.src), prcc: fig(e.prcc) });
    case 'morris': return words.t('studio.risk.rank.morris', { parameter: e.parameter, muStar: money(e.muStar), error: money(e.muStarError), sigma: money(e.sigma) });
    case 'sobol': return words.t('studio.risk.rank.sobol', { parameter: e.parameter, first: fig(e.first.value), firstLow: fig(e.first.low), firstHigh: fig(e.first.high), total: fig(e.total.value), totalLow: fig(e.total.low), totalHigh: fig(e.total.high) });
    case 'tornado': return e.parameter;
  }
}
