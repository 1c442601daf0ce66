/** Value lists shared by the server schema, the API contracts and the web app. */
export const accountStatuses = ['prospect', 'onboarding', 'active', 'churned'] as const;
export const contactRoles = [
  'champion',
  'decision_maker',
  'exec_sponsor',
  'power_user',
  'billing',
  'user',
] as const;
export const activityKinds = ['call', 'meeting', 'email', 'note', 'ebr', 'qbr', 'training'] as const;
export const billingIntervals = ['month', 'quarter', 'year'] as const;
export const subscriptionStatuses = ['active', 'cancelled', 'trial'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const ticketStatuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const surveyKinds = ['nps', 'csat', 'ces', 'custom'] as const;
export const userRoles = ['admin', 'manager', 'csm', 'viewer'] as const;

export type AccountStatus = (typeof accountStatuses)[number];
export type ContactRole = (typeof contactRoles)[number];
export type ActivityKind = (typeof activityKinds)[number];
export type UserRole = (typeof userRoles)[number];
/** Events an outbound webhook can subscribe to (docs/webhooks.md says when each is sent). */
export const webhookEventTypes = [
  'account.health_band_changed',
  'account.churned',
  'account.stage_changed',
  'survey.response_received',
  'import.completed',
] as const;
/** `json`: Cycle's signed event envelope; `slack`: a Slack incoming-webhook message (`{ text }`). */
export const webhookFormats = ['json', 'slack'] as const;
export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
/** How a tier is served: high touch (a named CSM, EBRs), low touch (pooled CSMs), tech touch (digital). */
export const touchModels = ['high', 'low', 'tech'] as const;
export type TouchModel = (typeof touchModels)[number];
/** Dynamic segments follow a rule; static ones are hand-picked lists. */
export const segmentKinds = ['dynamic', 'static'] as const;
/** Who on our side looks after an account besides its CSM (accounts.owner_id) and exec sponsor. */
export const accountAssignmentRoles = ['onboarding_lead', 'support_lead'] as const;
/** Why an account entered a lifecycle stage: its entry rule, a person, or an import. */
export const stageChangeSources = ['rule', 'manual', 'import'] as const;
