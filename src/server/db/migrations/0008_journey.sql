CREATE TABLE "account_assignments" (
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_assignments_account_id_role_pk" PRIMARY KEY("account_id","role"),
	CONSTRAINT "account_assignments_role_check" CHECK ("account_assignments"."role" IN ('onboarding_lead', 'support_lead'))
);
--> statement-breakpoint
CREATE TABLE "account_stage_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_stage_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"source" text DEFAULT 'manual' NOT NULL,
	"changed_by" uuid,
	CONSTRAINT "account_stage_history_source_check" CHECK ("account_stage_history"."source" IN ('rule', 'manual', 'import'))
);
--> statement-breakpoint
CREATE TABLE "lifecycle_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"description" text,
	"entry_rule" jsonb,
	"expected_days" integer,
	"owning_team_id" uuid,
	"touchpoints" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metrics" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifecycle_stages_expected_days_check" CHECK ("lifecycle_stages"."expected_days" IS NULL OR "lifecycle_stages"."expected_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"segment_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_members_segment_id_account_id_pk" PRIMARY KEY("segment_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "segment_membership_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "segment_membership_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"segment_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"change" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_membership_events_change_check" CHECK ("segment_membership_events"."change" IN ('entered', 'left'))
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"rule" jsonb,
	"created_by" uuid,
	"evaluated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_kind_check" CHECK ("segments"."kind" IN ('dynamic', 'static')),
	CONSTRAINT "segments_rule_check" CHECK (("segments"."kind" = 'dynamic') = ("segments"."rule" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"rule" jsonb,
	"touch_model" text NOT NULL,
	"ebr_every_days" integer,
	"check_in_every_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tiers_touch_model_check" CHECK ("tiers"."touch_model" IN ('high', 'low', 'tech')),
	CONSTRAINT "tiers_ebr_every_days_check" CHECK ("tiers"."ebr_every_days" IS NULL OR "tiers"."ebr_every_days" > 0),
	CONSTRAINT "tiers_check_in_every_days_check" CHECK ("tiers"."check_in_every_days" IS NULL OR "tiers"."check_in_every_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "manager_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "responsibilities" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "covers_tiers" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "workload_capacity" double precision;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "owner_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_assignments" ADD CONSTRAINT "account_assignments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_assignments" ADD CONSTRAINT "account_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_stage_history" ADD CONSTRAINT "account_stage_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_stage_history" ADD CONSTRAINT "account_stage_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_stages" ADD CONSTRAINT "lifecycle_stages_owning_team_id_teams_id_fk" FOREIGN KEY ("owning_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_membership_events" ADD CONSTRAINT "segment_membership_events_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_membership_events" ADD CONSTRAINT "segment_membership_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_assignments_user_idx" ON "account_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "account_stage_history_account_idx" ON "account_stage_history" USING btree ("account_id","entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "account_stage_history_open_key" ON "account_stage_history" USING btree ("account_id") WHERE "account_stage_history"."left_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_stages_name_key" ON "lifecycle_stages" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_stages_position_key" ON "lifecycle_stages" USING btree ("position");--> statement-breakpoint
CREATE INDEX "segment_members_account_idx" ON "segment_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "segment_membership_events_segment_idx" ON "segment_membership_events" USING btree ("segment_id","at");--> statement-breakpoint
CREATE INDEX "segment_membership_events_account_idx" ON "segment_membership_events" USING btree ("account_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_name_key" ON "segments" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_name_key" ON "tiers" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_position_key" ON "tiers" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_one_default_key" ON "tiers" USING btree (("rule" IS NULL)) WHERE "tiers"."rule" IS NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_not_own_manager_check" CHECK ("users"."manager_id" IS NULL OR "users"."manager_id" <> "users"."id");--> statement-breakpoint
-- Continuity for capacity rebalancing: when the current owner got each account. Existing rows
-- take their creation time; afterwards a row trigger stamps every change of owner.
UPDATE "accounts" SET "owner_since" = "created_at" WHERE "owner_id" IS NOT NULL;--> statement-breakpoint
CREATE FUNCTION "accounts_stamp_owner_since"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.owner_id IS NOT NULL AND NEW.owner_since IS NULL THEN NEW.owner_since := NEW.created_at; END IF;
  ELSIF NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    NEW.owner_since := CASE WHEN NEW.owner_id IS NULL THEN NULL ELSE now() END;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_owner_since" BEFORE INSERT OR UPDATE OF "owner_id" ON "accounts"
  FOR EACH ROW EXECUTE FUNCTION "accounts_stamp_owner_since"();--> statement-breakpoint
-- Stage history: one open row per account for its current lifecycle stage, kept by statement
-- triggers whatever changed accounts.lifecycle_stage. The writer names why with the transaction
-- settings cycle.stage_source ('rule', 'manual'; unset means 'import') and cycle.actor_id.
INSERT INTO "account_stage_history" ("account_id", "stage", "entered_at", "source")
SELECT "id", "lifecycle_stage", "updated_at", 'import' FROM "accounts" WHERE "lifecycle_stage" IS NOT NULL;--> statement-breakpoint
CREATE FUNCTION "stage_history_source"() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('cycle.stage_source', true) IN ('rule', 'manual')
              THEN current_setting('cycle.stage_source', true) ELSE 'import' END
$$;--> statement-breakpoint
CREATE FUNCTION "stage_history_actor"() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('cycle.actor_id', true) ~ '^[0-9a-f-]{36}$'
              THEN current_setting('cycle.actor_id', true)::uuid END
$$;--> statement-breakpoint
CREATE FUNCTION "accounts_stage_history_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO account_stage_history (account_id, stage, entered_at, source, changed_by)
  SELECT n.id, n.lifecycle_stage, now(), stage_history_source(), stage_history_actor()
  FROM new_rows n WHERE n.lifecycle_stage IS NOT NULL;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "accounts_stage_history_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Two statements: the old row must be closed before the new open row is inserted (one open row
  -- per account is a unique index, checked row by row).
  UPDATE account_stage_history h SET left_at = now()
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE h.account_id = n.id AND h.left_at IS NULL AND o.lifecycle_stage IS DISTINCT FROM n.lifecycle_stage;
  INSERT INTO account_stage_history (account_id, stage, entered_at, source, changed_by)
  SELECT n.id, n.lifecycle_stage, now(), stage_history_source(), stage_history_actor()
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE o.lifecycle_stage IS DISTINCT FROM n.lifecycle_stage AND n.lifecycle_stage IS NOT NULL;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_stage_history_insert" AFTER INSERT ON "accounts"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_stage_history_inserted"();--> statement-breakpoint
CREATE TRIGGER "accounts_stage_history_update" AFTER UPDATE ON "accounts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts_stage_history_updated"();
