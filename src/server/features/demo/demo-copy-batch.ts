import { isoDateOf, MILLISECONDS_PER_DAY } from '../../../domain/demo/calendar';
import type { DemoAccountBundle, DemoCounts } from '../../../domain/demo/demo-model';
import { DEMO_FEATURES } from '../../../domain/demo/usage-history';
import { COPY_NULL, CopyBuffer, type CopyTable, copyText } from '../../db/copy-text';

export type { CopyTable } from '../../db/copy-text';

export const DEMO_SOURCE = 'demo';

/** The tables in foreign-key order (accounts first; subsidiaries follow their parent in the same run). */
// prettier-ignore
const TABLE_COLUMNS = {
  accounts: ['id', 'source', 'external_id', 'name', 'domain', 'parent_id', 'crm_id', 'billing_id', 'support_id', 'industry', 'region', 'owner_id', 'owner_since', 'exec_sponsor_id', 'status', 'tier', 'segment', 'lifecycle_stage', 'renewal_date', 'go_live_date', 'traits', 'created_at', 'updated_at'],
  contacts: ['id', 'source', 'external_id', 'account_id', 'first_name', 'last_name', 'email', 'title', 'phone', 'roles', 'is_advocate', 'created_at', 'updated_at'],
  subscriptions: ['id', 'source', 'external_id', 'account_id', 'product', 'plan', 'amount_minor', 'currency', 'billing_interval', 'seats', 'start_date', 'end_date', 'status', 'created_at', 'updated_at'],
  churn_events: ['id', 'source', 'external_id', 'account_id', 'churned_on', 'churned_mrr_minor', 'currency', 'reason_code', 'notes', 'created_at', 'updated_at'],
  tickets: ['id', 'source', 'external_id', 'account_id', 'subject', 'status', 'priority', 'requester_email', 'channel', 'opened_at', 'first_response_at', 'resolved_at', 'escalated', 'csat_score', 'created_at', 'updated_at'],
  survey_responses: ['id', 'source', 'external_id', 'account_id', 'contact_id', 'survey_kind', 'survey_name', 'score', 'comment', 'responded_at', 'created_at', 'updated_at'],
  activities: ['id', 'source', 'external_id', 'account_id', 'kind', 'subject', 'body', 'outcome', 'occurred_at', 'user_id', 'contact_ids', 'created_at', 'updated_at'],
  usage_daily: ['account_id', 'day', 'active_users', 'event_count', 'event_counts', 'source'],
  account_stage_history: ['account_id', 'stage', 'entered_at', 'left_at', 'source'],
  account_assignments: ['account_id', 'role', 'user_id', 'since'],
} as const;

/** Stage history rows of the demo say they were imported (no rule or person moved the account). */
const STAGE_SOURCE = 'import';

/** The tables a demo load writes by COPY. */
export const DEMO_TABLES: readonly string[] = Object.keys(TABLE_COLUMNS);

const NULL = COPY_NULL;
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));

/**
 * Rows of a batch of demo accounts, encoded as COPY text per table. `updatedAt` is the run's "now"
 * (start of today), and created_at is the row's own date, so a run with the same seed and day
 * produces byte-identical rows.
 */
export class DemoCopyBatch {
  readonly counts: DemoCounts = {
    accounts: 0,
    users: 0,
    contacts: 0,
    subscriptions: 0,
    tickets: 0,
    surveyResponses: 0,
    activities: 0,
    usageDays: 0,
    churnEvents: 0,
    stageHistory: 0,
    assignments: 0,
  };
  private readonly buffers = new Map<keyof typeof TABLE_COLUMNS, CopyBuffer>(
    (Object.keys(TABLE_COLUMNS) as (keyof typeof TABLE_COLUMNS)[]).map((table) => [table, new CopyBuffer()]),
  );
  private readonly updatedAt: string;

  constructor(
    today: number,
    private readonly dates: Map<number, string> = new Map(),
  ) {
    this.updatedAt = this.instant(today * MILLISECONDS_PER_DAY);
  }

