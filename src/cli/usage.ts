export const USAGE = `KYC Desk command line

Usage: kyc-desk <command> [options]     (npm run cli -- <command> [options])

Ondato commands (configured by ONDATO_ENV, ONDATO_CLIENT_ID, ONDATO_CLIENT_SECRET, ONDATO_SETUP_ID,
ONDATO_SIMULATOR_URL and the overrides ONDATO_AUTH_URL, ONDATO_IDV_API_URL, ONDATO_KYC_API_URL,
ONDATO_IDV_WEB_URL):
  setups                               list the IDV setups of the client
  create [registration options]        create an identity verification and print its customer URL
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
  workspace list | use <id|name> | test [<id|name>] | remove <id|name>

Cases (the active workspace; with ONDATO_ENV set, the environment's own workspace and cache):
  sync --once | --watch                check Ondato now / keep polling until Ctrl+C
  cases [--search Q] [--status S] [--limit N]
                                       the cached case list
  show <idvId>                         one case from the cache (works offline)
  decide <idvId> --decision accept|reject|escalate --reason CODE [--note TEXT]
  audit verify                         check the audit trail's hash chain
  retention run [--dry-run]            remove personal data and images of cases whose final decision
                                       is older than the workspace's retention period (--dry-run: list)
  retention set --days N|off           the workspace's retention period (default off; AML record
                                       keeping is often 5 years = 1826 days)
  redact <idvId> --yes                 ask Ondato to redact the IDV's personal and biometric data,
                                       then remove the local copy (cannot be undone)
  import <idvId>...                    track IDVs created outside KYC Desk (Ondato's portal, ...)
  import --since YYYY-MM-DD [--max-pages N]
                                       import the identifications of this workspace's setups since then
  These accept --data-dir DIR (default: KYC_DESK_DATA_DIR, else the app's data directory).

Local:
  simulator [--port N] [--host H] [--seed N] [--demo] [--autopilot]
                                       run the Ondato simulator until Ctrl+C

Every command accepts --json (machine-readable output) and --help.
Expected errors print one line and exit with 1 (usage errors with 2).`;
