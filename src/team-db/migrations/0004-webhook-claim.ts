import type { TeamMigration } from './types';

/*
 * The desk's half of webhooks. claim_case gives one desk the poll lease of one case, due or not, when
 * a webhook says it changed: 'claimed' (this desk now holds it and fetches), 'held' (another desk's
 * live lease: it is fetching already; ask again after it publishes), 'fresh' (a desk polled the case
 * after the event arrived, so its published result already includes the change) or 'unknown'.
 * claim_quiet_polls is claim_polls for a team whose webhooks are healthy: a due case is only claimed
 * when nobody has polled it for p_quiet_seconds, so polling becomes a slow safety net.
 */
const sql = String.raw`
CREATE FUNCTION kyc_team.claim_case(p_desk text, p_case text, p_ttl_seconds integer, p_after timestamptz)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE s poll_schedule;
BEGIN
  PERFORM caller();
  SELECT * INTO s FROM poll_schedule WHERE case_id = lower(p_case) FOR UPDATE;
  IF NOT FOUND THEN RETURN 'unknown'; END IF;
  IF p_after IS NOT NULL AND s.last_polled IS NOT NULL AND s.last_polled > p_after THEN RETURN 'fresh'; END IF;
  IF s.lease_holder IS NOT NULL AND s.lease_holder <> p_desk AND s.lease_expires >= now() THEN
    RETURN 'held';
  END IF;
  UPDATE poll_schedule
  SET lease_holder = p_desk, lease_expires = now() + make_interval(secs => greatest(p_ttl_seconds, 1))
  WHERE case_id = s.case_id;
  RETURN 'claimed';
END $$;

CREATE FUNCTION kyc_team.claim_quiet_polls(
  p_desk text, p_limit integer, p_ttl_seconds integer, p_quiet_seconds integer
) RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
BEGIN
  PERFORM caller();
  RETURN QUERY
  WITH due AS (
    SELECT s.case_id FROM poll_schedule s
    WHERE s.next_due <= now() AND (s.lease_expires IS NULL OR s.lease_expires < now())
      AND (s.last_polled IS NULL OR s.last_polled < now() - make_interval(secs => greatest(p_quiet_seconds, 0)))
    ORDER BY s.next_due
    LIMIT least(greatest(p_limit, 0), 500)
    FOR UPDATE SKIP LOCKED
  )
  UPDATE poll_schedule s
  SET lease_holder = p_desk, lease_expires = now() + make_interval(secs => greatest(p_ttl_seconds, 1))
  FROM due WHERE s.case_id = due.case_id
  RETURNING s.case_id;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kyc_team FROM PUBLIC;
`;

export const teamMigration0004: TeamMigration = { version: 4, name: 'webhook-claim', sql };
