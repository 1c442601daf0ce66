import type { DemoAccountProfile } from './account-profile';
import type { DemoAccountStory, DemoContact, DemoContactRole, DemoTier } from './demo-model';
import { emailLabelOf, FIRST_NAMES, LAST_NAMES, TITLES_BY_ROLE } from './demo-names';
import type { SeededRandom } from './seeded-random';

const CONTACTS_PER_TIER: Record<DemoTier, { min: number; max: number }> = {
  Enterprise: { min: 8, max: 12 },
  'Mid-Market': { min: 5, max: 8 },
  SMB: { min: 3, max: 5 },
};

/**
 * The people at a customer: 3–12 depending on tier, always with a champion and a decision maker
 * (the same person at some small companies), an exec sponsor at larger ones, power users, a billing
 * contact and users. Champions and power users at engaged, live accounts are sometimes advocates.
 * @example buildContacts(random, { profile, story, today }).some((contact) => contact.roles.includes('champion')) // true
 */
export function buildContacts(
  random: SeededRandom,
  input: { profile: DemoAccountProfile; story: DemoAccountStory; today: number },
): DemoContact[] {
  const { profile, story } = input;
  const bounds = CONTACTS_PER_TIER[profile.tier];
  const count = random.integer(bounds.min, bounds.max);
  const roleSets: DemoContactRole[][] = [];
  const smallCompany = profile.tier === 'SMB' && random.chance(0.5);
  roleSets.push(smallCompany ? ['champion', 'decision_maker'] : ['champion']);
  if (!smallCompany) roleSets.push(['decision_maker']);
  if (profile.tier !== 'SMB') roleSets.push(['exec_sponsor']);
  roleSets.push(['power_user']);
  roleSets.push(profile.tier === 'SMB' && random.chance(0.5) ? ['billing', 'user'] : ['billing']);
  if (profile.tier === 'Enterprise') roleSets.push(['power_user']);
  while (roleSets.length < count) roleSets.push(random.chance(0.25) ? ['power_user'] : ['user']);
  roleSets.length = Math.max(count, 3);

  // Customers become advocates once live and getting value: none before go-live.
  const advocateChance =
    story.goLiveDay === null
      ? 0
      : story.trajectory === 'churning'
        ? 0.02
        : story.trajectory === 'declining'
          ? 0.04
          : story.baseEngagement > 0.75
            ? 0.3
            : 0.1;
  const usedEmails = new Set<string>();
  return roleSets.map((roles, position) => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    let local = `${emailLabelOf(firstName)}.${emailLabelOf(lastName)}`;
    if (usedEmails.has(local)) local = `${local}${position + 1}`;
    usedEmails.add(local);
    const primaryRole = roles[0] as DemoContactRole;
    const advocateRole =
      primaryRole === 'champion' || primaryRole === 'power_user' || primaryRole === 'exec_sponsor';
    return {
      id: random.uuid(),
      externalId: `demo-contact-${profile.index}-${position + 1}`,
      accountId: profile.id,
      firstName,
      lastName,
      email: `${local}@${profile.domain}`,
      title: random.pick(TITLES_BY_ROLE[primaryRole] ?? ['Specialist']),
      phone: `${profile.country.phonePrefix} ${String(random.integer(0, 9999)).padStart(4, '0')}`,
      roles,
      isAdvocate: advocateRole && random.chance(advocateChance),
      createdDay: Math.min(input.today, story.startDay + (position < 4 ? 0 : random.integer(0, 120))),
    };
  });
}
