CREATE TABLE "tracked_groups" (
	"source" text NOT NULL,
	"group_id" text NOT NULL,
	"account_id" uuid,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_groups_pkey" PRIMARY KEY("source","group_id")
);
--> statement-breakpoint
CREATE TABLE "tracked_users" (
	"source" text NOT NULL,
	"user_key" text NOT NULL,
	"user_id" text,
	"anonymous_id" text,
	"group_id" text,
	"account_id" uuid,
	"contact_id" uuid,
	"traits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_users_pkey" PRIMARY KEY("source","user_key")
);
--> statement-breakpoint
CREATE TABLE "usage_daily_users" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_key" text NOT NULL,
	CONSTRAINT "usage_daily_users_pkey" PRIMARY KEY("account_id","day","user_key")
);
--> statement-breakpoint
CREATE TABLE "write_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "usage_events" ADD COLUMN "user_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_events" ALTER COLUMN "user_key" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "usage_events" ADD COLUMN "type" text DEFAULT 'track' NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_events" ADD COLUMN "context" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tracked_groups" ADD CONSTRAINT "tracked_groups_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_users" ADD CONSTRAINT "tracked_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_users" ADD CONSTRAINT "tracked_users_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_daily_users" ADD CONSTRAINT "usage_daily_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_keys" ADD CONSTRAINT "write_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tracked_users_account_id_idx" ON "tracked_users" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "tracked_users_group_idx" ON "tracked_users" USING btree ("source","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "write_keys_key_hash_key" ON "write_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "write_keys_active_source_key" ON "write_keys" USING btree ("source") WHERE "write_keys"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "usage_events_unmatched_idx" ON "usage_events" USING btree ("source","user_key") WHERE "usage_events"."account_id" IS NULL;--> statement-breakpoint
-- usage_daily.event_counts + new counts, key by key (tracked events add to the day's counts).
CREATE FUNCTION "usage_add_counts"(current jsonb, added jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
  FROM (
    SELECT key, sum(value::bigint) AS total
    FROM (SELECT * FROM jsonb_each_text(current) UNION ALL SELECT * FROM jsonb_each_text(added)) counts
    GROUP BY key
  ) sums
$$;
