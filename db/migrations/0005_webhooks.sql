CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" uuid NOT NULL,
	"audit_id" bigint NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."delivered_at" is null and "webhook_deliveries"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_idx" ON "webhook_deliveries" USING btree ("webhook_id","audit_id");--> statement-breakpoint
-- Every change written to the audit log queues a delivery to each active webhook whose filter matches,
-- in the same transaction as the change. Reads of restricted records are never sent.
CREATE FUNCTION enqueue_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.action = 'read' THEN
    RETURN NEW;
  END IF;
  INSERT INTO webhook_deliveries (webhook_id, audit_id, event, payload, next_attempt_at)
  SELECT w.id, NEW.id, NEW.action,
         jsonb_build_object('event', NEW.action, 'entityType', NEW.entity_type, 'entityId', NEW.entity_id,
                            'at', NEW.at, 'auditId', NEW.id, 'requestId', NEW.request_id),
         timestamptz 'epoch' -- due at once, whatever the sweep's clock says
    FROM webhooks w
   WHERE w.active
     AND (cardinality(w.events) = 0
          OR EXISTS (SELECT 1 FROM unnest(w.events) e WHERE NEW.action LIKE replace(e, '*', '%')));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_webhooks AFTER INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION enqueue_webhook_deliveries();
