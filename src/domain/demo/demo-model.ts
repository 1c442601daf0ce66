/**
 * The plain-object data model of the demo workspace. Days are UTC day numbers (see calendar.ts),
 * instants are milliseconds since the epoch, money is an integer in minor units of `currency`.
 * Every row carries the external id it is stored under with source 'demo'.
 */

export type DemoTier = 'Enterprise' | 'Mid-Market' | 'SMB';
export type DemoTouchModel = 'high' | 'low' | 'tech';
export type DemoAccountStatus = 'onboarding' | 'active' | 'churned';
/** Lifecycle stage names, as kept in accounts.lifecycle_stage and lifecycle_stages.name. */
export type DemoLifecycleStage = 'Handoff' | 'Onboarding' | 'Adoption' | 'Value' | 'Renewal' | 'Advocacy';
export type DemoTrajectory = 'steady' | 'growing' | 'declining' | 'churning';
export type DemoCurrency = 'USD' | 'EUR' | 'GBP';
export type DemoBillingInterval = 'month' | 'quarter' | 'year';
export type DemoContactRole =
  'champion' | 'decision_maker' | 'exec_sponsor' | 'power_user' | 'billing' | 'user';
export type DemoTicketStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type DemoTicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type DemoActivityKind = 'call' | 'meeting' | 'email' | 'note' | 'ebr' | 'qbr' | 'training';
export type DemoUserRole = 'admin' | 'manager' | 'csm' | 'viewer';
export type DemoTeamKind = 'csm' | 'support' | 'onboarding' | 'services' | 'education';
export type DemoAssignmentRole = 'onboarding_lead' | 'support_lead';

/** Options after defaults and validation. */
export interface DemoSettings {
  seed: number;
  accounts: number;
  /** Months of revenue history, counting the current month. */
  months: number;
  /** Days of daily usage kept before today (capped by each account's life). */
  usageDays: number;
  /** Today, as a day number; nothing is dated after today's end. */
  today: number;
  /** First day of the history window: the first of the month `months − 1` months ago. */
  windowStart: number;
}

export interface DemoTeam {
  key: string;
  id: string;
  name: string;
  kind: DemoTeamKind;
}

export interface DemoUser {
  key: string;
  id: string;
  email: string;
  name: string;
  title: string;
  role: DemoUserRole;
  teamKey: string;
  /** Accounts this person can carry; null for people without a book. */
  accountCapacity: number | null;
  /** The person's manager (the CS leader for everyone else); null for the leader. */
  managerId: string | null;
  responsibilities: string;
  /** Tiers a CSM may own accounts of; empty for people without a book. */
  coversTiers: DemoTier[];
  /** Workload units this person carries; null means the workspace default (30). */
  workloadCapacity: number | null;
}

export interface DemoAccount {
  index: number;
  id: string;
  externalId: string;
  name: string;
  domain: string;
  parentId: string | null;
  crmId: string;
  billingId: string;
  supportId: string;
  industry: string;
  region: string;
  ownerId: string;
  /** The day the current owner took the account: its creation day, or later after a reassignment. */
  ownerSinceDay: number;
  execSponsorId: string | null;
  status: DemoAccountStatus;
  tier: DemoTier;
  segment: string;
  /** Null once the account has churned. */
  lifecycleStage: DemoLifecycleStage | null;
  renewalDate: number | null;
  /** Null while onboarding is not finished. */
  goLiveDate: number | null;
  traits: Record<string, string | number | boolean>;
  /** When the account was created: its first contract start. */
  createdDay: number;
}

export interface DemoContact {
  id: string;
  externalId: string;
  accountId: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  phone: string;
  roles: DemoContactRole[];
  isAdvocate: boolean;
  createdDay: number;
}

