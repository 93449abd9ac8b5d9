import type { PageMessages } from './en.ts';

const plural = new Intl.PluralRules('lt-LT');

const NOUN: Readonly<Record<string, string>> = { one: 'bandymas', few: 'bandymai', many: 'bandymo' };

/** Lithuanian: 1, 21 bandymas; 2–9, 22 bandymai; 0, 10–20 bandymų (CLDR one, few, other; many is a fraction). */
function triesLeft(count: number): string {
  return `Jums liko ${count} ${NOUN[plural.select(count)] ?? 'bandymų'}.`;
}

/** Lithuanian texts of the worker pages. The worker is addressed politely (Jūs). */
export const pagesLt: PageMessages = {
  locale: 'lt-LT',
  common: {
    language: 'Kalba',
    brand: 'ID06',
    titleSuffix: 'ID06',
    errorPrefix: 'Klaida:',
    errorSummaryTitle: 'Kilo problema',
    opensInNewTab: 'atidaroma naujame skirtuke',
    continue: 'Tęsti',
    signIn: 'Prisijungti prie paskyros',
  },
  start: {
    title: 'Sukurti naudotojo paskyrą',
    intro:
      'Kviečiame sukurti ID06 naudotojo paskyrą. Jūsų asmens dokumentas buvo patikrintas „Sistec“, todėl galite prisijungti be BankID.',
    submit: 'Prisijungti po rankinio tapatybės patikrinimo',
  },
  identity: {
    title: 'Prisijungimas po rankinio tapatybės patikrinimo',
    intro:
      'Jūsų asmens tapatybės dokumentas patikrintas Sistec biure. Prieš kurdami ID06 naudotojo paskyrą, patvirtinkite, kad tai Jūs.',
    label: 'Asmens identifikavimo numeris',
    hint: 'Įveskite jį tiksliai taip, kaip jį įvedė Jūsų darbdavys, užsakydamas kortelę, su tais pačiais brūkšneliais ir tarpais. Pavyzdžiui, Lietuvos asmens kodą sudaro 11 skaitmenų.',
    submit: 'Tęsti',
    errors: {
      empty: 'Įveskite savo asmens identifikavimo numerį',
      mismatch:
        'Asmens identifikavimo numeris nesutampa su kortelės užsakymu. Įveskite jį tiksliai taip, kaip jį įvedė Jūsų darbdavys.',
      triesLeft,
    },
  },
  locked: {
    title: 'Per daug neteisingų bandymų',
    body: 'Asmens identifikavimo numeris buvo neteisingai įvestas per daug kartų. Kad apsaugotume Jūsų paskyrą, turite palaukti, prieš bandydami dar kartą.',
    retryAt: (date: string, time: string) =>
      `Dar kartą bandyti galėsite ${date} po ${time} (Švedijos laiku).`,
    help: 'Jei esate tikri, kad įvedate teisingą numerį, paklauskite darbdavio, kaip jis įrašytas kortelės užsakyme.',
  },
  blocked: {
    title: 'Tapatybės patikrinimas užblokuotas',
    body: 'Asmens identifikavimo numeris buvo neteisingai įvestas per daug kartų, todėl, siekiant apsaugoti Jūsų paskyrą, šio kortelės užsakymo tapatybės patikrinimas užblokuotas.',
    help: 'Susisiekite su ID06 klientų aptarnavimo tarnyba ir paprašykite atblokuoti Jūsų kortelės užsakymo tapatybės patikrinimą. Jūsų darbdavys gali padėti susisiekti ir patikrinti, kaip Jūsų numeris buvo įrašytas užsakyme.',
  },
  account: {
    title: 'Patikrinkite savo duomenis ir pasirinkite slaptažodį',
    intro: 'Patikrinkite, ar kortelės užsakymo duomenys teisingi. Tada pasirinkite paskyros slaptažodį.',
    detailsHeading: 'Jūsų duomenys',
    givenNames: 'Vardai',
    surname: 'Pavardė',
    identityNumber: 'Asmens identifikavimo numeris',
    email: 'El. paštas',
    detailsWrong:
      'Jei kurie nors iš šių duomenų neteisingi, nekurkite paskyros. Paprašykite darbdavio ištaisyti kortelės užsakymą.',
    passwordHeading: 'Pasirinkite slaptažodį',
    passwordLabel: 'Slaptažodis',
    showPassword: 'Rodyti slaptažodį',
    passwordHint:
      'Ne mažiau kaip 8 simboliai. Kelių žodžių frazę lengva įsiminti ir sunku atspėti. Nenaudokite savo vardo, el. pašto adreso ar asmens identifikavimo numerio.',
    termsHeading: 'Sąlygos',
    termsLink: 'Perskaitykite ID06 bendrąsias sąlygas',
    termsLabel: 'Sutinku su ID06 bendrosiomis sąlygomis',
    submit: 'Patvirtinti',
    errors: {
      passwordMissing: 'Įveskite slaptažodį',
      tooShort: 'Slaptažodį turi sudaryti ne mažiau kaip 8 simboliai',
      tooLong: 'Slaptažodį gali sudaryti ne daugiau kaip 256 simboliai',
      controlCharacters: 'Slaptažodyje negali būti eilutės lūžių, tabuliacijos ar kitų valdymo simbolių',
      common: 'Šis slaptažodis per daug paplitęs. Pasirinkite tokį, kurio kiti greičiausiai nenaudoja',
      weak: 'Šį slaptažodį per lengva atspėti. Naudokite ilgesnį slaptažodį, pavyzdžiui, kelis žodžius',
      personal: 'Slaptažodyje negali būti Jūsų el. pašto adreso ar asmens identifikavimo numerio',
      termsRequired: 'Kad sukurtumėte paskyrą, sutikite su ID06 bendrosiomis sąlygomis',
    },
  },
  created: {
    title: 'Jūsų paskyra sukurta',
    intro: 'Jūsų ID06 naudotojo paskyra sukurta.',
    nextStepHeading: 'Kitas žingsnis',
    nextStep:
      'Prisijunkite ir patvirtinkite kortelės užsakymą: patikrinkite, ar Jūsų duomenys teisingi, tada priimkite užsakymą arba jį atmeskite, jei kas nors negerai.',
  },
  newLink: {
    title: 'Nauja nuoroda jau siunčiama',
    body: 'Siunčiame naują nuorodą kortelės užsakyme nurodytu el. pašto adresu. Tai gali užtrukti kelias minutes. Patikrinkite ir šlamšto aplanką bei naudokite naujausią nuorodą.',
  },
  link: {
    invalid: {
      title: 'Ši nuoroda neveikia',
      body: 'Nuoroda neišsami arba negaliojanti.',
      action:
        'Dar kartą atidarykite nuorodą iš naujausio el. laiško apie Jūsų ID06 naudotojo paskyrą. Jei nuorodą kopijavote, įsitikinkite, kad nukopijavote ją visą.',
    },
    expired: {
      title: 'Šios nuorodos galiojimo laikas baigėsi',
      body: 'Naudotojo paskyros kūrimo nuoroda galioja tik ribotą laiką.',
      action:
        'Jei Jūsų kortelės užsakymas vis dar galioja, pasibaigus senosios nuorodos galiojimui, nauja nuoroda Jums išsiunčiama el. paštu automatiškai. Patikrinkite gautus laiškus ir šlamšto aplanką ir naudokite naujausią nuorodą.',
    },
    renewable: {
      title: 'Ši nuoroda nebegalioja',
      body: 'Nuoroda naudotojo paskyrai sukurti galioja tik ribotą laiką, o visų automatiškai išsiųstų nuorodų galiojimas jau baigėsi.',
      action:
        'Galite paprašyti naujos nuorodos. Ji bus išsiųsta kortelės užsakyme nurodytu el. pašto adresu ir pakeis visas ankstesnes nuorodas.',
      submit: 'Atsiųskite man naują nuorodą',
    },
    used: {
      title: 'Ši nuoroda jau panaudota',
      body: 'Kiekviena nuoroda veikia tik vieną kartą.',
      action:
        'Jei jau sukūrėte paskyrą, prisijunkite. Priešingu atveju naudokite naujausią nuorodą, kurią Jums atsiuntėme el. paštu.',
    },
    closed: {
      title: 'Šis kortelės užsakymas uždarytas',
      body: 'Kortelės užsakymas, kuriam priklauso ši nuoroda, nebegalioja arba buvo atšauktas, todėl nuoroda nebeveikia.',
      action: 'Jei Jums vis dar reikia ID06 kortelės, paprašykite darbdavio užsakyti naują.',
    },
    noSession: {
      title: 'Atidarykite nuorodą iš el. laiško',
      body: 'Šis puslapis veikia tik tada, kai šioje naršyklėje atidarote nuorodą iš el. laiško apie Jūsų ID06 naudotojo paskyrą.',
      action: 'Dar kartą atidarykite nuorodą iš el. laiško.',
    },
  },
  errors: {
    tooManyRequests: {
      title: 'Per daug užklausų',
      body: 'Šis puslapis per trumpą laiką buvo siųstas per daug kartų. Palaukite kelias minutes ir vėl atidarykite nuorodą iš el. laiško.',
    },
    forbidden: {
      title: 'Formos nepavyko išsiųsti',
      body: 'Saugumo sumetimais forma veikia tik toje naršyklėje, kurioje atidarėte nuorodą iš el. laiško. Dar kartą atidarykite nuorodą iš el. laiško ir pradėkite iš naujo.',
    },
    notFound: {
      title: 'Puslapis nerastas',
      body: 'Patikrinkite adresą arba dar kartą atidarykite nuorodą iš el. laiško.',
    },
    methodNotAllowed: {
      title: 'Šio puslapio taip naudoti negalima',
      body: 'Dar kartą atidarykite nuorodą iš el. laiško.',
    },
    tooLarge: {
      title: 'Per daug teksto',
      body: 'Formoje išsiųsta per daug teksto. Grįžkite atgal ir sutrumpinkite tai, ką įvedėte.',
    },
    badRequest: {
      title: 'Užklausos nepavyko perskaityti',
      body: 'Dar kartą atidarykite nuorodą iš el. laiško.',
    },
    unexpected: {
      title: 'Kažkas nepavyko',
      body: 'Bandykite dar kartą po kelių minučių. Jei vis tiek neveikia, dar kartą atidarykite nuorodą iš el. laiško.',
    },
  },
};
