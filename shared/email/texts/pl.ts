import type { Messages } from './en.ts';

/** Polish. */
export const pl: Messages = {
  locale: 'pl-PL',
  email: {
    greeting: (givenNames: string) => `Dzień dobry, ${givenNames}!`,
    greetingWithoutName: 'Dzień dobry!',
    signOff: 'Pozdrawiamy',
    sender: 'ID06',
    footer:
      'Otrzymujesz tę wiadomość, ponieważ zamówiono dla Ciebie kartę ID06. Wiadomość została wysłana automatycznie.',
    noPasswordRequests: 'ID06 nigdy nie prosi o hasło w wiadomości e-mail. Nie podawaj nikomu swojego hasła.',
    sistec: {
      bringHeading: 'Zabierz ze sobą:',
      bringDocument:
        'Paszport lub dowód osobisty, którego termin ważności nie upłynął. Dowód osobisty musi uprawniać do podróżowania po UE.',
      bringResidencePermit: 'Jeśli nie jesteś obywatelem UE: również kartę pobytu wydaną w UE.',
      officesLink: 'Znajdź biuro Sistec',
      afterScan: 'Po zeskanowaniu dokumentu otrzymasz e-mail z linkiem do założenia konta użytkownika.',
    },
    cardOrdered: {
      subject: 'Zamówiono dla Ciebie kartę ID06',
      heading: 'Zamówiono dla Ciebie kartę ID06',
      intro: (employerName: string) =>
        `Twój pracodawca, ${employerName}, zamówił dla Ciebie kartę ID06. Zanim karta zostanie wykonana, musimy potwierdzić Twoją tożsamość.`,
      visit: 'Udaj się do biura Sistec, gdzie pracownicy zeskanują Twój dokument tożsamości.',
    },
    scanReminder: {
      subject: 'Przypomnienie: Twoja karta ID06 czeka',
      heading: 'Twoja karta ID06 czeka na Ciebie',
      intro: (employerName: string) =>
        `Twój pracodawca, ${employerName}, zamówił dla Ciebie kartę ID06, ale Twój dokument tożsamości nie został jeszcze zeskanowany.`,
      visit: 'Udaj się jak najszybciej do biura Sistec, aby zeskanować dokument.',
      expiryWarning:
        'Jeśli dokument nie zostanie zeskanowany na czas, zamówienie wygaśnie i pracodawca będzie musiał zamówić kartę ponownie.',
    },
    scanRejected: {
      subject: 'ID06: nie mogliśmy zatwierdzić Twojego dokumentu',
      heading: 'Nie mogliśmy zatwierdzić Twojego dokumentu',
      intro: 'Sistec zeskanował Twój dokument tożsamości, ale nie mogliśmy go zatwierdzić.',
      categories: {
        RESCAN: {
          reason: 'Nie udało się prawidłowo odczytać dokumentu.',
          action:
            'Wróć do biura Sistec i poproś o ponowne zeskanowanie. Upewnij się, że dokument jest czysty i nieuszkodzony, albo przynieś inny akceptowany dokument: ważny paszport lub dowód osobisty.',
        },
        NEW_DOCUMENT: {
          reason: 'Dokument stracił ważność albo nie jest rodzajem dokumentu, który możemy zaakceptować.',
          action:
            'Wróć do biura Sistec z ważnym paszportem lub dowodem osobistym, który uprawnia do podróżowania po UE. Jeśli nie jesteś obywatelem UE, zabierz również kartę pobytu.',
        },
        ORDER_CORRECTION: {
          reason: 'Dane w zamówieniu karty nie zgadzają się z Twoim dokumentem.',
          action:
            'Poproś pracodawcę (osobę, która zamówiła kartę) o sprawdzenie i poprawienie zamówienia. Imiona i nazwisko muszą być zapisane dokładnie tak jak w paszporcie.',
        },
        CONTACT_SUPPORT: {
          reason: 'Nie mogliśmy zaakceptować dokumentu.',
          action: 'Skontaktuj się z obsługą klienta ID06. Dane kontaktowe znajdziesz na stronie id06.se.',
        },
      },
    },
    accountLink: {
      subject: 'ID06: załóż konto użytkownika',
      heading: 'Załóż konto użytkownika w ID06',
      intro:
        'Twój dokument tożsamości został sprawdzony. Następnym krokiem jest założenie konta użytkownika.',
      howTo:
        'Otwórz poniższy link. Będziesz potrzebować swojego numeru identyfikacyjnego (np. numeru PESEL) i ustalisz hasło, które ma co najmniej 8 znaków.',
      button: 'Załóż konto użytkownika',
      expires: (date: string, time: string) =>
        `Link jest ważny do ${date}, godz. ${time} (czasu szwedzkiego) i można go użyć tylko raz.`,
      replacesEarlier: 'Ten link zastępuje link wysłany wcześniej. Poprzedni link już nie działa.',
    },
    accountCreated: {
      subject: 'ID06: Twoje konto użytkownika jest gotowe',
      heading: 'Konto użytkownika zostało założone',
      intro: 'Twoje konto użytkownika w ID06 zostało założone.',
      nextStep:
        'Następny krok: zaloguj się i zatwierdź zamówienie karty. Sprawdź, czy Twoje dane są poprawne, a następnie zaakceptuj zamówienie albo je odrzuć, jeśli coś się nie zgadza.',
      button: 'Zaloguj się na swoje konto',
    },
    onboardingExpired: {
      subject: 'ID06: Twoje zamówienie karty wygasło',
      heading: 'Zamówienie karty ID06 wygasło',
      reasons: {
        NO_SCAN:
          'Twój dokument tożsamości nie został zeskanowany w Sistec na czas, dlatego zamówienie karty zostało zamknięte.',
        NO_ACCOUNT:
          'Konto użytkownika nie zostało założone na czas, dlatego zamówienie karty zostało zamknięte. Wysłany przez nas link już nie działa.',
      },
      orderAgain:
        'Jeśli nadal potrzebujesz karty ID06, poproś pracodawcę o złożenie nowego zamówienia. Otrzymasz wtedy nowy e-mail z instrukcjami.',
    },
  },
};
