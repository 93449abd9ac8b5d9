import type { Messages } from './en.ts';

/** Swedish. */
export const sv: Messages = {
  locale: 'sv-SE',
  email: {
    greeting: (givenNames: string) => `Hej ${givenNames}!`,
    greetingWithoutName: 'Hej!',
    signOff: 'Vänliga hälsningar',
    sender: 'ID06',
    footer:
      'Du får det här mejlet eftersom ett ID06-kort har beställts till dig. Mejlet skickas automatiskt.',
    noPasswordRequests: 'ID06 ber aldrig om ditt lösenord via mejl. Berätta inte ditt lösenord för någon.',
    sistec: {
      bringHeading: 'Ta med dig:',
      bringDocument:
        'Ditt pass eller nationella id-kort. Det får inte ha gått ut, och ett id-kort måste gälla som resehandling inom EU.',
      bringResidencePermit:
        'Om du inte är EU-medborgare: även ditt uppehållstillståndskort från ett EU-land.',
      officesLink: 'Hitta ett Sistec-kontor',
      afterScan: 'När handlingen har skannats får du ett mejl med en länk där du skapar ditt användarkonto.',
    },
    cardOrdered: {
      subject: 'Ett ID06-kort har beställts till dig',
      heading: 'Ett ID06-kort har beställts till dig',
      intro: (employerName: string) =>
        `${employerName} har beställt ett ID06-kort till dig. Innan kortet kan tillverkas behöver vi kontrollera din identitet.`,
      visit: 'Gå till ett Sistec-kontor och låt dem skanna din id-handling.',
    },
    scanReminder: {
      subject: 'Påminnelse: ditt ID06-kort väntar',
      heading: 'Ditt ID06-kort väntar på dig',
      intro: (employerName: string) =>
        `${employerName} har beställt ett ID06-kort till dig, men din id-handling har inte skannats än.`,
      visit: 'Gå till ett Sistec-kontor snart och låt dem skanna handlingen.',
      expiryWarning:
        'Om handlingen inte skannas i tid upphör beställningen att gälla, och din arbetsgivare måste beställa kortet på nytt.',
    },
    scanRejected: {
      subject: 'ID06: din id-handling kunde inte godkännas',
      heading: 'Din id-handling kunde inte godkännas',
      intro: 'Sistec har skannat din id-handling, men vi kunde inte godkänna den.',
      categories: {
        RESCAN: {
          reason: 'Det gick inte att läsa handlingen ordentligt.',
          action:
            'Gå tillbaka till ett Sistec-kontor och låt dem skanna den igen. Se till att handlingen är ren och hel, eller ta med en annan godkänd handling: ett pass eller nationellt id-kort som inte har gått ut.',
        },
        NEW_DOCUMENT: {
          reason: 'Handlingen har gått ut, eller så är det en sorts handling som vi inte kan godkänna.',
          action:
            'Gå tillbaka till ett Sistec-kontor med ett pass som inte har gått ut, eller ett nationellt id-kort som gäller som resehandling inom EU. Om du inte är EU-medborgare tar du också med ditt uppehållstillståndskort.',
        },
        ORDER_CORRECTION: {
          reason: 'Uppgifterna i kortbeställningen stämmer inte med din id-handling.',
          action:
            'Be din arbetsgivare (den som beställde kortet) att kontrollera beställningen och rätta den. Dina namn måste vara skrivna exakt som i passet.',
        },
        CONTACT_SUPPORT: {
          reason: 'Handlingen kunde inte godkännas.',
          action: 'Kontakta ID06:s support. Kontaktuppgifterna hittar du på id06.se.',
        },
      },
    },
    accountLink: {
      subject: 'ID06: skapa ditt användarkonto',
      heading: 'Skapa ditt användarkonto hos ID06',
      intro: 'Din id-handling är kontrollerad. Nästa steg är att skapa ditt användarkonto.',
      howTo:
        'Öppna länken nedan. Du behöver ditt identitetsnummer, och du får välja ett lösenord på minst 8 tecken.',
      button: 'Skapa användarkonto',
      expires: (date: string, time: string) =>
        `Länken gäller till den ${date} kl. ${time} (svensk tid) och kan bara användas en gång.`,
      replacesEarlier:
        'Den här länken ersätter den vi skickade tidigare. Den tidigare länken fungerar inte längre.',
    },
    accountCreated: {
      subject: 'ID06: ditt användarkonto är klart',
      heading: 'Ditt användarkonto är skapat',
      intro: 'Ditt användarkonto hos ID06 har skapats.',
      nextStep:
        'Nästa steg: logga in och godkänn din kortbeställning. Kontrollera att dina uppgifter stämmer och godkänn sedan beställningen, eller avvisa den om något är fel.',
      button: 'Logga in på ditt konto',
    },
    onboardingExpired: {
      subject: 'ID06: din kortbeställning har gått ut',
      heading: 'Din beställning av ID06-kort har gått ut',
      reasons: {
        NO_SCAN: 'Din id-handling skannades inte hos Sistec i tid, så kortbeställningen har avslutats.',
        NO_ACCOUNT:
          'Ditt användarkonto skapades inte i tid, så kortbeställningen har avslutats. Länken vi skickade fungerar inte längre.',
      },
      orderAgain:
        'Om du fortfarande behöver ett ID06-kort kan du be din arbetsgivare att beställa ett nytt. Då får du ett nytt mejl med instruktioner.',
    },
  },
};
