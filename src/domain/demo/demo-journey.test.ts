import { beforeAll, describe, expect, it } from 'vitest';
import { books, defaultCapacitySettings, proposeRebalance } from '../capacity';
import { validateSegmentRule, type SegmentRule } from '../segments';
import { customerLivesOf, likelyGreen, renewalAfter } from './account-journey';
import { dayNumberOf, isoDateOf, MILLISECONDS_PER_DAY } from './calendar';
import {
  DEMO_RULE_FIELDS,
  DEMO_SEGMENTS,
  DEMO_STAGES,
  DEMO_TIERS,
  stageByRules,
  tierOfArr,
} from './demo-journey';
import type { DemoAccountBundle } from './demo-model';
import { buildDemoPeople } from './demo-people';
import { generateDemoAccounts, resolveDemoSettings } from './demo-workspace';
import { arrUsdOn } from './revenue-history';

const NOW = new Date('2025-06-15T10:30:00Z');
const TODAY = dayNumberOf(NOW);
const ISO_TODAY = isoDateOf(TODAY);
const people = buildDemoPeople(42);

const fieldsOf = (rule: SegmentRule): string[] =>
  rule.kind === 'group' ? rule.rules.flatMap(fieldsOf) : [rule.field];

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('the demo journey definitions', () => {
  it('tiers accounts by ARR: Enterprise from $100k, Mid-Market from $12k, SMB by default, first match wins', () => {
    expect(
      DEMO_TIERS.map((tier) => [tier.name, tier.touchModel, tier.ebrEveryDays, tier.checkInEveryDays]),
    ).toEqual([
      ['Enterprise', 'high', 90, 30],
      ['Mid-Market', 'low', 180, 60],
      ['SMB', 'tech', null, null],
    ]);
    expect(DEMO_TIERS.at(-1)?.rule).toBeNull();
    expect(
      [250_000, 100_000, 99_999.99, 12_000, 11_999.99, 0].map((arr) => tierOfArr(arr, ISO_TODAY).name),
    ).toEqual(['Enterprise', 'Enterprise', 'Mid-Market', 'Mid-Market', 'SMB', 'SMB']);
  });

  it('maps the journey from Handoff to Advocacy with valid entry rules that never test their own result', () => {
    expect(
      DEMO_STAGES.map((stage) => [stage.name, stage.expectedDays, stage.teamKey, stage.entryRule === null]),
    ).toEqual([
      ['Handoff', 14, 'onboarding', true],
      ['Onboarding', 60, 'onboarding', false],
      ['Adoption', 180, 'cs', false],
      ['Value', 365, 'cs', false],
      ['Renewal', 90, 'cs', false],
      ['Advocacy', null, 'cs', false],
    ]);
    const teamKeys = new Set(people.teams.map((team) => team.key));
    for (const stage of DEMO_STAGES) {
      expect(teamKeys.has(stage.teamKey)).toBe(true);
      if (stage.entryRule === null) continue;
      expect(validateSegmentRule(stage.entryRule, DEMO_RULE_FIELDS)).toEqual([]);
      expect(fieldsOf(stage.entryRule)).not.toContain('lifecycle_stage');
    }
    for (const tier of DEMO_TIERS) if (tier.rule) expect(fieldsOf(tier.rule)).not.toContain('tier');
    for (const segment of DEMO_SEGMENTS)
      expect(validateSegmentRule(segment.rule, DEMO_RULE_FIELDS)).toEqual([]);
  });

  it('tries stage rules from the last stage to the first: Advocacy beats Renewal, Renewal beats Value', () => {
    const live = { go_live_date: '2024-01-10', days_since_go_live: 400, active_users_30d: 20 };
    const renewing = { ...live, days_to_renewal: 30 };
    expect(stageByRules({ ...renewing, advocates: 2, health_band: 'Green' }, ISO_TODAY)).toBe('Advocacy');
    expect(stageByRules({ ...renewing, advocates: 2, health_band: 'Yellow' }, ISO_TODAY)).toBe('Renewal');
    expect(stageByRules({ ...live, days_to_renewal: 200, advocates: 0 }, ISO_TODAY)).toBe('Value');
    expect(stageByRules({ ...live, days_since_go_live: 180, days_to_renewal: 200 }, ISO_TODAY)).toBe(
      'Adoption',
    );
    expect(stageByRules({ go_live_date: null, active_users_30d: 3, days_to_renewal: 300 }, ISO_TODAY)).toBe(
      'Onboarding',
    );
    // Signed but nobody uses it yet: no rule matches, so the account keeps Handoff.
    expect(
      stageByRules({ go_live_date: null, active_users_30d: null, days_to_renewal: 340 }, ISO_TODAY),
    ).toBeNull();
  });

  it('renews every year on the contract anniversary, whatever the billing interval', () => {
    const start = dayNumberOf(new Date('2023-03-01T00:00:00Z'));
    expect(isoDateOf(renewalAfter(start, TODAY))).toBe('2026-03-01');
    expect(isoDateOf(renewalAfter(start, dayNumberOf(new Date('2024-02-29T00:00:00Z'))))).toBe('2024-03-01');
    expect(isoDateOf(renewalAfter(start, dayNumberOf(new Date('2024-03-01T00:00:00Z'))))).toBe('2025-03-01');
  });
});