export interface DemoSubscription {
  id: string;
  externalId: string;
  accountId: string;
  product: string;
  plan: string;
  /** Price per billing interval, minor units. */
  amountMinor: number;
  currency: DemoCurrency;
  billingInterval: DemoBillingInterval;
  seats: number | null;
  startDay: number;
  /** Exclusive; null while it runs on. */
  endDay: number | null;
  status: 'active' | 'cancelled';
}

export interface DemoChurnEvent {
  id: string;
  externalId: string;
  accountId: string;
  churnedDay: number;
  churnedMrrMinor: number;
  currency: DemoCurrency;
  reasonCode: string;
  notes: string;
}

export interface DemoTicket {
  id: string;
  externalId: string;
  accountId: string;
  subject: string;
  status: DemoTicketStatus;
  priority: DemoTicketPriority;
  requesterEmail: string | null;
  channel: string;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  escalated: boolean;
  csatScore: number | null;
}

export interface DemoSurveyResponse {
  id: string;
  externalId: string;
  accountId: string;
  contactId: string | null;
  surveyKind: 'nps' | 'csat';
  surveyName: string;
  score: number;
  comment: string | null;
  respondedAt: number;
}

export interface DemoActivity {
  id: string;
  externalId: string;
  accountId: string;
  kind: DemoActivityKind;
  subject: string;
  body: string | null;
  outcome: string | null;
  occurredAt: number;
  userId: string;
  contactIds: string[];
}

/** One row of usage_daily; `featureCounts[i]` counts DEMO_FEATURES[i] and they sum to eventCount. */
export interface DemoUsageDay {
  accountId: string;
  day: number;
  activeUsers: number;
  eventCount: number;
  featureCounts: number[];
}

/** An account and every row that hangs off it. */
export interface DemoAccountBundle {
  account: DemoAccount;
  /** The hidden story behind the rows, for tests and documentation. */
  story: DemoAccountStory;
  contacts: DemoContact[];
  subscriptions: DemoSubscription[];
  churnEvents: DemoChurnEvent[];
  tickets: DemoTicket[];
  surveyResponses: DemoSurveyResponse[];
  activities: DemoActivity[];
  usageDays: DemoUsageDay[];
  /** Every stage the account went through, oldest first; the last is open unless it churned. */
  stageHistory: DemoStageSpell[];
  /** Who else looks after the account: onboarding lead, support lead. */
  assignments: DemoAssignment[];
}

/** A stretch of days an account spent in one lifecycle stage: [enteredDay, leftDay). */
export interface DemoStageSpell {
  stage: DemoLifecycleStage;
  enteredDay: number;
  /** Null while the account is still in the stage. */
  leftDay: number | null;
}

/** A person on our side with a role on the account besides its owner CSM. */
export interface DemoAssignment {
  role: DemoAssignmentRole;
  userId: string;
  sinceDay: number;
}

/** What happens to an account over the window; the rows are drawn from it. */
export interface DemoAccountStory {
  trajectory: DemoTrajectory;
  startDay: number;
  /** The day revenue stopped (first day without a subscription); null if it never churned. */
  churnDay: number | null;
  /** The day a churned account came back, if it did. */
  reactivationDay: number | null;
  /** The day onboarding finished; null while still onboarding. */
  goLiveDay: number | null;
  /**
   * Engagement (0–1) moves linearly from `baseEngagement` to `targetEngagement` between these
   * days: growth for growing accounts, decline for declining and churning ones; null when steady.
   */
  shiftStartDay: number | null;
  shiftEndDay: number | null;
  baseEngagement: number;
  targetEngagement: number;
  /** Seats bought at the start. */
  initialSeats: number;
  touchModel: DemoTouchModel;
  currency: DemoCurrency;
  billingInterval: DemoBillingInterval;
}

export interface DemoCounts {
  accounts: number;
  users: number;
  contacts: number;
  subscriptions: number;
  tickets: number;
  surveyResponses: number;
  activities: number;
  usageDays: number;
  churnEvents: number;
  stageHistory: number;
  assignments: number;
}
