import { z } from 'zod';
import { metricValueSchema } from './metrics.contract';

/**
 * Contracts of the Home page (/api/v1/home/…): a CSM's book of business and the team's view.
 * Money is in minor units of `reportingCurrency`; "now" is the server's clock, days count in UTC.
 */

/** A band of the default scorecard, worst first (its colour follows its position). */
export const homeBandSchema = z.object({ name: z.string(), lower: z.number(), upper: z.number() });

/** The latest health of an account, or nulls when it is not scored. */
const healthFields = {
  score: z.number().nullable().describe('Rounded to 2 decimals'),
  band: z.string().nullable(),
};

export const homeRenewalSchema = z.object({
  accountId: z.uuid(),
  name: z.string(),
  ownerName: z.string().nullable(),
  renewalDate: z.string(),
  /** Whole UTC days from today to the renewal date (0 = today). */
  daysLeft: z.number().int(),
  arrMinor: z.number().int(),
  ...healthFields,
});
export type HomeRenewal = z.infer<typeof homeRenewalSchema>;

export const homeRenewalsSchema = z.object({
  /** Renewals from today through `through` (90 days ahead), soonest first, at most 50 listed. */
  through: z.string(),
  total: z.number().int(),
  arrMinor: z.number().int().describe('ARR of every renewal in the window, not only the listed ones'),
  items: z.array(homeRenewalSchema),
});

export const homeAtRiskSchema = z.object({
  accountId: z.uuid(),
  name: z.string(),
  score: z.number(),
  band: z.string(),
  arrMinor: z.number().int(),
  renewalDate: z.string().nullable(),
  /** The measure that cost the most points (its name and raw value in words), or null when none did. */
  topReason: z.string().nullable(),
});
export type HomeAtRisk = z.infer<typeof homeAtRiskSchema>;

export const homeChangeKinds = ['band', 'ticket', 'escalation', 'churn', 'detractor'] as const;
export type HomeChangeKind = (typeof homeChangeKinds)[number];

export const homeChangeSchema = z.object({
  kind: z.enum(homeChangeKinds),
  /** When it happened (ISO timestamp; for a churn, the start of its UTC day). */
  at: z.string(),
  accountId: z.uuid(),
  accountName: z.string(),
  /** What happened, in a sentence without the account's name. */
  title: z.string(),
  /** For a band change: 'up' or 'down' (by score); otherwise null. */
  direction: z.enum(['up', 'down']).nullable(),
});
export type HomeChange = z.infer<typeof homeChangeSchema>;

export const homeBookQuerySchema = z.strictObject({
  owner: z
    .union([z.literal('me'), z.uuid({ message: 'must be "me" or a user id' })])
    .default('me')
    .describe('Whose book: "me" (default) or a user id'),
});

export const homeBookSchema = z.object({
  owner: z.object({ id: z.uuid(), name: z.string() }),
  reportingCurrency: z.string().length(3),
  generatedAt: z.string(),
  /** Accounts the owner holds that have not churned (active, onboarding, prospect). */
  accounts: z.number().int(),
  arrMinor: z.number().int(),
  health: z.object({
    bands: z.array(homeBandSchema.extend({ accounts: z.number().int(), arrMinor: z.number().int() })),
    scored: z.number().int(),
    notScored: z.number().int(),
  }),
  renewals: homeRenewalsSchema,
  /** Accounts in the worst band, lowest score first (at most 8), and how many there are. */
  atRisk: z.object({ total: z.number().int(), items: z.array(homeAtRiskSchema) }),
  /** The last 24 hours: band changes, new tickets and escalations, churns, NPS detractors; newest first, at most 50. */
  changes: z.object({ since: z.string(), total: z.number().int(), items: z.array(homeChangeSchema) }),
});
export type HomeBook = z.infer<typeof homeBookSchema>;

export const homeOwnerHealthSchema = z.object({
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  /** Accounts scored or not, of the statuses that are scored (active, onboarding). */
  accounts: z.number().int(),
  /** Scored accounts per band name. */
  bands: z.record(z.string(), z.number().int()),
  notScored: z.number().int(),
});
export type HomeOwnerHealth = z.infer<typeof homeOwnerHealthSchema>;

export const homeTeamSchema = z.object({
  reportingCurrency: z.string().length(3),
  generatedAt: z.string(),
  /** The last 12 full months, from the metrics service (docs/metrics.md). */
  retention: z.object({
    from: z.string(),
    to: z.string(),
    nrr: metricValueSchema,
    grr: metricValueSchema,
    logoChurnRate: metricValueSchema,
    churnedLogos: z.number().int(),
    customersEnd: z.number().int(),
    arrEndMinor: z.number().int(),
    warnings: z.number().int().describe('Data-quality warnings on the metrics page'),
  }),
  bands: z.array(homeBandSchema),
  healthByOwner: z.array(homeOwnerHealthSchema),
  renewals: homeRenewalsSchema,
});
export type HomeTeam = z.infer<typeof homeTeamSchema>;
