import type { CatalogShape, MessageTree } from '#shared/domain/catalog-shape.ts';

/** English texts of the worker pages: the reference catalog. Every other language has exactly these keys. */
export const pagesEn = {
  /** BCP 47 tag for dates and times (Intl). */
  locale: 'en-GB',
  common: {
    language: 'Language',
    brand: 'ID06',
    titleSuffix: 'ID06',
    errorPrefix: 'Error:',
    errorSummaryTitle: 'There is a problem',
    opensInNewTab: 'opens in a new tab',
    continue: 'Continue',
    signIn: 'Sign in to your account',
  },
  start: {
    title: 'Create user account',
    intro:
      'You are invited to create an ID06 user account. Your identity document has been checked at Sistec, so you can sign in without BankID.',
    submit: 'Sign in after manual ID verification',
  },
  identity: {
    title: 'Sign in after manual ID verification',
    intro:
      'Your identity document has been checked at Sistec. Before you create your ID06 user account, confirm that it is you.',
    label: 'Identity number',
    hint: 'Type it exactly as your employer entered it when they ordered your card, with the same dashes and spaces. For example, a Swedish personal identity number is written YYYYMMDD-XXXX.',
    submit: 'Continue',
    errors: {
      empty: 'Enter your identity number',
      mismatch:
        'The identity number does not match the card order. Type it exactly as your employer entered it.',
      triesLeft: (count: number) => (count === 1 ? 'You have 1 try left.' : `You have ${count} tries left.`),
    },
  },
  locked: {
    title: 'Too many wrong tries',
    body: 'The identity number was wrong too many times. To protect your account, you have to wait before you try again.',
    retryAt: (date: string, time: string) => `You can try again after ${time} on ${date} (Swedish time).`,
    help: 'If you are sure you are typing the right number, ask your employer how it was written on the card order.',
  },
  blocked: {
    title: 'The identity check is locked',
    body: 'The identity number was wrong too many times, so the identity check for this card order is locked to protect your account.',
    help: 'Contact ID06 customer service and say that the identity check of your card order needs to be unlocked. Your employer can help you get in touch and can check how your identity number was written on the order.',
  },
  account: {
    title: 'Check your details and choose a password',
    intro: 'Check that the details on your card order are correct. Then choose a password for your account.',
    detailsHeading: 'Your details',
    givenNames: 'Given names',
    surname: 'Surname',
    identityNumber: 'Identity number',
    email: 'Email',
    detailsWrong:
      'If any of these details are wrong, do not create the account. Ask your employer to correct the card order.',
    passwordHeading: 'Choose a password',
    passwordLabel: 'Password',
    showPassword: 'Show password',
    passwordHint:
      'At least 8 characters. A phrase of several words is easy to remember and hard to guess. Do not use your name, email address or identity number.',
    termsHeading: 'Terms and conditions',
    termsLink: 'Read the ID06 General Terms and Conditions',
    termsLabel: 'I accept the ID06 General Terms and Conditions',
    submit: 'Confirm',
    errors: {
      passwordMissing: 'Enter a password',
      tooShort: 'The password must be at least 8 characters long',
      tooLong: 'The password must be at most 256 characters long',
      controlCharacters: 'The password must not contain line breaks, tabs or other control characters',
      common: 'This password is too common. Choose one that others are unlikely to use',
      weak: 'This password is too easy to guess. Use a longer password, for example several words',
      personal: 'The password must not contain your email address or identity number',
      termsRequired: 'Accept the ID06 General Terms and Conditions to create your account',
    },
  },
  created: {
    title: 'Your account is created',
    intro: 'Your ID06 user account has been created.',
    nextStepHeading: 'Next step',
    nextStep:
      'Sign in and approve your card order: check that your details are correct, then accept the order, or reject it if something is wrong.',
  },
  newLink: {
    title: 'A new link is on its way',
    body: 'We are sending a new link to the email address on your card order. It can take a few minutes. Check your spam folder too, and use the newest link.',
  },
  link: {
    invalid: {
      title: 'This link does not work',
      body: 'The link is incomplete or not valid.',
      action:
        'Open the link again from the newest email about your ID06 user account. If you copied the link, make sure you copied all of it.',
    },
    expired: {
      title: 'This link has expired',
      body: 'A link to create your user account works only for a limited time.',
      action:
        'If your card order is still open, a new link is sent to your email automatically when the old one expires. Check your inbox and your spam folder, and use the newest link.',
    },
    renewable: {
      title: 'This link has expired',
      body: 'A link to create your user account works only for a limited time, and the links we sent automatically have all expired.',
      action:
        'You can ask for a new link. It is sent to the email address on your card order and replaces all earlier links.',
      submit: 'Send me a new link',
    },
    used: {
      title: 'This link has already been used',
      body: 'Each link works only once.',
      action:
        'If you have created your account, sign in. Otherwise, use the newest link we have emailed you.',
    },
    closed: {
      title: 'This card order is closed',
      body: 'The card order that this link belongs to has expired or been cancelled, so the link no longer works.',
      action: 'If you still need an ID06 card, ask your employer to order a new one.',
    },
    noSession: {
      title: 'Open the link in your email',
      body: 'This page works only after you have opened the link in the email about your ID06 user account, in this browser.',
      action: 'Open the link from the email again.',
    },
  },
  errors: {
    tooManyRequests: {
      title: 'Too many requests',
      body: 'This page was sent too many times in a short while. Wait a few minutes, then open the link from your email again.',
    },
    forbidden: {
      title: 'The form could not be sent',
      body: 'For your security, the form works only in the browser where you opened the link from your email. Open the link from the email again and start over.',
    },
    notFound: {
      title: 'Page not found',
      body: 'Check the address, or open the link from your email again.',
    },
    methodNotAllowed: {
      title: 'This page cannot be used like this',
      body: 'Open the link from your email again.',
    },
    tooLarge: {
      title: 'Too much text',
      body: 'The form sent too much text. Go back and shorten what you typed.',
    },
    badRequest: {
      title: 'The request could not be read',
      body: 'Open the link from your email again.',
    },
    unexpected: {
      title: 'Something went wrong',
      body: 'Please try again in a few minutes. If it still does not work, open the link from your email again.',
    },
  },
} as const satisfies MessageTree;

/** The page texts every language must provide. */
export type PageMessages = CatalogShape<typeof pagesEn>;
