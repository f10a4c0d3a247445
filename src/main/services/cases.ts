import * as casesRepo from '../db/repos/cases';
import * as imagesRepo from '../db/repos/images';
import * as syncErrorsRepo from '../db/repos/sync-errors';
import { AppError } from '../errors';
import { customerUrl, isOndatoError, sniffMime } from '../ondato';
import type { CaseListPage, CaseListQuery, RegistrationData } from '../../shared/domain/case';
import { fieldErrors } from '../../shared/domain/fields';
import type { QueueCounts } from '../../shared/domain/queues';
import { orderFiles } from '../../shared/domain/file-order';
import type { CaseView, ImageData } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import { newCaseSchema, type NewCaseForm } from '../../shared/validation/registration';
import {
  generateExternalRef,
  NEW_CASE_WATCH_MS,
  refTaken,
  registrationOf,
  storeCreatedCase,
} from './case-create';
import type { ServiceContext } from './context';
import { caseNotFound, invalidInput, offlineError } from './errors';

/** A case created at Ondato by other means (the CLI's `create --track`), to be kept in the cache. */
export interface AdoptedCase {
  idvId: string;
  externalRef: string | null;
  setupId: string;
  registration: RegistrationData | null;
}

export interface CaseService {
  create(input: NewCaseForm): Promise<CaseView>;
  adopt(input: AdoptedCase): CaseView;
  list(query: CaseListQuery): CaseListPage;
  /** Cases per work queue in the active workspace. */
  queueCounts(): QueueCounts;
  get(caseId: string): CaseView;
  refresh(caseId: string): Promise<CaseView>;
  viewing(caseId: string | null): void;
  image(caseId: string, fileId: string): ImageData;
  /**
   * The file the review shows first, with its bytes, so opening a case needs no second round trip for
   * its image; null when there is none to show (no files, purged, not downloaded, not an image kind).
   */
  firstImage(caseId: string): { fileId: string; image: ImageData } | null;
}

const SHOWN_MIMES = [
  'image/jpeg',
  'image/png',
  'application/pdf',
] as const satisfies readonly ImageData['mime'][];

function isShownMime(mime: string | null): mime is ImageData['mime'] {
  return SHOWN_MIMES.some((shown) => shown === mime);
}

/** Ondato's field names (`registration.phoneNumber`) → the new-case form's (`phone`), so messages land by the input. */
const FORM_FIELDS: Record<string, string> = {
  'registration.phoneNumber': 'phone',
  externalReferenceId: 'externalRef',
  'registration.countryCode': 'countryCode',
};

function withFormFields(error: unknown): unknown {
  if (!isOndatoError(error) || !error.fields) return error;
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error.fields)) {
    const name = FORM_FIELDS[key] ?? key.replace(/^registration\./, '');
    (fields[name] ??= []).push(...messages);
  }
  return new AppError(error.code, error.message, { fields, cause: error });
}

