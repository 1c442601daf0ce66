import type { DemoAccountProfile } from './account-profile';
import { businessInstant } from './business-hours';
import { calendarMonthOf, firstDayOfMonth, MILLISECONDS_PER_DAY, monthIndexOf } from './calendar';
import type {
  DemoAccountStory,
  DemoContact,
  DemoContactRole,
  DemoSettings,
  DemoSurveyResponse,
} from './demo-model';
import { engagementOn } from './engagement-curve';
import { clamp, type SeededRandom } from './seeded-random';

/** Chance that a contact answers a relationship NPS survey, by primary role. */
const NPS_RESPONSE_RATE: Record<DemoContactRole, number> = {
  champion: 0.4,
  decision_maker: 0.35,
  exec_sponsor: 0.3,
  power_user: 0.3,
  billing: 0.05,
  user: 0.12,
};

const NPS_COMMENTS = {
  promoter: [
    'The team relies on it every day.',
    'Great support and a product that keeps getting better.',
    'Saved us hours every week.',
    'Our CSM is excellent.',
  ],
  passive: [
    'Good overall, but reporting could be more flexible.',
    'Works well; pricing is on the high side.',
    'Solid, some features feel unfinished.',
  ],
  detractor: [
    'Too many bugs lately.',
    'Hard to get adoption beyond a few people.',
    'Missing integrations we need.',
    'Support takes too long to answer.',
  ],
} as const;

/**
 * Survey answers correlated with engagement: relationship NPS (0–10) in March and September waves
 * from the account's contacts, an onboarding CSAT (1–5) a week after go-live, and a quarterly CSAT
 * pulse at high- and low-touch accounts. Only answers before today and while the account pays.
 * @example buildSurveyResponses(random, input).filter((answer) => answer.surveyKind === 'nps').every((answer) => answer.score <= 10) // true
 */
export function buildSurveyResponses(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    story: DemoAccountStory;
    contacts: DemoContact[];
    settings: DemoSettings;
  },
): DemoSurveyResponse[] {
  const { profile, story, contacts, settings } = input;
  const nowMs = settings.today * MILLISECONDS_PER_DAY;
  const answers: DemoSurveyResponse[] = [];
  const add = (answer: Omit<DemoSurveyResponse, 'id' | 'externalId' | 'accountId'>) => {
    const respondedDay = Math.floor(answer.respondedAt / MILLISECONDS_PER_DAY);
    if (answer.respondedAt >= nowMs || engagementOn(story, respondedDay) <= 0) return;
    answers.push({
      id: random.uuid(),
      externalId: `demo-survey-${profile.index}-${answers.length + 1}`,
      accountId: profile.id,
      ...answer,
    });
  };

  for (let month = monthIndexOf(settings.windowStart); month <= monthIndexOf(settings.today); month += 1) {
    const calendarMonth = calendarMonthOf(month);
    const waveDay = firstDayOfMonth(month);
    if (calendarMonth === 2 || calendarMonth === 8) {
      const engagement = engagementOn(story, waveDay);
      if (engagement <= 0 || waveDay < story.startDay + 45) continue;
      const surveyName = `Relationship NPS ${Math.floor(month / 12)} ${calendarMonth === 2 ? 'H1' : 'H2'}`;
      for (const contact of contacts) {
        const rate = NPS_RESPONSE_RATE[contact.roles[0] ?? 'user'] * (0.6 + 0.6 * engagement);
        if (!random.chance(rate)) continue;
        const score = clamp(
          Math.round(random.normal(2 + 8.8 * engagement + (contact.isAdvocate ? 1.2 : 0), 1.5)),
          0,
          10,
        );
        const band = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
        add({
          contactId: contact.id,
          surveyKind: 'nps',
          surveyName,
          score,
          comment: random.chance(0.35) ? random.pick(NPS_COMMENTS[band]) : null,
          respondedAt: businessInstant(
            random,
            waveDay + Math.floor(random.logNormal(3, 0.8)),
            profile.country.region,
          ),
        });
      }
    } else if (
      profile.touchModel !== 'tech' &&
      calendarMonth % 3 === 1 &&
      waveDay >= story.startDay + 60 &&
      contacts.length > 0
    ) {
      const engagement = engagementOn(story, waveDay);
      if (engagement <= 0 || !random.chance(profile.touchModel === 'high' ? 0.5 : 0.25)) continue;
      add({
        contactId: random.pick(contacts).id,
        surveyKind: 'csat',
        surveyName: 'Quarterly CSAT pulse',
        score: clamp(Math.round(random.normal(2.2 + 2.8 * engagement, 0.7)), 1, 5),
        comment: null,
        respondedAt: businessInstant(random, waveDay + random.integer(0, 14), profile.country.region),
      });
    }
  }

  const champion = contacts.find((contact) => contact.roles.includes('champion'));
  if (story.goLiveDay !== null && story.goLiveDay >= settings.windowStart && champion && random.chance(0.6)) {
    add({
      contactId: champion.id,
      surveyKind: 'csat',
      surveyName: 'Onboarding CSAT',
      score: clamp(Math.round(random.normal(2.6 + 2.4 * engagementOn(story, story.goLiveDay), 0.7)), 1, 5),
      comment: random.chance(0.3)
        ? random.pick([
            'Smooth kickoff and clear plan.',
            'Took longer than expected.',
            'Trainings were very helpful.',
          ])
        : null,
      respondedAt: businessInstant(random, story.goLiveDay + random.integer(5, 12), profile.country.region),
    });
  }
  return answers;
}