  /** Appends an account and everything that hangs off it. */
  add(bundle: DemoAccountBundle): void {
    const { account } = bundle;
    const at = this.updatedAt;
    this.push('accounts', [
      account.id,
      DEMO_SOURCE,
      account.externalId,
      copyText(account.name),
      account.domain,
      account.parentId ?? NULL,
      account.crmId,
      account.billingId,
      account.supportId,
      account.industry,
      account.region,
      account.ownerId,
      this.date(account.ownerSinceDay),
      account.execSponsorId ?? NULL,
      account.status,
      account.tier,
      account.segment,
      account.lifecycleStage ?? NULL,
      this.date(account.renewalDate),
      this.date(account.goLiveDate),
      copyText(JSON.stringify(account.traits)),
      this.date(account.createdDay),
      at,
    ]);
    for (const contact of bundle.contacts) {
      this.push('contacts', [
        contact.id,
        DEMO_SOURCE,
        contact.externalId,
        contact.accountId,
        copyText(contact.firstName),
        copyText(contact.lastName),
        copyText(contact.email),
        copyText(contact.title),
        contact.phone,
        `{${contact.roles.join(',')}}`,
        contact.isAdvocate ? 't' : 'f',
        this.date(contact.createdDay),
        at,
      ]);
    }
    for (const subscription of bundle.subscriptions) {
      this.push('subscriptions', [
        subscription.id,
        DEMO_SOURCE,
        subscription.externalId,
        subscription.accountId,
        subscription.product,
        subscription.plan,
        String(subscription.amountMinor),
        subscription.currency,
        subscription.billingInterval,
        subscription.seats === null ? NULL : String(subscription.seats),
        this.date(subscription.startDay),
        this.date(subscription.endDay),
        subscription.status,
        this.date(subscription.startDay),
        at,
      ]);
    }
    for (const churn of bundle.churnEvents) {
      this.push('churn_events', [
        churn.id,
        DEMO_SOURCE,
        churn.externalId,
        churn.accountId,
        this.date(churn.churnedDay),
        String(churn.churnedMrrMinor),
        churn.currency,
        churn.reasonCode,
        copyText(churn.notes),
        this.date(churn.churnedDay),
        at,
      ]);
    }
    for (const ticket of bundle.tickets) {
      const opened = this.instant(ticket.openedAt);
      this.push('tickets', [
        ticket.id,
        DEMO_SOURCE,
        ticket.externalId,
        ticket.accountId,
        copyText(ticket.subject),
        ticket.status,
        ticket.priority,
        copyText(ticket.requesterEmail),
        ticket.channel,
        opened,
        this.instantOrNull(ticket.firstResponseAt),
        this.instantOrNull(ticket.resolvedAt),
        ticket.escalated ? 't' : 'f',
        ticket.csatScore === null ? NULL : String(ticket.csatScore),
        opened,
        at,
      ]);
    }
    for (const answer of bundle.surveyResponses) {
      const responded = this.instant(answer.respondedAt);
      this.push('survey_responses', [
        answer.id,
        DEMO_SOURCE,
        answer.externalId,
        answer.accountId,
        answer.contactId ?? NULL,
        answer.surveyKind,
        copyText(answer.surveyName),
        String(answer.score),
        copyText(answer.comment),
        responded,
        responded,
        at,
      ]);
    }
    for (const activity of bundle.activities) {
      const occurred = this.instant(activity.occurredAt);
      this.push('activities', [
        activity.id,
        DEMO_SOURCE,
        activity.externalId,
        activity.accountId,
        activity.kind,
        copyText(activity.subject),
        copyText(activity.body),
        copyText(activity.outcome),
        occurred,
        activity.userId,
        `{${activity.contactIds.join(',')}}`,
        occurred,
        at,
      ]);
    }
    const usage = this.buffers.get('usage_daily') as CopyBuffer;
    for (const day of bundle.usageDays) {
      usage.write(
        `${day.accountId}\t${this.date(day.day)}\t${day.activeUsers}\t${day.eventCount}\t${eventCountsJson(day.featureCounts)}\t${DEMO_SOURCE}\n`,
      );
    }
    for (const spell of bundle.stageHistory) {
      this.push('account_stage_history', [
        account.id,
        spell.stage,
        this.date(spell.enteredDay),
        this.date(spell.leftDay),
        STAGE_SOURCE,
      ]);
    }
    for (const assignment of bundle.assignments) {
      this.push('account_assignments', [
        account.id,
        assignment.role,
        assignment.userId,
        this.date(assignment.sinceDay),
      ]);
    }
    const counts = this.counts;
    counts.accounts += 1;
    counts.contacts += bundle.contacts.length;
    counts.subscriptions += bundle.subscriptions.length;
    counts.churnEvents += bundle.churnEvents.length;
    counts.tickets += bundle.tickets.length;
    counts.surveyResponses += bundle.surveyResponses.length;
    counts.activities += bundle.activities.length;
    counts.usageDays += bundle.usageDays.length;
    counts.stageHistory += bundle.stageHistory.length;
    counts.assignments += bundle.assignments.length;
  }

  /** The batch's tables in load order, skipping empty ones. Call once, when the batch is complete. */
  tables(): CopyTable[] {
    const tables: CopyTable[] = [];
    for (const [table, buffer] of this.buffers) {
      if (buffer.rows > 0)
        tables.push({ table, columns: TABLE_COLUMNS[table], rows: buffer.rows, chunks: buffer.finish() });
    }
    return tables;
  }

  private push(table: keyof typeof TABLE_COLUMNS, values: string[]): void {
    (this.buffers.get(table) as CopyBuffer).write(`${values.join('\t')}\n`);
  }

  /** 'YYYY-MM-DD HH:MM:SS.mmm+00' of an instant, without allocating a Date. */
  private instant(milliseconds: number): string {
    const rounded = Math.round(milliseconds);
    const day = Math.floor(rounded / MILLISECONDS_PER_DAY);
    let rest = rounded - day * MILLISECONDS_PER_DAY;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    return `${this.date(day)} ${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[millis]}+00`;
  }

  private instantOrNull(milliseconds: number | null): string {
    return milliseconds === null ? NULL : this.instant(milliseconds);
  }

  private date(day: number | null): string {
    if (day === null) return NULL;
    let text = this.dates.get(day);
    if (text === undefined) {
      text = isoDateOf(day);
      this.dates.set(day, text);
    }
    return text;
  }
}

/** `{"dashboard_viewed":12,…}` with only the features used that day (no escaping needed: fixed names). */
function eventCountsJson(featureCounts: readonly number[]): string {
  let json = '{';
  for (let feature = 0; feature < featureCounts.length; feature += 1) {
    const count = featureCounts[feature] ?? 0;
    if (count === 0) continue;
    json += `${json.length > 1 ? ',' : ''}"${DEMO_FEATURES[feature]}":${count}`;
  }
  return `${json}}`;
}
