import type { PageMessages } from './en.ts';

/** Estonian: 1 katse; every other count katset (partitive). */
function triesLeft(count: number): string {
  return count === 1 ? 'Teil on jäänud 1 katse.' : `Teil on jäänud ${count} katset.`;
}

/** Estonian texts of the worker pages. The worker is addressed politely (Teie). */
export const pagesEt: PageMessages = {
  locale: 'et-EE',
  common: {
    language: 'Keel',
    brand: 'ID06',
    titleSuffix: 'ID06',
    errorPrefix: 'Viga:',
    errorSummaryTitle: 'Tekkis probleem',
    opensInNewTab: 'avaneb uuel vahekaardil',
    continue: 'Jätka',
    signIn: 'Logi oma kontole sisse',
  },
  start: {
    title: 'Kasutajakonto loomine',
    intro:
      'Teid kutsutakse looma ID06 kasutajakontot. Teie isikut tõendav dokument on Sisteci kontoris kontrollitud, seega saate sisse logida ilma BankID-ta.',
    submit: 'Logi sisse pärast isikusamasuse käsitsi kontrolli',
  },
  identity: {
    title: 'Sisselogimine pärast isikusamasuse käsitsi kontrolli',
    intro:
      'Teie isikut tõendav dokument on Sisteci kontoris kontrollitud. Enne ID06 kasutajakonto loomist kinnitage, et see olete Teie.',
    label: 'Isikukood',
    hint: 'Sisestage see täpselt nii, nagu Teie tööandja selle kaardi tellimisel sisestas, samade sidekriipsude ja tühikutega. Näiteks Eesti isikukood koosneb 11 numbrist.',
    submit: 'Jätka',
    errors: {
      empty: 'Sisestage oma isikukood',
      mismatch:
        'Isikukood ei ühti kaardi tellimusega. Sisestage see täpselt nii, nagu Teie tööandja selle sisestas.',
      triesLeft,
    },
  },
  locked: {
    title: 'Liiga palju valesid katseid',
    body: 'Isikukood sisestati liiga mitu korda valesti. Teie konto kaitsmiseks peate enne uut katset ootama.',
    retryAt: (date: string, time: string) =>
      `Uuesti saate proovida ${date} kell ${time} (Rootsi aja järgi) või hiljem.`,
    help: 'Kui olete kindel, et sisestate õige numbri, küsige oma tööandjalt, kuidas see kaardi tellimusel kirjas on.',
  },
  blocked: {
    title: 'Isikusamasuse kontroll on lukustatud',
    body: 'Isikukood sisestati liiga palju kordi valesti, seetõttu on selle kaarditellimuse isikusamasuse kontroll Teie konto kaitsmiseks lukustatud.',
    help: 'Võtke ühendust ID06 klienditeenindusega ja paluge oma kaarditellimuse isikusamasuse kontroll avada. Teie tööandja saab aidata ühendust võtta ja kontrollida, kuidas Teie isikukood tellimusele kirjutati.',
  },
  account: {
    title: 'Kontrollige oma andmeid ja valige parool',
    intro: 'Kontrollige, kas kaardi tellimuse andmed on õiged. Seejärel valige oma kontole parool.',
    detailsHeading: 'Teie andmed',
    givenNames: 'Eesnimed',
    surname: 'Perekonnanimi',
    identityNumber: 'Isikukood',
    email: 'E-post',
    detailsWrong:
      'Kui mõni neist andmetest on vale, ärge kontot looge. Paluge oma tööandjal kaardi tellimus parandada.',
    passwordHeading: 'Valige parool',
    passwordLabel: 'Parool',
    showPassword: 'Näita parooli',
    passwordHint:
      'Vähemalt 8 tähemärki. Mitmest sõnast koosnevat fraasi on lihtne meelde jätta ja raske ära arvata. Ärge kasutage oma nime, e-posti aadressi ega isikukoodi.',
    termsHeading: 'Tingimused',
    termsLink: 'Lugege ID06 üldtingimusi',
    termsLabel: 'Nõustun ID06 üldtingimustega',
    submit: 'Kinnita',
    errors: {
      passwordMissing: 'Sisestage parool',
      tooShort: 'Parool peab olema vähemalt 8 tähemärki pikk',
      tooLong: 'Parool võib olla kuni 256 tähemärki pikk',
      controlCharacters: 'Parool ei tohi sisaldada reavahetusi, tabulaatoreid ega muid juhtmärke',
      common: 'See parool on liiga levinud. Valige parool, mida teised tõenäoliselt ei kasuta',
      weak: 'Seda parooli on liiga lihtne ära arvata. Kasutage pikemat parooli, näiteks mitut sõna',
      personal: 'Parool ei tohi sisaldada Teie e-posti aadressi ega isikukoodi',
      termsRequired: 'Konto loomiseks nõustuge ID06 üldtingimustega',
    },
  },
  created: {
    title: 'Teie konto on loodud',
    intro: 'Teie ID06 kasutajakonto on loodud.',
    nextStepHeading: 'Järgmine samm',
    nextStep:
      'Logige sisse ja kinnitage oma kaardi tellimus: kontrollige, kas Teie andmed on õiged, ning seejärel nõustuge tellimusega või lükake see tagasi, kui midagi on valesti.',
  },
  newLink: {
    title: 'Uus link on teel',
    body: 'Saadame uue lingi kaarditellimusel olevale e-posti aadressile. See võib võtta mõne minuti. Vaadake ka rämpsposti kausta ja kasutage kõige uuemat linki.',
  },
  link: {
    invalid: {
      title: 'See link ei tööta',
      body: 'Link on puudulik või vigane.',
      action:
        'Avage uuesti link kõige uuemast e-kirjast, mis käsitleb Teie ID06 kasutajakontot. Kui kopeerisite lingi, veenduge, et kopeerisite selle tervikuna.',
    },
    expired: {
      title: 'See link on aegunud',
      body: 'Kasutajakonto loomise link kehtib ainult piiratud aja.',
      action:
        'Kui Teie kaardi tellimus on veel avatud, saadetakse vana lingi aegumisel Teie e-posti aadressile automaatselt uus link. Kontrollige postkasti ja rämpsposti kausta ning kasutage kõige uuemat linki.',
    },
    renewable: {
      title: 'See link on aegunud',
      body: 'Kasutajakonto loomise link kehtib ainult piiratud aja ja kõik automaatselt saadetud lingid on aegunud.',
      action:
        'Võite paluda uue lingi. See saadetakse kaarditellimusel olevale e-posti aadressile ja asendab kõik varasemad lingid.',
      submit: 'Saada mulle uus link',
    },
    used: {
      title: 'Seda linki on juba kasutatud',
      body: 'Iga link töötab ainult üks kord.',
      action:
        'Kui olete konto juba loonud, logige sisse. Muul juhul kasutage kõige uuemat linki, mille me Teile e-postiga saatsime.',
    },
    closed: {
      title: 'See kaardi tellimus on suletud',
      body: 'Kaardi tellimus, millega see link on seotud, on aegunud või tühistatud, seega link enam ei tööta.',
      action: 'Kui vajate endiselt ID06-kaarti, paluge oma tööandjal tellida uus.',
    },
    noSession: {
      title: 'Avage link oma e-kirjast',
      body: 'See leht töötab alles siis, kui olete selles brauseris avanud lingi e-kirjast, mis käsitleb Teie ID06 kasutajakontot.',
      action: 'Avage e-kirjas olev link uuesti.',
    },
  },
  errors: {
    tooManyRequests: {
      title: 'Liiga palju päringuid',
      body: 'Seda lehte saadeti lühikese aja jooksul liiga palju kordi. Oodake mõni minut ja avage siis link oma e-kirjast uuesti.',
    },
    forbidden: {
      title: 'Vormi ei saanud saata',
      body: 'Turvalisuse huvides töötab vorm ainult brauseris, kus avasite lingi oma e-kirjast. Avage e-kirjas olev link uuesti ja alustage otsast peale.',
    },
    notFound: {
      title: 'Lehte ei leitud',
      body: 'Kontrollige aadressi või avage e-kirjas olev link uuesti.',
    },
    methodNotAllowed: {
      title: 'Seda lehte ei saa nii kasutada',
      body: 'Avage e-kirjas olev link uuesti.',
    },
    tooLarge: {
      title: 'Liiga palju teksti',
      body: 'Vormiga saadeti liiga palju teksti. Minge tagasi ja lühendage sisestatud teksti.',
    },
    badRequest: {
      title: 'Päringut ei saanud lugeda',
      body: 'Avage e-kirjas olev link uuesti.',
    },
    unexpected: {
      title: 'Midagi läks valesti',
      body: 'Proovige mõne minuti pärast uuesti. Kui see ikka ei tööta, avage e-kirjas olev link uuesti.',
    },
  },
};
