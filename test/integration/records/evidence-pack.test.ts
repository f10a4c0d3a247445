import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
import * as imagesRepo from '../../../src/main/db/repos/images';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { ARTIFACTS } from '../../e2e/support/app';
import {
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from '../services/support';
import { pageCount, pdfImages, pdfText, renderFirstPage } from './pdf-tools';

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let wsId: string;
let latinId = '';
let arabicId = '';

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 9 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store, { app: { name: 'KYC Desk', version: '9.8.7-test' } });
  await core.start({ polling: false });
  wsId = (await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'demo-secret' }))
    .id;
  // Every case is seeded before any PDF is rendered: no idle gap between the calls to the simulator.
  latinId = await decidedCase(
    { firstName: 'Ørjan Łukasz', lastName: 'Šimkutė', personalCode: '38804120123' },
    { lastName: 'Παπαδοπούλου' },
  );
  arabicId = await decidedCase({ firstName: 'محمد', lastName: 'عبد الله' });
});

afterAll(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

/** A case walked through the whole lifecycle at the simulator: submitted with front, back and selfie, decided. */
async function decidedCase(
  person: { firstName: string; lastName: string; personalCode?: string },
  mismatch: Record<string, string> = {},
): Promise<string> {
  const view = await core.services.cases.create({ ...person, dateOfBirth: '1988-04-12', countryCode: 'LT' });
  sim.control.setDocument(view.id, { type: 'IdCard', withBack: true, withSelfie: true });
  if (Object.keys(mismatch).length > 0) sim.control.setMismatch(view.id, mismatch);
  sim.control.setOutcome(view.id, { status: 'Rejected', statusReason: 'DataMismatch' });
  sim.control.advance(view.id, 'decide');
  await core.services.cases.refresh(view.id);
  return view.id;
}

function decode(bytes: Buffer): { width: number; height: number } {
  if (bytes[0] === 0x89) return PNG.sync.read(bytes);
  return jpeg.decode(bytes, { useTArray: true });
}

describe('evidence pack (PDF)', () => {
  it('holds the registered and document data, statuses, decisions, hashes, chain head and version, readable by poppler', async () => {
    const id = latinId;
    core.services.review.decide({
      caseId: id,
      decision: 'escalate',
      reasonCode: 'needs_second_opinion',
      note: 'Greek surname on the card; asking Rūta.',
      overriddenFlags: [],
    });
    core.services.review.decide({
      caseId: id,
      decision: 'reject',
      reasonCode: 'data_mismatch',
      note: 'Surname differs from the registration, customer to resubmit.',
      overriddenFlags: [],
    });
    const head = auditRepo.listForWorkspace(core.db, wsId, { limit: 1 })[0]!;

    const out = join(data.dir, 'evidence.pdf');
    const result = await core.services.exports.casePdf(id, out);
    expect(result).toMatchObject({ status: 'written', path: out, cases: 1 });
    mkdirSync(ARTIFACTS, { recursive: true });
    renderFirstPage(out, join(ARTIFACTS, 'evidence-page1'));
    copyFileSync(out, join(ARTIFACTS, 'evidence-pack.pdf'));

    const text = pdfText(out);
    const flat = text.replace(/\s+/g, ' ');
    // Registered and document names, side by side, with the mismatch flagged.
    expect(text).toContain('Ørjan Łukasz');
    expect(text).toContain('Šimkutė');
    expect(text).toContain('Παπαδοπούλου');
    expect(text).toContain('MISMATCH');
    // The screen's working, in the pack too: the name as read beside the registered one, and what differs.
    expect(flat).toContain('Registered name above; the document was read as: Ørjan Łukasz Παπαδοπούλου');
    expect(flat).toMatch(/Differs — entered: “Šimkutė”; document: “Παπαδοπούλου”\./);
    // Ondato's statuses and reason, and its checks.
    expect(text).toContain('Completed');
    expect(text).toContain('Rejected');
    expect(text).toContain('DataMismatch');
    expect(text).toContain("Ondato's statuses and checks");
    // Every decision with reason, note, officer and time.
    expect(flat).toContain('ESCALATE (superseded): Needs a second opinion (needs_second_opinion)');
    expect(flat).toContain('REJECT: Data does not match the document (data_mismatch)');
    expect(flat).toContain('Note: Greek surname on the card; asking Rūta.');
    expect(flat).toContain('Note: Surname differs from the registration, customer to resubmit.');
    expect(flat).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC · Olga Officer \(OS user tester\)/);
    // The risk flags (the shared rules) with how they were handled.
    expect(flat).toContain('Rejected by Ondato');
    expect(flat).toContain('Last name does not match the document');
    expect(flat).toContain('Case rejected by Olga Officer');
    // Timeline, chain head, app version.
    expect(flat).toContain('Officer decision recorded');
    expect(text).toContain(head.hash);
    expect(flat).toContain(`Audit chain head: event ${head.seq}`);
    expect(text).toContain('KYC Desk 9.8.7-test');
    // Every image's SHA-256, as computed over the cached bytes.
    const files = core.services.cases.get(id).kyc?.files ?? [];
    expect(files.map((f) => f.part).sort()).toEqual(['Back', 'Front', 'Selfie']);
    const cached = files.map((f) => imagesRepo.get(core.db, wsId, f.fileId)!.bytes);
    for (const bytes of cached) expect(text).toContain(createHash('sha256').update(bytes).digest('hex'));
    // Page numbers on every page.
    const pages = pageCount(out);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let n = 1; n <= pages; n += 1) expect(text).toContain(`Page ${n} of ${pages}`);

    // Three images, each embedded at its full pixel size.
    const listed = pdfImages(out);
    expect(listed).toHaveLength(3);
    const sizes = cached
      .map(decode)
      .map((s) => `${s.width}x${s.height}`)
      .sort();
    expect(listed.map((i) => `${i.width}x${i.height}`).sort()).toEqual(sizes);

    // The export itself is an audit event: what, which case, where.
    const event = auditRepo.listForWorkspace(core.db, wsId, { limit: 1 })[0]!;
    expect(event).toMatchObject({
      action: 'export.case_pdf',
      caseId: id,
      officerName: 'Olga Officer',
      details: {
        format: 'pdf',
        where: out,
        caseIds: [id],
        sha256: createHash('sha256').update(readFileSync(out)).digest('hex'),
      },
    });
    expect((await core.services.audit.verify()).ok).toBe(true);
  });

  it('renders an Arabic name so that text extraction reads it back in logical order', async () => {
    const id = arabicId;
    const out = join(data.dir, 'arabic.pdf');
    await core.services.exports.casePdf(id, out);
    const text = pdfText(out);
    expect(text).toContain('عبد الله');
    expect(text).toContain('محمد');
  });

  it('refuses a relative path and writes nothing for an unknown case', async () => {
    await expect(
      core.services.exports.casePdf('no-such-case', join(data.dir, 'x.pdf')),
    ).rejects.toMatchObject({
      code: 'case_not_found',
    });
    const [id] = core.services.cases.list({ sort: 'created', dir: 'desc', limit: 1 }).rows.map((r) => r.id);
    await expect(core.services.exports.casePdf(id!, 'relative.pdf')).rejects.toMatchObject({
      code: 'export_path_invalid',
    });
    await expect(
      core.services.exports.casePdf(id!, join(data.dir, 'missing-dir', 'x.pdf')),
    ).rejects.toMatchObject({
      code: 'export_write_failed',
    });
  });
});
