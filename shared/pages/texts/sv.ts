import type { PageMessages } from './en.ts';

/** Swedish texts of the worker pages. */
export const pagesSv: PageMessages = {
  locale: 'sv-SE',
  common: {
    language: 'Språk',
    brand: 'ID06',
    titleSuffix: 'ID06',
    errorPrefix: 'Fel:',
    errorSummaryTitle: 'Något behöver rättas',
    opensInNewTab: 'öppnas i en ny flik',
    continue: 'Fortsätt',
    signIn: 'Logga in på ditt konto',
  },
  start: {
    title: 'Skapa användarkonto',
    intro:
      'Du är inbjuden att skapa ett användarkonto hos ID06. Din id-handling har kontrollerats hos Sistec, så du kan logga in utan BankID.',
    submit: 'Logga in efter manuell id-kontroll',
  },
  identity: {
    title: 'Logga in efter manuell id-kontroll',
    intro:
      'Din id-handling har kontrollerats hos Sistec. Innan du skapar ditt användarkonto hos ID06 behöver du bekräfta att det är du.',
    label: 'Identitetsnummer',
    hint: 'Skriv det exakt som din arbetsgivare skrev det när kortet beställdes, med samma bindestreck och mellanslag. Ett svenskt personnummer skrivs till exempel ÅÅÅÅMMDD-XXXX.',
    submit: 'Fortsätt',
    errors: {
      empty: 'Skriv ditt identitetsnummer',
      mismatch:
        'Identitetsnumret stämmer inte med kortbeställningen. Skriv det exakt som din arbetsgivare skrev det.',
      triesLeft: (count: number) => `Du har ${count} försök kvar.`,
    },
  },
  locked: {
    title: 'För många felaktiga försök',
    body: 'Identitetsnumret var fel för många gånger. För att skydda ditt konto måste du vänta innan du försöker igen.',
    retryAt: (date: string, time: string) =>
      `Du kan försöka igen efter kl. ${time} den ${date} (svensk tid).`,
    help: 'Om du är säker på att du skriver rätt nummer kan du fråga din arbetsgivare hur det skrevs i kortbeställningen.',
  },
  blocked: {
    title: 'Identitetskontrollen är låst',
    body: 'Identitetsnumret var fel för många gånger, så identitetskontrollen för den här kortbeställningen är låst för att skydda ditt konto.',
    help: 'Kontakta ID06:s kundtjänst och säg att identitetskontrollen för din kortbeställning behöver låsas upp. Din arbetsgivare kan hjälpa dig att komma i kontakt och kan kontrollera hur ditt identitetsnummer skrevs i beställningen.',
  },
  account: {
    title: 'Kontrollera dina uppgifter och välj ett lösenord',
    intro:
      'Kontrollera att uppgifterna i din kortbeställning stämmer. Välj sedan ett lösenord till ditt konto.',
    detailsHeading: 'Dina uppgifter',
    givenNames: 'Förnamn',
    surname: 'Efternamn',
    identityNumber: 'Identitetsnummer',
    email: 'E-post',
    detailsWrong:
      'Om någon uppgift är fel ska du inte skapa kontot. Be din arbetsgivare att rätta kortbeställningen.',
    passwordHeading: 'Välj ett lösenord',
    passwordLabel: 'Lösenord',
    showPassword: 'Visa lösenordet',
    passwordHint:
      'Minst 8 tecken. En fras med flera ord är lätt att komma ihåg och svår att gissa. Använd inte ditt namn, din e-postadress eller ditt identitetsnummer.',
    termsHeading: 'Villkor',
    termsLink: 'Läs ID06:s allmänna villkor',
    termsLabel: 'Jag godkänner ID06:s allmänna villkor',
    submit: 'Bekräfta',
    errors: {
      passwordMissing: 'Skriv ett lösenord',
      tooShort: 'Lösenordet måste ha minst 8 tecken',
      tooLong: 'Lösenordet får ha högst 256 tecken',
      controlCharacters: 'Lösenordet får inte innehålla radbrytningar, tabbar eller andra styrtecken',
      common: 'Lösenordet är för vanligt. Välj ett som andra sannolikt inte använder',
      weak: 'Lösenordet är för lätt att gissa. Använd ett längre lösenord, till exempel flera ord',
      personal: 'Lösenordet får inte innehålla din e-postadress eller ditt identitetsnummer',
      termsRequired: 'Du måste godkänna ID06:s allmänna villkor för att skapa ditt konto',
    },
  },
  created: {
    title: 'Ditt konto är skapat',
    intro: 'Ditt användarkonto hos ID06 har skapats.',
    nextStepHeading: 'Nästa steg',
    nextStep:
      'Logga in och godkänn din kortbeställning: kontrollera att dina uppgifter stämmer och godkänn sedan beställningen, eller avvisa den om något är fel.',
  },
  newLink: {
    title: 'En ny länk är på väg',
    body: 'Vi skickar en ny länk till e-postadressen i din kortbeställning. Det kan ta några minuter. Titta även i skräpposten och använd den senaste länken.',
  },
  link: {
    invalid: {
      title: 'Länken fungerar inte',
      body: 'Länken är ofullständig eller ogiltig.',
      action:
        'Öppna länken igen från det senaste mejlet om ditt användarkonto hos ID06. Om du kopierade länken, kontrollera att du fick med hela.',
    },
    expired: {
      title: 'Länken har gått ut',
      body: 'En länk för att skapa användarkontot fungerar bara en begränsad tid.',
      action:
        'Om din kortbeställning fortfarande gäller skickas en ny länk automatiskt till din e-post när den gamla går ut. Titta i inkorgen och i skräpposten, och använd den senaste länken.',
    },
    renewable: {
      title: 'Länken har gått ut',
      body: 'En länk för att skapa ditt användarkonto fungerar bara en begränsad tid, och de länkar vi skickade automatiskt har alla gått ut.',
      action:
        'Du kan be om en ny länk. Den skickas till e-postadressen i din kortbeställning och ersätter alla tidigare länkar.',
      submit: 'Skicka en ny länk till mig',
    },
    used: {
      title: 'Länken har redan använts',
      body: 'Varje länk fungerar bara en gång.',
      action:
        'Om du har skapat ditt konto kan du logga in. Annars använder du den senaste länken som vi har mejlat till dig.',
    },
    closed: {
      title: 'Kortbeställningen är avslutad',
      body: 'Kortbeställningen som länken hör till har gått ut eller avbrutits, så länken fungerar inte längre.',
      action: 'Om du fortfarande behöver ett ID06-kort kan du be din arbetsgivare att beställa ett nytt.',
    },
    noSession: {
      title: 'Öppna länken i ditt mejl',
      body: 'Den här sidan fungerar bara efter att du har öppnat länken i mejlet om ditt användarkonto hos ID06, i den här webbläsaren.',
      action: 'Öppna länken från mejlet igen.',
    },
  },
  errors: {
    tooManyRequests: {
      title: 'För många förfrågningar',
      body: 'Sidan har skickats för många gånger på kort tid. Vänta några minuter och öppna sedan länken i ditt e-postmeddelande igen.',
    },
    forbidden: {
      title: 'Formuläret kunde inte skickas',
      body: 'Av säkerhetsskäl fungerar formuläret bara i den webbläsare där du öppnade länken från mejlet. Öppna länken från mejlet igen och börja om.',
    },
    notFound: {
      title: 'Sidan finns inte',
      body: 'Kontrollera adressen, eller öppna länken från ditt mejl igen.',
    },
    methodNotAllowed: {
      title: 'Sidan kan inte användas så här',
      body: 'Öppna länken från ditt mejl igen.',
    },
    tooLarge: {
      title: 'För mycket text',
      body: 'Formuläret skickade för mycket text. Gå tillbaka och korta ner det du skrev.',
    },
    badRequest: {
      title: 'Förfrågan kunde inte läsas',
      body: 'Öppna länken från ditt mejl igen.',
    },
    unexpected: {
      title: 'Något gick fel',
      body: 'Försök igen om några minuter. Om det fortfarande inte fungerar, öppna länken från ditt mejl igen.',
    },
  },
};
