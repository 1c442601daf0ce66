CREATE TABLE "usage_fold_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"horizon" bigint NOT NULL,
	"folded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_fold_state_single_row_check" CHECK ("usage_fold_state"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "usage_events" DROP CONSTRAINT "usage_events_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "usage_events" DROP CONSTRAINT "usage_events_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "usage_events" ADD COLUMN "fold_txid" bigint;--> statement-breakpoint
CREATE INDEX "usage_events_fold_txid_idx" ON "usage_events" USING brin ("fold_txid");--> statement-breakpoint
-- New events carry the id of the transaction that stored them (existing rows stay null: they were
-- folded when stored). Set after ADD COLUMN so existing rows are not rewritten.
ALTER TABLE "usage_events" ALTER COLUMN "fold_txid" SET DEFAULT (pg_current_xact_id()::text::bigint);--> statement-breakpoint
INSERT INTO "usage_fold_state" ("id", "horizon") VALUES (1, pg_current_xact_id()::text::bigint);--> statement-breakpoint
-- What the dropped foreign keys did, once per statement instead of once per event.
CREATE FUNCTION "usage_events_of_deleted_accounts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_events e USING deleted_accounts d WHERE e.account_id = d.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_delete_usage_events" AFTER DELETE ON "accounts"
  REFERENCING OLD TABLE AS deleted_accounts FOR EACH STATEMENT
  EXECUTE FUNCTION "usage_events_of_deleted_accounts"();--> statement-breakpoint
CREATE FUNCTION "usage_events_of_truncated_accounts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- As TRUNCATE … CASCADE did through the foreign key: the whole table.
  TRUNCATE usage_events;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_truncate_usage_events" AFTER TRUNCATE ON "accounts"
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_events_of_truncated_accounts"();--> statement-breakpoint
CREATE FUNCTION "usage_events_of_deleted_contacts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE usage_events e SET contact_id = NULL FROM deleted_contacts d WHERE e.contact_id = d.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "contacts_delete_usage_events" AFTER DELETE ON "contacts"
  REFERENCING OLD TABLE AS deleted_contacts FOR EACH STATEMENT
  EXECUTE FUNCTION "usage_events_of_deleted_contacts"();
