import type { Messages } from './en.ts';

/** Latvian. The worker is addressed politely (Jūs). */
export const lv: Messages = {
  locale: 'lv-LV',
  email: {
    greeting: (givenNames: string) => `Labdien, ${givenNames}!`,
    greetingWithoutName: 'Labdien!',
    signOff: 'Ar cieņu',
    sender: 'ID06',
    footer: 'Jūs saņemat šo e-pastu, jo Jums ir pasūtīta ID06 karte. Tas ir nosūtīts automātiski.',
    noPasswordRequests: 'ID06 nekad neprasa Jūsu paroli e-pastā. Neizpaudiet savu paroli nevienam.',
    sistec: {
      bringHeading: 'Paņemiet līdzi:',
      bringDocument:
        'Savu pasi vai personas apliecību (eID karti). Dokumentam jābūt derīgam, un personas apliecībai jābūt derīgai ceļošanai ES.',
      bringResidencePermit: 'Ja neesat ES pilsonis: arī savu ES uzturēšanās atļaujas karti.',
      officesLink: 'Atrast Sistec biroju',
      afterScan: 'Pēc skenēšanas Jūs saņemsiet e-pastu ar saiti, lai izveidotu savu lietotāja kontu.',
    },
    cardOrdered: {
      subject: 'Jums ir pasūtīta ID06 karte',
      heading: 'Jums ir pasūtīta ID06 karte',
      intro: (employerName: string) =>
        `Jūsu darba devējs ${employerName} ir pasūtījis Jums ID06 karti. Pirms kartes izgatavošanas mums jāpārbauda Jūsu identitāte.`,
      visit: 'Lūdzu, dodieties uz Sistec biroju, lai tur noskenētu Jūsu personu apliecinošu dokumentu.',
    },
    scanReminder: {
      subject: 'Atgādinājums: Jūsu ID06 karte gaida',
      heading: 'Jūsu ID06 karte Jūs gaida',
      intro: (employerName: string) =>
        `Jūsu darba devējs ${employerName} ir pasūtījis Jums ID06 karti, bet Jūsu personu apliecinošais dokuments vēl nav noskenēts.`,
      visit: 'Lūdzu, drīzumā dodieties uz Sistec biroju, lai noskenētu dokumentu.',
      expiryWarning:
        'Ja dokuments netiks noskenēts laikā, pasūtījuma termiņš beigsies un Jūsu darba devējam karte būs jāpasūta vēlreiz.',
    },
    scanRejected: {
      subject: 'ID06: Jūsu dokumentu nevarēja apstiprināt',
      heading: 'Jūsu dokumenta skenējumu nevarēja apstiprināt',
      intro: 'Sistec ir noskenējis Jūsu personu apliecinošo dokumentu, bet mēs to nevarējām apstiprināt.',
      categories: {
        RESCAN: {
          reason: 'Dokumentu nevarēja pareizi nolasīt.',
          action:
            'Lūdzu, atgriezieties Sistec birojā un noskenējiet to vēlreiz. Pārliecinieties, ka dokuments ir tīrs un nebojāts, vai paņemiet līdzi citu pieņemamu dokumentu: derīgu pasi vai personas apliecību.',
        },
        NEW_DOCUMENT: {
          reason: 'Dokumenta derīguma termiņš ir beidzies, vai arī šāda veida dokumentu mēs nevaram pieņemt.',
          action:
            'Lūdzu, atgriezieties Sistec birojā ar derīgu pasi vai personas apliecību, kas ir derīga ceļošanai ES. Ja neesat ES pilsonis, paņemiet līdzi arī savu ES uzturēšanās atļaujas karti.',
        },
        ORDER_CORRECTION: {
          reason: 'Kartes pasūtījuma dati nesakrīt ar Jūsu dokumentu.',
          action:
            'Lūdzu, palūdziet savam darba devējam (personai, kas pasūtīja Jūsu karti) pārbaudīt un izlabot pasūtījumu. Jūsu vārdiem un uzvārdam jābūt uzrakstītiem tieši tāpat kā pasē.',
        },
        CONTACT_SUPPORT: {
          reason: 'Dokumentu nevarēja pieņemt.',
          action:
            'Lūdzu, sazinieties ar ID06 atbalsta dienestu. Kontaktinformāciju atradīsiet vietnē id06.se.',
        },
      },
    },
    accountLink: {
      subject: 'ID06: izveidojiet savu lietotāja kontu',
      heading: 'Izveidojiet savu ID06 lietotāja kontu',
      intro:
        'Jūsu personu apliecinošais dokuments ir pārbaudīts. Nākamais solis ir izveidot lietotāja kontu.',
      howTo:
        'Atveriet tālāk norādīto saiti. Jums būs vajadzīgs Jūsu identifikācijas numurs (piemēram, personas kods), un Jūs izvēlēsieties paroli, kurā ir vismaz 8 rakstzīmes.',
      button: 'Izveidot lietotāja kontu',
      // Intl writes the Latvian date in the nominative, so it stands after a colon, not after "līdz".
      expires: (date: string, time: string) =>
        `Saites derīguma termiņš: ${date}, plkst. ${time} (pēc Zviedrijas laika). Saiti var izmantot tikai vienu reizi.`,
      replacesEarlier: 'Šī saite aizstāj iepriekš nosūtīto saiti. Iepriekšējā saite vairs nedarbojas.',
    },
    accountCreated: {
      subject: 'ID06: Jūsu lietotāja konts ir gatavs',
      heading: 'Jūsu lietotāja konts ir izveidots',
      intro: 'Jūsu ID06 lietotāja konts ir izveidots.',
      nextStep:
        'Nākamais solis: pierakstieties un apstipriniet kartes pasūtījumu. Pārbaudiet, vai Jūsu dati ir pareizi, un tad pieņemiet pasūtījumu vai noraidiet to, ja kaut kas nav pareizi.',
      button: 'Pierakstīties savā kontā',
    },
    onboardingExpired: {
      subject: 'ID06: kartes pasūtījuma termiņš ir beidzies',
      heading: 'Jūsu ID06 kartes pasūtījuma termiņš ir beidzies',
      reasons: {
        NO_SCAN:
          'Jūsu personu apliecinošais dokuments netika laikā noskenēts Sistec birojā, tāpēc kartes pasūtījums ir slēgts.',
        NO_ACCOUNT:
          'Jūsu lietotāja konts netika izveidots laikā, tāpēc kartes pasūtījums ir slēgts. Saite, ko mēs Jums nosūtījām, vairs nedarbojas.',
      },
      orderAgain:
        'Ja Jums joprojām ir vajadzīga ID06 karte, lūdzu, palūdziet darba devējam pasūtīt jaunu. Pēc tam Jūs saņemsiet jaunu e-pastu ar norādījumiem.',
    },
  },
};
