import type { Messages } from './en.ts';

/** Estonian. The worker is addressed politely (Teie). */
export const et: Messages = {
  locale: 'et-EE',
  email: {
    greeting: (givenNames: string) => `Tere, ${givenNames}!`,
    greetingWithoutName: 'Tere!',
    signOff: 'Lugupidamisega',
    sender: 'ID06',
    footer: 'Saite selle e-kirja, sest Teile on tellitud ID06-kaart. Kiri saadeti automaatselt.',
    noPasswordRequests: 'ID06 ei küsi kunagi e-posti teel Teie parooli. Ärge avaldage oma parooli kellelegi.',
    sistec: {
      bringHeading: 'Võtke kaasa:',
      bringDocument:
        'Oma pass või isikutunnistus (ID-kaart). Dokument ei tohi olla aegunud ja ID-kaart peab kehtima reisidokumendina ELis.',
      bringResidencePermit: 'Kui Te ei ole ELi kodanik: ka oma ELi elamisloakaart.',
      officesLink: 'Leidke Sisteci kontor',
      afterScan: 'Pärast skannimist saate e-kirja lingiga, mille kaudu saate luua oma kasutajakonto.',
    },
    cardOrdered: {
      subject: 'Teile on tellitud ID06-kaart',
      heading: 'Teile on tellitud ID06-kaart',
      intro: (employerName: string) =>
        `${employerName} on tellinud Teile ID06-kaardi. Enne kaardi valmistamist peame kontrollima Teie isikut.`,
      visit: 'Minge Sisteci kontorisse ja laske seal oma isikut tõendav dokument skannida.',
    },
    scanReminder: {
      subject: 'Meeldetuletus: Teie ID06-kaart ootab',
      heading: 'Teie ID06-kaart ootab Teid',
      intro: (employerName: string) =>
        `${employerName} on tellinud Teile ID06-kaardi, kuid Teie isikut tõendavat dokumenti ei ole veel skannitud.`,
      visit: 'Minge peagi Sisteci kontorisse ja laske oma dokument skannida.',
      expiryWarning:
        'Kui dokumenti ei skannita õigeks ajaks, tellimus aegub ja Teie tööandja peab kaardi uuesti tellima.',
    },
    scanRejected: {
      subject: 'ID06: Teie dokumenti ei saanud kinnitada',
      heading: 'Teie dokumenti ei saanud kinnitada',
      intro: 'Sistec skannis Teie isikut tõendava dokumendi, kuid me ei saanud seda kinnitada.',
      categories: {
        RESCAN: {
          reason: 'Dokumenti ei õnnestunud korralikult lugeda.',
          action:
            'Minge tagasi Sisteci kontorisse ja laske dokument uuesti skannida. Veenduge, et dokument oleks puhas ja terve, või võtke kaasa mõni muu sobiv dokument: kehtiv pass või isikutunnistus.',
        },
        NEW_DOCUMENT: {
          reason: 'Dokument on aegunud või see ei ole dokument, mida saame aktsepteerida.',
          action:
            'Minge tagasi Sisteci kontorisse kehtiva passi või isikutunnistusega, mis kehtib reisidokumendina ELis. Kui Te ei ole ELi kodanik, võtke kaasa ka oma ELi elamisloakaart.',
        },
        ORDER_CORRECTION: {
          reason: 'Kaardi tellimuse andmed ei ühti Teie dokumendiga.',
          action:
            'Paluge oma tööandjal (inimesel, kes Teie kaardi tellis) tellimus üle kontrollida ja parandada. Teie nimed peavad olema kirjutatud täpselt nii nagu passis.',
        },
        CONTACT_SUPPORT: {
          reason: 'Dokumenti ei saanud aktsepteerida.',
          action: 'Võtke ühendust ID06 klienditoega. Kontaktandmed leiate aadressilt id06.se.',
        },
      },
    },
    accountLink: {
      subject: 'ID06: looge oma kasutajakonto',
      heading: 'Looge oma ID06 kasutajakonto',
      intro: 'Teie isikut tõendav dokument on kontrollitud. Järgmine samm on kasutajakonto loomine.',
      howTo:
        'Avage allolev link. Teil on vaja oma isikukoodi ja Te valite parooli, milles on vähemalt 8 tähemärki.',
      button: 'Loo kasutajakonto',
      expires: (date: string, time: string) =>
        `Link kehtib kuni ${date} kell ${time} (Rootsi aja järgi) ja seda saab kasutada ainult üks kord.`,
      replacesEarlier: 'See link asendab varem saadetud lingi. Varasem link enam ei tööta.',
    },
    accountCreated: {
      subject: 'ID06: Teie kasutajakonto on valmis',
      heading: 'Teie kasutajakonto on loodud',
      intro: 'Teie ID06 kasutajakonto on loodud.',
      nextStep:
        'Järgmine samm: logige sisse ja kinnitage oma kaardi tellimus. Kontrollige, kas Teie andmed on õiged, ning seejärel nõustuge tellimusega või lükake see tagasi, kui midagi on valesti.',
      button: 'Logi oma kontole sisse',
    },
    onboardingExpired: {
      subject: 'ID06: Teie kaardi tellimus on aegunud',
      heading: 'Teie ID06-kaardi tellimus on aegunud',
      reasons: {
        NO_SCAN:
          'Teie isikut tõendavat dokumenti ei skannitud Sisteci kontoris õigeks ajaks, seetõttu on kaardi tellimus suletud.',
        NO_ACCOUNT:
          'Teie kasutajakontot ei loodud õigeks ajaks, seetõttu on kaardi tellimus suletud. Link, mille me Teile saatsime, enam ei tööta.',
      },
      orderAgain:
        'Kui vajate endiselt ID06-kaarti, paluge oma tööandjal tellida uus. Seejärel saate uue e-kirja koos juhistega.',
    },
  },
};
