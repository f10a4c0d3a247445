import { decode as decodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { icaoCheckDigit, markProbe, mrzTd1, mrzTd3, renderSpecimen } from '../../../src/simulator/specimens';
import type { SpecimenPart, SpecimenPerson } from '../../../src/simulator/specimens';

// Diacritics, a hyphenated surname and a middle name exercise transliteration and name layout.
const person: SpecimenPerson = {
  firstName: 'Žemaitė',
  middleName: 'Ona',
  lastName: 'Müller-Łukaszewicz',
  dateOfBirth: '1974-08-12',
  personalCode: '47408121234',
  documentNumber: 'AB1234567',
  dateOfIssue: '2022-04-15',
  dateOfExpiration: '2032-04-15',
  nationalityIso3: 'LTU',
  gender: 'Female',
};

// ICAO 9303 example holders (Part 4 Appendix A, Part 5 Appendix A).
const anna: SpecimenPerson = {
  firstName: 'Anna',
  middleName: 'Maria',
  lastName: 'Eriksson',
  dateOfBirth: '1974-08-12',
  personalCode: 'ZE184226B',
  documentNumber: 'L898902C3',
  dateOfIssue: '2002-04-16',
  dateOfExpiration: '2012-04-15',
  nationalityIso3: 'UTO',
  gender: 'F',
};

const SIZES: Record<SpecimenPart, [number, number]> = {
  front: [1000, 630],
  back: [1000, 630],
  passport: [1250, 880],
  selfie: [640, 800],
};
const PARTS = Object.keys(SIZES) as SpecimenPart[];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Decoded {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The share of pixels in a rectangle that are clearly the red of the SPECIMEN mark. */
function redShare(img: Decoded, rect: { x: number; y: number; w: number; h: number }): number {
  let red = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0];
      if (r > 150 && r - g > 70 && r - b > 60) red++;
    }
  }
  return red / (rect.w * rect.h);
}

describe('renderSpecimen', () => {
  it.each(PARTS)('%s: JPEG has the SOI marker and decodes to the expected size', (part) => {
    const bytes = renderSpecimen({ part, format: 'jpeg', person, seed: 1 });
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const img = decodeJpeg(bytes, { useTArray: true });
    expect([img.width, img.height]).toEqual(SIZES[part]);
  });

  it.each(PARTS)('%s: PNG has the PNG signature and decodes to the expected size', (part) => {
    const bytes = renderSpecimen({ part, format: 'png', person, seed: 1 });
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const img = PNG.sync.read(bytes);
    expect([img.width, img.height]).toEqual(SIZES[part]);
  });

  it.each(PARTS)('%s: same input gives identical bytes; seed and person change them', (part) => {
    const a = renderSpecimen({ part, format: 'jpeg', person, seed: 42 });
    expect(renderSpecimen({ part, format: 'jpeg', person, seed: 42 }).equals(a)).toBe(true);
    expect(renderSpecimen({ part, format: 'jpeg', person, seed: 43 }).equals(a)).toBe(false);
    if (part !== 'selfie') {
      // The selfie is person-independent by design; documents print the person's data.
      expect(renderSpecimen({ part, format: 'jpeg', person: anna, seed: 42 }).equals(a)).toBe(false);
    }
  });

  it('is unaffected by other renders in between (rasters share pooled buffers)', () => {
    const first = renderSpecimen({ part: 'front', format: 'png', person, seed: 5 });
    renderSpecimen({ part: 'back', format: 'png', person: anna, seed: 6 });
    renderSpecimen({ part: 'front', format: 'jpeg', person: anna, seed: 7 });
    expect(renderSpecimen({ part: 'front', format: 'png', person, seed: 5 }).equals(first)).toBe(true);
  });

  it.each(PARTS)('%s: carries a clearly visible red SPECIMEN mark, in PNG and after JPEG', (part) => {
    const [, height] = SIZES[part];
    // Bottom-left corner: background or MRZ strip on every part, never under the mark.
    const control = { x: 8, y: height - 60, w: 40, h: 30 };
    for (const seed of [1, 2, 3]) {
      const png = PNG.sync.read(renderSpecimen({ part, format: 'png', person, seed }));
      expect(redShare(png, markProbe(part))).toBeGreaterThan(0.15);
      expect(redShare(png, control)).toBe(0);
    }
    const jpeg = decodeJpeg(renderSpecimen({ part, format: 'jpeg', person, seed: 1 }), { useTArray: true });
    expect(redShare(jpeg, markProbe(part))).toBeGreaterThan(0.15);
  });

  it('renders redacted or odd person data without throwing', () => {
    const blank: SpecimenPerson = {
      firstName: '',
      lastName: '',
      dateOfBirth: '',
      personalCode: '',
      documentNumber: '',
      dateOfIssue: 'unknown',
      dateOfExpiration: '',
      nationalityIso3: '',
      gender: '',
    };
    for (const part of PARTS) {
      expect(renderSpecimen({ part, format: 'png', person: blank, seed: -7.5 }).length).toBeGreaterThan(1000);
    }
    expect(mrzTd1(blank).every((l) => l.length === 30)).toBe(true);
    expect(mrzTd3(blank).every((l) => l.length === 44)).toBe(true);
  });
});

