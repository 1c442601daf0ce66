CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_scope_check" CHECK ("api_tokens"."scope" IN ('read', 'write', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_kind_check" CHECK ("teams"."kind" IN ('csm', 'support', 'onboarding', 'services', 'education'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"title" text,
	"team_id" uuid,
	"password_hash" text NOT NULL,
	"account_capacity" integer,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('admin', 'manager', 'csm', 'viewer')),
	CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "workspace_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"domain" text,
	"parent_id" uuid,
	"crm_id" text,
	"billing_id" text,
	"support_id" text,
	"industry" text,
	"region" text,
	"owner_id" uuid,
	"exec_sponsor_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"tier" text,
	"segment" text,
	"lifecycle_stage" text,
	"renewal_date" date,
	"go_live_date" date,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_status_check" CHECK ("accounts"."status" IN ('prospect', 'onboarding', 'active', 'churned')),
	CONSTRAINT "accounts_not_own_parent_check" CHECK ("accounts"."parent_id" IS NULL OR "accounts"."parent_id" <> "accounts"."id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"first_name" text,
	"last_name" text,
	"email" text,
	"title" text,
	"phone" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_advocate" boolean DEFAULT false NOT NULL,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "churn_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"churned_on" date NOT NULL,
	"churned_mrr_minor" bigint,
	"currency" char(3),
	"reason_code" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"currency" char(3) NOT NULL,
	"valid_from" date NOT NULL,
	"rate_to_reporting" numeric(20, 10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_pkey" PRIMARY KEY("currency","valid_from"),
	CONSTRAINT "exchange_rates_positive_check" CHECK ("exchange_rates"."rate_to_reporting" > 0),
	CONSTRAINT "exchange_rates_month_start_check" CHECK (extract(day FROM "exchange_rates"."valid_from") = 1)
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"product" text NOT NULL,
	"plan" text,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"billing_interval" text DEFAULT 'month' NOT NULL,
	"seats" integer,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_dates_check" CHECK ("subscriptions"."end_date" IS NULL OR "subscriptions"."end_date" > "subscriptions"."start_date"),
	CONSTRAINT "subscriptions_amount_check" CHECK ("subscriptions"."amount_minor" >= 0),
	CONSTRAINT "subscriptions_interval_check" CHECK ("subscriptions"."billing_interval" IN ('month', 'quarter', 'year')),
	CONSTRAINT "subscriptions_status_check" CHECK ("subscriptions"."status" IN ('active', 'cancelled', 'trial'))
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"active_users" integer DEFAULT 0 NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"event_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	CONSTRAINT "usage_daily_pkey" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"message_id" text NOT NULL,
	"account_id" uuid,
	"contact_id" uuid,
	"user_id" text,
	"anonymous_id" text,
	"event" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"outcome" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_kind_check" CHECK ("activities"."kind" IN ('call', 'meeting', 'email', 'note', 'ebr', 'qbr', 'training'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"contact_id" uuid,
	"survey_kind" text NOT NULL,
	"survey_name" text,
	"score" smallint NOT NULL,
	"comment" text,
	"responded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_kind_check" CHECK ("survey_responses"."survey_kind" IN ('nps', 'csat', 'ces', 'custom')),
	CONSTRAINT "survey_responses_score_check" CHECK (("survey_responses"."survey_kind" = 'nps' AND "survey_responses"."score" BETWEEN 0 AND 10)
        OR ("survey_responses"."survey_kind" = 'csat' AND "survey_responses"."score" BETWEEN 1 AND 5)
        OR ("survey_responses"."survey_kind" = 'ces' AND "survey_responses"."score" BETWEEN 1 AND 7)
        OR "survey_responses"."survey_kind" = 'custom')
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"requester_email" text,
	"channel" text,
	"opened_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"escalated" boolean DEFAULT false NOT NULL,
	"csat_score" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_status_check" CHECK ("tickets"."status" IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
	CONSTRAINT "tickets_priority_check" CHECK ("tickets"."priority" IN ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "tickets_csat_check" CHECK ("tickets"."csat_score" IS NULL OR "tickets"."csat_score" BETWEEN 1 AND 5),
	CONSTRAINT "tickets_resolved_check" CHECK ("tickets"."resolved_at" IS NULL OR "tickets"."resolved_at" >= "tickets"."opened_at")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"user_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_mrr_monthly" (
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"mrr_minor" bigint NOT NULL,
	"previous_mrr_minor" bigint NOT NULL,
	"movement" text NOT NULL,
	"paid_before" boolean NOT NULL,
	"base12_minor" bigint NOT NULL,
	"missing_rate_currencies" text[] NOT NULL,
	CONSTRAINT "account_mrr_monthly_pkey" PRIMARY KEY("account_id","month")
);
--> statement-breakpoint
CREATE TABLE "mrr_monthly_totals" (
	"month" date PRIMARY KEY NOT NULL,
	"mrr_minor" bigint NOT NULL,
	"customers" integer NOT NULL,
	"new_minor" bigint NOT NULL,
	"expansion_minor" bigint NOT NULL,
	"contraction_minor" bigint NOT NULL,
	"churn_minor" bigint NOT NULL,
	"reactivation_minor" bigint NOT NULL,
	"new_logos" integer NOT NULL,
	"churned_logos" integer NOT NULL,
	"reactivated_logos" integer NOT NULL,
	"base12_minor" bigint NOT NULL,
	"retained12_minor" bigint NOT NULL,
	"retained_capped12_minor" bigint NOT NULL,
	"missing_rate_rows" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cs_costs" (
	"month" date PRIMARY KEY NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cs_costs_month_start_check" CHECK (extract(day FROM "cs_costs"."month") = 1),
	CONSTRAINT "cs_costs_amount_check" CHECK ("cs_costs"."amount_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_parent_id_accounts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_exec_sponsor_id_users_id_fk" FOREIGN KEY ("exec_sponsor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_events" ADD CONSTRAINT "churn_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_mrr_monthly" ADD CONSTRAINT "account_mrr_monthly_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_key" ON "teams" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_source_external_id_key" ON "accounts" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "accounts_owner_id_idx" ON "accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "accounts_parent_id_idx" ON "accounts" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "accounts_renewal_date_idx" ON "accounts" USING btree ("renewal_date");--> statement-breakpoint
CREATE INDEX "accounts_name_lower_idx" ON "accounts" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "accounts_crm_id_idx" ON "accounts" USING btree ("crm_id");--> statement-breakpoint
CREATE INDEX "accounts_support_id_idx" ON "accounts" USING btree ("support_id");--> statement-breakpoint
CREATE INDEX "accounts_billing_id_idx" ON "accounts" USING btree ("billing_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_source_external_id_key" ON "contacts" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "contacts_account_id_idx" ON "contacts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "contacts_email_lower_idx" ON "contacts" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "churn_events_source_external_id_key" ON "churn_events" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "churn_events_account_id_idx" ON "churn_events" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_source_external_id_key" ON "subscriptions" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "subscriptions_account_id_idx" ON "subscriptions" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_events_source_message_id_key" ON "usage_events" USING btree ("source","message_id");--> statement-breakpoint
CREATE INDEX "usage_events_account_occurred_idx" ON "usage_events" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_source_external_id_key" ON "activities" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "activities_account_occurred_idx" ON "activities" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_source_external_id_key" ON "survey_responses" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "survey_responses_account_responded_idx" ON "survey_responses" USING btree ("account_id","responded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_source_external_id_key" ON "tickets" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "tickets_account_opened_idx" ON "tickets" USING btree ("account_id","opened_at");--> statement-breakpoint
CREATE INDEX "account_mrr_monthly_month_idx" ON "account_mrr_monthly" USING btree ("month","account_id","mrr_minor","previous_mrr_minor","movement");--> statement-breakpoint
CREATE INDEX "account_mrr_monthly_zero_crossing_idx" ON "account_mrr_monthly" USING btree ("movement","month","account_id","previous_mrr_minor") WHERE "account_mrr_monthly"."movement" IN ('new', 'reactivation', 'churn');