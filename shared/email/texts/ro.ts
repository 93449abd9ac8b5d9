import type { Messages } from './en.ts';

/** Romanian. The worker is addressed politely (dumneavoastră). */
export const ro: Messages = {
  locale: 'ro-RO',
  email: {
    greeting: (givenNames: string) => `Bună ziua, ${givenNames},`,
    greetingWithoutName: 'Bună ziua,',
    signOff: 'Cu stimă,',
    sender: 'ID06',
    footer:
      'Primiți acest e-mail deoarece a fost comandat un card ID06 pentru dumneavoastră. Mesajul a fost trimis automat.',
    noPasswordRequests: 'ID06 nu vă cere niciodată parola prin e-mail. Nu vă spuneți parola nimănui.',
    sistec: {
      bringHeading: 'Aduceți cu dumneavoastră:',
      bringDocument:
        'Pașaportul sau cartea de identitate. Documentul nu trebuie să fie expirat, iar cartea de identitate trebuie să fie valabilă pentru călătorii în UE.',
      bringResidencePermit: 'Dacă nu sunteți cetățean al UE: și permisul de ședere eliberat în UE.',
      officesLink: 'Găsiți un birou Sistec',
      afterScan: 'După scanare, veți primi un e-mail cu un link pentru a vă crea contul de utilizator.',
    },
    cardOrdered: {
      subject: 'A fost comandat un card ID06 pentru dumneavoastră',
      heading: 'A fost comandat un card ID06 pentru dumneavoastră',
      intro: (employerName: string) =>
        `${employerName} a comandat un card ID06 pentru dumneavoastră. Înainte ca cardul să fie emis, trebuie să vă verificăm identitatea.`,
      visit: 'Vă rugăm să mergeți la un birou Sistec, unde vi se va scana actul de identitate.',
    },
    scanReminder: {
      subject: 'Memento: cardul dumneavoastră ID06 vă așteaptă',
      heading: 'Cardul dumneavoastră ID06 vă așteaptă',
      intro: (employerName: string) =>
        `${employerName} a comandat un card ID06 pentru dumneavoastră, dar actul de identitate nu a fost încă scanat.`,
      visit: 'Vă rugăm să mergeți cât mai curând la un birou Sistec pentru a vă scana actul.',
      expiryWarning:
        'Dacă actul nu este scanat la timp, comanda expiră, iar angajatorul trebuie să comande din nou cardul.',
    },
    scanRejected: {
      subject: 'ID06: actul dumneavoastră nu a putut fi aprobat',
      heading: 'Scanarea actului dumneavoastră nu a putut fi aprobată',
      intro: 'Sistec v-a scanat actul de identitate, dar nu l-am putut aproba.',
      categories: {
        RESCAN: {
          reason: 'Actul nu a putut fi citit corect.',
          action:
            'Vă rugăm să vă întoarceți la un birou Sistec și să îl scanați din nou. Asigurați-vă că actul este curat și nedeteriorat sau aduceți un alt act acceptat: un pașaport valabil sau o carte de identitate valabilă.',
        },
        NEW_DOCUMENT: {
          reason: 'Actul a expirat sau nu este un tip de act pe care îl putem accepta.',
          action:
            'Vă rugăm să vă întoarceți la un birou Sistec cu un pașaport valabil sau cu o carte de identitate valabilă pentru călătorii în UE. Dacă nu sunteți cetățean al UE, aduceți și permisul de ședere eliberat în UE.',
        },
        ORDER_CORRECTION: {
          reason: 'Datele din comanda cardului nu corespund cu actul dumneavoastră.',
          action:
            'Vă rugăm să îi cereți angajatorului (persoana care a comandat cardul) să verifice comanda și să o corecteze. Numele și prenumele trebuie să fie scrise exact ca în pașaport.',
        },
        CONTACT_SUPPORT: {
          reason: 'Actul nu a putut fi acceptat.',
          action:
            'Vă rugăm să contactați serviciul de asistență ID06. Datele de contact le găsiți pe id06.se.',
        },
      },
    },
    accountLink: {
      subject: 'ID06: creați-vă contul de utilizator',
      heading: 'Creați-vă contul de utilizator ID06',
      intro:
        'Actul dumneavoastră de identitate a fost verificat. Următorul pas este să vă creați contul de utilizator.',
      howTo:
        'Deschideți linkul de mai jos. Veți avea nevoie de numărul de identificare (de exemplu, CNP-ul) și veți alege o parolă de cel puțin 8 caractere.',
      button: 'Creați contul de utilizator',
      expires: (date: string, time: string) =>
        `Linkul este valabil până la ${date}, ora ${time} (ora Suediei), și poate fi folosit o singură dată.`,
      replacesEarlier:
        'Acest link îl înlocuiește pe cel trimis anterior. Linkul anterior nu mai funcționează.',
    },
    accountCreated: {
      subject: 'ID06: contul dumneavoastră de utilizator este gata',
      heading: 'Contul dumneavoastră de utilizator a fost creat',
      intro: 'Contul dumneavoastră de utilizator ID06 a fost creat.',
      nextStep:
        'Următorul pas: conectați-vă și aprobați comanda cardului. Verificați dacă datele dumneavoastră sunt corecte, apoi acceptați comanda sau respingeți-o dacă ceva nu este în regulă.',
      button: 'Conectați-vă la cont',
    },
    onboardingExpired: {
      subject: 'ID06: comanda cardului dumneavoastră a expirat',
      heading: 'Comanda cardului dumneavoastră ID06 a expirat',
      reasons: {
        NO_SCAN:
          'Actul dumneavoastră de identitate nu a fost scanat la timp la Sistec, așa că comanda cardului a fost închisă.',
        NO_ACCOUNT:
          'Contul de utilizator nu a fost creat la timp, așa că comanda cardului a fost închisă. Linkul pe care vi l-am trimis nu mai funcționează.',
      },
      orderAgain:
        'Dacă aveți în continuare nevoie de un card ID06, vă rugăm să îi cereți angajatorului să comande unul nou. Veți primi apoi un nou e-mail cu instrucțiuni.',
    },
  },
};
