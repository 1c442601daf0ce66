import type { RuleProblem } from '../../../domain/segments';
import type {
  Segment,
  SegmentAccount,
  SegmentMember,
  SegmentMembershipEvent,
} from '../../../shared/api/segments.contract';
import type { AccountStatus } from '../../../shared/api/enums';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { MembershipEventRow, SegmentAccountRow, SegmentRow } from './segment.repository';

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** The public shape of a segment; `problems` says why a saved rule is not being applied. */
export function presentSegment(row: SegmentRow, problems: readonly RuleProblem[]): Segment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    rule: row.rule,
    memberCount: row.member_count,
    evaluatedAt: row.evaluated_at ? iso(row.evaluated_at) : null,
    problems: [...problems],
    createdBy: row.creator_id
      ? { id: row.creator_id, name: row.creator_name!, email: row.creator_email! }
      : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** An account of a segment list: ARR in minor units of the reporting currency, health when scored. */
export function presentSegmentAccount(row: SegmentAccountRow): SegmentAccount {
  return {
    id: row.id,
    name: row.name,
    status: row.status as AccountStatus,
    tier: row.tier,
    lifecycleStage: row.lifecycle_stage,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name!, email: row.owner_email! } : null,
    arr: { amountMinor: Number(row.arr_minor), currency: REPORTING_CURRENCY },
    health:
      row.health_score !== null && row.health_band !== null
        ? { score: row.health_score, band: row.health_band }
        : null,
  };
}

/** A member of a segment: the account and since when it is in. */
export function presentSegmentMember(row: SegmentAccountRow): SegmentMember {
  return { ...presentSegmentAccount(row), since: iso(row.since!) };
}

/** One account entering or leaving a segment. */
export function presentMembershipEvent(row: MembershipEventRow): SegmentMembershipEvent {
  return {
    id: Number(row.id),
    account: { id: row.account_id, name: row.account_name },
    change: row.change,
    at: iso(row.at),
  };
}
