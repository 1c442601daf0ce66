-- account_health becomes narrow and index-light so a full recompute's daily rewrite of every row stays
-- in-page (HOT): the raw values live on the snapshot, account_health keeps only their digest.
DROP INDEX "account_health_band_idx";--> statement-breakpoint
DROP INDEX "account_health_display_score_idx";--> statement-breakpoint
ALTER TABLE "account_health" ADD COLUMN "inputs_digest" uuid;--> statement-breakpoint
UPDATE "account_health" SET "inputs_digest" = md5("raw_values"::text)::uuid;--> statement-breakpoint
ALTER TABLE "account_health" ALTER COLUMN "inputs_digest" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "account_health" DROP COLUMN "raw_values";--> statement-breakpoint
ALTER TABLE "account_health" DROP COLUMN "measure_scores";--> statement-breakpoint
ALTER TABLE "account_health" SET (fillfactor = 70);
--> statement-breakpoint
-- health_snapshots keeps no foreign keys (docs/decisions/0004); these triggers do what the cascade did.
ALTER TABLE "health_snapshots" DROP CONSTRAINT "health_snapshots_account_id_accounts_id_fk";--> statement-breakpoint
ALTER TABLE "health_snapshots" DROP CONSTRAINT "health_snapshots_version_fk";--> statement-breakpoint
CREATE FUNCTION "health_snapshots_of_deleted_accounts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM health_snapshots h USING deleted_accounts d WHERE h.account_id = d.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_delete_health_snapshots" AFTER DELETE ON "accounts"
  REFERENCING OLD TABLE AS deleted_accounts FOR EACH STATEMENT
  EXECUTE FUNCTION "health_snapshots_of_deleted_accounts"();--> statement-breakpoint
CREATE FUNCTION "health_snapshots_of_truncated_accounts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE health_snapshots;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_truncate_health_snapshots" AFTER TRUNCATE ON "accounts"
  FOR EACH STATEMENT EXECUTE FUNCTION "health_snapshots_of_truncated_accounts"();
