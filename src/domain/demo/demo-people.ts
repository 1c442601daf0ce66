import type { DemoTeam, DemoTier, DemoUser } from './demo-model';
import { SeededRandom } from './seeded-random';

/** Stream numbers that keep each kind of draw independent of the others. */
export const DEMO_STREAMS = { people: 1, accountId: 2, account: 3 } as const;

export const DEMO_EMAIL_DOMAIN = 'demo.cycle';

/** The demo CS organisation: who is who, and how owners share the book of business. */
export interface DemoPeople {
  teams: DemoTeam[];
  users: DemoUser[];
  /** The CS leader (exec sponsor on our side for strategic accounts); manages everyone else. */
  leader: DemoUser;
  /** Runs kickoffs and trainings while an account onboards; its onboarding lead. */
  onboardingSpecialist: DemoUser;
  /** Support lead of every enterprise account. */
  supportLead: DemoUser;
  /** CSMs who own accounts, with their share of each tier. */
  owners: DemoOwner[];
}

export interface DemoOwner {
  user: DemoUser;
  /** Relative share of new accounts of each tier this CSM takes (0 for tiers the CSM does not cover). */
  tierWeights: Readonly<Record<DemoTier, number>>;
  /**
   * Workload units per 100 demo accounts from which this CSM takes no more new accounts; null: no
   * limit. It pins the capacity story (one CSM over capacity) whatever the day and the draws.
   */
  workloadLimitPer100Accounts: number | null;
}

interface PersonSpec {
  key: string;
  name: string;
  title: string;
  role: DemoUser['role'];
  teamKey: string;
  accountCapacity: number | null;
  responsibilities: string;
  workloadCapacity?: number;
  tierWeights?: Readonly<Record<DemoTier, number>>;
  workloadLimitPer100Accounts?: number;
}

const TEAM_SPECS: readonly Omit<DemoTeam, 'id'>[] = [
  { key: 'cs', name: 'Customer Success', kind: 'csm' },
  { key: 'support', name: 'Support', kind: 'support' },
  { key: 'onboarding', name: 'Onboarding', kind: 'onboarding' },
  { key: 'services', name: 'Professional Services', kind: 'services' },
  { key: 'education', name: 'Customer Education', kind: 'education' },
];