describe('ICAO 9303 check digits', () => {
  it.each([
    ['L898902C3', '6'],
    ['740812', '2'],
    ['120415', '9'],
    ['D23145890', '7'],
    ['ZE184226B', '1'],
    ['<<<<<<', '0'],
  ])('%s -> %s', (input, digit) => {
    expect(icaoCheckDigit(input)).toBe(digit);
  });
});

describe('MRZ', () => {
  it('TD3 reproduces the ICAO 9303 Part 4 specimen passport', () => {
    expect(mrzTd3(anna)).toEqual([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
  });

  it('TD1 reproduces the ICAO 9303 Part 5 specimen card', () => {
    const card = { ...anna, documentNumber: 'D23145890', personalCode: '' };
    expect(mrzTd1(card)).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });

  it('TD1 carries a document number longer than nine characters into the optional data', () => {
    const peter: SpecimenPerson = {
      ...anna,
      firstName: 'Peter',
      middleName: 'John',
      lastName: 'Stevenson',
      documentNumber: 'D23145890734',
      personalCode: '',
      dateOfBirth: '1934-07-12',
      dateOfExpiration: '1995-07-12',
      gender: 'Male',
    };
    expect(mrzTd1(peter)).toEqual([
      'I<UTOD23145890<7349<<<<<<<<<<<',
      '3407127M9507122UTO<<<<<<<<<<<2',
      'STEVENSON<<PETER<JOHN<<<<<<<<<',
    ]);
  });

  it('transliterates names and keeps every line to the MRZ alphabet and width', () => {
    const td1 = mrzTd1(person);
    const td3 = mrzTd3(person);
    for (const line of td1) expect(line).toMatch(/^[A-Z0-9<]{30}$/);
    for (const line of td3) expect(line).toMatch(/^[A-Z0-9<]{44}$/);
    expect(td1[2]).toBe('MUELLER<LUKASZEWICZ<<ZEMAITE<O');
    expect(td3[0]).toBe('P<UTOMUELLER<LUKASZEWICZ<<ZEMAITE<ONA<<<<<<<');
  });

  it('has self-consistent check digits for arbitrary data', () => {
    const [l1, l2] = mrzTd1(person);
    expect(l1[14]).toBe(icaoCheckDigit(l1.slice(5, 14)));
    expect(l2[6]).toBe(icaoCheckDigit(l2.slice(0, 6)));
    expect(l2[14]).toBe(icaoCheckDigit(l2.slice(8, 14)));
    expect(l2[29]).toBe(icaoCheckDigit(l1.slice(5) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29)));

    const [, p2] = mrzTd3(person);
    expect(p2[9]).toBe(icaoCheckDigit(p2.slice(0, 9)));
    expect(p2[19]).toBe(icaoCheckDigit(p2.slice(13, 19)));
    expect(p2[27]).toBe(icaoCheckDigit(p2.slice(21, 27)));
    expect(p2[42]).toBe(icaoCheckDigit(p2.slice(28, 42)));
    expect(p2[43]).toBe(icaoCheckDigit(p2.slice(0, 10) + p2.slice(13, 20) + p2.slice(21, 43)));
  });
});
