import { Field } from '../../components/Field';
import type { HostValues } from './host-edits';

interface HostFieldsProps {
  idPrefix: string;
  values: HostValues;
  onChange(key: keyof HostValues, value: string): void;
  error(key: string): string | undefined;
  /** The last test or KYC call failed in a way a wrong KYC host causes (404, DNS). */
  kycTrouble: boolean;
}

function UrlInput(props: { a11y: object; value: string; onChange(value: string): void }): React.JSX.Element {
  return (
    <input
      {...props.a11y}
      className="input"
      type="url"
      placeholder="Ondato’s standard address"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

/**
 * The Ondato API addresses. The KYC API address is in plain sight: it is the one most often different
 * (the sandbox KYC host is not documented), and a hint says so when KYC calls fail with 404 or DNS.
 */
export function HostFields({
  idPrefix,
  values,
  onChange,
  error,
  kycTrouble,
}: HostFieldsProps): React.JSX.Element {
  const kycHint = kycTrouble
    ? 'KYC calls failed with “not found” or an unknown host: the KYC API address may differ for your account. Ask your Ondato contact for it and enter it here.'
    : 'Leave empty for Ondato’s standard KYC address. Set it if Ondato gave you a different one.';
  return (
    <>
      <Field
        id={`${idPrefix}-kycApiUrl`}
        label="KYC API address"
        error={error('overrides.kycApiUrl')}
        hint={kycHint}
      >
        {(a11y) => (
          <UrlInput a11y={a11y} value={values.kycApiUrl} onChange={(v) => onChange('kycApiUrl', v)} />
        )}
      </Field>
      <details className="host-more" open={values.authUrl !== '' || values.idvApiUrl !== '' || undefined}>
        <summary>Other Ondato addresses</summary>
        <div className="grid-2">
          <Field id={`${idPrefix}-authUrl`} label="Sign-in (auth) address" error={error('overrides.authUrl')}>
            {(a11y) => (
              <UrlInput a11y={a11y} value={values.authUrl} onChange={(v) => onChange('authUrl', v)} />
            )}
          </Field>
          <Field id={`${idPrefix}-idvApiUrl`} label="IDV API address" error={error('overrides.idvApiUrl')}>
            {(a11y) => (
              <UrlInput a11y={a11y} value={values.idvApiUrl} onChange={(v) => onChange('idvApiUrl', v)} />
            )}
          </Field>
        </div>
      </details>
    </>
  );
}
