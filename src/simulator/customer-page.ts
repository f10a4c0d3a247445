import type { DocumentData } from './document-data';
import { esc, page } from './html';
import type { SetupDef } from './setups';
import type { IdvRecord } from './types';

export type CustomerStep = 'consent' | 'document-type' | 'front' | 'back' | 'selfie' | 'finish';
export type CustomerView = CustomerStep | 'done' | 'aborted' | 'expired' | 'suspended';

export const DOCUMENT_CHOICES = [
  ['IdCard', 'Identity card'],
  ['Passport', 'Passport'],
  ['DriverLicense', 'Driving licence'],
  ['ResidencePermit', 'Residence permit'],
] as const;

export const REJECT_REASONS = [
  ['DocumentExpired', 'Document expired'],
  ['DataMismatch', 'Data does not match the registration'],
  ['FacesDoNotMatch', 'Faces do not match'],
  ['PoorPhotoQuality', 'Poor photo quality'],
  ['Underage', 'Under 18'],
  ['PossibleFraud', 'Possible fraud'],
  ['MissingDocumentPhoto', 'Missing document photo'],
  ['UnrelatedPhotoSubmit', 'Unrelated photo submitted'],
] as const;

export const MISMATCH_CHOICES = [
  ['none', 'Matches the registration'],
  ['lastName', 'Last name differs'],
  ['dateOfBirth', 'Date of birth differs'],
  ['expired', 'Document has expired'],
] as const;

export function isCustomerStep(view: CustomerView): view is CustomerStep {
  return view !== 'done' && view !== 'aborted' && view !== 'expired' && view !== 'suspended';
}

export function stepsFor(setup: SetupDef, data: DocumentData): CustomerStep[] {
  const steps: CustomerStep[] = [];
  if (setup.consent) steps.push('consent');
  steps.push('document-type', 'front');
  if (data.hasBack) steps.push('back');
  if (data.hasSelfie) steps.push('selfie');
  steps.push('finish');
  return steps;
}

export function currentView(record: IdvRecord, setup: SetupDef, data: DocumentData): CustomerView {
  if (record.status === 'Completed') return 'done';
  if (record.status === 'Aborted') return 'aborted';
  if (record.status === 'Expired') return 'expired';
  if (record.status === 'Suspended') return 'suspended';
  const c = record.customer;
  if (setup.consent && record.consentedAt === undefined) return 'consent';
  if (!c.typeChosen) return 'document-type';
  if (!c.front) return 'front';
  if (data.hasBack && !c.back) return 'back';
  if (data.hasSelfie && !c.selfie) return 'selfie';
  return 'finish';
}

const TITLES: Record<CustomerView, string> = {
  consent: 'Your consent',
  'document-type': 'Choose your document',
  front: 'Photo of the front',
  back: 'Photo of the back',
  selfie: 'Take a selfie',
  finish: 'Check and submit',
  done: 'Thank you',
  aborted: 'Verification cancelled',
  expired: 'This link has expired',
  suspended: 'Saved for later',
};

export interface PageModel {
  record: IdvRecord;
  setup: SetupDef;
  data: DocumentData;
  demo: boolean;
  error?: string;
}

function documentLabel(data: DocumentData): string {
  return DOCUMENT_CHOICES.find(([value]) => value === data.type)?.[1] ?? data.type;
}

function errorBlock(error: string | undefined): string {
  return error ? `<p id="form-error" class="error" role="alert">${esc(error)}</p>` : '';
}

function radios(name: string, choices: ReadonlyArray<readonly [string, string]>, checked: string): string {
  return choices
    .map(
      ([value, label]) =>
        `<label><input type="radio" name="${esc(name)}" value="${esc(value)}"${value === checked ? ' checked' : ''}>${esc(label)}</label>`,
    )
    .join('\n');
}

function image(model: PageModel, part: 'front' | 'back' | 'selfie', alt: string): string {
  const src = `/__customer/${encodeURIComponent(model.record.id)}/image/${part}`;
  return `<figure><img src="${esc(src)}" alt="${esc(alt)}"><figcaption>Simulated photo (generated specimen)</figcaption></figure>`;
}

