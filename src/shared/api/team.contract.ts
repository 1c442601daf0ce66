import { z } from 'zod';
import { userRoles } from './enums';

const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });

/** Kinds of team on our side. */
export const teamKinds = ['csm', 'support', 'onboarding', 'services', 'education'] as const;
export type TeamKind = (typeof teamKinds)[number];

/** A team, as GET /api/v1/teams lists them (by name). */
export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(teamKinds),
  members: z.number().int().describe('People in the team (deactivated users included)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamListSchema = z.object({ items: z.array(teamSchema) });
export type TeamList = z.infer<typeof teamListSchema>;

const teamName = z.string().trim().min(1, 'give the team a name').max(100, 'at most 100 characters');

/** Body of POST /api/v1/teams. */
export const teamCreateSchema = z.strictObject({ name: teamName, kind: z.enum(teamKinds) });
export type TeamCreate = z.infer<typeof teamCreateSchema>;

/** Body of PUT /api/v1/teams/:id. */
export const teamUpdateSchema = z
  .strictObject({ name: teamName.optional(), kind: z.enum(teamKinds).optional() })
  .refine((body) => body.name !== undefined || body.kind !== undefined, {
    message: 'send a name, a kind, or both',
  });
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;

/** How many accounts a person looks after, per role. */
export const personAccountCountsSchema = z.object({
  csm: z.number().int().describe('Accounts they own (accounts.owner_id), churned ones excluded'),
  executiveSponsor: z.number().int(),
  onboardingLead: z.number().int(),
  supportLead: z.number().int(),
});

/** One of our people, as the team page shows them. */
export const personSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  title: z.string().nullable(),
  team: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(teamKinds) }).nullable(),
  manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  responsibilities: z.string().nullable(),
  coversTiers: z.array(z.string()).describe('Tier names this person may own; empty means every tier'),
  workloadCapacity: z.number().nullable().describe('Workload units; null means the workspace default'),
  disabled: z.boolean(),
  accounts: personAccountCountsSchema,
});
export type Person = z.infer<typeof personSchema>;
export const personListSchema = z.object({ items: z.array(personSchema) });
export type PersonList = z.infer<typeof personListSchema>;

/** Body of PATCH /api/v1/people/:id: any of these; null clears a field. */
export const personUpdateSchema = z
  .strictObject({
    teamId: uuid('a team').nullable().optional(),
    managerId: uuid('a user').nullable().optional(),
    title: z.string().trim().max(200, 'at most 200 characters').nullable().optional(),
    responsibilities: z.string().trim().max(2000, 'at most 2,000 characters').nullable().optional(),
    coversTiers: z
      .array(z.string().trim().min(1, 'a tier name'))
      .max(100)
      .optional()
      .describe('Tier names from GET /api/v1/tiers; [] means every tier'),
    workloadCapacity: z
      .number()
      .positive('above 0 workload units, or null for the workspace default')
      .max(1000, 'at most 1,000 workload units')
      .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, 'at most two decimals')
      .nullable()
      .optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'send at least one field to change',
  });
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

/** Who looks after an account on our side, by role. */
export const accountRoles = ['csm', 'executive_sponsor', 'onboarding_lead', 'support_lead'] as const;
export type AccountRole = (typeof accountRoles)[number];
export const accountRoleLabels: Readonly<Record<AccountRole, string>> = {
  csm: 'CSM',
  executive_sponsor: 'Executive sponsor',
  onboarding_lead: 'Onboarding lead',
  support_lead: 'Support lead',
};

export const accountAssignmentSchema = z.object({
  role: z.enum(accountRoles),
  label: z.string(),
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  since: z.string().nullable().describe('When this person got the role; null when unknown or unassigned'),
});
export type AccountAssignment = z.infer<typeof accountAssignmentSchema>;

/** GET /api/v1/accounts/:id/assignments: every role, assigned or not, in the order of accountRoles. */
export const accountAssignmentsSchema = z.object({
  accountId: z.uuid(),
  items: z.array(accountAssignmentSchema),
});
export type AccountAssignments = z.infer<typeof accountAssignmentsSchema>;

/** Body of PUT /api/v1/accounts/:id/assignments: give a role to a user, or null to clear it. */
export const accountAssignmentChangeSchema = z.strictObject({
  role: z.enum(accountRoles),
  userId: uuid('a user').nullable(),
});
export type AccountAssignmentChange = z.infer<typeof accountAssignmentChangeSchema>;
