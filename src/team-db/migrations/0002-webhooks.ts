import type { TeamMigration } from './types';

/*
 * Webhook events, as a team's relays receive them from Ondato. Only what identifies the event and the
 * resource is kept — never the payload: an event only tells desks that something changed; the desk
 * holding the case's lease then reads the resource from Ondato with its own credentials. Relays log in
 * as members of kyc_desk_relay and can do nothing but record events and their heartbeat.
 */
const sql = String.raw`
CREATE TABLE kyc_team.webhook_events (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  type text NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
  case_id text CHECK (case_id ~ '^[0-9a-f-]{1,64}$'),
  kyc_id text CHECK (kyc_id ~ '^[0-9a-f-]{1,64}$'),
  created_utc timestamptz,
  resource_modified timestamptz,
  received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  relay name NOT NULL
);
CREATE INDEX webhook_events_case ON kyc_team.webhook_events (case_id, received_at);
CREATE INDEX webhook_events_received ON kyc_team.webhook_events (received_at);

CREATE TABLE kyc_team.relays (
  name text PRIMARY KEY,
  role name NOT NULL,
  last_seen timestamptz NOT NULL
);

CREATE FUNCTION kyc_team.require_relay() RETURNS void LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF NOT pg_has_role(session_user, 'kyc_desk_relay', 'MEMBER') THEN
    RAISE EXCEPTION '% is not a relay of this team', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$;

-- Stores one event once (Ondato delivers duplicates) and wakes the desks. Returns false for a duplicate.
-- It touches no shared row (the heartbeat has its own timer), so deliveries never queue behind each other.
CREATE FUNCTION kyc_team.record_webhook(
  p_id text, p_type text, p_case text, p_kyc text, p_created timestamptz, p_modified timestamptz, p_relay text
) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE inserted boolean;
BEGIN
  PERFORM require_relay();
  INSERT INTO webhook_events (id, type, case_id, kyc_id, created_utc, resource_modified, relay)
  VALUES (p_id, p_type, lower(p_case), lower(p_kyc), p_created, p_modified, session_user)
  ON CONFLICT (id) DO NOTHING;
  inserted := FOUND;
  IF inserted THEN
    -- A case the team tracks becomes due at once; the lease holder reads it from Ondato.
    UPDATE poll_schedule SET next_due = now() WHERE case_id = lower(p_case) AND next_due > now();
    PERFORM pg_notify('kyc_team_webhooks', json_build_object('id', p_id, 'caseId', lower(p_case), 'type', p_type)::text);
  END IF;
  RETURN inserted;
END $$;

CREATE FUNCTION kyc_team.relay_heartbeat(p_relay text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
BEGIN
  PERFORM require_relay();
  INSERT INTO relays (name, role, last_seen) VALUES (coalesce(p_relay, session_user), session_user, now())
  ON CONFLICT (name) DO UPDATE SET last_seen = now();
END $$;

REVOKE ALL ON kyc_team.webhook_events, kyc_team.relays FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kyc_team FROM PUBLIC;
`;

export const teamMigration0002: TeamMigration = { version: 2, name: 'webhooks', sql };
