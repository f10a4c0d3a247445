import { planAutopilot } from './autopilot';
import { settle } from './lifecycle';
import type { Rng } from './random';
import type { CreateIdvInput } from './validation';
import type { IdvRecord } from './types';

/** Every IDV, settled against the clock whenever it is read. */
export class IdvStore {
  private readonly byId = new Map<string, IdvRecord>();
  private readonly byKycId = new Map<string, IdvRecord>();

  create(input: CreateIdvInput, now: number, rng: Rng, autopilot: boolean): IdvRecord {
    const record: IdvRecord = {
      id: rng.uuid(),
      seed: rng.nextUint32(),
      setupId: input.setupId,
      createdAt: now,
      modifiedAt: now,
      lastActivityAt: now,
      status: 'Pending',
      mismatch: {},
      document: {},
      customer: { typeChosen: false, front: false, back: false, selfie: false },
      plan: [],
      history: [],
      redacted: { personal: false, biometric: false },
    };
    if (input.externalReferenceId !== undefined) record.externalReferenceId = input.externalReferenceId;
    if (input.registration) record.registration = input.registration;
    if (autopilot) planAutopilot(record);
    this.byId.set(record.id, record);
    return record;
  }

  private index(record: IdvRecord): IdvRecord {
    if (record.kyc) this.byKycId.set(record.kyc.id, record);
    return record;
  }

  get(id: string, now: number): IdvRecord | undefined {
    const record = this.byId.get(id.toLowerCase());
    if (!record) return undefined;
    settle(record, now);
    return this.index(record);
  }

  getByKycId(kycId: string, now: number): IdvRecord | undefined {
    const key = kycId.toLowerCase();
    // A KYC that came into being while nobody looked is only indexed once its IDV is settled.
    const record = this.byKycId.get(key) ?? this.all(now).find((r) => r.kyc?.id === key);
    if (!record) return undefined;
    settle(record, now);
    return this.index(record);
  }

  all(now: number): IdvRecord[] {
    return [...this.byId.values()].map((record) => {
      settle(record, now);
      return this.index(record);
    });
  }

  clear(): void {
    this.byId.clear();
    this.byKycId.clear();
  }

  /** The records as they are (not settled: settling is a pure function of the clock). */
  records(): IdvRecord[] {
    return [...this.byId.values()];
  }

  /** Replaces every record; the KYC index is rebuilt lazily by getByKycId. */
  load(records: readonly IdvRecord[]): void {
    this.clear();
    for (const record of records) this.byId.set(record.id.toLowerCase(), record);
  }
}
