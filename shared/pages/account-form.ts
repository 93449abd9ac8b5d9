import type { Cardholder } from '#shared/contracts/events/card-ordered.ts';
import { checkPassword, type PasswordRejection } from '#shared/domain/password-policy.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import type { AccountField } from './html/account-page.ts';

export type AccountErrorCode = keyof PageMessages['account']['errors'];

export interface AccountFormError {
  field: AccountField;
  code: AccountErrorCode;
}

export interface AccountForm {
  password: string;
  termsAccepted: boolean;
  /** In the order the fields appear on the page. */
  errors: AccountFormError[];
}

const PASSWORD_ERROR: Readonly<Record<PasswordRejection, AccountErrorCode>> = {
  'too-short': 'tooShort',
  'too-long': 'tooLong',
  common: 'common',
  weak: 'weak',
  personal: 'personal',
};

/**
 * Reads the password, its repetition and the terms box. The password is taken as typed (never
 * trimmed); checkPassword refuses short, long, common, weak and personal ones.
 */
export function readAccountForm(form: Readonly<Record<string, string>>, cardholder: Cardholder): AccountForm {
  const password = form.password ?? '';
  const repeat = form.passwordRepeat ?? '';
  const termsAccepted = form.terms === 'accepted';
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
  if (repeat === '') errors.push({ field: 'passwordRepeat', code: 'repeatMissing' });
  else if (password !== '' && repeat !== password) {
    errors.push({ field: 'passwordRepeat', code: 'repeatMismatch' });
  }
  if (!termsAccepted) errors.push({ field: 'terms', code: 'termsRequired' });
  return { password, termsAccepted, errors };
}
