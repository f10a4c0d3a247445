import { Field } from '../../components/Field';

interface EditSecretFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  hasSecret: boolean;
  /** An Ondato address changed: the secret must be entered again, for the new address. */
  required: boolean;
}

function hintOf(required: boolean, hasSecret: boolean): string {
  if (required) {
    return 'You changed an Ondato address. Enter the client secret again: KYC Desk only sends a secret to the address it was entered for, and the stored one is deleted. KYC Desk will also ask you to confirm in its own window.';
  }
  return hasSecret
    ? 'A secret is stored in the system keychain. Leave this empty to keep it.'
    : 'No secret is stored for this workspace: enter one so KYC Desk can reach Ondato.';
}

export function EditSecretField({
  id,
  value,
  onChange,
  error,
  hasSecret,
  required,
}: EditSecretFieldProps): React.JSX.Element {
  return (
    <Field
      id={id}
      label={required ? 'Client secret for the new addresses' : 'New client secret'}
      required={required}
      error={error}
      hint={hintOf(required, hasSecret)}
    >
      {(a11y) => (
        <input
          {...a11y}
          className="input"
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
