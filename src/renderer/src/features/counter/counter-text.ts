import type { CounterStage, CounterStepKey, CounterStepState } from '../../../../shared/domain/counter';

/*
 * The counter view's words. It faces the customer: short sentences, no jargon, nothing about the case
 * beyond where the customer is in the flow.
 */

export const STEP_LABELS: Record<CounterStepKey, string> = {
  opened: 'Link opened',
  document: 'Photos of your document',
  selfie: 'Selfie',
  submitted: 'Sent for checking',
  done: 'Done',
};

/** Read after the step's name by screen readers; sighted customers see the mark. */
export const STEP_STATES: Record<CounterStepState, string> = {
  done: 'done',
  current: 'now',
  waiting: 'still to do',
  skipped: 'not needed',
};

/** One sentence for where the customer is; `rawStatus` only for a status this build does not know. */
export function stageText(stage: CounterStage): string {
  switch (stage) {
    case 'waiting':
      return 'Scan the code with your phone camera to begin.';
    case 'opened':
      return 'You have opened the link. Follow the steps on your phone.';
    case 'document':
      return 'Take the photos of your document, then a selfie, on your phone.';
    case 'submitted':
      return 'Thank you. Your photos have been sent; this takes a moment.';
    case 'done':
      return 'All done. Thank you! Please let us know you have finished.';
    case 'paused':
      return 'Paused. You can carry on later with the same code.';
    case 'stopped':
      return 'The verification was stopped. Please speak to a member of staff.';
    case 'expired':
      return 'This code has expired. Please ask a member of staff for a new one.';
    case 'unknown':
      return 'Waiting for an update from the verification service.';
  }
}

/** The officer's words for the same stage (the banner on the officer's screen). */
export function officerStageText(stage: CounterStage | null): string {
  switch (stage) {
    case null:
    case 'waiting':
      return 'waiting for the customer to scan the code';
    case 'opened':
      return 'the customer opened the link';
    case 'document':
      return 'the customer is taking the photos';
    case 'submitted':
      return 'the customer submitted; Ondato is finishing';
    case 'done':
      return 'the customer has finished';
    case 'paused':
      return 'the customer paused (continue later)';
    case 'stopped':
      return 'the customer quit the verification';
    case 'expired':
      return 'the link expired';
    case 'unknown':
      return 'Ondato reported a status KYC Desk does not know';
  }
}

/** The link as a customer would type it: browsers add https:// by themselves. */
export function typedLink(url: string): string {
  return url.replace(/^https:\/\//, '');
}

/** Paragraphs of the branch's instructions: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
