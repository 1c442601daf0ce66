CREATE TABLE "account_health" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"snapshot_id" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"as_of_date" date NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"scorecard_version" integer NOT NULL,
	"status" text NOT NULL,
	"score" double precision,
	"display_score" numeric(5, 2),
	"band" text,
	"band_index" integer,
	"raw_values" text[] NOT NULL,
	"measure_scores" double precision[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_sentiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"sentiment" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_on" date NOT NULL,
	CONSTRAINT "health_sentiments_sentiment_check" CHECK ("health_sentiments"."sentiment" IN ('positive', 'neutral', 'negative'))
);
--> statement-breakpoint
CREATE TABLE "health_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "health_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"as_of_date" date NOT NULL,
	"trigger" text NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"scorecard_version" integer NOT NULL,
	"status" text NOT NULL,
	"score" double precision,
	"display_score" numeric(5, 2),
	"band" text,
	"raw_values" text[] NOT NULL,
	"measure_scores" double precision[] NOT NULL,
	CONSTRAINT "health_snapshots_status_check" CHECK ("health_snapshots"."status" IN ('scored', 'not-scored'))
);
--> statement-breakpoint
CREATE TABLE "scorecard_versions" (
	"scorecard_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_versions_pkey" PRIMARY KEY("scorecard_id","version")
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "account_health" ADD CONSTRAINT "account_health_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_sentiments" ADD CONSTRAINT "health_sentiments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_sentiments" ADD CONSTRAINT "health_sentiments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_version_fk" FOREIGN KEY ("scorecard_id","scorecard_version") REFERENCES "public"."scorecard_versions"("scorecard_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_health_band_idx" ON "account_health" USING btree ("band");--> statement-breakpoint
CREATE INDEX "account_health_display_score_idx" ON "account_health" USING btree ("display_score");--> statement-breakpoint
CREATE INDEX "health_sentiments_account_created_idx" ON "health_sentiments" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "health_snapshots_account_computed_idx" ON "health_snapshots" USING btree ("account_id","computed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_name_key" ON "scorecards" USING btree (lower("name")) WHERE "scorecards"."archived_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_one_default_key" ON "scorecards" USING btree ("is_default") WHERE "scorecards"."is_default" AND "scorecards"."archived_at" IS NULL;--> statement-breakpoint
-- A trait's text as a number the way JavaScript's Number() reads decimal text; NULL when it is not one
-- (health scoring maps numeric schemes over traits with it; see src/server/features/health-scoring).
CREATE FUNCTION "health_numeric"(value text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF value IS NULL OR value !~ '^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$' THEN
    RETURN NULL;
  END IF;
  IF length(value) <= 24 AND value !~ '[eE]' THEN
    RETURN value::double precision; -- at most 24 characters without an exponent cannot overflow
  END IF;
  BEGIN
    RETURN value::double precision;
  EXCEPTION WHEN numeric_value_out_of_range THEN
    RETURN NULL; -- overflow: Number() gives ±Infinity, which no scheme scores (an underflow such as 1e-400 is 0 there)
  END;
END
$$;
