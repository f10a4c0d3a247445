import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  neutralise,
  registerCsv,
  type RegisterRow,
} from '../../../../src/main/records/case-register-csv';
import { imageSize } from '../../../../src/main/records/image-size';
import { pdfText } from '../../../../src/main/records/pdf-layout';

describe('CSV cells', () => {
  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (value) => {
    expect(neutralise(value)).toBe(`'${value}`);
  });

  it.each(['Šimkutė', '1-2', 'a=b', '2026-01-01', ''])('leaves %j alone', (value) => {
    expect(neutralise(value)).toBe(value);
  });

  it('quotes per RFC 4180 and round-trips through a CSV parser', () => {
    const row: RegisterRow = {
      caseId: 'a,b',
      externalRef: 'say "hi"',
      customerName: 'two\r\nlines',
      idvStatus: 'Completed',
      kycStatus: null,
      kycStatusReason: null,
      decision: null,
      decisionReason: null,
      officer: null,
      decidedAt: null,
      createdUtc: '2026-01-01T00:00:00.000Z',
      modifiedUtc: null,
    };
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const [parsed] = parse(registerCsv([row]), { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toMatchObject({
      'Case ID (Ondato IDV)': 'a,b',
      'External reference': 'say "hi"',
      'Customer name': 'two\r\nlines',
      'KYC status': '',
    });
  });
});

describe('text for the PDF', () => {
  it('joins the words of a right-to-left run so they are laid out (and reordered) as one unit', () => {
    expect(pdfText('Name: محمد عبد الله (Ahmed)')).toBe('Name: محمد\u00a0عبد\u00a0الله (Ahmed)');
    expect(pdfText('Ørjan Łukasz Šimkutė')).toBe('Ørjan Łukasz Šimkutė');
  });

  it('drops control characters but keeps tabs and newlines', () => {
    expect(pdfText('a\u0000b\u0007c\td\ne\u007f')).toBe('abc\td\ne');
  });
});

describe('image size from the header', () => {
  it('reads PNG and JPEG dimensions', () => {
    const png = new PNG({ width: 37, height: 21 });
    expect(imageSize(PNG.sync.write(png))).toEqual({ width: 37, height: 21 });
    const raw = { data: Buffer.alloc(53 * 19 * 4, 128), width: 53, height: 19 };
    expect(imageSize(Buffer.from(jpeg.encode(raw, 80).data))).toEqual({ width: 53, height: 19 });
    expect(imageSize(Buffer.from('not an image'))).toBeNull();
  });
});
