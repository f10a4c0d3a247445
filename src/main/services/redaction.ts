import * as casesRepo from '../db/repos/cases';
import { purgeWithTombstones, redactedUtcOf } from '../db/purge';
import { AppError } from '../errors';
import { isOndatoError } from '../ondato';
import type { RedactScope } from '../../shared/wire/schemas';
import type { ServiceContext } from './context';
import { requireConfirmation } from './confirm';
import { caseNotFound } from './errors';

const SCOPES: readonly RedactScope[] = ['PersonalData', 'BiometricData'];

export interface RedactionService {
  /** Asks Ondato to redact the IDV's personal and biometric data, then purges the local copy. */
  redact(caseId: string): Promise<void>;
}

export function createRedactionService(ctx: ServiceContext): RedactionService {
  const { db } = ctx;
  return {
    async redact(caseId) {
      const ws = ctx.runtime.workspace();
      const found = casesRepo.get(db, ws.id, caseId);
      if (!found) throw caseNotFound();
      const client = ctx.runtime.client();
      // Cannot be undone, and Ondato's copy goes too: main asks the officer itself, whatever the renderer sent.
      await requireConfirmation(ctx.confirmer, {
        kind: 'case-redact',
        title: 'Redact this verification at Ondato?',
        message:
          'Ondato deletes the personal and biometric data of this verification, and KYC Desk removes its local copy. This cannot be undone.',
        detail: `Case ${found.externalRef ?? caseId}`,
        confirmLabel: 'Redact at Ondato',
      });
      // Ondato first: if it refuses, nothing local changes and the officer can retry.
      try {
        await client.redactIdv(caseId, SCOPES);
      } catch (error) {
        const message =
          isOndatoError(error) && error.code === 'not_found'
            ? 'Ondato does not know this verification, so nothing was redacted.'
            : 'Ondato did not confirm the redaction, so nothing was removed locally. Try again later.';
        throw new AppError('redaction_failed', message, { cause: error });
      }
      // Ondato's own time of the redaction, when its answer carries one; a failed read does not stop the purge.
      const redactedUtc = await client.getIdv(caseId).then(redactedUtcOf, () => null);
      purgeWithTombstones(
        db,
        ws,
        'redaction',
        [
          {
            caseId,
            why: 'the officer asked Ondato to redact the verification',
            details: { scopes: [...SCOPES], redactedUtc },
            redactedUtc,
          },
        ],
        { at: ctx.now(), osUser: ctx.osUser, officerName: ws.officerName },
        // The demo's simulated Ondato lives in the cache too: its redacted state replaces the old one
        // inside the secure-delete transaction, so the scrub removes the old copy's bytes as well.
        () => ctx.demo.save(),
      );
      ctx.events.emit('cases:changed', { ids: [caseId] });
    },
  };
}
