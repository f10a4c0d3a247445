import { decisionDelayMs } from './autopilot';
import type { SimContext } from './context';
import {
  currentView,
  DOCUMENT_CHOICES,
  isCustomerStep,
  MISMATCH_CHOICES,
  REJECT_REASONS,
  renderCustomerPage,
  renderMessagePage,
  type CustomerStep,
} from './customer-page';
import { addYears, dateOnly, DAY } from './dates';
import { documentData } from './document-data';
import { PAGE_HEADERS } from './html';
import type { RouteDef, SimRequest } from './http-types';
import { specimenInput } from './kyc-payload';
import { applyStep, setupOf } from './lifecycle';
import { empty, html, type Reply } from './reply';
import type { IdvRecord } from './types';

function redirect(record: IdvRecord): Reply {
  return empty(303, { location: `/?id=${encodeURIComponent(record.id)}`, 'cache-control': 'no-store' });
}

function pick<T extends string>(
  choices: ReadonlyArray<readonly [T, string]>,
  value: string | null,
): T | undefined {
  return choices.find(([v]) => v === value)?.[0];
}

/** The customer's side of Ondato's web flow: `GET /?id=` and one form POST per step. */
export function customerRoutes(ctx: SimContext): RouteDef[] {
  const now = (): number => ctx.clock.now();
  const htmlPage = (status: number, body: string): Reply => html(status, body, PAGE_HEADERS);
  const notFound = (): Reply =>
    htmlPage(
      404,
      renderMessagePage('Link not found', 'This verification link is not valid. Check the address.'),
    );

  const show = (record: IdvRecord, status = 200, error?: string): Reply => {
    const setup = setupOf(record);
    const data = documentData(record, setup);
    const model = { record, setup, data, demo: ctx.demo, ...(error ? { error } : {}) };
    return htmlPage(status, renderCustomerPage(currentView(record, setup, data), model));
  };

  /** Opening the link is the customer arriving: the IDV starts or resumes, the KYC step begins. */
  const arrive = (record: IdvRecord, at: number): void => {
    if (record.status === 'Pending' || record.status === 'Suspended') {
      record.plan = [];
      applyStep(record, record.status === 'Pending' ? 'visit' : 'resume', at);
    }
    if (record.consentedAt !== undefined || !setupOf(record).consent) applyStep(record, 'kyc-start', at);
  };

  const open = (req: SimRequest): Reply => {
    const id = req.query.get('id');
    if (id === null || id === '') {
      return htmlPage(
        200,
        renderMessagePage(
          'Ondato simulator',
          'Open a verification link of the form /?id={identity verification id}.',
        ),
      );
    }
    const record = ctx.store.get(id, now());
    if (!record) return notFound();
    arrive(record, now());
    return show(record);
  };

  const finish = (record: IdvRecord, form: URLSearchParams, at: number): void => {
    if (ctx.demo) {
      const data = documentData(record, setupOf(record));
      const mismatch = pick(MISMATCH_CHOICES, form.get('mismatch'));
      if (mismatch === 'lastName')
        record.mismatch = { lastName: data.lastName === 'Jonaitis' ? 'Petraitis' : 'Jonaitis' };
      if (mismatch === 'dateOfBirth') record.mismatch = { dateOfBirth: addYears(data.dateOfBirth, -1) };
      if (mismatch === 'expired') record.mismatch = { dateOfExpiration: dateOnly(at - 30 * DAY) };
      const outcome = form.get('outcome');
      if (outcome === 'approve') record.outcome = { status: 'Approved' };
      if (outcome === 'reject') {
        const reason = pick(REJECT_REASONS, form.get('reason'));
        record.outcome = reason ? { status: 'Rejected', statusReason: reason } : { status: 'Rejected' };
      }
    }
    applyStep(record, 'submit', at);
    applyStep(record, 'complete', at);
    if (record.outcome) applyStep(record, 'decide', at);
    else if (ctx.autopilot) record.plan = [{ at: at + decisionDelayMs(record), step: 'decide' }];
  };

  /** Applies one step; returns an error message to show on the same step, or undefined. */
  const doStep = (
    record: IdvRecord,
    step: CustomerStep,
    form: URLSearchParams,
    at: number,
  ): string | undefined => {
    switch (step) {
      case 'consent':
        if (form.get('agree') !== 'yes') return 'Tick the box to give your consent, or choose Quit.';
        applyStep(record, 'consent', at);
        applyStep(record, 'kyc-start', at);
        return undefined;
      case 'document-type': {
        const type = pick(DOCUMENT_CHOICES, form.get('type'));
        if (!type) return 'Choose a document.';
        record.document.type = type;
        record.customer.typeChosen = true;
        return undefined;
      }
      case 'front':
      case 'back':
      case 'selfie':
        record.customer[step] = true;
        return undefined;
      case 'finish':
        finish(record, form, at);
        return undefined;
    }
  };

  const post = (req: SimRequest): Reply => {
    const record = ctx.store.get(req.params['id'] ?? '', now());
    if (!record) return notFound();
    const at = now();
    if (record.status !== 'InProgress') return redirect(record);
    const form = new URLSearchParams(req.body.toString('utf8'));
    const action = form.get('action');
    record.plan = [];
    if (action === 'later' || action === 'quit') {
      applyStep(record, action === 'later' ? 'suspend' : 'abort', at);
      return show(record);
    }
    const setup = setupOf(record);
    const view = currentView(record, setup, documentData(record, setup));
    if (!isCustomerStep(view) || view !== req.params['step']) return redirect(record);
    // Expiry counts idle time, so every step the customer takes keeps the IDV alive.
    record.lastActivityAt = at;
    const error = doStep(record, view, form, at);
    return error ? show(record, 400, error) : redirect(record);
  };

  const image = (req: SimRequest): Reply => {
    const record = ctx.store.get(req.params['id'] ?? '', now());
    const part = req.params['part'];
    if (!record || (part !== 'front' && part !== 'back' && part !== 'selfie')) return empty(404);
    const data = documentData(record, setupOf(record));
    const specimenPart = part === 'front' && data.type === 'Passport' ? 'passport' : part;
    const input = specimenInput(record, data, specimenPart);
    return {
      kind: 'send',
      status: 200,
      headers: {
        'content-type': input.format === 'png' ? 'image/png' : 'image/jpeg',
        'cache-control': 'no-store',
      },
      body: ctx.images.get(input),
    };
  };

  const route = (name: string, method: string, path: string, handler: RouteDef['handler']): RouteDef => ({
    name,
    method,
    path,
    kind: 'customer',
    handler,
  });
  return [
    route('customer.page', 'GET', '/', open),
    route('customer.step', 'POST', '/__customer/:id/:step', post),
    route('customer.image', 'GET', '/__customer/:id/image/:part', image),
  ];
}