describe('demo accounts in the journey (300 accounts, seed 42, 2025-06-15)', () => {
  let bundles: DemoAccountBundle[];
  let live: DemoAccountBundle[];
  beforeAll(() => {
    bundles = [...generateDemoAccounts(resolveDemoSettings({ now: NOW }), people)];
    live = bundles.filter((bundle) => bundle.account.status !== 'churned');
  });

  it('gives every account the tier its ARR in USD gives (churned ones: their ARR the day before they left)', () => {
    for (const { account, story, subscriptions } of bundles) {
      const day = account.status === 'churned' ? (story.churnDay as number) - 1 : TODAY;
      expect(account.tier).toBe(tierOfArr(arrUsdOn(subscriptions, day), ISO_TODAY).name);
      expect(account.traits.touchModel).toBe(
        DEMO_TIERS.find((tier) => tier.name === account.tier)?.touchModel,
      );
    }
    expect(countBy(live, (bundle) => bundle.account.tier)).toEqual({
      Enterprise: 34,
      'Mid-Market': 80,
      SMB: 131,
    });
  });

  it('places every live account where the stage rules put it today, and churned accounts nowhere', () => {
    for (const { account, story, contacts, usageDays } of live) {
      const advocates = contacts.filter((contact) => contact.isAdvocate).length;
      const tier = DEMO_TIERS.find((item) => item.name === account.tier);
      const values = {
        go_live_date: account.goLiveDate === null ? null : isoDateOf(account.goLiveDate),
        days_since_go_live: account.goLiveDate === null ? null : TODAY - account.goLiveDate,
        days_to_renewal: (account.renewalDate as number) - TODAY,
        advocates,
        health_band:
          advocates > 0 && likelyGreen(story, tier?.touchModel ?? 'tech', TODAY) ? 'Green' : 'Yellow',
        active_users_30d: usageDays.some((day) => day.day > TODAY - 30) ? 1 : null,
      };
      const byRules = stageByRules(values, ISO_TODAY);
      if (account.lifecycleStage === 'Handoff') expect(byRules).toBeNull();
      else expect(account.lifecycleStage).toBe(byRules ?? 'Onboarding');
    }
    for (const bundle of bundles.filter((item) => item.account.status === 'churned'))
      expect(bundle.account.lifecycleStage).toBeNull();
    expect(countBy(live, (bundle) => bundle.account.lifecycleStage ?? 'none')).toEqual({
      Handoff: 1,
      Onboarding: 9,
      Adoption: 55,
      Value: 96,
      Renewal: 38,
      Advocacy: 46,
    });
  });

  it('backdates each account’s stage history: contiguous within a life, one open stage matching today’s, none once churned', () => {
    for (const { account, story, stageHistory } of bundles) {
      expect(stageHistory.length).toBeGreaterThan(0);
      const open = stageHistory.filter((spell) => spell.leftDay === null);
      expect(open.map((spell) => spell.stage)).toEqual(
        account.lifecycleStage === null ? [] : [account.lifecycleStage],
      );
      expect(stageHistory.at(-1)?.leftDay ?? null).toBe(
        account.lifecycleStage === null ? story.churnDay : null,
      );
      const lifeStarts = new Set(customerLivesOf(story).map((life) => life.fromDay));
      for (let position = 0; position < stageHistory.length; position += 1) {
        const spell = stageHistory[position]!;
        expect(spell.enteredDay).toBeLessThanOrEqual(TODAY);
        if (spell.leftDay !== null) expect(spell.leftDay).toBeGreaterThan(spell.enteredDay);
        const next = stageHistory[position + 1];
        if (next && !lifeStarts.has(next.enteredDay)) {
          expect(next.enteredDay).toBe(spell.leftDay);
          expect(next.stage).not.toBe(spell.stage);
        }
      }
      if (account.lifecycleStage !== 'Handoff') expect(stageHistory[0]?.enteredDay).toBe(story.startDay);
    }
  });

  it('has a few accounts overdue in their stage: onboardings taking longer than 60 days', () => {
    const overdue = live.filter((bundle) => {
      const open = bundle.stageHistory.at(-1)!;
      const expected = DEMO_STAGES.find((stage) => stage.name === open.stage)?.expectedDays ?? null;
      return expected !== null && TODAY - open.enteredDay > expected;
    });
    expect(countBy(overdue, (bundle) => bundle.account.lifecycleStage ?? 'none')).toEqual({ Onboarding: 3 });
  });

  it('leaves a realistic share of accounts overdue on their tier’s EBR and check-in cadence', () => {
    const overdue = (bundle: DemoAccountBundle, every: number | null, kinds: readonly string[]) => {
      if (every === null) return false;
      const days = bundle.activities
        .filter((activity) => kinds.includes(activity.kind))
        .map((activity) => Math.floor(activity.occurredAt / MILLISECONDS_PER_DAY));
      const last = days.length > 0 ? Math.max(...days) : null;
      return last === null ? TODAY - bundle.account.createdDay > every : TODAY - last > every;
    };
    const counts = DEMO_TIERS.map((tier) => {
      const accounts = live.filter((bundle) => bundle.account.tier === tier.name);
      return {
        tier: tier.name,
        accounts: accounts.length,
        ebr: accounts.filter((bundle) => overdue(bundle, tier.ebrEveryDays, ['ebr', 'qbr'])).length,
        checkIn: accounts.filter((bundle) => overdue(bundle, tier.checkInEveryDays, ['call', 'meeting']))
          .length,
      };
    });
    expect(counts).toEqual([
      { tier: 'Enterprise', accounts: 34, ebr: 2, checkIn: 6 },
      { tier: 'Mid-Market', accounts: 80, ebr: 9, checkIn: 9 },
      { tier: 'SMB', accounts: 131, ebr: 0, checkIn: 0 },
    ]);
  });

  it('gives accounts to CSMs covering their tier, backdates ownership, and names onboarding and support leads', () => {
    const owners = new Map(people.owners.map((owner) => [owner.user.id, owner.user]));
    for (const { account, assignments } of bundles) {
      const owner = owners.get(account.ownerId);
      expect(owner).toBeDefined();
      if (account.parentId === null && account.status !== 'churned')
        expect(owner?.coversTiers).toContain(account.tier);
      expect(account.ownerSinceDay).toBeGreaterThanOrEqual(account.createdDay);
      expect(account.ownerSinceDay).toBeLessThanOrEqual(TODAY);
      const onboarding = account.lifecycleStage === 'Handoff' || account.lifecycleStage === 'Onboarding';
      const enterprise = account.status !== 'churned' && account.tier === 'Enterprise';
      expect(assignments.map((assignment) => [assignment.role, assignment.userId])).toEqual([
        ...(onboarding ? [['onboarding_lead', people.onboardingSpecialist.id]] : []),
        ...(enterprise ? [['support_lead', people.supportLead.id]] : []),
      ]);
    }
    expect(live.filter((bundle) => bundle.account.ownerSinceDay > bundle.account.createdDay)).toHaveLength(
      27,
    );
  });

  it('overloads exactly one CSM (Maya, 122%) while Daniel, covering the same tiers, has room: four moves fix it', () => {
    const csms = people.owners.map(({ user }) => ({
      id: user.id,
      name: user.name,
      covers: user.coversTiers,
      workloadCapacity: user.workloadCapacity,
    }));
    const accounts = live.map(({ account }) => ({
      id: account.id,
      name: account.name,
      ownerId: account.ownerId,
      tier: account.tier,
      touchModel: DEMO_TIERS.find((tier) => tier.name === account.tier)?.touchModel ?? 'tech',
      arr: 0,
      ownedSince: isoDateOf(account.ownerSinceDay),
    }));
    const team = books(csms, accounts, defaultCapacitySettings);
    expect(
      team.csms.map((book) => [book.name, book.workload, book.capacity, book.utilisation, book.flag]),
    ).toEqual([
      ['Maya Patel', 18.3, 15, 1.22, 'over'],
      ['Daniel Okafor', 21.1, 30, 0.7033, 'ok'],
      ['Sofia Lindqvist', 19.15, 30, 0.6383, 'ok'],
      ['Lucas Moreau', 6, 30, 0.2, 'under'],
    ]);
    const proposal = proposeRebalance(csms, accounts, defaultCapacitySettings);
    const [daniel, sofia] = [people.owners[1]?.user.id, people.owners[2]?.user.id];
    // The heaviest first (enterprises, to Daniel: nobody else covers them), then the lightest that covers the rest.
    expect(proposal.moves.map((move) => [move.weight, move.toId])).toEqual([
      [1, daniel],
      [1, daniel],
      [1, daniel],
      [0.3, sofia],
    ]);
    expect(proposal.unresolved).toEqual([]);
    expect(proposal.after.map((load) => load.utilisation)).toEqual([1, 0.8033, 0.6483, 0.2]);
  });
});
