import type { TeamMigration } from './types';

/*
 * claim_quiet_polls counted a case nobody had polled yet as overdue for the safety net, so while the
 * relay was live every new case was still polled once right after it was registered. A case is
 * registered by the desk that just created it at Ondato (or pulled it from the team), and from then on
 * Ondato's webhooks report its changes: it is quiet since its registration, not since forever.
 */
const sql = String.raw`
CREATE OR REPLACE FUNCTION kyc_team.claim_quiet_polls(
  p_desk text, p_limit integer, p_ttl_seconds integer, p_quiet_seconds integer
) RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
BEGIN
  PERFORM caller();
  RETURN QUERY
  WITH due AS (
    SELECT s.case_id FROM poll_schedule s JOIN cases c ON c.id = s.case_id
    WHERE s.next_due <= now() AND (s.lease_expires IS NULL OR s.lease_expires < now())
      AND coalesce(s.last_polled, c.created_at) < now() - make_interval(secs => greatest(p_quiet_seconds, 0))
    ORDER BY s.next_due
    LIMIT least(greatest(p_limit, 0), 500)
    FOR UPDATE OF s SKIP LOCKED
  )
  UPDATE poll_schedule s
  SET lease_holder = p_desk, lease_expires = now() + make_interval(secs => greatest(p_ttl_seconds, 1))
  FROM due WHERE s.case_id = due.case_id
  RETURNING s.case_id;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kyc_team FROM PUBLIC;
`;

export const teamMigration0005: TeamMigration = {
  version: 5,
  name: 'quiet-since-registration',
  sql,
};
