import type { Messages } from './en.ts';

/** Lithuanian. The worker is addressed politely (Jūs). */
export const lt: Messages = {
  locale: 'lt-LT',
  email: {
    greeting: (givenNames: string) => `Sveiki, ${givenNames}!`,
    greetingWithoutName: 'Sveiki!',
    signOff: 'Pagarbiai',
    sender: 'ID06',
    footer: 'Gavote šį laišką, nes Jums buvo užsakyta ID06 kortelė. Laiškas išsiųstas automatiškai.',
    noPasswordRequests:
      'ID06 niekada neprašo Jūsų slaptažodžio el. paštu. Niekam nesakykite savo slaptažodžio.',
    sistec: {
      bringHeading: 'Pasiimkite su savimi:',
      bringDocument:
        'Pasą arba asmens tapatybės kortelę. Dokumento galiojimo laikas neturi būti pasibaigęs, o asmens tapatybės kortelė turi tikti kelionėms ES.',
      bringResidencePermit: 'Jei nesate ES pilietis: taip pat ES šalyje išduotą leidimo gyventi kortelę.',
      officesLink: 'Raskite Sistec biurą',
      afterScan: 'Po nuskaitymo gausite el. laišką su nuoroda, kuria galėsite susikurti naudotojo paskyrą.',
    },
    cardOrdered: {
      subject: 'Jums užsakyta ID06 kortelė',
      heading: 'Jums užsakyta ID06 kortelė',
      intro: (employerName: string) =>
        `${employerName} užsakė Jums ID06 kortelę. Prieš gaminant kortelę, turime patikrinti Jūsų tapatybę.`,
      visit: 'Apsilankykite Sistec biure, kad ten būtų nuskaitytas Jūsų asmens tapatybės dokumentas.',
    },
    scanReminder: {
      subject: 'Priminimas: Jūsų ID06 kortelė laukia',
      heading: 'Jūsų laukia ID06 kortelė',
      intro: (employerName: string) =>
        `${employerName} užsakė Jums ID06 kortelę, tačiau Jūsų asmens tapatybės dokumentas dar nenuskaitytas.`,
      visit: 'Kuo greičiau apsilankykite Sistec biure, kad būtų nuskaitytas Jūsų dokumentas.',
      expiryWarning:
        'Jei dokumentas nebus nuskaitytas laiku, užsakymas nebegalios ir Jūsų darbdaviui teks užsakyti kortelę iš naujo.',
    },
    scanRejected: {
      subject: 'ID06: Jūsų dokumento nepavyko patvirtinti',
      heading: 'Jūsų dokumento nepavyko patvirtinti',
      intro: 'Sistec nuskaitė Jūsų asmens tapatybės dokumentą, tačiau mes negalėjome jo patvirtinti.',
      categories: {
        RESCAN: {
          reason: 'Dokumento nepavyko tinkamai nuskaityti.',
          action:
            'Grįžkite į Sistec biurą ir paprašykite nuskaityti dokumentą dar kartą. Įsitikinkite, kad dokumentas švarus ir nepažeistas, arba atsineškite kitą tinkamą dokumentą: galiojantį pasą arba asmens tapatybės kortelę.',
        },
        NEW_DOCUMENT: {
          reason: 'Dokumento galiojimo laikas pasibaigęs arba tokio dokumento mes negalime priimti.',
          action:
            'Grįžkite į Sistec biurą su galiojančiu pasu arba asmens tapatybės kortele, kuri tinka kelionėms ES. Jei nesate ES pilietis, atsineškite ir ES leidimo gyventi kortelę.',
        },
        ORDER_CORRECTION: {
          reason: 'Kortelės užsakymo duomenys nesutampa su Jūsų dokumentu.',
          action:
            'Paprašykite darbdavio (asmens, kuris užsakė Jūsų kortelę) patikrinti ir ištaisyti užsakymą. Jūsų vardai ir pavardė turi būti įrašyti tiksliai taip, kaip pase.',
        },
        CONTACT_SUPPORT: {
          reason: 'Dokumento nepavyko priimti.',
          action: 'Susisiekite su ID06 pagalbos tarnyba. Jos kontaktus rasite svetainėje id06.se.',
        },
      },
    },
    accountLink: {
      subject: 'ID06: susikurkite naudotojo paskyrą',
      heading: 'Susikurkite ID06 naudotojo paskyrą',
      intro: 'Jūsų asmens tapatybės dokumentas patikrintas. Kitas žingsnis – susikurti naudotojo paskyrą.',
      howTo:
        'Atidarykite toliau pateiktą nuorodą. Jums reikės asmens identifikavimo numerio (pvz., asmens kodo), o slaptažodį, kurį sudaro ne mažiau kaip 8 simboliai, pasirinksite patys.',
      button: 'Sukurti naudotojo paskyrą',
      expires: (date: string, time: string) =>
        `Nuoroda galioja iki ${date} ${time} (Švedijos laiku), ją galima panaudoti tik vieną kartą.`,
      replacesEarlier: 'Ši nuoroda pakeičia anksčiau atsiųstą nuorodą. Ankstesnė nuoroda nebeveikia.',
    },
    accountCreated: {
      subject: 'ID06: Jūsų naudotojo paskyra paruošta',
      heading: 'Jūsų naudotojo paskyra sukurta',
      intro: 'Jūsų ID06 naudotojo paskyra sukurta.',
      nextStep:
        'Kitas žingsnis: prisijunkite ir patvirtinkite kortelės užsakymą. Patikrinkite, ar Jūsų duomenys teisingi, tada priimkite užsakymą arba jį atmeskite, jei kas nors negerai.',
      button: 'Prisijungti prie paskyros',
    },
    onboardingExpired: {
      subject: 'ID06: Jūsų kortelės užsakymas nebegalioja',
      heading: 'Jūsų ID06 kortelės užsakymas nebegalioja',
      reasons: {
        NO_SCAN:
          'Jūsų asmens tapatybės dokumentas nebuvo laiku nuskaitytas Sistec biure, todėl kortelės užsakymas uždarytas.',
        NO_ACCOUNT:
          'Naudotojo paskyra nebuvo sukurta laiku, todėl kortelės užsakymas uždarytas. Jums atsiųsta nuoroda nebeveikia.',
      },
      orderAgain:
        'Jei Jums vis dar reikia ID06 kortelės, paprašykite darbdavio užsakyti naują. Tada gausite naują el. laišką su instrukcijomis.',
    },
  },
};
