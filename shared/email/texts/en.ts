import type { CatalogShape, MessageTree } from '#shared/domain/catalog-shape.ts';

/** English: the reference catalog. Every other language has exactly these keys (see `Messages`). */
export const en = {
  /** BCP 47 tag for dates and times (Intl); en-GB writes 24-hour times and day-month-year. */
  locale: 'en-GB',
  email: {
    greeting: (givenNames: string) => `Hi ${givenNames},`,
    greetingWithoutName: 'Hi,',
    signOff: 'Kind regards,',
    sender: 'ID06',
    footer:
      'You are getting this email because an ID06 card has been ordered for you. It was sent automatically.',
    noPasswordRequests: 'ID06 never asks for your password by email. Do not share your password with anyone.',
    sistec: {
      bringHeading: 'Bring with you:',
      bringDocument:
        'Your passport or national ID card. It must not be expired, and an ID card must be valid for travel in the EU.',
      bringResidencePermit: 'If you are not an EU citizen: your EU residence permit card as well.',
      officesLink: 'Find a Sistec office',
      afterScan: 'After the scan, you will get an email with a link to create your user account.',
    },
    cardOrdered: {
      subject: 'An ID06 card has been ordered for you',
      heading: 'An ID06 card has been ordered for you',
      intro: (employerName: string) =>
        `${employerName} has ordered an ID06 card for you. Before the card can be made, we need to check your identity.`,
      visit: 'Please go to a Sistec office and have your identity document scanned there.',
    },
    scanReminder: {
      subject: 'Reminder: your ID06 card is waiting',
      heading: 'Your ID06 card is waiting for you',
      intro: (employerName: string) =>
        `${employerName} has ordered an ID06 card for you, but your identity document has not been scanned yet.`,
      visit: 'Please go to a Sistec office soon and have your document scanned.',
      expiryWarning:
        'If the document is not scanned in time, the order expires and your employer has to order the card again.',
    },
    scanRejected: {
      subject: 'ID06: your document could not be approved',
      heading: 'Your document scan could not be approved',
      intro: 'Sistec has scanned your identity document, but we could not approve it.',
      categories: {
        RESCAN: {
          reason: 'The document could not be read properly.',
          action:
            'Please go back to a Sistec office and have it scanned again. Make sure the document is clean and undamaged, or bring another accepted document: an unexpired passport or national ID card.',
        },
        NEW_DOCUMENT: {
          reason: 'The document has expired, or it is not a kind of document we can accept.',
          action:
            'Please go back to a Sistec office with an unexpired passport, or a national ID card that is valid for travel in the EU. If you are not an EU citizen, also bring your EU residence permit card.',
        },
        ORDER_CORRECTION: {
          reason: 'The details on your card order do not match your document.',
          action:
            'Please ask your employer (the person who ordered your card) to check the order and correct it. Your names must be written exactly as in your passport.',
        },
        CONTACT_SUPPORT: {
          reason: 'The document could not be accepted.',
          action: 'Please contact ID06 support. You can find their contact details at id06.se.',
        },
      },
    },
    accountLink: {
      subject: 'ID06: create your user account',
      heading: 'Create your ID06 user account',
      intro: 'Your identity document has been checked. The next step is to create your user account.',
      howTo:
        'Open the link below. You will need your identity number, and you will choose a password of at least 8 characters.',
      button: 'Create user account',
      expires: (date: string, time: string) =>
        `The link works until ${date} at ${time} (Swedish time), and it can only be used once.`,
      replacesEarlier: 'This link replaces the one we sent earlier. The earlier link no longer works.',
    },
    accountCreated: {
      subject: 'ID06: your user account is ready',
      heading: 'Your user account is created',
      intro: 'Your ID06 user account has been created.',
      nextStep:
        'Next step: sign in and approve your card order. Check that your details are correct, then accept the order, or reject it if something is wrong.',
      button: 'Sign in to your account',
    },
    onboardingExpired: {
      subject: 'ID06: your card order has expired',
      heading: 'Your ID06 card order has expired',
      reasons: {
        NO_SCAN:
          'Your identity document was not scanned at Sistec in time, so the card order has been closed.',
        NO_ACCOUNT:
          'Your user account was not created in time, so the card order has been closed. The link we sent you no longer works.',
      },
      orderAgain:
        'If you still need an ID06 card, please ask your employer to order a new one. You will then get a new email with instructions.',
    },
  },
} as const satisfies MessageTree;

/** The catalog every language must provide. */
export type Messages = CatalogShape<typeof en>;
