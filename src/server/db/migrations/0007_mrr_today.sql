CREATE TABLE "account_mrr_today" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"mrr_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mrr_today_computed" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"computed_on" date
);
--> statement-breakpoint
CREATE TABLE "mrr_today_data_version" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_mrr_today" ADD CONSTRAINT "account_mrr_today_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_mrr_today_mrr_idx" ON "account_mrr_today" USING btree ("mrr_minor","account_id");--> statement-breakpoint
INSERT INTO "mrr_today_data_version" DEFAULT VALUES;--> statement-breakpoint
INSERT INTO "mrr_today_computed" DEFAULT VALUES;--> statement-breakpoint
ALTER TABLE "mrr_today_data_version" ADD CONSTRAINT "mrr_today_data_version_singleton" CHECK ("singleton");--> statement-breakpoint
ALTER TABLE "mrr_today_computed" ADD CONSTRAINT "mrr_today_computed_singleton" CHECK ("singleton");--> statement-breakpoint
-- Any change to what MRR today is computed from makes account_mrr_today stale (one bump per statement).
CREATE FUNCTION "mrr_today_invalidate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE mrr_today_data_version SET version = version + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "subscriptions_mrr_today" AFTER INSERT OR UPDATE OR DELETE ON "subscriptions"
  FOR EACH STATEMENT EXECUTE FUNCTION "mrr_today_invalidate"();--> statement-breakpoint
CREATE TRIGGER "subscriptions_truncate_mrr_today" AFTER TRUNCATE ON "subscriptions"
  FOR EACH STATEMENT EXECUTE FUNCTION "mrr_today_invalidate"();--> statement-breakpoint
CREATE TRIGGER "exchange_rates_mrr_today" AFTER INSERT OR UPDATE OR DELETE ON "exchange_rates"
  FOR EACH STATEMENT EXECUTE FUNCTION "mrr_today_invalidate"();--> statement-breakpoint
CREATE TRIGGER "exchange_rates_truncate_mrr_today" AFTER TRUNCATE ON "exchange_rates"
  FOR EACH STATEMENT EXECUTE FUNCTION "mrr_today_invalidate"();
