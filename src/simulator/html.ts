import { createHash } from 'node:crypto';

/** Every interpolated value goes through here; the page never trusts registration data. */
export function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Colours checked for WCAG AA: body #1a1a1a on #fff (17:1), button #fff on #1d4ed8 (6.7:1),
// banner #3d2e00 on #fff4ce (12:1), error #8a1c12 on #fff (8.6:1).
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
.banner{background:#fff4ce;color:#3d2e00;border-bottom:2px solid #8a6d00;padding:.75rem 1rem}
.banner p{margin:0}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:1rem 0 .5rem}
.progress{color:#404040;margin:0}
fieldset{border:1px solid #767676;border-radius:.25rem;margin:1rem 0;padding:.5rem 1rem}
legend{font-weight:600;padding:0 .25rem}
label{display:block;margin:.4rem 0}
input[type=radio],input[type=checkbox]{width:1.1rem;height:1.1rem;margin-right:.4rem;vertical-align:-.15rem}
select{font:inherit;padding:.25rem;border:1px solid #767676;border-radius:.25rem;margin-left:1.6rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}
button{font:inherit;padding:.55rem 1rem;border-radius:.25rem;border:2px solid #1d4ed8;cursor:pointer}
button.primary{background:#1d4ed8;color:#fff}
button.secondary{background:#fff;color:#1d4ed8}
:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 5px #ffd400}
.error{color:#8a1c12;font-weight:600}
figure{margin:1rem 0}
img{max-width:100%;height:auto;border:1px solid #767676}
figcaption{color:#404040;font-size:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}
dd{margin:0}
a{color:#1d4ed8}
`;

const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** No scripts, no external anything; the inline style is allowed by its hash alone. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': `default-src 'none'; img-src 'self'; style-src 'sha256-${CSS_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — Ondato simulator</title>
<style>${CSS}</style>
</head>
<body>
<header class="banner">
<p><strong>Ondato simulator — not a real verification.</strong> Nothing here is sent to Ondato; the photos are generated specimens.</p>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
