import type { TeamMigration } from './types';

/*
 * What a desk reads to react to webhooks. An event names the IDV (the relay took it from the payload)
 * and, for KYC events, the KYC identification; kyc_team.webhook_case maps either to the team's case.
 * kyc_team.webhook_case_events is the event list in those terms (a desk that missed NOTIFYs while
 * reconnecting re-reads it from a little before the last event it saw: received_at is the insert's clock,
 * not a commit order). kyc_team.webhook_health says whether webhooks are flowing, measured on the
 * database's clock so a desk with a skewed clock still judges freshness right.
 */
const sql = String.raw`
-- A case whose stored KYC resource has this id (for an event that names the KYC identification only).
CREATE INDEX cases_kyc_id ON kyc_team.cases ((lower(kyc->>'id')));

-- The team case an event is about: by IDV id first, else by KYC id; null when the team does not track it.
CREATE FUNCTION kyc_team.webhook_case(p_case text, p_kyc text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT found.id FROM (
    SELECT c.id, 0 AS rank FROM kyc_team.cases c WHERE p_case IS NOT NULL AND c.id = lower(p_case)
    UNION ALL
    SELECT c.id, 1 FROM kyc_team.cases c WHERE p_kyc IS NOT NULL AND lower(c.kyc->>'id') = lower(p_kyc)
  ) found ORDER BY found.rank, found.id LIMIT 1
$$;

CREATE VIEW kyc_team.webhook_case_events AS
  SELECT e.id AS event_id, e.type, m.case_id, e.case_id AS idv_id, e.kyc_id, e.created_utc,
         e.resource_modified, e.received_at, e.relay
  FROM kyc_team.webhook_events e
  CROSS JOIN LATERAL (SELECT kyc_team.webhook_case(e.case_id, e.kyc_id) AS case_id) m
  WHERE m.case_id IS NOT NULL;

-- One row. A relay beats every 15 s; three missed beats and it no longer counts as alive.
CREATE VIEW kyc_team.webhook_health AS
  SELECT
    (SELECT max(received_at) FROM kyc_team.webhook_events) AS last_event_at,
    (SELECT max(last_seen) FROM kyc_team.relays) AS last_heartbeat_at,
    extract(epoch FROM clock_timestamp() - (SELECT max(received_at) FROM kyc_team.webhook_events))::double precision
      AS seconds_since_event,
    extract(epoch FROM clock_timestamp() - (SELECT max(last_seen) FROM kyc_team.relays))::double precision
      AS seconds_since_heartbeat,
    (SELECT count(*) FROM kyc_team.relays WHERE last_seen > clock_timestamp() - interval '45 seconds')::integer
      AS relays_alive,
    (SELECT count(*) FROM kyc_team.webhook_events
      WHERE received_at > clock_timestamp() - interval '1 hour')::integer AS events_last_hour,
    clock_timestamp() AS checked_at;

REVOKE ALL ON kyc_team.webhook_case_events, kyc_team.webhook_health FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kyc_team FROM PUBLIC;
`;

export const teamMigration0003: TeamMigration = { version: 3, name: 'webhook-desk', sql };
