import type { PageMessages } from './en.ts';

const plural = new Intl.PluralRules('lv-LV');

/** Latvian: 1, 21 (not 11) atlicis … mēģinājums; every other count atlikuši … mēģinājumi. */
function triesLeft(count: number): string {
  return plural.select(count) === 'one'
    ? `Jums ir atlicis ${count} mēģinājums.`
    : `Jums ir atlikuši ${count} mēģinājumi.`;
}

/** Latvian texts of the worker pages. The worker is addressed politely (Jūs). */
export const pagesLv: PageMessages = {
  locale: 'lv-LV',
  common: {
    language: 'Valoda',
    brand: 'ID06',
    titleSuffix: 'ID06',
    errorPrefix: 'Kļūda:',
    errorSummaryTitle: 'Radās problēma',
    opensInNewTab: 'atveras jaunā cilnē',
    continue: 'Turpināt',
    signIn: 'Pierakstīties savā kontā',
  },
  start: {
    title: 'Izveidot lietotāja kontu',
    intro:
      'Jūs esat aicināts izveidot ID06 lietotāja kontu. Jūsu personu apliecinošais dokuments ir pārbaudīts uzņēmumā Sistec, tāpēc varat pierakstīties bez BankID.',
    submit: 'Pierakstīties pēc manuālas identitātes pārbaudes',
  },
  identity: {
    title: 'Pierakstīšanās pēc manuālas identitātes pārbaudes',
    intro:
      'Jūsu personu apliecinošais dokuments ir pārbaudīts Sistec birojā. Pirms izveidojat savu ID06 lietotāja kontu, apstipriniet, ka tas esat Jūs.',
    label: 'Identifikācijas numurs',
    hint: 'Ievadiet to tieši tāpat, kā to ievadīja Jūsu darba devējs, pasūtot karti, ar tām pašām defisēm un atstarpēm. Piemēram, Latvijas personas kodu raksta formā XXXXXX-XXXXX.',
    submit: 'Turpināt',
    errors: {
      empty: 'Ievadiet savu identifikācijas numuru',
      mismatch:
        'Identifikācijas numurs nesakrīt ar kartes pasūtījumu. Ievadiet to tieši tāpat, kā to ievadīja Jūsu darba devējs.',
      triesLeft,
    },
  },
  locked: {
    title: 'Pārāk daudz nepareizu mēģinājumu',
    body: 'Identifikācijas numurs pārāk daudz reižu tika ievadīts nepareizi. Lai aizsargātu Jūsu kontu, Jums ir jāpagaida, pirms mēģināt vēlreiz.',
    // Intl writes the Latvian date in the nominative, so it stands after a colon.
    retryAt: (date: string, time: string) =>
      `Vēlreiz mēģināt varēsiet pēc šī laika: ${date}, plkst. ${time} (pēc Zviedrijas laika).`,
    help: 'Ja esat pārliecināts, ka ievadāt pareizo numuru, pajautājiet darba devējam, kā tas ir ierakstīts kartes pasūtījumā.',
  },
  blocked: {
    title: 'Identitātes pārbaude ir bloķēta',
    body: 'Identifikācijas numurs tika ievadīts nepareizi pārāk daudz reižu, tāpēc šī kartes pasūtījuma identitātes pārbaude ir bloķēta, lai aizsargātu Jūsu kontu.',
    help: 'Sazinieties ar ID06 klientu apkalpošanas dienestu un palūdziet atbloķēt Jūsu kartes pasūtījuma identitātes pārbaudi. Jūsu darba devējs var palīdzēt sazināties un pārbaudīt, kā Jūsu numurs tika ierakstīts pasūtījumā.',
  },
  account: {
    title: 'Pārbaudiet savus datus un izvēlieties paroli',
    intro: 'Pārbaudiet, vai kartes pasūtījuma dati ir pareizi. Pēc tam izvēlieties sava konta paroli.',
    detailsHeading: 'Jūsu dati',
    givenNames: 'Vārdi',
    surname: 'Uzvārds',
    identityNumber: 'Identifikācijas numurs',
    email: 'E-pasts',
    detailsWrong:
      'Ja kāds no šiem datiem ir nepareizs, neveidojiet kontu. Palūdziet darba devējam izlabot kartes pasūtījumu.',
    passwordHeading: 'Izvēlieties paroli',
    passwordLabel: 'Parole',
    showPassword: 'Rādīt paroli',
    passwordHint:
      'Vismaz 8 rakstzīmes. Frāzi no vairākiem vārdiem ir viegli atcerēties un grūti uzminēt. Neizmantojiet savu vārdu, e-pasta adresi vai identifikācijas numuru.',
    termsHeading: 'Noteikumi',
    termsLink: 'Izlasiet ID06 vispārīgos noteikumus',
    termsLabel: 'Es piekrītu ID06 vispārīgajiem noteikumiem',
    submit: 'Apstiprināt',
    errors: {
      passwordMissing: 'Ievadiet paroli',
      tooShort: 'Parolē jābūt vismaz 8 rakstzīmēm',
      tooLong: 'Parolē drīkst būt ne vairāk kā 256 rakstzīmes',
      controlCharacters: 'Parolē nedrīkst būt rindiņu pārtraukumu, tabulāciju vai citu vadības rakstzīmju',
      common: 'Šī parole ir pārāk izplatīta. Izvēlieties tādu, ko citi, visticamāk, neizmanto',
      weak: 'Šo paroli ir pārāk viegli uzminēt. Izmantojiet garāku paroli, piemēram, vairākus vārdus',
      personal: 'Parolē nedrīkst būt Jūsu e-pasta adrese vai identifikācijas numurs',
      termsRequired: 'Lai izveidotu kontu, piekrītiet ID06 vispārīgajiem noteikumiem',
    },
  },
  created: {
    title: 'Jūsu konts ir izveidots',
    intro: 'Jūsu ID06 lietotāja konts ir izveidots.',
    nextStepHeading: 'Nākamais solis',
    nextStep:
      'Pierakstieties un apstipriniet kartes pasūtījumu: pārbaudiet, vai Jūsu dati ir pareizi, un tad pieņemiet pasūtījumu vai noraidiet to, ja kaut kas nav pareizi.',
  },
  newLink: {
    title: 'Jauna saite ir ceļā',
    body: 'Mēs sūtām jaunu saiti uz e-pasta adresi, kas norādīta kartes pasūtījumā. Tas var aizņemt dažas minūtes. Pārbaudiet arī surogātpasta mapi un izmantojiet jaunāko saiti.',
  },
  link: {
    invalid: {
      title: 'Šī saite nedarbojas',
      body: 'Saite ir nepilnīga vai nederīga.',
      action:
        'Vēlreiz atveriet saiti no jaunākā e-pasta par Jūsu ID06 lietotāja kontu. Ja saiti kopējāt, pārliecinieties, ka nokopējāt to visu.',
    },
    expired: {
      title: 'Šīs saites derīguma termiņš ir beidzies',
      body: 'Saite lietotāja konta izveidei ir derīga tikai ierobežotu laiku.',
      action:
        'Ja Jūsu kartes pasūtījums joprojām ir spēkā, pēc vecās saites derīguma termiņa beigām Jums automātiski tiek nosūtīta jauna saite uz e-pastu. Pārbaudiet iesūtni un surogātpasta mapi un izmantojiet jaunāko saiti.',
    },
    renewable: {
      title: 'Šīs saites derīguma termiņš ir beidzies',
      body: 'Saite lietotāja konta izveidei darbojas tikai ierobežotu laiku, un visu automātiski nosūtīto saišu derīguma termiņš ir beidzies.',
      action:
        'Varat lūgt jaunu saiti. To nosūtīs uz e-pasta adresi, kas norādīta kartes pasūtījumā, un tā aizstās visas iepriekšējās saites.',
      submit: 'Nosūtīt man jaunu saiti',
    },
    used: {
      title: 'Šī saite jau ir izmantota',
      body: 'Katra saite darbojas tikai vienu reizi.',
      action:
        'Ja esat izveidojis kontu, pierakstieties. Pretējā gadījumā izmantojiet jaunāko saiti, ko mēs Jums nosūtījām e-pastā.',
    },
    closed: {
      title: 'Šis kartes pasūtījums ir slēgts',
      body: 'Kartes pasūtījuma, kuram pieder šī saite, termiņš ir beidzies vai tas ir atcelts, tāpēc saite vairs nedarbojas.',
      action: 'Ja Jums joprojām ir vajadzīga ID06 karte, palūdziet darba devējam pasūtīt jaunu.',
    },
    noSession: {
      title: 'Atveriet saiti no e-pasta',
      body: 'Šī lapa darbojas tikai pēc tam, kad šajā pārlūkprogrammā esat atvēris saiti no e-pasta par Jūsu ID06 lietotāja kontu.',
      action: 'Vēlreiz atveriet saiti no e-pasta.',
    },
  },
  errors: {
    tooManyRequests: {
      title: 'Pārāk daudz pieprasījumu',
      body: 'Šī lapa īsā laikā tika nosūtīta pārāk daudz reižu. Uzgaidiet dažas minūtes un pēc tam vēlreiz atveriet saiti no e-pasta.',
    },
    forbidden: {
      title: 'Veidlapu neizdevās nosūtīt',
      body: 'Drošības nolūkos veidlapa darbojas tikai tajā pārlūkprogrammā, kurā atvērāt saiti no e-pasta. Vēlreiz atveriet saiti no e-pasta un sāciet no sākuma.',
    },
    notFound: {
      title: 'Lapa nav atrasta',
      body: 'Pārbaudiet adresi vai vēlreiz atveriet saiti no e-pasta.',
    },
    methodNotAllowed: {
      title: 'Šo lapu nevar izmantot šādā veidā',
      body: 'Vēlreiz atveriet saiti no e-pasta.',
    },
    tooLarge: {
      title: 'Pārāk daudz teksta',
      body: 'Veidlapa nosūtīja pārāk daudz teksta. Atgriezieties un saīsiniet ievadīto tekstu.',
    },
    badRequest: {
      title: 'Pieprasījumu neizdevās nolasīt',
      body: 'Vēlreiz atveriet saiti no e-pasta.',
    },
    unexpected: {
      title: 'Radās kļūda',
      body: 'Lūdzu, mēģiniet vēlreiz pēc dažām minūtēm. Ja joprojām nedarbojas, vēlreiz atveriet saiti no e-pasta.',
    },
  },
};
