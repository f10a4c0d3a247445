/** The team's group roles. Role names are cluster-wide in PostgreSQL; one cluster serves one team. */
export const GROUP_ROLES = {
  officer: 'kyc_desk_officer',
  supervisor: 'kyc_desk_supervisor',
  auditor: 'kyc_desk_auditor',
  relay: 'kyc_desk_relay',
} as const;

/** A login role name we accept: PostgreSQL identifiers without quoting surprises. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const READABLE = [
  'settings',
  'officers',
  'changes',
  'cases',
  'assignments',
  'decisions',
  'approvals',
  'audit',
  'audit_head',
  'poll_schedule',
  'webhook_events',
  'relays',
  'webhook_case_events',
  'webhook_health',
];

const OFFICER_FUNCTIONS = [
  'register_case(text, text, text, jsonb)',
  'claim_polls(text, integer, integer)',
  'publish_result(text, jsonb, text, timestamptz, jsonb, text, timestamptz, timestamptz, timestamptz, text)',
  'decide(uuid, text, text, text, text, jsonb, timestamptz, bigint)',
  'review_proposal(bigint, text, text)',
  'assign_case(text, name)',
  'release_case(text)',
  'set_policy(text)',
  'verify_audit()',
  'audit_hash(bigint, timestamptz, name, text, text, jsonb, bytea)',
  'webhook_case(text, text)',
  'claim_case(text, text, integer, timestamptz)',
  'claim_quiet_polls(text, integer, integer, integer)',
];

/** Group roles and grants; idempotent, run by the owner after every migration. */
export function grantsSql(): string {
  const { officer, supervisor, auditor, relay } = GROUP_ROLES;
  // Roles are cluster-wide: two team databases of one cluster migrated at once race to create them.
  const createRole = (name: string): string =>
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}') THEN CREATE ROLE ${name} NOLOGIN; END IF; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`;
  return [
    createRole(officer),
    createRole(supervisor),
    createRole(auditor),
    createRole(relay),
    `GRANT ${officer} TO ${supervisor};`,
    `GRANT USAGE ON SCHEMA kyc_team TO ${officer}, ${auditor};`,
    `GRANT SELECT ON public.kyc_team_meta TO ${officer}, ${auditor};`,
    ...READABLE.map((t) => `GRANT SELECT ON kyc_team.${t} TO ${officer}, ${auditor};`),
    'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kyc_team FROM PUBLIC;',
    ...OFFICER_FUNCTIONS.map((f) => `GRANT EXECUTE ON FUNCTION kyc_team.${f} TO ${officer};`),
    `GRANT EXECUTE ON FUNCTION kyc_team.verify_audit() TO ${auditor};`,
    `GRANT EXECUTE ON FUNCTION kyc_team.webhook_case(text, text) TO ${auditor};`,
    `GRANT USAGE ON SCHEMA kyc_team TO ${relay};`,
    `GRANT SELECT ON public.kyc_team_meta TO ${relay};`,
    `GRANT EXECUTE ON FUNCTION kyc_team.record_webhook(text, text, text, text, timestamptz, timestamptz, text) TO ${relay};`,
    `GRANT EXECUTE ON FUNCTION kyc_team.relay_heartbeat(text) TO ${relay};`,
    `GRANT EXECUTE ON FUNCTION kyc_team.audit_hash(bigint, timestamptz, name, text, text, jsonb, bytea) TO ${auditor};`,
  ].join('\n');
}
