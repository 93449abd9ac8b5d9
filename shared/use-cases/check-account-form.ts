import type { Cardholder } from '#shared/contracts/events/card-ordered.ts';
import { checkPassword, type PasswordRejection } from '#shared/domain/password-policy.ts';

export type AccountField = 'password' | 'terms';

export type AccountErrorCode =
  | 'passwordMissing'
  | 'tooShort'
  | 'tooLong'
  | 'controlCharacters'
  | 'common'
  | 'weak'
  | 'personal'
  | 'termsRequired';

export interface AccountFormError {
  field: AccountField;
  code: AccountErrorCode;
}

export interface AccountFormFields {
  password: string;
  termsAccepted: boolean;
}

const PASSWORD_ERROR: Readonly<Record<PasswordRejection, AccountErrorCode>> = {
  'too-short': 'tooShort',
  'too-long': 'tooLong',
  'control-characters': 'controlCharacters',
  common: 'common',
  weak: 'weak',
  personal: 'personal',
};

/**
 * What is wrong with the password and the terms box, in the order the fields
 * appear. The password is taken as typed (never trimmed); checkPassword refuses short, long,
 * common, weak and personal ones.
 */
export function checkAccountForm(fields: AccountFormFields, cardholder: Cardholder): AccountFormError[] {
  const { password } = fields;
  const errors: AccountFormError[] = [];
  if (password === '') {
    errors.push({ field: 'password', code: 'passwordMissing' });
  } else {
    const verdict = checkPassword(password, {
      email: cardholder.email,
      identityNumber: cardholder.identityNumber,
      givenNames: cardholder.givenNames,
      surname: cardholder.surname,
    });
    if (!verdict.ok) errors.push({ field: 'password', code: PASSWORD_ERROR[verdict.reason] });
  }
  if (!fields.termsAccepted) errors.push({ field: 'terms', code: 'termsRequired' });
  return errors;
}
