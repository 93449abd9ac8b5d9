import type { PageMessages } from './en.ts';

const plural = new Intl.PluralRules('ro-RO');

/** Romanian: 1 încercare; 0, 2–19 (and 101–119 …) încercări; 20 and up otherwise „de încercări”. */
function triesLeft(count: number): string {
  const category = plural.select(count);
  if (category === 'one') return `Mai aveți ${count} încercare.`;
  if (category === 'few') return `Mai aveți ${count} încercări.`;
  return `Mai aveți ${count} de încercări.`;
}

/** Romanian texts of the worker pages. The worker is addressed politely (dumneavoastră). */
export const pagesRo: PageMessages = {
  locale: 'ro-RO',
  common: {
    language: 'Limba',
    brand: 'ID06',
    titleSuffix: 'ID06',
    errorPrefix: 'Eroare:',
    errorSummaryTitle: 'A apărut o problemă',
    opensInNewTab: 'se deschide într-o filă nouă',
    continue: 'Continuați',
    signIn: 'Conectați-vă la cont',
  },
  start: {
    title: 'Creați un cont de utilizator',
    intro:
      'Sunteți invitat să vă creați un cont de utilizator ID06. Documentul dumneavoastră de identitate a fost verificat la Sistec, așa că vă puteți conecta fără BankID.',
    submit: 'Conectare după verificarea manuală a identității',
  },
  identity: {
    title: 'Conectare după verificarea manuală a identității',
    intro:
      'Actul dumneavoastră de identitate a fost verificat la Sistec. Înainte de a vă crea contul de utilizator ID06, confirmați că sunteți dumneavoastră.',
    label: 'Număr de identificare',
    hint: 'Introduceți-l exact așa cum l-a introdus angajatorul când a comandat cardul, cu aceleași cratime și spații. De exemplu, codul numeric personal (CNP) românesc are 13 cifre.',
    submit: 'Continuați',
    errors: {
      empty: 'Introduceți numărul de identificare',
      mismatch:
        'Numărul de identificare nu corespunde cu comanda cardului. Introduceți-l exact așa cum l-a introdus angajatorul.',
      triesLeft,
    },
  },
  locked: {
    title: 'Prea multe încercări greșite',
    body: 'Numărul de identificare a fost introdus greșit de prea multe ori. Pentru a vă proteja contul, trebuie să așteptați înainte de a încerca din nou.',
    retryAt: (date: string, time: string) =>
      `Puteți încerca din nou pe ${date}, după ora ${time} (ora Suediei).`,
    help: 'Dacă sunteți sigur că introduceți numărul corect, întrebați-vă angajatorul cum a fost scris în comanda cardului.',
  },
  blocked: {
    title: 'Verificarea identității este blocată',
    body: 'Numărul de identificare a fost introdus greșit de prea multe ori, așa că verificarea identității pentru această comandă de card a fost blocată pentru a vă proteja contul.',
    help: 'Contactați serviciul clienți ID06 și cereți deblocarea verificării identității pentru comanda dumneavoastră de card. Angajatorul vă poate ajuta să luați legătura și poate verifica modul în care numărul a fost scris în comandă.',
  },
  account: {
    title: 'Verificați-vă datele și alegeți o parolă',
    intro: 'Verificați dacă datele din comanda cardului sunt corecte. Apoi alegeți o parolă pentru cont.',
    detailsHeading: 'Datele dumneavoastră',
    givenNames: 'Prenume',
    surname: 'Nume de familie',
    identityNumber: 'Număr de identificare',
    email: 'E-mail',
    detailsWrong:
      'Dacă oricare dintre aceste date este greșită, nu creați contul. Cereți-i angajatorului să corecteze comanda cardului.',
    passwordHeading: 'Alegeți o parolă',
    passwordLabel: 'Parolă',
    showPassword: 'Afișați parola',
    passwordHint:
      'Cel puțin 8 caractere. O frază din mai multe cuvinte este ușor de reținut și greu de ghicit. Nu folosiți numele, adresa de e-mail sau numărul de identificare.',
    termsHeading: 'Termeni și condiții',
    termsLink: 'Citiți Termenii și condițiile generale ID06',
    termsLabel: 'Accept Termenii și condițiile generale ID06',
    submit: 'Confirmați',
    errors: {
      passwordMissing: 'Introduceți o parolă',
      tooShort: 'Parola trebuie să aibă cel puțin 8 caractere',
      tooLong: 'Parola poate avea cel mult 256 de caractere',
      controlCharacters:
        'Parola nu poate conține întreruperi de rând, tabulatoare sau alte caractere de control',
      common: 'Această parolă este prea des folosită. Alegeți una pe care alții probabil nu o folosesc',
      weak: 'Această parolă este prea ușor de ghicit. Folosiți o parolă mai lungă, de exemplu mai multe cuvinte',
      personal: 'Parola nu trebuie să conțină adresa de e-mail sau numărul de identificare',
      termsRequired: 'Acceptați Termenii și condițiile generale ID06 pentru a vă crea contul',
    },
  },
  created: {
    title: 'Contul dumneavoastră a fost creat',
    intro: 'Contul dumneavoastră de utilizator ID06 a fost creat.',
    nextStepHeading: 'Pasul următor',
    nextStep:
      'Conectați-vă și aprobați comanda cardului: verificați dacă datele dumneavoastră sunt corecte, apoi acceptați comanda sau respingeți-o dacă ceva nu este în regulă.',
  },
  newLink: {
    title: 'Un link nou este pe drum',
    body: 'Trimitem un link nou la adresa de e-mail din comanda de card. Poate dura câteva minute. Verificați și dosarul de spam și folosiți cel mai nou link.',
  },
  link: {
    invalid: {
      title: 'Acest link nu funcționează',
      body: 'Linkul este incomplet sau nu este valid.',
      action:
        'Deschideți din nou linkul din cel mai recent e-mail despre contul dumneavoastră de utilizator ID06. Dacă ați copiat linkul, asigurați-vă că l-ați copiat în întregime.',
    },
    expired: {
      title: 'Acest link a expirat',
      body: 'Un link pentru crearea contului de utilizator este valabil doar o perioadă limitată.',
      action:
        'Dacă comanda cardului este încă deschisă, atunci când linkul vechi expiră vi se trimite automat un link nou pe e-mail. Verificați căsuța de e-mail și dosarul de spam și folosiți cel mai recent link.',
    },
    renewable: {
      title: 'Acest link a expirat',
      body: 'Un link pentru crearea contului de utilizator funcționează doar o perioadă limitată, iar toate linkurile trimise automat au expirat.',
      action:
        'Puteți cere un link nou. Acesta va fi trimis la adresa de e-mail din comanda de card și va înlocui toate linkurile anterioare.',
      submit: 'Trimiteți-mi un link nou',
    },
    used: {
      title: 'Acest link a fost deja folosit',
      body: 'Fiecare link funcționează o singură dată.',
      action:
        'Dacă v-ați creat deja contul, conectați-vă. În caz contrar, folosiți cel mai recent link pe care vi l-am trimis pe e-mail.',
    },
    closed: {
      title: 'Această comandă de card este închisă',
      body: 'Comanda de card căreia îi aparține acest link a expirat sau a fost anulată, așa că linkul nu mai funcționează.',
      action: 'Dacă aveți în continuare nevoie de un card ID06, cereți-i angajatorului să comande unul nou.',
    },
    noSession: {
      title: 'Deschideți linkul din e-mail',
      body: 'Această pagină funcționează doar după ce ați deschis, în acest browser, linkul din e-mailul despre contul dumneavoastră de utilizator ID06.',
      action: 'Deschideți din nou linkul din e-mail.',
    },
  },
  errors: {
    tooManyRequests: {
      title: 'Prea multe cereri',
      body: 'Această pagină a fost trimisă de prea multe ori într-un timp scurt. Așteptați câteva minute, apoi deschideți din nou linkul din e-mail.',
    },
    forbidden: {
      title: 'Formularul nu a putut fi trimis',
      body: 'Pentru siguranța dumneavoastră, formularul funcționează doar în browserul în care ați deschis linkul din e-mail. Deschideți din nou linkul din e-mail și începeți de la capăt.',
    },
    notFound: {
      title: 'Pagina nu a fost găsită',
      body: 'Verificați adresa sau deschideți din nou linkul din e-mail.',
    },
    methodNotAllowed: {
      title: 'Această pagină nu poate fi folosită astfel',
      body: 'Deschideți din nou linkul din e-mail.',
    },
    tooLarge: {
      title: 'Prea mult text',
      body: 'Formularul a trimis prea mult text. Reveniți și scurtați ce ați scris.',
    },
    badRequest: {
      title: 'Cererea nu a putut fi citită',
      body: 'Deschideți din nou linkul din e-mail.',
    },
    unexpected: {
      title: 'A apărut o eroare',
      body: 'Vă rugăm să încercați din nou peste câteva minute. Dacă tot nu funcționează, deschideți din nou linkul din e-mail.',
    },
  },
};
