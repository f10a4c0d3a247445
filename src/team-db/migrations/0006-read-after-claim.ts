import type { TeamMigration } from './types';

/*
 * When a desk hears of a webhook late — after another desk already read the case and published it —
 * it used to read the case again: claim_case could not tell whether the published read began before
 * or after the event (last_polled is the publish time, and a read answered before the event may be
 * published after it). The lease tells: a desk that takes a poll lease reads after taking it, and a
 * desk that claims a case for a webhook — a new lease or its own renewed — reads it after the claim
 * (its refresh reads again after any read already in flight). So the schedule keeps when the current
 * lease was last claimed (claim_polls only takes free leases; claim_case stamps every claim) and, when
 * its live holder publishes and gives it back, that time as `read_after`. claim_case answers 'fresh'
 * only when that is later than the event's arrival: a change the holder's read could have missed
 * still earns a read.
 */
const sql = String.raw`
ALTER TABLE kyc_team.poll_schedule
  ADD COLUMN lease_claimed_at timestamptz,
  ADD COLUMN read_after timestamptz;

CREATE FUNCTION kyc_team.track_lease() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.lease_holder IS NOT NULL THEN
    IF OLD.lease_holder IS DISTINCT FROM NEW.lease_holder OR OLD.lease_expires IS NULL
       OR OLD.lease_expires < now() THEN
      NEW.lease_claimed_at := now();
    END IF;
  ELSIF OLD.lease_holder IS NOT NULL THEN
    -- Given back by a publish of the live holder (publish_result only releases a live lease for its holder).
    IF NEW.last_polled IS DISTINCT FROM OLD.last_polled AND OLD.lease_expires >= now()
       AND OLD.lease_claimed_at IS NOT NULL THEN
      NEW.read_after := greatest(OLD.read_after, OLD.lease_claimed_at);
    END IF;
    NEW.lease_claimed_at := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER poll_schedule_lease BEFORE UPDATE ON kyc_team.poll_schedule
  FOR EACH ROW EXECUTE FUNCTION kyc_team.track_lease();

CREATE OR REPLACE FUNCTION kyc_team.claim_case(p_desk text, p_case text, p_ttl_seconds integer, p_after timestamptz)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE s poll_schedule;
BEGIN
  PERFORM caller();
  SELECT * INTO s FROM poll_schedule WHERE case_id = lower(p_case) FOR UPDATE;
  IF NOT FOUND THEN RETURN 'unknown'; END IF;
  IF p_after IS NOT NULL AND s.read_after IS NOT NULL AND s.read_after > p_after THEN RETURN 'fresh'; END IF;
  IF s.lease_holder IS NOT NULL AND s.lease_holder <> p_desk AND s.lease_expires >= now() THEN
    RETURN 'held';
  END IF;
  UPDATE poll_schedule
  SET lease_holder = p_desk, lease_expires = now() + make_interval(secs => greatest(p_ttl_seconds, 1)),
      lease_claimed_at = now()
  WHERE case_id = s.case_id;
  RETURN 'claimed';
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kyc_team FROM PUBLIC;
`;

export const teamMigration0006: TeamMigration = { version: 6, name: 'read-after-claim', sql };
