import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createIdvRequestSchema,
  createIdvResponseSchema,
  idvSchema,
  kycIdentificationSchema,
} from '../../../../src/shared/wire/schemas';

const dir = join(__dirname, '../../../fixtures/ondato');
const load = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('Ondato example payloads', () => {
  it('create IDV request passes our strict request schema', () => {
    const parsed = createIdvRequestSchema.parse(load('create-idv-request.json'));
    expect(parsed.registration?.phoneNumber).toBe(370624515141);
  });

  it('create IDV response', () => {
    expect(createIdvResponseSchema.parse(load('create-idv-response.json')).id).toBe(
      '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    );
  });

  it('get IDV response', () => {
    const idv = idvSchema.parse(load('get-idv-response.json'));
    expect(idv.status).toBe('Completed');
    expect(idv.step?.kycIdentification?.id).toBe('9ac12241-4333-46b0-8aa6-0b49e5444539');
    expect(idv.step?.consent?.isConsented).toBe(true);
  });

  it('get KYC identification response', () => {
    const kyc = kycIdentificationSchema.parse(load('get-kyc-identification-response.json'));
    expect(kyc.status).toBe('Awaiting');
    expect(kyc.statusReason).toBe('MissingDocumentPhoto');
    expect(kyc.document?.files?.[0]).toMatchObject({ fileExtension: 'jpeg', part: 'Front' });
  });

  it('keeps unknown enum values and extra fields', () => {
    const raw = {
      ...z.record(z.string(), z.unknown()).parse(load('get-idv-response.json')),
      status: 'Frozen',
      extra: 1,
    };
    const idv = idvSchema.parse(raw);
    expect(idv.status).toBe('Frozen');
    expect(idv).toHaveProperty('extra', 1);
  });
});
