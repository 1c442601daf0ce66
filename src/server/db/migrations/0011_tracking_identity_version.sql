CREATE TABLE "tracking_identity_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "tracking_identity_version_single_row_check" CHECK ("tracking_identity_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "tracking_identity_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- Bumped in the transaction that changes a tracked user's account or contact, or deletes users, so a
-- reader sees the new version together with the change (both in one snapshot).
CREATE FUNCTION "tracking_identity_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tracking_identity_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tracked_users_identity_update" AFTER UPDATE ON "tracked_users"
  FOR EACH ROW WHEN (OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.contact_id IS DISTINCT FROM NEW.contact_id)
  EXECUTE FUNCTION "tracking_identity_changed"();--> statement-breakpoint
CREATE TRIGGER "tracked_users_identity_delete" AFTER DELETE ON "tracked_users"
  FOR EACH STATEMENT EXECUTE FUNCTION "tracking_identity_changed"();--> statement-breakpoint
CREATE TRIGGER "tracked_users_identity_truncate" AFTER TRUNCATE ON "tracked_users"
  FOR EACH STATEMENT EXECUTE FUNCTION "tracking_identity_changed"();