export function createCaseService(ctx: ServiceContext): CaseService {
  const { db } = ctx;

  function view(ws: Workspace, caseId: string): CaseView {
    const detail = casesRepo.get(db, ws.id, caseId);
    if (!detail) throw caseNotFound();
    let url = '';
    try {
      url = customerUrl(caseId, ctx.runtime.endpoints(ws).customerWebUrl);
    } catch {
      // a demo workspace before its simulator runs: the case is still readable from the cache
    }
    const syncErrors = syncErrorsRepo
      .list(db, ws.id, { caseId, limit: 20 })
      .map((e) => ({ at: e.at, code: e.code, message: e.message, fileId: e.fileId }));
    return { ...detail, customerUrl: url, syncErrors };
  }

  const service: CaseService = {
    async create(raw) {
      const parsed = newCaseSchema.safeParse(raw);
      if (!parsed.success) {
        throw invalidInput(fieldErrors(parsed.error));
      }
      const input = parsed.data;
      const ws = ctx.runtime.workspace();
      const client = ctx.runtime.client();
      if (ctx.runtime.status().state === 'offline') throw offlineError();

      const now = ctx.now();
      const externalRef = input.externalRef ?? generateExternalRef(now, (ref) => refTaken(db, ws.id, ref));
      const setupId = input.setupId ?? ws.setupId;
      const registration = registrationOf(input);
      // Nothing is stored before Ondato answers: a failed create leaves no trace but the log line.
      const { id } = await client
        .createIdv({ setupId, externalReferenceId: externalRef, registration })
        .catch((error: unknown) => {
          throw withFormFields(error);
        });
      try {
        storeCreatedCase(db, ws, { idvId: id, externalRef, setupId, registration, now, osUser: ctx.osUser });
      } catch (error) {
        // Ondato has the IDV but the cache refused it (disk full?): say so instead of losing it silently.
        ctx.logger.error('case created upstream but not stored', { error });
        throw new AppError(
          'cache_write_failed',
          `Ondato created the verification (${externalRef}) but KYC Desk could not save it locally.`,
        );
      }
      ctx.watch(id);
      ctx.runtime.engine()?.track(id, { watchForMs: NEW_CASE_WATCH_MS });
      ctx.demo.markDirty();
      ctx.events.emit('cases:changed', { ids: [id] });
      return view(ws, id);
    },

    adopt(input) {
      const ws = ctx.runtime.workspace();
      storeCreatedCase(db, ws, { ...input, now: ctx.now(), osUser: ctx.osUser });
      ctx.runtime.engine()?.track(input.idvId, { watchForMs: NEW_CASE_WATCH_MS });
      ctx.events.emit('cases:changed', { ids: [input.idvId] });
      return view(ws, input.idvId);
    },

    list(query) {
      return casesRepo.list(db, ctx.runtime.workspace().id, query);
    },

    queueCounts() {
      return casesRepo.queueCounts(db, ctx.runtime.workspace().id);
    },

    get(caseId) {
      return view(ctx.runtime.workspace(), caseId);
    },

    async refresh(caseId) {
      const ws = ctx.runtime.workspace();
      if (!casesRepo.get(db, ws.id, caseId)) throw caseNotFound();
      const engine = ctx.runtime.engine();
      if (!engine) ctx.runtime.client(); // throws the reason there is no engine (no secret, ...)
      await engine?.refresh(caseId);
      return view(ws, caseId);
    },

    viewing(caseId) {
      if (caseId !== null) {
        const ws = ctx.runtime.workspace();
        if (!casesRepo.get(db, ws.id, caseId)) throw caseNotFound();
        ctx.watch(caseId);
      }
      ctx.runtime.engine()?.setViewing(caseId);
    },

    image(caseId, fileId) {
      const ws = ctx.runtime.workspace();
      const detail = casesRepo.get(db, ws.id, caseId);
      if (!detail) throw caseNotFound();
      const purgedAt = detail.lifecycle?.purgedAt ?? null;
      if (purgedAt !== null) {
        throw new AppError(
          'image_purged',
          `The images of this case were removed on ${new Date(purgedAt).toISOString().slice(0, 10)}; only their SHA-256 hashes are kept.`,
        );
      }
      const file = detail.kyc?.files.find((f) => f.fileId === fileId);
      if (!file) throw new AppError('image_not_found', 'This image is not part of the case.');
      const stored = imagesRepo.get(db, ws.id, fileId);
      if (!stored) {
        throw new AppError(
          'image_not_cached',
          'This image has not been downloaded yet. It will appear once KYC Desk is online.',
        );
      }
      // The stored MIME was sniffed on download; sniff again so a damaged row can never be shown as an image.
      const mime = sniffMime(stored.bytes);
      if (!isShownMime(mime))
        throw new AppError('image_unsupported', 'This file is not a JPEG, PNG or PDF and is not shown.');
      return {
        mime,
        bytes: new Uint8Array(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength),
      };
    },

    firstImage(caseId) {
      const ws = ctx.runtime.workspace();
      const detail = casesRepo.get(db, ws.id, caseId);
      if (!detail) throw caseNotFound();
      if ((detail.lifecycle?.purgedAt ?? null) !== null) return null;
      const first = orderFiles(detail.kyc?.files ?? [])[0];
      if (!first) return null;
      try {
        return { fileId: first.fileId, image: service.image(caseId, first.fileId) };
      } catch (error) {
        // Not downloaded yet, or not a kind that is shown: the review asks for it itself and says why.
        if (error instanceof AppError) return null;
        throw error;
      }
    },
  };
  return service;
}
