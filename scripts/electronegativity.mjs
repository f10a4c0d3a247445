#!/usr/bin/env node
// Runs Doyensec's Electronegativity over the app's sources (src: main, preload, renderer, shared) —
// and, with --built, over the electron-vite output in out/ — and fails on any HIGH or MEDIUM finding
// that scripts/electronegativity-suppressions.json does not accept with a written reason.
//
// Offline by design: the scanner's release-list check (it downloads Electron's release notes) is
// skipped, the Electron version comes from the installed package instead of being guessed, and its
// translation download (1 s timeout) may fail with a notice that is not an error. A run that still
// takes longer than TIMEOUT_MS is stopped and fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TIMEOUT_MS = 180_000;
const FAILING = new Set(['HIGH', 'MEDIUM']);
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = require('electron/package.json').version;

/** Reads and checks the suppressions file: every entry names a check, a code sample and a reason. */
export function loadSuppressions(file) {
  const { suppressions } = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(suppressions)) throw new Error(`${file}: "suppressions" must be a list.`);
  for (const [index, entry] of suppressions.entries()) {
    if (!Array.isArray(entry?.files) || entry.files.length === 0) {
      throw new Error(`${file}: suppression #${index + 1} names no files.`);
    }
    for (const key of ['check', 'sample', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`${file}: suppression #${index + 1} has no ${key}.`);
      }
    }
    if (entry.reason.trim().length < 30) {
      throw new Error(`${file}: suppression #${index + 1} (${entry.check}) needs a real reason.`);
    }
  }
  return suppressions;
}

/** Findings from the scanner's CSV; the header row has spaces after the commas. */
export function parseFindings(csv, input) {
  // The scanner writes a multi-line sample (a CSP built over several lines) without escaping its line
  // breaks, which tears that record into fragments. Fragments are dropped, but never silently a
  // HIGH/MEDIUM one: a fragment that names one of those severities stops the gate.
  const rows = parse(csv, {
    columns: true,
    trim: true,
    skip_empty_lines: true,
    relax_quotes: true,
    relax_column_count: true,
  });
  const whole = rows.filter((row) => /^[A-Z_]+_CHECK$/.test(String(row.issue ?? '')) && row.severity);
  for (const row of rows) {
    if (whole.includes(row)) continue;
    if (/\b(HIGH|MEDIUM)\b/.test(Object.values(row).join(' '))) {
      throw new Error(`Electronegativity wrote a torn HIGH/MEDIUM finding: ${JSON.stringify(row)}`);
    }
  }
  return whole.map((row) => ({
    check: row.issue,
    severity: String(row.severity).toUpperCase(),
    confidence: row.confidence,
    file: `${input}/${row.filename}`,
    location: row.location,
    sample: row.sample === 'N/A' ? '' : row.sample,
    description: row.description,
  }));
}

/** Splits findings into failing (HIGH/MEDIUM, not suppressed), accepted and informational. */
export function judge(findings, suppressions) {
  const used = new Set();
  const failing = [];
  const accepted = [];
  const info = [];
  for (const finding of findings) {
    if (!FAILING.has(finding.severity)) {
      info.push(finding);
      continue;
    }
    const index = suppressions.findIndex(
      (s) =>
        s.check === finding.check &&
        s.files.some((suffix) => finding.file.endsWith(suffix)) &&
        finding.sample !== '' &&
        finding.sample.includes(s.sample),
    );
    if (index === -1) failing.push(finding);
    else {
      used.add(index);
      accepted.push({ ...finding, reason: suppressions[index].reason });
    }
  }
  const unused = suppressions.filter((_, index) => !used.has(index));
  return { failing, accepted, info, unused };
}

/** Runs the scanner on one directory (relative to the repository, or absolute); resolves with its CSV. */
export function scan(input, outFile) {
  return new Promise((resolve, reject) => {
    const args = [cli, '-i', input, '-r', '-v', 'false', '-e', electronVersion, '-o', outFile];
    args.push('-x', SKIPPED_CHECKS.join(','));
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0' },
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Electronegativity did not finish on ${input} within ${TIMEOUT_MS / 1000} s.`));
    }, TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || !existsSync(outFile)) {
        reject(new Error(`Electronegativity failed on ${input} (exit ${code}):\n${log}`));
      } else resolve(readFileSync(outFile, 'utf8'));
    });
  });
}

function line(f) {
  return `  ${f.severity.padEnd(6)} ${f.check}  ${f.file}:${f.location}${f.sample ? `  ${f.sample}` : ''}`;
}

async function main() {
  const inputs = ['src'];
  if (process.argv.includes('--built')) {
    if (!existsSync(join(root, 'out', 'main'))) throw new Error('--built: run `npm run build` first.');
    inputs.push('out');
  }
  const suppressions = loadSuppressions(join(root, 'scripts', 'electronegativity-suppressions.json'));
  const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-eneg-'));
  try {
    const csvs = await Promise.all(inputs.map((input, i) => scan(input, join(dir, `${i}.csv`))));
    const findings = csvs.flatMap((csv, i) => parseFindings(csv, inputs[i]));
    const { failing, accepted, info, unused } = judge(findings, suppressions);
    console.log(`Electronegativity (Electron ${electronVersion}) on ${inputs.join(', ')}:`);
    for (const f of accepted) console.log(`${line(f)}\n    accepted: ${f.reason}`);
    for (const f of info) console.log(`${line(f)}  (${f.description})`);
    if (unused.length > 0 && !inputs.includes('out')) {
      // A suppression that matches nothing hides nothing today but would hide a future finding.
      for (const s of unused) console.error(`  unused suppression: ${s.check} "${s.sample}"`);
    }
    if (failing.length > 0) {
      console.error(`\n${failing.length} HIGH/MEDIUM finding(s) without a suppression:`);
      for (const f of failing) console.error(`${line(f)}\n    ${f.description}`);
      process.exitCode = 1;
    } else if (unused.length > 0 && !inputs.includes('out')) {
      console.error('Remove the unused suppression(s) above.');
      process.exitCode = 1;
    } else {
      console.log(`No HIGH/MEDIUM finding left (${accepted.length} accepted with a reason).`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
