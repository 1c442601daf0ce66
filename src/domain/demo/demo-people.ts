import type { DemoTeam, DemoTier, DemoUser } from './demo-model';
import { SeededRandom } from './seeded-random';

/** Stream numbers that keep each kind of draw independent of the others. */
export const DEMO_STREAMS = { people: 1, accountId: 2, account: 3 } as const;

export const DEMO_EMAIL_DOMAIN = 'demo.cycle';

/** The demo CS organisation: who is who, and how owners share the book of business. */
export interface DemoPeople {
  teams: DemoTeam[];
  users: DemoUser[];
  /** The CS leader (exec sponsor on our side for strategic accounts). */
  leader: DemoUser;
  /** Runs kickoffs and trainings while an account onboards. */
  onboardingSpecialist: DemoUser;
  /** CSMs who own accounts, with their share of each tier. */
  owners: DemoOwner[];
}

export interface DemoOwner {
  user: DemoUser;
  /** Relative share of new accounts of each tier this CSM takes. */
  tierWeights: Readonly<Record<DemoTier, number>>;
}

interface PersonSpec {
  key: string;
  name: string;
  title: string;
  role: DemoUser['role'];
  teamKey: string;
  accountCapacity: number | null;
  tierWeights?: Readonly<Record<DemoTier, number>>;
}

const TEAM_SPECS: readonly Omit<DemoTeam, 'id'>[] = [
  { key: 'cs', name: 'Customer Success', kind: 'csm' },
  { key: 'support', name: 'Support', kind: 'support' },
  { key: 'onboarding', name: 'Onboarding', kind: 'onboarding' },
];

// High-touch CSMs carry few, large accounts; the scale CSM carries the long tail. The weights are
// set so that each book is roughly proportional to the CSM's capacity.
const PEOPLE_SPECS: readonly PersonSpec[] = [
  {
    key: 'leader',
    name: 'Elena Rossi',
    title: 'VP Customer Success',
    role: 'manager',
    teamKey: 'cs',
    accountCapacity: null,
  },
  {
    key: 'maya',
    name: 'Maya Patel',
    title: 'Senior Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 40,
    tierWeights: { Enterprise: 5, 'Mid-Market': 1.1, SMB: 0 },
  },
  {
    key: 'daniel',
    name: 'Daniel Okafor',
    title: 'Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 60,
    tierWeights: { Enterprise: 5, 'Mid-Market': 2.4, SMB: 0 },
  },
  {
    key: 'sofia',
    name: 'Sofia Lindqvist',
    title: 'Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 90,
    tierWeights: { Enterprise: 0, 'Mid-Market': 6.5, SMB: 0.5 },
  },
  {
    key: 'lucas',
    name: 'Lucas Moreau',
    title: 'Scale Customer Success Manager',
    role: 'csm',
    teamKey: 'cs',
    accountCapacity: 220,
    tierWeights: { Enterprise: 0, 'Mid-Market': 0, SMB: 9.5 },
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    title: 'Onboarding Specialist',
    role: 'csm',
    teamKey: 'onboarding',
    accountCapacity: null,
  },
  {
    key: 'tom',
    name: 'Tom Becker',
    title: 'Support Lead',
    role: 'viewer',
    teamKey: 'support',
    accountCapacity: null,
  },
  {
    key: 'amara',
    name: 'Amara Nwosu',
    title: 'CS Operations Analyst',
    role: 'viewer',
    teamKey: 'cs',
    accountCapacity: null,
  },
];

/**
 * The demo teams and eight users (emails @demo.cycle), with ids drawn from the seed.
 * @example buildDemoPeople(42).users.find((user) => user.key === 'maya')?.email // 'maya.patel@demo.cycle'
 */
export function buildDemoPeople(seed: number): DemoPeople {
  const random = new SeededRandom(seed, DEMO_STREAMS.people);
  const teams = TEAM_SPECS.map((team) => ({ ...team, id: random.uuid() }));
  const users: DemoUser[] = PEOPLE_SPECS.map((spec) => ({
    key: spec.key,
    id: random.uuid(),
    email: `${spec.name.toLowerCase().replace(/\s+/g, '.')}@${DEMO_EMAIL_DOMAIN}`,
    name: spec.name,
    title: spec.title,
    role: spec.role,
    teamKey: spec.teamKey,
    accountCapacity: spec.accountCapacity,
  }));
  const byKey = (key: string) => users.find((user) => user.key === key) as DemoUser;
  const owners = PEOPLE_SPECS.filter((spec) => spec.tierWeights).map((spec) => ({
    user: byKey(spec.key),
    tierWeights: spec.tierWeights as Record<DemoTier, number>,
  }));
  return { teams, users, leader: byKey('leader'), onboardingSpecialist: byKey('priya'), owners };
}

/** Picks the owner CSM of a new account of `tier`, in proportion to the owners' tier weights. */
export function pickOwner(owners: readonly DemoOwner[], tier: DemoTier, random: SeededRandom): DemoUser {
  let total = 0;
  for (const owner of owners) total += owner.tierWeights[tier];
  let target = random.next() * total;
  for (const owner of owners) {
    target -= owner.tierWeights[tier];
    if (target < 0) return owner.user;
  }
  return (owners[owners.length - 1] as DemoOwner).user;
}
