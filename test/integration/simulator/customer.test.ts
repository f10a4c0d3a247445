import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_ONLY_SETUP, form, harness, kycIdOf, type Harness } from './helpers';

const started: Harness[] = [];
async function start(demo = false): Promise<Harness> {
  const h = await harness({ demo });
  started.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((h) => h.stop()));
});

async function page(h: Harness, id: string): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await fetch(`${h.url}/?id=${encodeURIComponent(id)}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

async function post(h: Harness, id: string, step: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${h.url}/__customer/${id}/${step}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form(fields),
    redirect: 'manual',
  });
}

async function idvStatus(h: Harness, id: string): Promise<string> {
  return (await h.json<{ status: string }>('GET', `/v1/identity-verifications/${id}`)).status;
}

/** Structural accessibility checks on one rendered page. */
function checkAccessible(html: string): void {
  const window = new Window();
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('title')?.textContent).toContain('Ondato simulator');
    expect(doc.querySelectorAll('h1').length).toBe(1);
    expect(doc.querySelector('main')).not.toBeNull();
    expect(doc.body.textContent).toContain('Ondato simulator — not a real verification');
    for (const control of doc.querySelectorAll('input, select, textarea')) {
      const id = control.getAttribute('id');
      const labelled =
        control.closest('label') !== null ||
        (id !== null && doc.querySelector(`label[for="${id}"]`) !== null);
      expect(labelled, `unlabelled ${control.outerHTML}`).toBe(true);
    }
    for (const img of doc.querySelectorAll('img')) {
      expect(img.getAttribute('alt')?.length ?? 0).toBeGreaterThan(5);
      expect(img.getAttribute('src')).toMatch(/^\/__customer\//);
    }
    expect(doc.querySelectorAll('script, link, iframe').length).toBe(0);
    expect(html).toContain(':focus-visible');
  } finally {
    void window.happyDOM.close();
  }
}

describe('customer page', () => {
  it('walks consent → document → front → back → selfie → finish, then the API shows the submission', async () => {
    const h = await start();
    const id = await h.createIdv();

    const first = await page(h, id);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/html/);
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(first.html).toContain(`action="/__customer/${id}/consent"`);
    checkAccessible(first.html);
    expect(await idvStatus(h, id)).toBe('InProgress');

    const refused = await post(h, id, 'consent', { action: 'next' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('role="alert"');

    const steps: Array<[string, Record<string, string>]> = [
      ['consent', { agree: 'yes' }],
      ['document-type', { type: 'IdCard' }],
      ['front', {}],
      ['back', {}],
      ['selfie', {}],
      ['finish', {}],
    ];
    for (const [step, fields] of steps) {
      const current = await page(h, id);
      expect(current.html).toContain(`action="/__customer/${id}/${step}"`);
      checkAccessible(current.html);
      const res = await post(h, id, step, { ...fields, action: 'next' });
      expect(res.status, step).toBe(303);
      expect(res.headers.get('location')).toBe(`/?id=${id}`);
    }

    expect((await page(h, id)).html).toContain('Thank you');
    const idv = await h.json<Record<string, unknown>>('GET', `/v1/identity-verifications/${id}`);
    expect(idv['status']).toBe('Completed');
    const kyc = await h.json<{
      status: string;
      statusReason: string;
      document: { type: string; files: unknown[] };
    }>('GET', `/v1/identifications/${kycIdOf(idv)}`);
    expect([kyc.status, kyc.statusReason]).toEqual(['Awaiting', 'Processing']);
    expect(kyc.document.type).toBe('IdCard');
    expect(kyc.document.files).toHaveLength(3);
  });

  it('shows specimen images as the uploaded photos', async () => {
    const h = await start();
    const id = await h.createIdv({ setupId: DOCUMENT_ONLY_SETUP });
    await page(h, id);
    await post(h, id, 'document-type', { type: 'Passport', action: 'next' });
    const front = await page(h, id);
    expect(front.html).toContain(`src="/__customer/${id}/image/front"`);
    const img = await fetch(`${h.url}/__customer/${id}/image/front`);
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    expect([...Buffer.from(await img.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // A passport has no back and this setup no selfie: front, then straight to finish.
    await post(h, id, 'front', { action: 'next' });
    expect((await page(h, id)).html).toContain(`action="/__customer/${id}/finish"`);
  });

  it('"Continue later" suspends and coming back resumes; "Quit" aborts', async () => {
    const h = await start();
    const id = await h.createIdv();
    await page(h, id);
    const later = await post(h, id, 'consent', { action: 'later' });
    expect(later.status).toBe(200);
    expect(await later.text()).toContain('Saved for later');
    expect(await idvStatus(h, id)).toBe('Suspended');
    expect((await page(h, id)).html).toContain(`action="/__customer/${id}/consent"`);
    expect(await idvStatus(h, id)).toBe('InProgress');

    await post(h, id, 'consent', { action: 'quit' });
    expect(await idvStatus(h, id)).toBe('Aborted');
    expect((await page(h, id)).html).toContain('cancelled');
  });

  it('ignores a step that is not the current one', async () => {
    const h = await start();
    const id = await h.createIdv();
    await page(h, id);
    const res = await post(h, id, 'finish', { action: 'next' });
    expect(res.status).toBe(303);
    expect(await idvStatus(h, id)).toBe('InProgress');
  });

  it('escapes every interpolated value', async () => {
    const h = await start();
    const id = await h.createIdv({
      setupId: DOCUMENT_ONLY_SETUP,
      registration: { firstName: '<script>alert(1)</script>', lastName: '"><img src=x onerror=alert(2)>' },
    });
    await page(h, id);
    await post(h, id, 'document-type', { type: 'IdCard', action: 'next' });
    const front = await page(h, id);
    await post(h, id, 'front', { action: 'next' });
    await post(h, id, 'back', { action: 'next' });
    const finish = await page(h, id);
    for (const html of [front.html, finish.html]) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('answers 404 for an unknown id and a landing page without one', async () => {
    const h = await start();
    expect((await page(h, '3fa85f64-5717-4562-b3fc-2c963f66afa6')).status).toBe(404);
    const landing = await fetch(`${h.url}/`);
    expect(landing.status).toBe(200);
    checkAccessible(await landing.text());
  });
});

describe('customer page in demo mode', () => {
  async function walkToFinish(h: Harness): Promise<string> {
    const id = await h.createIdv({ setupId: DOCUMENT_ONLY_SETUP });
    await page(h, id);
    await post(h, id, 'document-type', { type: 'IdCard', action: 'next' });
    await post(h, id, 'front', { action: 'next' });
    await post(h, id, 'back', { action: 'next' });
    return id;
  }

  async function kycOf(h: Harness, id: string) {
    const idv = await h.json<Record<string, unknown>>('GET', `/v1/identity-verifications/${id}`);
    return h.json<{
      status: string;
      statusReason?: string;
      rules: Array<{ name: string; status: string }>;
      document: { lastName: string };
    }>('GET', `/v1/identifications/${kycIdOf(idv)}`);
  }

  it('offers the outcome picker and applies a rejection with a mismatch', async () => {
    const h = await start(true);
    const id = await walkToFinish(h);
    const finish = await page(h, id);
    expect(finish.html).toContain('name="outcome"');
    expect(finish.html).toContain('name="mismatch"');
    checkAccessible(finish.html);

    await post(h, id, 'finish', {
      outcome: 'reject',
      reason: 'PoorPhotoQuality',
      mismatch: 'lastName',
      action: 'next',
    });
    const kyc = await kycOf(h, id);
    expect([kyc.status, kyc.statusReason]).toEqual(['Rejected', 'PoorPhotoQuality']);
    expect(kyc.rules.filter((r) => r.status === 'Fail').map((r) => r.name)).toEqual(['DocumentHasFace']);
    expect(kyc.document.lastName).not.toBe('Petraitė');
  });

  it('approves, or leaves the case for manual review', async () => {
    const h = await start(true);
    const approved = await walkToFinish(h);
    await post(h, approved, 'finish', { outcome: 'approve', mismatch: 'none', action: 'next' });
    expect((await kycOf(h, approved)).status).toBe('Approved');

    const review = await walkToFinish(h);
    await post(h, review, 'finish', { outcome: 'review', mismatch: 'none', action: 'next' });
    const kyc = await kycOf(h, review);
    expect([kyc.status, kyc.statusReason]).toEqual(['Awaiting', 'Processing']);
  });

  it('does not offer the picker outside demo mode', async () => {
    const h = await start(false);
    const id = await walkToFinish(h);
    expect((await page(h, id)).html).not.toContain('name="outcome"');
  });
});