// Enterprise CSMs cover Enterprise and Mid-Market, the pooled CSM Mid-Market and SMB, the digital
// CSM SMB only. Maya carries half a book (15 workload units) and takes a large share of new
// accounts until her workload reaches 6.1 units per 100 accounts: at the default 300 accounts that
// is 120–140% of her capacity, while Daniel, who covers the same tiers, has room.
const PEOPLE_SPECS: readonly PersonSpec[] = [
  {
    key: 'leader',
    name: 'Elena Rossi',
    title: 'VP Customer Success',
    role: 'manager',
    teamKey: 'cs',
    accountCapacity: null,
    responsibilities:
      'Leads Customer Success: the journey map, tiers and touch models, team capacity and hiring. Executive sponsor of most enterprise accounts.',
  },
  {
    key: 'maya',
    name: 'Maya Patel',
    title: 'Senior Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 40,
    responsibilities:
      'High-touch book of enterprise and large mid-market accounts. Also runs the EBR program and mentors new CSMs, so she carries half a book.',
    workloadCapacity: 15,
    tierWeights: { Enterprise: 3, 'Mid-Market': 1.5, SMB: 0 },
    workloadLimitPer100Accounts: 6.1,
  },
  {
    key: 'daniel',
    name: 'Daniel Okafor',
    title: 'Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 60,
    responsibilities:
      'High-touch book of enterprise and mid-market accounts: QBRs, EBRs, success plans and renewals.',
    tierWeights: { Enterprise: 1, 'Mid-Market': 0.1, SMB: 0 },
  },
  {
    key: 'sofia',
    name: 'Sofia Lindqvist',
    title: 'Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 90,
    responsibilities: 'Pooled low-touch book of mid-market accounts, and larger small businesses.',
    tierWeights: { Enterprise: 0, 'Mid-Market': 3, SMB: 0.1 },
  },
  {
    key: 'lucas',
    name: 'Lucas Moreau',
    title: 'Digital Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 220,
    responsibilities:
      'Tech-touch small businesses: lifecycle emails, webinars and in-app guides, one-to-many.',
    tierWeights: { Enterprise: 0, 'Mid-Market': 0, SMB: 1 },
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    title: 'Onboarding Specialist',
    // A csm role on the Onboarding team: she logs onboarding calls, and capacity planning does not
    // count her as a CSM with room (only CSM-team members and owners of accounts carry books).
    role: 'csm',
    teamKey: 'onboarding',
    accountCapacity: null,
    responsibilities: 'Onboarding lead of every new account: handoff, kickoff, technical setup and go-live.',
  },
  {
    key: 'tom',
    name: 'Tom Becker',
    title: 'Support Lead',
    role: 'viewer',
    teamKey: 'support',
    accountCapacity: null,
    responsibilities:
      'Support lead of the enterprise accounts: escalations, incident reviews and support KPIs.',
  },
  {
    key: 'amara',
    name: 'Amara Nwosu',
    title: 'CS Operations Analyst',
    role: 'viewer',
    teamKey: 'cs',
    accountCapacity: null,
    responsibilities: 'Health scorecards, segments and tier rules, data quality and the CS metrics.',
  },
  {
    key: 'kenji',
    name: 'Kenji Sato',
    title: 'Implementation Consultant',
    role: 'viewer',
    teamKey: 'services',
    accountCapacity: null,
    responsibilities: 'Paid implementation and integration projects for enterprise customers.',
  },
  {
    key: 'ines',
    name: 'Ines Duarte',
    title: 'Customer Education Manager',
    role: 'viewer',
    teamKey: 'education',
    accountCapacity: null,
    responsibilities: 'Academy courses, certification and the monthly customer webinars.',
  },
];

const coveredTiers = (weights: Readonly<Record<DemoTier, number>> | undefined): DemoTier[] =>
  weights ? (Object.keys(weights) as DemoTier[]).filter((tier) => weights[tier] > 0) : [];

/**
 * The demo teams (CSM, Support, Onboarding, Services, Education) and ten users (emails
 * @demo.cycle), with ids drawn from the seed; the CS leader manages everyone else.
 * @example buildDemoPeople(42).users.find((user) => user.key === 'maya')?.email // 'maya.patel@demo.cycle'
 */
export function buildDemoPeople(seed: number): DemoPeople {
  const random = new SeededRandom(seed, DEMO_STREAMS.people);
  const teams = TEAM_SPECS.map((team) => ({ ...team, id: random.uuid() }));
  const ids = PEOPLE_SPECS.map(() => random.uuid());
  const leaderId = ids[0] as string;
  const users: DemoUser[] = PEOPLE_SPECS.map((spec, position) => ({
    key: spec.key,
    id: ids[position] as string,
    email: `${spec.name.toLowerCase().replace(/\s+/g, '.')}@${DEMO_EMAIL_DOMAIN}`,
    name: spec.name,
    title: spec.title,
    role: spec.role,
    teamKey: spec.teamKey,
    accountCapacity: spec.accountCapacity,
    managerId: position === 0 ? null : leaderId,
    responsibilities: spec.responsibilities,
    coversTiers: coveredTiers(spec.tierWeights),
    workloadCapacity: spec.workloadCapacity ?? null,
  }));
  const byKey = (key: string) => users.find((user) => user.key === key) as DemoUser;
  const owners = PEOPLE_SPECS.filter((spec) => spec.tierWeights).map((spec) => ({
    user: byKey(spec.key),
    tierWeights: spec.tierWeights as Record<DemoTier, number>,
    workloadLimitPer100Accounts: spec.workloadLimitPer100Accounts ?? null,
  }));
  return {
    teams,
    users,
    leader: byKey('leader'),
    onboardingSpecialist: byKey('priya'),
    supportLead: byKey('tom'),
    owners,
  };
}
