/**
 * Fair shares: what each actor captures (valueSharing) beside what the ecosystem's game says it
 * contributes (game.ts). The Shapley value is each actor's average marginal contribution over
 * every order in which the actors could have joined; the Banzhaf value its average over every
 * coalition it could join; the core verdict says whether some coalition would create more on
 * its own than today's split gives it.
 *
 * Both values are exact at any size: the game is a sum of unanimity terms, one per set of actors
 * a path needs, so each term is shared among its members in closed form. The core needs every
 * coalition: up to `coreExactUpTo` actors (20 in process; the CLI and the server take 25 through
 * worker threads and pass the chunks in), past it the likely coalitions only, said so. Sampling
 * random orders (with a seed and an error bound) is there to check the exact values on a large
 * game, and for games that are not sums of terms.
 */
import type { Ecosystem } from '../core/index.js';
import {
  banzhafOfTerms,
  coalitionValue,
  coreByEnumeration,
  coreBySearch,
  marginalRanges,
  sampledShapley,
  shapleyOfTerms,
  unanimityCoalitions,
  verdictOfChunks,
  type Bound,
  type ChunkSums,
} from '../stats/index.js';
import { ecosystemGame, type EcosystemGame } from './game.js';
import { valueSharing, type Concentration, type ValueSharing } from './sharing.js';

/** Most actors whose coalitions are all checked in this thread, and on worker threads (the surfaces). */
export const CORE_IN_PROCESS = 20;
export const CORE_IN_WORKERS = 25;

export interface FairShareOptions {
  npv?: boolean;
  /** Every coalition checked up to this many actors (default CORE_IN_PROCESS). */
  coreExactUpTo?: number;
  /** The enumerated chunks of the game with the captured split, worked out elsewhere (worker threads). */
  coreChunks?: readonly ChunkSums[];
  /** Also estimate the Shapley values from random orders. */
  sample?: SampleOptions;
  /** The game and split already made by fairShareInput (for a caller that enumerated its chunks elsewhere). */
  input?: FairShareInput;
}

export interface SampleOptions {
  seed: number;
  /** The largest error wanted on each actor's value (default 1 % of |value created|, or 1 if it is 0). */
  error?: number;
  bound?: Bound;
  delta?: number;
  maxOrders?: number;
}

/** The game and today's split (what each actor captures, in the order of the game's players). */
export interface FairShareInput {
  game: EcosystemGame;
  sharing: ValueSharing;
  split: Float64Array;
}

export function fairShareInput(ecosystem: Ecosystem, options: { npv?: boolean } = {}): FairShareInput {
  const npv = options.npv === true;
  const sharing = valueSharing(ecosystem, { npv });
  return { game: ecosystemGame(ecosystem, { npv }), sharing, split: Float64Array.from(sharing.actors, (a) => a.total) };
}

export interface ActorFairShare {
  actor: string;
  /** What it captures (valueSharing's total), split into money and non-money. */
  captured: number;
  money: number;
  nonMoney: number;
  share: number | undefined;
  shapley: number;
  /** captured − shapley: above zero, it captures more than its contribution. */
  gap: number;
  banzhaf: number;
  /** v({actor}): what it creates alone (its own single-actor paths less its costs). */
  alone: number;
}

export interface CoreCheck {
  /** 'every' coalition looked at, or only the 'likely' ones (every actor alone, everyone but one, each path's actors). */
  coalitions: 'every' | 'likely';
  looked: number;
  inCore: boolean;
  /** The coalition with the largest excess found: what it creates on its own, gets today, and the difference. */
  coalition?: string[];
  value?: number;
  captured?: number;
  excess?: number;
}

export interface SampledShares {
  seed: number;
  /** The error asked for. */
  asked: number;
  bound: Bound;
  delta: number;
  orders: number;
  /** The largest error bound over the actors, at confidence 1 − delta for all of them at once. */
  error: number;
  reached: boolean;
  actors: Array<{ actor: string; shapley: number; error: number }>;
}

export interface FairShare {
  currency: string;
  horizon: number;
  scale: 'total' | 'npv';
  /** v(every actor) = the value created, = Σ captured. */
  valueCreated: number;
  /** Distinct sets of needed actors (terms of the game), single-actor cost terms included. */
  terms: number;
  actors: ActorFairShare[];
  concentration: Concentration;
  core: CoreCheck;
  sampled?: SampledShares;
  /** Scenarios left out of the game (too many paths); the figures then leave their value out. */
  leftOut: string[];
}

export function fairShare(ecosystem: Ecosystem, options: FairShareOptions = {}): FairShare {
  const { game: built, sharing, split } = options.input ?? fairShareInput(ecosystem, options);
  const { game } = built;
  const shapley = shapleyOfTerms(game);
  const banzhaf = banzhafOfTerms(game);
  const rows = sharing.actors.map((a, i): ActorFairShare => ({
    actor: a.actor,
    captured: a.total,
    money: a.money,
    nonMoney: a.nonMoney,
    share: a.totalShare,
    shapley: shapley[i]!,
    gap: a.total - shapley[i]!,
    banzhaf: banzhaf[i]!,
    alone: coalitionValue(game, (j) => j === i),
  }));
  const result: FairShare = {
    currency: sharing.currency,
    horizon: sharing.horizon,
    scale: sharing.scale,
    valueCreated: sharing.valueCreated,
    terms: game.worth.length,
    actors: rows,
    concentration: sharing.concentration,
    core: coreCheck(built, split, options),
    leftOut: built.leftOut,
  };
  if (options.sample) result.sampled = sampled(built, options.sample, 0.01 * Math.abs(sharing.valueCreated) || 1);
  return result;
}

function coreCheck({ game, actors }: EcosystemGame, split: Float64Array, options: FairShareOptions): CoreCheck {
  const exactUpTo = options.coreExactUpTo ?? CORE_IN_PROCESS;
  const verdict = options.coreChunks ? verdictOfChunks(game, split, options.coreChunks) : game.players <= exactUpTo ? coreByEnumeration(game, split) : coreBySearch(game, split);
  return {
    coalitions: verdict.exhaustive ? 'every' : 'likely',
    looked: verdict.looked,
    inCore: verdict.inCore,
    ...(verdict.coalition ? { coalition: verdict.coalition.map((i) => actors[i]!), value: verdict.value!, captured: verdict.paid!, excess: verdict.excess! } : {}),
  };
}

function sampled({ game, actors }: EcosystemGame, options: SampleOptions, defaultError: number): SampledShares {
  const bound = options.bound ?? 'variance';
  const run = sampledShapley(unanimityCoalitions(game), {
    seed: options.seed,
    error: options.error ?? defaultError,
    bound,
    ranges: marginalRanges(game),
    ...(options.delta !== undefined ? { delta: options.delta } : {}),
    ...(options.maxOrders !== undefined ? { maxOrders: options.maxOrders } : {}),
  });
  return {
    seed: options.seed,
    asked: options.error ?? defaultError,
    bound,
    delta: run.delta,
    orders: run.orders,
    error: run.bound,
    reached: run.reached,
    actors: actors.map((actor, i) => ({ actor, shapley: run.shapley[i]!, error: run.bounds[i]! })),
  };
}
