import type { TeamMigration } from './types';

/*
 * The team case book. Everything a desk may change goes through SECURITY DEFINER functions that take
 * the officer's identity from the login role (session_user, which SET ROLE cannot change); officers
 * get SELECT on the tables and EXECUTE on those functions, nothing else. Decisions, approvals, the
 * change feed and the audit trail are append-only by trigger as well as by grant, so even the schema
 * owner's mistakes cannot edit them without first dropping a trigger (which is itself visible).
 */
const sql = String.raw`
CREATE SCHEMA kyc_team;

CREATE TABLE kyc_team.settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  four_eyes text NOT NULL DEFAULT 'none' CHECK (four_eyes IN ('none', 'reject', 'override', 'all')),
  store_images boolean NOT NULL DEFAULT false,
  sla_minutes integer NOT NULL DEFAULT 240 CHECK (sla_minutes BETWEEN 1 AND 525600)
);
INSERT INTO kyc_team.settings DEFAULT VALUES;

CREATE TABLE kyc_team.officers (
  role name PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  supervisor boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- The change feed: every write appends one row; desks pull seq > last seen. Writers serialise on one
-- advisory lock (kyc_team.note_change), so sequence numbers become visible in order and a pull never
-- skips a row that commits late.
CREATE TABLE kyc_team.changes (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL,
  case_id text,
  actor name NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE kyc_team.cases (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f-]{1,64}$'),
  setup_id text,
  external_ref text CHECK (length(external_ref) <= 200),
  registration jsonb,
  created_by name NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  idv jsonb,
  idv_status text,
  idv_modified timestamptz,
  kyc jsonb,
  kyc_status text,
  kyc_modified timestamptz,
  customer_finished_at timestamptz,
  change_seq bigint NOT NULL
);

CREATE TABLE kyc_team.assignments (
  case_id text PRIMARY KEY REFERENCES kyc_team.cases (id),
  assignee name NOT NULL REFERENCES kyc_team.officers (role),
  assigned_by name NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kyc_team.decisions (
  id bigserial PRIMARY KEY,
  client_id uuid NOT NULL UNIQUE,
  case_id text NOT NULL REFERENCES kyc_team.cases (id),
  outcome text NOT NULL CHECK (outcome IN ('accept', 'reject', 'escalate')),
  reason_code text NOT NULL CHECK (length(reason_code) BETWEEN 1 AND 64),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
  overridden_flags jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(overridden_flags) = 'array'),
  officer name NOT NULL REFERENCES kyc_team.officers (role),
  decided_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  based_on bigint REFERENCES kyc_team.decisions (id),
  conflicts_with bigint REFERENCES kyc_team.decisions (id),
  needs_approval boolean NOT NULL
);
CREATE INDEX decisions_case ON kyc_team.decisions (case_id, id);

CREATE TABLE kyc_team.approvals (
  id bigserial PRIMARY KEY,
  decision_id bigint NOT NULL UNIQUE REFERENCES kyc_team.decisions (id),
  verdict text NOT NULL CHECK (verdict IN ('approved', 'sent_back')),
  proposer name NOT NULL,
  approver name NOT NULL REFERENCES kyc_team.officers (role),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT four_eyes CHECK (approver <> proposer)
);

CREATE TABLE kyc_team.audit (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor name NOT NULL,
  action text NOT NULL,
  case_id text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL
);
CREATE TABLE kyc_team.audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash bytea NOT NULL
);
INSERT INTO kyc_team.audit_head (seq, hash) VALUES (0, decode(repeat('00', 32), 'hex'));

CREATE TABLE kyc_team.poll_schedule (
  case_id text PRIMARY KEY REFERENCES kyc_team.cases (id),
  next_due timestamptz NOT NULL DEFAULT now(),
  lease_holder text,
  lease_expires timestamptz,
  last_polled timestamptz
);
CREATE INDEX poll_schedule_due ON kyc_team.poll_schedule (next_due);

-- Append-only, whoever asks.
CREATE FUNCTION kyc_team.forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kyc_team.% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON kyc_team.decisions
  FOR EACH ROW EXECUTE FUNCTION kyc_team.forbid_change();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON kyc_team.decisions
  FOR EACH STATEMENT EXECUTE FUNCTION kyc_team.forbid_change();
CREATE TRIGGER approvals_append_only BEFORE UPDATE OR DELETE ON kyc_team.approvals
  FOR EACH ROW EXECUTE FUNCTION kyc_team.forbid_change();
CREATE TRIGGER approvals_no_truncate BEFORE TRUNCATE ON kyc_team.approvals
  FOR EACH STATEMENT EXECUTE FUNCTION kyc_team.forbid_change();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON kyc_team.audit
  FOR EACH ROW EXECUTE FUNCTION kyc_team.forbid_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON kyc_team.audit
  FOR EACH STATEMENT EXECUTE FUNCTION kyc_team.forbid_change();
CREATE TRIGGER changes_append_only BEFORE UPDATE OR DELETE ON kyc_team.changes
  FOR EACH ROW EXECUTE FUNCTION kyc_team.forbid_change();

-- The approval's proposer is always the decision's officer, whatever the inserter says.
CREATE FUNCTION kyc_team.approvals_fill() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d kyc_team.decisions;
BEGIN
  SELECT * INTO d FROM kyc_team.decisions WHERE id = NEW.decision_id;
  IF NOT FOUND THEN RAISE EXCEPTION 'no such decision' USING ERRCODE = 'foreign_key_violation'; END IF;
  IF NOT d.needs_approval THEN
    RAISE EXCEPTION 'decision % does not need approval', d.id USING ERRCODE = 'check_violation';
  END IF;
  NEW.proposer := d.officer;
  RETURN NEW;
END $$;
CREATE TRIGGER approvals_fill BEFORE INSERT ON kyc_team.approvals
  FOR EACH ROW EXECUTE FUNCTION kyc_team.approvals_fill();

-- The audit chain is computed here, on insert: seq and hash are never the inserter's to choose.
CREATE FUNCTION kyc_team.audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE head kyc_team.audit_head;
BEGIN
  SELECT * INTO head FROM kyc_team.audit_head FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.at := clock_timestamp();
  NEW.prev_hash := head.hash;
  NEW.hash := kyc_team.audit_hash(NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.case_id, NEW.details, NEW.prev_hash);
  UPDATE kyc_team.audit_head SET seq = NEW.seq, hash = NEW.hash;
  RETURN NEW;
END $$;
CREATE FUNCTION kyc_team.audit_hash(
  p_seq bigint, p_at timestamptz, p_actor name, p_action text, p_case text, p_details jsonb, p_prev bytea
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(p_prev || convert_to(jsonb_build_array(
    1, p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    p_actor::text, p_action, p_case, p_details)::text, 'UTF8'))
$$;
CREATE TRIGGER audit_chain BEFORE INSERT ON kyc_team.audit
  FOR EACH ROW EXECUTE FUNCTION kyc_team.audit_chain();

-- First seq whose hash does not follow from its predecessor (null: intact), plus the head.
CREATE FUNCTION kyc_team.verify_audit(OUT broken_at bigint, OUT head_seq bigint, OUT head_hash text)
LANGUAGE plpgsql STABLE AS $$
DECLARE r kyc_team.audit; prev bytea := decode(repeat('00', 32), 'hex'); expected bigint := 1;
BEGIN
  broken_at := NULL;
  FOR r IN SELECT * FROM kyc_team.audit ORDER BY seq LOOP
    IF r.seq <> expected OR r.prev_hash <> prev OR r.hash <> kyc_team.audit_hash(
      r.seq, r.at, r.actor, r.action, r.case_id, r.details, r.prev_hash) THEN
      broken_at := r.seq; EXIT;
    END IF;
    prev := r.hash; expected := expected + 1;
  END LOOP;
  SELECT h.seq, encode(h.hash, 'hex') INTO head_seq, head_hash FROM kyc_team.audit_head h;
  IF broken_at IS NULL AND head_seq <> expected - 1 THEN broken_at := expected; END IF;
END $$;

-- Who is calling: the login role, which must be an enabled officer.
CREATE FUNCTION kyc_team.caller() RETURNS kyc_team.officers LANGUAGE plpgsql STABLE AS $$
DECLARE o kyc_team.officers;
BEGIN
  SELECT * INTO o FROM kyc_team.officers WHERE role = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION '% is not an officer of this team', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF o.disabled_at IS NOT NULL THEN
    RAISE EXCEPTION 'officer % is disabled', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN o;
END $$;

CREATE FUNCTION kyc_team.note_change(p_kind text, p_case text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('kyc_team.changes'));
  INSERT INTO kyc_team.changes (kind, case_id, actor) VALUES (p_kind, p_case, session_user) RETURNING seq INTO s;
  PERFORM pg_notify('kyc_team_changes', s::text);
  RETURN s;
END $$;

CREATE FUNCTION kyc_team.log(p_action text, p_case text, p_details jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO kyc_team.audit (seq, at, actor, action, case_id, details, prev_hash, hash)
  VALUES (0, now(), session_user, p_action, p_case, coalesce(p_details, '{}'), '\x', '\x')
$$;

CREATE FUNCTION kyc_team.register_case(
  p_id text, p_setup text, p_external_ref text, p_registration jsonb
) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE me officers := caller(); s bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM cases WHERE id = lower(p_id)) THEN RETURN false; END IF;
  s := note_change('case', lower(p_id));
  INSERT INTO cases (id, setup_id, external_ref, registration, created_by, change_seq)
  VALUES (lower(p_id), p_setup, p_external_ref, p_registration, me.role, s);
  INSERT INTO poll_schedule (case_id) VALUES (lower(p_id));
  PERFORM log('case.registered', lower(p_id), jsonb_build_object('setupId', p_setup));
  RETURN true;
END $$;

-- One desk polls a due case at a time: the standard SKIP LOCKED work queue, with leases that expire
-- when their holder dies.
CREATE FUNCTION kyc_team.claim_polls(p_desk text, p_limit integer, p_ttl_seconds integer)
RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
BEGIN
  PERFORM caller();
  RETURN QUERY
  WITH due AS (
    SELECT s.case_id FROM poll_schedule s
    WHERE s.next_due <= now() AND (s.lease_expires IS NULL OR s.lease_expires < now())
    ORDER BY s.next_due
    LIMIT least(greatest(p_limit, 0), 500)
    FOR UPDATE SKIP LOCKED
  )
  UPDATE poll_schedule s
  SET lease_holder = p_desk, lease_expires = now() + make_interval(secs => greatest(p_ttl_seconds, 1))
  FROM due WHERE s.case_id = due.case_id
  RETURNING s.case_id;
END $$;

-- A poll result, written once for the team; an older answer never overwrites a newer one.
CREATE FUNCTION kyc_team.publish_result(
  p_id text, p_idv jsonb, p_idv_status text, p_idv_modified timestamptz,
  p_kyc jsonb, p_kyc_status text, p_kyc_modified timestamptz,
  p_customer_finished_at timestamptz, p_next_due timestamptz, p_desk text
) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE c cases; newer_idv boolean; newer_kyc boolean; s bigint;
BEGIN
  PERFORM caller();
  SELECT * INTO c FROM cases WHERE id = lower(p_id) FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'no such case' USING ERRCODE = 'no_data_found'; END IF;
  newer_idv := p_idv IS NOT NULL AND (c.idv_modified IS NULL OR p_idv_modified IS NULL OR p_idv_modified >= c.idv_modified)
               AND c.idv IS DISTINCT FROM p_idv;
  newer_kyc := p_kyc IS NOT NULL AND (c.kyc_modified IS NULL OR p_kyc_modified IS NULL OR p_kyc_modified >= c.kyc_modified)
               AND c.kyc IS DISTINCT FROM p_kyc;
  UPDATE poll_schedule SET next_due = coalesce(p_next_due, next_due), last_polled = now(),
    lease_holder = NULL, lease_expires = NULL
  WHERE case_id = c.id AND (lease_holder IS NULL OR lease_holder = p_desk OR lease_expires < now());
  IF NOT (newer_idv OR newer_kyc) THEN RETURN false; END IF;
  s := note_change('result', c.id);
  UPDATE cases SET
    idv = CASE WHEN newer_idv THEN p_idv ELSE idv END,
    idv_status = CASE WHEN newer_idv THEN p_idv_status ELSE idv_status END,
    idv_modified = CASE WHEN newer_idv THEN p_idv_modified ELSE idv_modified END,
    kyc = CASE WHEN newer_kyc THEN p_kyc ELSE kyc END,
    kyc_status = CASE WHEN newer_kyc THEN p_kyc_status ELSE kyc_status END,
    kyc_modified = CASE WHEN newer_kyc THEN p_kyc_modified ELSE kyc_modified END,
    customer_finished_at = coalesce(customer_finished_at, p_customer_finished_at),
    change_seq = s
  WHERE id = c.id;
  RETURN true;
END $$;

-- A decision; with four eyes it stays proposed until another officer approves it. Pushing the same
-- client_id twice (a desk retrying after a lost answer) returns the first row.
CREATE FUNCTION kyc_team.decide(
  p_client_id uuid, p_case text, p_outcome text, p_reason text, p_note text, p_overridden jsonb,
  p_decided_at timestamptz, p_based_on bigint,
  OUT decision_id bigint, OUT state text, OUT conflicts_with bigint
) LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE me officers := caller(); d decisions; latest bigint; policy text; needs boolean; s bigint;
BEGIN
  SELECT * INTO d FROM decisions WHERE client_id = p_client_id;
  IF FOUND THEN
    IF d.officer <> me.role THEN
      RAISE EXCEPTION 'decision id already used' USING ERRCODE = 'unique_violation';
    END IF;
    decision_id := d.id; conflicts_with := d.conflicts_with;
    state := CASE WHEN NOT d.needs_approval THEN 'final'
      ELSE coalesce((SELECT a.verdict FROM approvals a WHERE a.decision_id = d.id), 'proposed') END;
    RETURN;
  END IF;
  PERFORM 1 FROM cases WHERE id = lower(p_case) FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'no such case' USING ERRCODE = 'no_data_found'; END IF;
  SELECT max(id) INTO latest FROM decisions WHERE case_id = lower(p_case);
  SELECT four_eyes INTO policy FROM settings;
  needs := CASE policy
    WHEN 'all' THEN true
    WHEN 'reject' THEN p_outcome = 'reject'
    WHEN 'override' THEN p_outcome = 'reject' OR (p_outcome = 'accept' AND jsonb_array_length(coalesce(p_overridden, '[]')) > 0)
    ELSE false END;
  s := note_change('decision', lower(p_case));
  INSERT INTO decisions (client_id, case_id, outcome, reason_code, note, overridden_flags, officer,
                         decided_at, based_on, conflicts_with, needs_approval)
  VALUES (p_client_id, lower(p_case), p_outcome, p_reason, coalesce(p_note, ''), coalesce(p_overridden, '[]'),
          me.role, p_decided_at, p_based_on,
          CASE WHEN latest IS DISTINCT FROM p_based_on THEN latest END, needs)
  RETURNING id, decisions.conflicts_with INTO decision_id, conflicts_with;
  UPDATE cases SET change_seq = s WHERE id = lower(p_case);
  state := CASE WHEN needs THEN 'proposed' ELSE 'final' END;
  PERFORM log('decision.recorded', lower(p_case), jsonb_build_object(
    'decisionId', decision_id, 'outcome', p_outcome, 'reasonCode', p_reason, 'note', coalesce(p_note, ''),
    'overriddenFlags', coalesce(p_overridden, '[]'), 'decidedAt', p_decided_at, 'state', state,
    'conflictsWith', conflicts_with));
END $$;

CREATE FUNCTION kyc_team.review_proposal(p_decision bigint, p_verdict text, p_note text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE me officers := caller(); d decisions; s bigint;
BEGIN
  IF NOT me.supervisor THEN
    RAISE EXCEPTION 'only a supervisor may approve or send back' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO d FROM decisions WHERE id = p_decision;
  IF NOT FOUND THEN RAISE EXCEPTION 'no such decision' USING ERRCODE = 'no_data_found'; END IF;
  IF d.officer = me.role THEN
    RAISE EXCEPTION 'four eyes: % cannot approve their own decision', me.role USING ERRCODE = 'check_violation';
  END IF;
  s := note_change('approval', d.case_id);
  INSERT INTO approvals (decision_id, verdict, proposer, approver, note)
  VALUES (d.id, p_verdict, d.officer, me.role, coalesce(p_note, ''));
  UPDATE cases SET change_seq = s WHERE id = d.case_id;
  PERFORM log(CASE p_verdict WHEN 'approved' THEN 'decision.approved' ELSE 'decision.sent-back' END,
              d.case_id, jsonb_build_object('decisionId', d.id, 'note', coalesce(p_note, '')));
END $$;

CREATE FUNCTION kyc_team.assign_case(p_case text, p_to name)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE me officers := caller(); target name := coalesce(p_to, me.role); s bigint;
BEGIN
  IF target <> me.role AND NOT me.supervisor THEN
    RAISE EXCEPTION 'only a supervisor may assign a case to someone else' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM officers WHERE role = target AND disabled_at IS NULL) THEN
    RAISE EXCEPTION '% is not an active officer', target USING ERRCODE = 'foreign_key_violation';
  END IF;
  PERFORM 1 FROM cases WHERE id = lower(p_case) FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'no such case' USING ERRCODE = 'no_data_found'; END IF;
  s := note_change('assignment', lower(p_case));
  INSERT INTO assignments (case_id, assignee, assigned_by) VALUES (lower(p_case), target, me.role)
  ON CONFLICT (case_id) DO UPDATE SET assignee = EXCLUDED.assignee, assigned_by = EXCLUDED.assigned_by, at = now();
  UPDATE cases SET change_seq = s WHERE id = lower(p_case);
  PERFORM log('case.assigned', lower(p_case), jsonb_build_object('to', target));
END $$;

CREATE FUNCTION kyc_team.release_case(p_case text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE me officers := caller(); a assignments; s bigint;
BEGIN
  SELECT * INTO a FROM assignments WHERE case_id = lower(p_case) FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  IF a.assignee <> me.role AND NOT me.supervisor THEN
    RAISE EXCEPTION 'the case is assigned to %', a.assignee USING ERRCODE = 'insufficient_privilege';
  END IF;
  s := note_change('assignment', lower(p_case));
  DELETE FROM assignments WHERE case_id = lower(p_case);
  UPDATE cases SET change_seq = s WHERE id = lower(p_case);
  PERFORM log('case.released', lower(p_case), '{}');
END $$;

CREATE FUNCTION kyc_team.set_policy(p_four_eyes text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = kyc_team, pg_temp AS $$
DECLARE me officers := caller();
BEGIN
  IF NOT me.supervisor THEN
    RAISE EXCEPTION 'only a supervisor may change the team policy' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE settings SET four_eyes = p_four_eyes;
  PERFORM note_change('settings', NULL);
  PERFORM log('team.policy', NULL, jsonb_build_object('fourEyes', p_four_eyes));
END $$;

REVOKE ALL ON SCHEMA kyc_team FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA kyc_team FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA kyc_team FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kyc_team FROM PUBLIC;
`;

export const teamMigration0001: TeamMigration = { version: 1, name: 'initial', sql };
