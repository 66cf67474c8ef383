/** Actors: the nodes of the value network, with their activities and costs. */
import { z } from 'zod';
import { DESCRIPTION, Id, LABEL, NAME, Position, Provenance, Quantity } from './common.js';

export const ACTOR_KINDS = ['organisation', 'public-body', 'individual', 'segment', 'machine', 'platform'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who a segment's members are: people (the default) or organisations (banks, data providers). */
export const MEMBER_KINDS = ['people', 'organisations'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/**
 * One cost line of an actor. Exactly one of `fixed` (per period), `variable` (per occurrence of
 * the transaction named by `per`) or `investment` (one-off, at period `at`) is given.
 */
export const Cost = z.strictObject({
  name: z.string().meta({ description: 'What the cost is for.' }),
  fixed: Quantity.optional().meta({ description: 'Amount per period.' }),
  variable: Quantity.optional().meta({ description: 'Amount per occurrence of the transaction named in `per`.' }),
  per: Id.optional().meta({ description: 'The transaction whose occurrences drive a variable cost.' }),
  investment: Quantity.optional().meta({ description: 'One-off amount, spent at period `at`.' }),
  at: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .meta({ description: 'Period of a one-off investment; 0 (the default) is before the first period and is not discounted.' }),
  description: DESCRIPTION,
  ...Provenance,
});
export type Cost = z.infer<typeof Cost>;

export const Actor = z.strictObject({
  name: NAME,
  label: LABEL,
  kind: z.enum(ACTOR_KINDS).meta({ description: 'What sort of actor this is; a segment is a population with a size.' }),
  description: DESCRIPTION,
  size: Quantity.optional().meta({ description: 'Number of members of a market segment.' }),
  members: z
    .enum(MEMBER_KINDS)
    .optional()
    .meta({ description: 'Segment only: whether its members are people (the default) or organisations (format version 4).' }),
  activities: z.array(z.string()).optional().meta({ description: 'What the actor does (key activities).' }),
  resources: z.array(z.string()).optional().meta({ description: 'Key resources not visible as value objects.' }),
  relationship: z
    .string()
    .optional()
    .meta({ description: 'How the actor relates to its customers (e.g. self-service, community, personal assistance).' }),
  costs: z.array(Cost).optional(),
  position: Position.optional(),
});
export type Actor = z.infer<typeof Actor>;

/** Who the members of a segment are (people unless it says organisations). */
export function membersOf(actor: Actor): MemberKind {
  return actor.members ?? 'people';
}

export type CostKind = 'fixed' | 'variable' | 'investment';

/** Which kind a cost line is, or the list of kinds it mixes when it is malformed. */
export function costKinds(cost: Cost): CostKind[] {
  const kinds: CostKind[] = [];
  if (cost.fixed !== undefined) kinds.push('fixed');
  if (cost.variable !== undefined) kinds.push('variable');
  if (cost.investment !== undefined) kinds.push('investment');
  return kinds;
}
