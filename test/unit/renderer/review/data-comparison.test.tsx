// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseHeader } from '../../../../src/renderer/src/features/review/CaseHeader';
import { DataComparison } from '../../../../src/renderer/src/features/review/DataComparison';
import { OndatoChecks } from '../../../../src/renderer/src/features/review/OndatoChecks';
import type { CaseView } from '../../../../src/shared/domain/views';
import { caseView, DOCUMENT, kycPayload, NOW } from './fixtures';

afterEach(cleanup);

function withDocument(document: typeof DOCUMENT, registration: CaseView['registration']): CaseView {
  const base = caseView();
  return { ...base, registration, kyc: { ...base.kyc!, payload: kycPayload(document) } };
}

function row(name: string): HTMLElement {
  return within(screen.getByRole('table')).getByRole('row', { name: new RegExp(`^${name}`) });
}

const marks = (cell: HTMLElement): string[] =>
  [...cell.querySelectorAll('mark')].map((m) => m.textContent ?? '');

describe('DataComparison shows its working', () => {
  it('says a match ignoring accents, with both values', () => {
    render(<DataComparison view={caseView()} now={NOW} />);
    const last = row('Last name');
    expect(within(last).getByText('Match')).toBeTruthy();
    expect(within(last).getByText('Matches ignoring accents: Zemaite / Žemaitė')).toBeTruthy();
  });

  it('marks the differing letters and says them in words', () => {
    render(
      <DataComparison
        view={withDocument(DOCUMENT, { ...caseView().registration, lastName: 'Zemaitis' })}
        now={NOW}
      />,
    );
    const last = row('Last name');
    const [entered, document] = within(last).getAllByRole('cell');
    expect(marks(entered!)).toEqual(['is']);
    expect(marks(document!)).toEqual(['ė']);
    expect(entered!.textContent).toBe('Zemaitis');
    expect(within(last).getByText('Mismatch')).toBeTruthy();
    expect(within(last).getByText('Differs — entered: “is”; document: “ė”.')).toBeTruthy();
  });

  it('recognises a transliteration and dates and codes written differently', () => {
    render(
      <DataComparison
        view={withDocument(
          { ...DOCUMENT, lastName: 'MUELLER', dateOfBirth: '17.05.1990', personalCode: '490051-71234' },
          { ...caseView().registration, lastName: 'Müller', dateOfBirth: '1990-5-17' },
        )}
        now={NOW}
      />,
    );
    expect(
      within(row('Last name')).getByText('Matches as transliterated (ICAO 9303: Ü → UE): Müller / MUELLER'),
    ).toBeTruthy();
    expect(
      within(row('Personal code')).getByText('Same code written differently: 49005171234 / 490051-71234'),
    ).toBeTruthy();
    expect(
      within(row('Date of birth')).getByText('Same date written differently: 1990-5-17 / 17.05.1990'),
    ).toBeTruthy();
  });

  it('never shows a plain Match next to a field Ondato could not validate', () => {
    render(<DataComparison view={caseView()} now={NOW} />);
    const dob = row('Date of birth');
    expect(within(dob).queryByText('Match')).toBeNull();
    expect(within(dob).getByText('Match, with a caveat')).toBeTruthy();
    expect(screen.getByText(/1 with a caveat/)).toBeTruthy();
  });
});

describe('OndatoChecks caveats', () => {
  it('does not count a check without a result as passed', () => {
    const base = caseView().kyc!;
    const payload = kycPayload(DOCUMENT, {
      rules: [
        { name: 'DocumentNotExpired', status: 'Success' },
        { name: 'SelfieHasFace', status: 'Unknown' },
      ],
    });
    render(<OndatoChecks kyc={{ ...base, payload }} />);
    expect(screen.getByText('1 without a result, 1 passed')).toBeTruthy();
    expect(screen.getByText('Ondato did not report this check as passed.')).toBeTruthy();
    expect(screen.getByText(/where the data comparison shows them as matching/)).toBeTruthy();
  });
});

describe('CaseHeader names', () => {
  const header = (view: CaseView) =>
    render(<CaseHeader view={view} refreshing={false} refreshError={null} onRefresh={() => {}} now={NOW} />);

  it('keeps the registered name as the heading and shows the name as read beside it', () => {
    header(
      caseView({ fullName: 'Jonas Petraitis', registeredName: 'Jonas Petraitis', nameAsRead: 'JANE DOE' }),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Jonas Petraitis' })).toBeTruthy();
    expect(screen.getByTestId('case-names').textContent).toBe(
      'Registered: Jonas Petraitis · ; As read from the document: JANE DOE',
    );
  });

  it('shows one name when the document spells the same name', () => {
    header(
      caseView({ fullName: 'Rūta Žemaitė', registeredName: 'Rūta Žemaitė', nameAsRead: 'RUTA ZEMAITE' }),
    );
    expect(screen.queryByTestId('case-names')).toBeNull();
  });
});