function stepBody(view: CustomerStep, model: PageModel): string {
  const { data } = model;
  const described = model.error ? ' aria-describedby="form-error"' : '';
  const invalid = model.error ? ` aria-invalid="true"${described}` : '';
  switch (view) {
    case 'consent':
      return `<p>To verify your identity we process your personal data and photos of your identity document.</p>
<label><input type="checkbox" name="agree" value="yes"${invalid}>I agree to the processing of my personal data for identity verification.</label>`;
    case 'document-type':
      return `<fieldset${described}><legend>Which document will you use?</legend>
${radios('type', DOCUMENT_CHOICES, data.type)}
</fieldset>`;
    case 'front':
      return `<p>Place your ${esc(documentLabel(data).toLowerCase())} on a flat surface and take a photo of the ${data.type === 'Passport' ? 'photo page' : 'front'}.</p>
${image(model, 'front', `Front of the ${documentLabel(data).toLowerCase()} of ${data.fullName}`)}`;
    case 'back':
      return `<p>Turn the document over and take a photo of the back.</p>
${image(model, 'back', `Back of the ${documentLabel(data).toLowerCase()} of ${data.fullName}`)}`;
    case 'selfie':
      return `<p>Look straight at the camera.</p>
${image(model, 'selfie', `Selfie of ${data.fullName}`)}`;
    case 'finish':
      return `<p>This is what we read from your ${esc(documentLabel(data).toLowerCase())}:</p>
<dl>
<dt>Name</dt><dd>${esc(data.fullName)}</dd>
<dt>Date of birth</dt><dd>${esc(data.dateOfBirth)}</dd>
<dt>Document number</dt><dd>${esc(data.documentNumber)}</dd>
<dt>Valid until</dt><dd>${esc(data.dateOfExpiration)}</dd>
</dl>
${model.demo ? demoChoices() : ''}`;
  }
}

function demoChoices(): string {
  const reasons = REJECT_REASONS.map(([v, l]) => `<option value="${esc(v)}">${esc(l)}</option>`).join('');
  return `<fieldset><legend>Outcome (demo mode)</legend>
<label><input type="radio" name="outcome" value="approve" checked>Approve</label>
<label><input type="radio" name="outcome" value="reject">Reject</label>
<label for="reason">Reason for rejection</label>
<select id="reason" name="reason">${reasons}</select>
<label><input type="radio" name="outcome" value="review">Leave for manual review</label>
</fieldset>
<fieldset><legend>Document data (demo mode)</legend>
${radios('mismatch', MISMATCH_CHOICES, 'none')}
</fieldset>`;
}

const PRIMARY: Record<CustomerStep, string> = {
  consent: 'Agree and continue',
  'document-type': 'Continue',
  front: 'Upload this photo',
  back: 'Upload this photo',
  selfie: 'Upload this selfie',
  finish: 'Submit',
};

function endBody(view: Exclude<CustomerView, CustomerStep>, record: IdvRecord): string {
  const link = `/?id=${encodeURIComponent(record.id)}`;
  switch (view) {
    case 'done':
      return '<p>Your documents were submitted. You can close this page.</p>';
    case 'aborted':
      return '<p>You cancelled the verification. Ask for a new link if you want to try again.</p>';
    case 'expired':
      return '<p>Ask for a new verification link.</p>';
    case 'suspended':
      return `<p>Your progress is saved. <a href="${esc(link)}">Continue verification</a> when you are ready.</p>`;
  }
}

export function renderCustomerPage(view: CustomerView, model: PageModel): string {
  const title = TITLES[view];
  if (!isCustomerStep(view)) {
    return page(
      title,
      `<h1>Identity verification</h1>\n<h2>${esc(title)}</h2>\n${endBody(view, model.record)}`,
    );
  }
  const steps = stepsFor(model.setup, model.data);
  const position = steps.indexOf(view) + 1;
  const action = `/__customer/${encodeURIComponent(model.record.id)}/${view}`;
  return page(
    title,
    `<h1>Identity verification</h1>
<p class="progress">Step ${position} of ${steps.length}</p>
<h2>${esc(title)}</h2>
${errorBlock(model.error)}
<form method="post" action="${esc(action)}">
${stepBody(view, model)}
<div class="actions">
<button type="submit" class="primary" name="action" value="next">${esc(PRIMARY[view])}</button>
<button type="submit" class="secondary" name="action" value="later">Continue later</button>
<button type="submit" class="secondary" name="action" value="quit">Quit</button>
</div>
</form>`,
  );
}

export function renderMessagePage(title: string, message: string): string {
  return page(title, `<h1>${esc(title)}</h1>\n<p>${esc(message)}</p>`);
}
