export const USAGE = `KYC Desk command line

Usage: kyc-desk <command> [options]     (npm run cli -- <command> [options])

Ondato commands (configured by ONDATO_ENV, ONDATO_CLIENT_ID, ONDATO_CLIENT_SECRET, ONDATO_SETUP_ID,
ONDATO_SIMULATOR_URL and the overrides ONDATO_AUTH_URL, ONDATO_IDV_API_URL, ONDATO_KYC_API_URL,
ONDATO_IDV_WEB_URL):
  setups                               list the IDV setups of the client
  create [registration options]        create an identity verification and print its customer URL
      --first-name --middle-name --last-name --date-of-birth YYYY-MM-DD --personal-code
      --email --phone DIGITS --country XX --external-ref REF --setup UUID
  status <idvId>                       the IDV's status
  kyc <idvId>                          the KYC identification of an IDV
  files <idvId> --out DIR              download the document images
  qr <idvId> --out FILE.png            write a QR code of the customer URL
  url <idvId>                          print the customer URL

Local:
  simulator [--port N] [--host H] [--seed N] [--demo] [--autopilot]
                                       run the Ondato simulator until Ctrl+C

Every command accepts --json (machine-readable output) and --help.
Expected errors print one line and exit with 1 (usage errors with 2).`;
