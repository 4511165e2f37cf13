-- Webhooks carry public records only. A receiver is an outside system: it must not learn even that a
-- restricted record (an early warning, a help request, a network matter, a person without a public
-- role) exists or changed. Public: agencies and units, rosters, the resource directory, the calendar,
-- and matters whose visibility is public.
CREATE OR REPLACE FUNCTION enqueue_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.action = 'read' THEN
    RETURN NEW;
  END IF;
  IF NOT (
    NEW.entity_type IN ('org', 'roster', 'resource', 'calendar', 'calendar-day')
    OR (NEW.entity_type = 'matter'
        AND EXISTS (SELECT 1 FROM matters m WHERE m.id::text = NEW.entity_id AND m.visibility = 'public'))
  ) THEN
    RETURN NEW;
  END IF;
  INSERT INTO webhook_deliveries (webhook_id, audit_id, event, payload, next_attempt_at)
  SELECT w.id, NEW.id, NEW.action,
         jsonb_build_object('event', NEW.action, 'entityType', NEW.entity_type, 'entityId', NEW.entity_id,
                            'at', NEW.at, 'auditId', NEW.id, 'requestId', NEW.request_id),
         timestamptz 'epoch'
    FROM webhooks w
   WHERE w.active
     AND (cardinality(w.events) = 0
          OR EXISTS (SELECT 1 FROM unnest(w.events) e WHERE NEW.action LIKE replace(e, '*', '%')));
  RETURN NEW;
END;
$$;
