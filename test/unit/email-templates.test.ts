import fc from 'fast-check';
import type { RejectionCategory } from '#shared/domain/scan-evaluation.ts';
import { InvalidEmailDataError } from '#shared/email/errors.ts';
import { escapeHtml } from '#shared/email/escape-html.ts';
import { type EmailRequest, type EmailTemplateData, renderEmail } from '#shared/email/templates.ts';
import { LANGUAGES, type Language } from '#shared/email/texts/index.ts';

const OFFICES = 'https://sistec.example/kontor';
const LINK = 'https://onboarding.example/link/onb_01jd3w8zq5k2m7t9x4b6n1r0ce.Q2hhbmdlLW1lLXBsZWFzZQ';
const SIGN_IN = 'https://id06.example/sign-in';
const GIVEN_LINKS = [OFFICES, LINK, SIGN_IN];
/** 23:30 in Stockholm (CET, UTC+1). */
const EXPIRES = '2026-11-20T22:30:00.000Z';
const CATEGORIES: readonly RejectionCategory[] = [
  'RESCAN',
  'NEW_DOCUMENT',
  'ORDER_CORRECTION',
  'CONTACT_SUPPORT',
];

function requestsFor(
  language: Language,
  givenNames = 'Anna Maria',
  employerName = 'Bygg AB',
): EmailRequest[] {
  return [
    { template: 'card-ordered', language, givenNames, employerName, sistecOfficesUrl: OFFICES },
    { template: 'scan-reminder', language, givenNames, employerName, sistecOfficesUrl: OFFICES },
    ...CATEGORIES.map(
      (category): EmailRequest => ({
        template: 'scan-rejected',
        language,
        givenNames,
        category,
        sistecOfficesUrl: OFFICES,
      }),
    ),
    { template: 'account-link', language, givenNames, link: LINK, expiresAt: EXPIRES, linkNumber: 1 },
    { template: 'account-link', language, givenNames, link: LINK, expiresAt: EXPIRES, linkNumber: 2 },
    { template: 'account-created', language, givenNames, signInUrl: SIGN_IN },
    { template: 'onboarding-expired', language, givenNames, reason: 'NO_SCAN' },
    { template: 'onboarding-expired', language, givenNames, reason: 'NO_ACCOUNT' },
  ];
}

function render(request: EmailRequest) {
  return renderEmail(request.template, request);
}

