CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subscription_id" uuid NOT NULL,
	"event_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_type" text NOT NULL,
	"data" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" IN ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"events" text[] NOT NULL,
	"format" text DEFAULT 'json' NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_subscriptions_format_check" CHECK ("webhook_subscriptions"."format" IN ('json', 'slack'))
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries" USING btree ("subscription_id","created_at");--> statement-breakpoint
-- Webhook events are written by statement-level triggers, in the transaction of the change (an
-- outbox), whatever made it: the API, an import or the CLI. With no active subscription they return
-- at once. account.health_band_changed is written by the health recompute itself.
CREATE FUNCTION "webhook_account_json"(account accounts) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('id', account.id, 'name', account.name, 'externalId', account.external_id,
                            'ownerId', account.owner_id, 'status', account.status, 'lifecycleStage', account.lifecycle_stage)
$$;--> statement-breakpoint
CREATE FUNCTION "webhook_accounts_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active) THEN RETURN NULL; END IF;
  WITH events AS MATERIALIZED (
    SELECT gen_random_uuid() AS event_id, 'account.stage_changed' AS event_type,
           jsonb_build_object('account', webhook_account_json(n), 'previousStage', o.lifecycle_stage, 'stage', n.lifecycle_stage) AS data
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.lifecycle_stage IS DISTINCT FROM n.lifecycle_stage
    UNION ALL
    SELECT gen_random_uuid(), 'account.churned',
           jsonb_build_object('account', webhook_account_json(n), 'previousStatus', o.status)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.status = 'churned' AND o.status <> 'churned'
  )
  INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, data)
  SELECT w.id, e.event_id, e.event_type, e.data
  FROM events e JOIN webhook_subscriptions w ON w.active AND e.event_type = ANY(w.events);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_webhooks" AFTER UPDATE ON "accounts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "webhook_accounts_updated"();--> statement-breakpoint
CREATE FUNCTION "webhook_survey_responses_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active AND 'survey.response_received' = ANY(events)) THEN RETURN NULL; END IF;
  WITH events AS MATERIALIZED (
    SELECT gen_random_uuid() AS event_id,
           jsonb_build_object('account', webhook_account_json(a), 'response', jsonb_build_object(
             'id', n.id, 'kind', n.survey_kind, 'survey', n.survey_name, 'score', n.score, 'comment', n.comment,
             'respondedAt', n.responded_at, 'contactId', n.contact_id)) AS data
    FROM new_rows n JOIN accounts a ON a.id = n.account_id
  )
  INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, data)
  SELECT w.id, e.event_id, 'survey.response_received', e.data
  FROM events e JOIN webhook_subscriptions w ON w.active AND 'survey.response_received' = ANY(w.events);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "survey_responses_webhooks" AFTER INSERT ON "survey_responses"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "webhook_survey_responses_inserted"();--> statement-breakpoint
CREATE FUNCTION "webhook_import_runs_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active AND 'import.completed' = ANY(events)) THEN RETURN NULL; END IF;
  WITH events AS MATERIALIZED (
    SELECT gen_random_uuid() AS event_id,
           jsonb_build_object('import', jsonb_build_object(
             'id', n.id, 'kind', n.kind, 'source', n.source, 'fileName', n.file_name, 'inserted', n.inserted,
             'updated', n.updated, 'unchanged', n.unchanged, 'rejected', n.rejected,
             'startedAt', n.started_at, 'finishedAt', n.finished_at)) AS data
    FROM new_rows n WHERE n.status = 'completed'
  )
  INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, data)
  SELECT w.id, e.event_id, 'import.completed', e.data
  FROM events e JOIN webhook_subscriptions w ON w.active AND 'import.completed' = ANY(w.events);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "import_runs_webhooks" AFTER INSERT ON "import_runs"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "webhook_import_runs_inserted"();
