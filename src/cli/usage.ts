export const USAGE = `KYC Desk command line

Usage: kyc-desk <command> [options]     (npm run cli -- <command> [options])

Ondato commands (configured by ONDATO_ENV, ONDATO_CLIENT_ID, ONDATO_CLIENT_SECRET, ONDATO_SETUP_ID,
ONDATO_SIMULATOR_URL and the overrides ONDATO_AUTH_URL, ONDATO_IDV_API_URL, ONDATO_KYC_API_URL,
ONDATO_IDV_WEB_URL):
  setups                               list the IDV setups of the client
  create --from-json -|FILE            create an identity verification and print its customer URL; the
                                       registration is JSON on stdin or in FILE (keeps it out of ps and
                                       shell history), e.g. {"firstName":"Rasa","lastName":"Petraitienė"}
  create [registration options]        the same from flags:
      --first-name --middle-name --last-name --date-of-birth YYYY-MM-DD --personal-code
      --email --phone DIGITS --country XX --external-ref REF --setup UUID
      --track [--data-dir DIR]         also keep the case in this environment's local cache
  status <idvId>                       the IDV's status
  kyc <idvId>                          the KYC identification of an IDV
  files <idvId> --out DIR              download the document images
  qr <idvId> --out FILE.png            write a QR code of the customer URL
  url <idvId>                          print the customer URL

Workspaces (stored like the app's: settings in the encrypted cache, the secret in the system keychain):
  workspace add --name N --env production|sandbox|demo --client-id ID --setup UUID
      [--customer-url URL] [--base-url URL] [--officer NAME]
                                       the client secret is read from a hidden prompt, or from
                                       stdin when piped; never from a flag
      [--team-url postgres://ROLE@HOST:PORT/DB[?sslmode=verify-full&sslrootcert=FILE]]
                                       join a team database: the password from PGPASSWORD,
                                       ~/.pgpass or a hidden prompt, kept in the keychain
  workspace list | use <id|name> | test [<id|name>] | remove <id|name> --yes
  workspace set <id|name> [--name N] [--officer NAME] [--setup UUID] [--new-secret]
      [--base-url URL] [--auth-url URL] [--idv-api-url URL] [--kyc-api-url URL] [--customer-url URL]
      [--yes]                          changing an Ondato address needs --yes and the client secret
                                       again (prompt or stdin); removing needs --yes

Cases (the active workspace; with ONDATO_ENV set, the environment's own workspace and cache):
  sync --once | --watch                check Ondato now / keep polling until Ctrl+C
  cases [--search Q] [--status S] [--limit N]
                                       the cached case list
  show <idvId>                         one case from the cache (works offline)
  decide <idvId> --decision accept|reject|escalate --reason CODE [--note TEXT]
      [--override FLAG,... | --override-all-reviewed]
                                       an accept over risk flags (listed by \`show\`) must name
                                       each one as reviewed and explain it in --note; a case whose
                                       IDV is not Completed cannot be accepted
                                       CODE: accept verified|verified_minor_mismatch|verified_manual_check;
                                       reject data_mismatch|document_expired|document_unreadable|
                                       face_mismatch|underage|suspected_fraud|customer_withdrew;
                                       escalate needs_second_opinion|sanctions_or_pep|unusual_document|other
  audit verify [--against FILE]        check the audit trail: MACs, decisions, anchors (and an earlier export)
  audit export --out FILE.jsonl        write the workspace's audit trail with its head, for archiving
  export <idvId> --out FILE.pdf        the case's evidence pack (PDF: data, checks, images, decisions)
  cases --csv [--out FILE] [--search Q] [--status S[,S]] [--decision D[,D] | --decided | --undecided]
                                       the case register as CSV (standard output without --out)
  retention run [--dry-run]            remove personal data and images of cases whose final decision
                                       is older than the workspace's retention period (--dry-run: list)
  retention set --days N|off           the workspace's retention period (default off; AML record
                                       keeping is often 5 years = 1826 days)
  redact <idvId> --yes                 ask Ondato to redact the IDV's personal and biometric data,
                                       then remove the local copy (cannot be undone)
  import <idvId>...                    track IDVs created outside KYC Desk (Ondato's portal, ...)
  import --since YYYY-MM-DD [--max-pages N]
                                       import the identifications of this workspace's setups since then

Team work (a workspace joined to a team database; with ONDATO_ENV set, KYC_DESK_TEAM_URL joins the
environment's workspace):
  team join postgres://ROLE@HOST:PORT/DB
                                       join the active workspace to a team database
  team status                          connected, schema version, officer, pending pushes, last
                                       change seen, and the desk trail cross-checked with the team chain
  approve <idvId> [--note TEXT]        approve another officer's proposed decision (supervisors)
  send-back <idvId> --note TEXT        send a proposed decision back (supervisors)
  assign <idvId> [--to ROLE]           take the case, or (supervisors) give it to an officer
  release <idvId>                      give the case back to the unassigned queue
  cases --queue mine|unassigned|approval|overdue [--overdue-after MINUTES] [--limit N]
                                       the team's queues; overdue: the customer finished longer ago
                                       than the team's SLA (or MINUTES)
  decide on a joined workspace answers where the decision stands in the team (proposed; needs
  approval by another officer — conflicting decisions — queued until the database is back);
  sync --once also pushes, publishes and pulls the team's changes.
  These accept --data-dir DIR (default: KYC_DESK_DATA_DIR, else the app's data directory).

Team database (PostgreSQL; run as its owner; URL from --database or DATABASE_URL, the password
from PGPASSWORD, ~/.pgpass or a hidden prompt, never from a flag):
  team init --database URL             create or upgrade the team schema, group roles and grants
  team officer add ROLE --display-name NAME [--supervisor] [--password-stdin]
                                       a login role for an officer; prints a generated password once
  team officer disable ROLE            no more logins or decisions; their records stay
  team policy --four-eyes none|reject|override|all
                                       which decisions need a second officer's approval
  team relay add ROLE [--password-stdin]
                                       a login role for a webhook relay (records events, nothing else)

Webhook relay (behind the team's HTTPS proxy; credentials only from the environment):
  relay --port N [--host H] --database postgres://RELAY_ROLE@HOST:PORT/DB [--auth basic|oauth2]
      [--path P] [--token-path P] [--name NAME] [--allow-ondato-ips] [--allow-ip IP] [--trust-proxy]
      [--max-body BYTES]               basic: KYC_DESK_RELAY_USERNAME/PASSWORD;
                                       oauth2: KYC_DESK_RELAY_CLIENT_ID/SECRET

Local:
  simulator [--port N] [--host H] [--seed N] [--demo] [--autopilot]
                                       run the Ondato simulator until Ctrl+C
      [--webhook-url URL [--webhook-events A,B] [--webhook-auth basic|oauth2]
       [--webhook-token-url URL] [--webhook-pascal-case]]
                                       and send webhooks there (credentials from
                                       KYC_DESK_WEBHOOK_USERNAME/_PASSWORD or
                                       KYC_DESK_WEBHOOK_CLIENT_ID/_CLIENT_SECRET)

Every command accepts --json (machine-readable output) and --help.
Expected errors print one line and exit with 1 (usage errors with 2).`;