function label(request: EmailRequest): string {
  const variant = Object.entries(request)
    .filter(([key]) => ['category', 'reason', 'linkNumber'].includes(key))
    .map(([, value]) => String(value));
  return [request.template, ...variant, request.language].join(' ');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function urlsIn(content: string): string[] {
  return content.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
}

function accountLink(overrides: Partial<EmailTemplateData['account-link']> = {}) {
  return renderEmail('account-link', {
    language: 'en',
    givenNames: 'Anna',
    link: LINK,
    expiresAt: EXPIRES,
    linkNumber: 1,
    ...overrides,
  });
}

const ALL = LANGUAGES.flatMap((language) => requestsFor(language));
const EXTERNAL_RESOURCES =
  /\b(?:src|srcset|background|poster|xmlns)\s*=|url\(|@import|<(?:img|link|iframe|object|embed|style|form)\b/i;

describe('renderEmail: every template in every language', () => {
  test.each(ALL.map((request) => [label(request), request] as const))('%s', (_, request) => {
    const { subject, text, html } = render(request);

    expect(subject.trim()).not.toBe('');
    expect(subject).toContain('ID06');
    expect(subject.length).toBeLessThanOrEqual(60);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(text).toContain(request.givenNames);

    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${request.language}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<h1 [^>]*>[^<]+<\/h1>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(EXTERNAL_RESOURCES);
    expect(html).not.toMatch(/javascript:/i);
    for (const url of [...urlsIn(html), ...urlsIn(text)]) expect(GIVEN_LINKS).toContain(url);
  });

  test('covers six templates, eight languages', () => {
    expect(new Set(ALL.map((request) => request.template)).size).toBe(6);
    expect(LANGUAGES).toEqual(['sv', 'en', 'pl', 'lt', 'lv', 'et', 'ro', 'uk']);
  });

  test('the HTML and the text part carry the same links', () => {
    for (const request of ALL) {
      const { text, html } = render(request);
      expect(urlsIn(html).sort()).toEqual(urlsIn(text).sort());
    }
  });

  test('each language has its own wording', () => {
    for (const request of requestsFor('en')) {
      const texts = LANGUAGES.map((language) => render({ ...request, language }).text);
      expect(new Set(texts).size).toBe(LANGUAGES.length);
    }
  });
});

describe('user-supplied text', () => {
  const hostile = '<script>alert("x")</script> Ann & Bo';

  test.each(LANGUAGES)('names are HTML-escaped and verbatim in text (%s)', (language) => {
    for (const request of requestsFor(language, hostile, 'Bygg <b>& Co</b> AB')) {
      const { text, html } = render(request);
      expect(html).not.toContain('<script');
      expect(html).toContain(escapeHtml(hostile));
      expect(text).toContain(hostile);
      if (request.template === 'card-ordered' || request.template === 'scan-reminder') {
        expect(html).not.toContain('<b>');
        expect(html).toContain('Bygg &lt;b&gt;&amp; Co&lt;/b&gt; AB');
        expect(text).toContain('Bygg <b>& Co</b> AB');
      }
    }
  });

  test('line breaks in a name cannot add lines to the email', () => {
    const { text, html } = renderEmail('account-created', {
      language: 'en',
      givenNames: 'Anna\r\n\r\nYour account is locked, call +1 555 0100\u2028',
      signInUrl: SIGN_IN,
    });
    expect(text).toContain('Hi Anna Your account is locked, call +1 555 0100,\n');
    expect(text).not.toMatch(/^Your account is locked/m);
    expect(html).not.toMatch(/[\r\u2028]/);
  });

  test('bidirectional override characters are dropped from names', () => {
    const { text } = renderEmail('account-created', {
      language: 'en',
      givenNames: 'Anna\u202Egnp.exe',
      signInUrl: SIGN_IN,
    });
    expect(text).toContain('Hi Annagnp.exe,');
  });

  test('an empty or blank name falls back to a greeting without a name', () => {
    for (const givenNames of ['', '  \n ']) {
      const { text } = renderEmail('onboarding-expired', { language: 'sv', givenNames, reason: 'NO_SCAN' });
      expect(text).toContain('\n\nHej!\n\n');
    }
  });

  test('property: no given names break out of the HTML', () => {
    const name = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.string({
        unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ' ', 'a', '\n', '!', '-'),
        maxLength: 40,
      }),
    );
    const request = fc.constantFrom(...ALL);
    fc.assert(
      fc.property(request, name, (base, givenNames) => {
        const plain = render({ ...base, givenNames: 'X' }).html;
        const { html } = render({ ...base, givenNames });
        expect(count(html, '<')).toBe(count(plain, '<'));
        expect(count(html, '>')).toBe(count(plain, '>'));
        expect(count(html, '"')).toBe(count(plain, '"'));
        expect(html.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeHtml', () => {
  test('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Å & ö</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Å &amp; ö&lt;/a&gt;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('scan-rejected', () => {
  test.each(LANGUAGES)('each category tells the worker something different (%s)', (language) => {
    const emails = CATEGORIES.map((category) =>
      renderEmail('scan-rejected', { language, givenNames: 'Anna', category, sistecOfficesUrl: OFFICES }),
    );
    expect(new Set(emails.map((email) => email.text)).size).toBe(CATEGORIES.length);
    expect(new Set(emails.map((email) => email.html)).size).toBe(CATEGORIES.length);
  });

  test('links to the Sistec offices only when the worker has to go back there', () => {
    const linked = CATEGORIES.filter((category) =>
      renderEmail('scan-rejected', {
        language: 'en',
        givenNames: 'Anna',
        category,
        sistecOfficesUrl: OFFICES,
      }).text.includes(OFFICES),
    );
    expect(linked).toEqual(['RESCAN', 'NEW_DOCUMENT']);
  });

  test('order correction sends the worker to the employer', () => {
    const { text } = renderEmail('scan-rejected', {
      language: 'en',
      givenNames: 'Anna',
      category: 'ORDER_CORRECTION',
      sistecOfficesUrl: OFFICES,
    });
    expect(text).toContain('ask your employer');
    expect(text).toContain('exactly as in your passport');
  });
});

describe('account-link', () => {
  test('contains the link exactly once in the text and once, as the href, in the HTML', () => {
    const { text, html } = accountLink();
    expect(count(text, LINK)).toBe(1);
    expect(count(html, LINK)).toBe(1);
    expect(count(html, `href="${LINK}"`)).toBe(1);
    // A new tab: a mail client that shows the message in a frame must not open the pages in it.
    expect(html).toMatch(
      new RegExp(
        `<a href="${LINK}" target="_blank" rel="noopener noreferrer" style="[^"]+">Create user account</a>`,
      ),
    );
    expect(text).toContain(`Create user account:\n${LINK}\n`);
  });

  test.each([
    ['en', EXPIRES, 'until 20 November 2026 at 23:30 (Swedish time)'],
    ['sv', EXPIRES, 'till den 20 november 2026 kl. 23:30 (svensk tid)'],
    ['pl', EXPIRES, 'do 20 listopada 2026, godz. 23:30 (czasu szwedzkiego)'],
    ['lt', EXPIRES, 'iki 2026 m. lapkričio 20 d. 23:30 (Švedijos laiku)'],
    ['lv', EXPIRES, 'termiņš: 2026. gada 20. novembris, plkst. 23:30 (pēc Zviedrijas laika)'],
    ['et', EXPIRES, 'kuni 20. november 2026 kell 23:30 (Rootsi aja järgi)'],
    ['ro', EXPIRES, 'până la 20 noiembrie 2026, ora 23:30 (ora Suediei)'],
    ['uk', EXPIRES, 'до 20 листопада 2026 р. о 23:30 (за шведським часом)'],
    ['uk', '2026-06-30T22:15:00Z', 'до 1 липня 2026 р. о 00:15 (за шведським часом)'],
    ['en', '2026-06-30T22:15:00Z', 'until 1 July 2026 at 00:15 (Swedish time)'],
    ['sv', '2026-03-29T03:00:00+02:00', 'till den 29 mars 2026 kl. 03:00 (svensk tid)'],
  ] as const)('states the expiry in Swedish time (%s, %s)', (language, expiresAt, expected) => {
    const { text, html } = accountLink({ language, expiresAt });
    expect(text).toContain(expected);
    expect(html).toContain(escapeHtml(expected));
  });

  test('says that a newer link replaces the earlier one only from the second link on', () => {
    expect(accountLink({ linkNumber: 1 }).text).not.toContain('replaces');
    expect(accountLink({ linkNumber: 2 }).text).toContain('This link replaces the one we sent earlier');
    expect(accountLink({ linkNumber: 7 }).html).toContain('This link replaces the one we sent earlier');
  });

  test('says that ID06 never asks for passwords by email', () => {
    expect(accountLink().text).toContain('ID06 never asks for your password by email');
  });

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://onboarding.example/link/x',
    'https://user:secret@onboarding.example/link/x',
    'ftp://onboarding.example/x',
    '/link/x',
    'not a url',
    '',
  ])('refuses the link %j', (link) => {
    expect(() => accountLink({ link })).toThrow(InvalidEmailDataError);
  });

  test.each(['http://127.0.0.1:4566/link/x', 'http://localhost:3000/link/x'])(
    'accepts the local stack link %s',
    (link) => {
      expect(accountLink({ link }).text).toContain(link);
    },
  );

  test('refuses an expiry that is not an ISO date-time with a zone', () => {
    for (const expiresAt of ['', 'tomorrow', '2026-11-20', '2026-11-20T22:30:00', '2026-13-40T99:00:00Z']) {
      expect(() => accountLink({ expiresAt })).toThrow(InvalidEmailDataError);
    }
  });

  test('refuses a link number that is not a positive integer', () => {
    for (const linkNumber of [0, -1, 1.5, Number.NaN]) {
      expect(() => accountLink({ linkNumber })).toThrow(InvalidEmailDataError);
    }
  });
});

describe('other links and data', () => {
  test('the sign-in and Sistec links are checked too', () => {
    expect(() =>
      renderEmail('account-created', { language: 'en', givenNames: 'A', signInUrl: 'javascript:alert(1)' }),
    ).toThrow(InvalidEmailDataError);
    expect(() =>
      renderEmail('card-ordered', {
        language: 'en',
        givenNames: 'A',
        employerName: 'B',
        sistecOfficesUrl: 'javascript:alert(1)',
      }),
    ).toThrow(InvalidEmailDataError);
  });

  test('account-created has the sign-in call to action and the next step', () => {
    const { text, html } = renderEmail('account-created', {
      language: 'en',
      givenNames: 'A',
      signInUrl: SIGN_IN,
    });
    expect(html).toContain(`<a href="${SIGN_IN}"`);
    expect(html).toContain('>Sign in to your account</a>');
    expect(text).toContain('approve your card order');
  });

  test('card-ordered names the employer and the documents to bring', () => {
    const { text } = renderEmail('card-ordered', {
      language: 'en',
      givenNames: 'Anna',
      employerName: 'Bygg AB',
      sistecOfficesUrl: OFFICES,
    });
    expect(text).toContain('Bygg AB has ordered an ID06 card for you');
    expect(text).toContain('passport or national ID card');
    expect(text).toContain('EU residence permit card');
  });

  test('unknown template, language, category or reason throw InvalidEmailDataError', () => {
    const bad = (template: string, data: object) => () => renderEmail(template as never, data as never);
    expect(bad('welcome', { language: 'en', givenNames: 'A' })).toThrow(InvalidEmailDataError);
    expect(bad('onboarding-expired', { language: 'de', givenNames: 'A', reason: 'NO_SCAN' })).toThrow(
      InvalidEmailDataError,
    );
    expect(bad('onboarding-expired', { language: 'en', givenNames: 'A', reason: 'toString' })).toThrow(
      InvalidEmailDataError,
    );
    expect(
      bad('scan-rejected', { language: 'en', givenNames: 'A', category: 'GREEN', sistecOfficesUrl: OFFICES }),
    ).toThrow(InvalidEmailDataError);
    expect(bad('toString', { language: 'en', givenNames: 'A' })).toThrow(InvalidEmailDataError);
  });
});
