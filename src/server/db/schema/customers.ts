import { accountStatuses, contactRoles } from '../../../shared/api/enums';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, sourceColumns, timestamps } from './columns';
import { users } from './people';


/** The customer company. `traits` keeps every imported column that has no column of its own. */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    ...sourceColumns(),
    name: text('name').notNull(),
    domain: text('domain'),
    parentId: uuid('parent_id').references((): AnyPgColumn => accounts.id, { onDelete: 'set null' }),
    crmId: text('crm_id'),
    billingId: text('billing_id'),
    supportId: text('support_id'),
    industry: text('industry'),
    region: text('region'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** When the current owner got the account (set by a trigger when owner_id changes): continuity in rebalancing. */
    ownerSince: timestamp('owner_since', { withTimezone: true }),
    execSponsorId: uuid('exec_sponsor_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: accountStatuses }).notNull().default('active'),
    tier: text('tier'),
    segment: text('segment'),
    lifecycleStage: text('lifecycle_stage'),
    renewalDate: date('renewal_date'),
    goLiveDate: date('go_live_date'),
    traits: jsonb('traits').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('accounts_source_external_id_key').on(table.source, table.externalId),
    index('accounts_owner_id_idx').on(table.ownerId),
    index('accounts_parent_id_idx').on(table.parentId),
    index('accounts_renewal_date_idx').on(table.renewalDate),
    index('accounts_name_lower_idx').on(sql`lower(${table.name})`),
    // Global search (Ctrl+K): substring match on name and domain at 100,000 accounts (pg_trgm).
    index('accounts_name_trgm_idx').using('gin', sql`lower(${table.name}) gin_trgm_ops`),
    index('accounts_domain_trgm_idx').using('gin', sql`lower(${table.domain}) gin_trgm_ops`),
    // Search finds an account by any of its ids; the unique (source, external_id) index does not
    // serve a lookup by the id alone.
    index('accounts_external_id_idx').on(table.externalId),
    index('accounts_crm_id_idx').on(table.crmId),
    index('accounts_support_id_idx').on(table.supportId),
    index('accounts_billing_id_idx').on(table.billingId),
    check('accounts_status_check', sql`${table.status} IN ('prospect', 'onboarding', 'active', 'churned')`),
    check('accounts_not_own_parent_check', sql`${table.parentId} IS NULL OR ${table.parentId} <> ${table.id}`),
  ],
);

/** A person at a customer account. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    ...sourceColumns(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    firstName: text('first_name'),
    lastName: text('last_name'),
    email: text('email'),
    title: text('title'),
    phone: text('phone'),
    /** Subset of contactRoles. */
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    isAdvocate: boolean('is_advocate').notNull().default(false),
    traits: jsonb('traits').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('contacts_source_external_id_key').on(table.source, table.externalId),
    index('contacts_account_id_idx').on(table.accountId),
    index('contacts_email_lower_idx').on(sql`lower(${table.email})`),
    // Global search: substring match on the full name and the email (pg_trgm).
    index('contacts_search_trgm_idx').using(
      'gin',
      sql`lower(coalesce(${table.firstName}, '') || ' ' || coalesce(${table.lastName}, '') || ' ' || coalesce(${table.email}, '')) gin_trgm_ops`,
    ),
  ],
);

export { accountStatuses, contactRoles };
