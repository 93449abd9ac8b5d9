import type { PageMessages } from './en.ts';

/** Polish has three plural forms for counts: 1 próba, 2–4 (not 12–14) próby, otherwise prób. */
function triesLeft(count: number): string {
  if (count === 1) return 'Pozostała Ci 1 próba.';
  const lastDigit = count % 10;
  const lastTwo = count % 100;
  if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
    return `Pozostały Ci ${count} próby.`;
  }
  return `Pozostało Ci ${count} prób.`;
}

/** Polish texts of the worker pages. */
export const pagesPl: PageMessages = {
  locale: 'pl-PL',
  common: {
    language: 'Język',
    brand: 'ID06',
    titleSuffix: 'ID06',
    errorPrefix: 'Błąd:',
    errorSummaryTitle: 'Wystąpił problem',
    opensInNewTab: 'otwiera się w nowej karcie',
    continue: 'Dalej',
    signIn: 'Zaloguj się na swoje konto',
  },
  start: {
    title: 'Utwórz konto użytkownika',
    intro:
      'Zapraszamy do utworzenia konta użytkownika w ID06. Twój dokument tożsamości został sprawdzony w Sistec, więc możesz zalogować się bez BankID.',
    submit: 'Zaloguj się po ręcznej weryfikacji tożsamości',
  },
  identity: {
    title: 'Logowanie po ręcznej weryfikacji tożsamości',
    intro:
      'Twój dokument tożsamości został sprawdzony w Sistec. Zanim założysz konto użytkownika w ID06, potwierdź, że to Ty.',
    label: 'Numer identyfikacyjny',
    hint: 'Wpisz go dokładnie tak, jak wpisał go Twój pracodawca przy zamawianiu karty, z tymi samymi myślnikami i spacjami. Na przykład numer PESEL składa się z 11 cyfr.',
    submit: 'Dalej',
    errors: {
      empty: 'Wpisz swój numer identyfikacyjny',
      mismatch:
        'Numer identyfikacyjny nie zgadza się z zamówieniem karty. Wpisz go dokładnie tak, jak wpisał go Twój pracodawca.',
      triesLeft,
    },
  },
  locked: {
    title: 'Zbyt wiele błędnych prób',
    body: 'Numer identyfikacyjny został wpisany błędnie zbyt wiele razy. Aby chronić Twoje konto, musisz odczekać, zanim spróbujesz ponownie.',
    retryAt: (date: string, time: string) =>
      `Możesz spróbować ponownie po godz. ${time} dnia ${date} (czasu szwedzkiego).`,
    help: 'Jeśli masz pewność, że wpisujesz właściwy numer, zapytaj pracodawcę, jak został zapisany w zamówieniu karty.',
  },
  blocked: {
    title: 'Weryfikacja tożsamości jest zablokowana',
    body: 'Numer identyfikacyjny został wpisany błędnie zbyt wiele razy, dlatego weryfikacja tożsamości dla tego zamówienia karty została zablokowana, aby chronić Twoje konto.',
    help: 'Skontaktuj się z obsługą klienta ID06 i poproś o odblokowanie weryfikacji tożsamości dla Twojego zamówienia karty. Twój pracodawca może pomóc w kontakcie i sprawdzić, jak Twój numer identyfikacyjny został zapisany w zamówieniu.',
  },
  account: {
    title: 'Sprawdź swoje dane i ustal hasło',
    intro: 'Sprawdź, czy dane w zamówieniu karty są poprawne. Następnie ustal hasło do swojego konta.',
    detailsHeading: 'Twoje dane',
    givenNames: 'Imiona',
    surname: 'Nazwisko',
    identityNumber: 'Numer identyfikacyjny',
    email: 'E-mail',
    detailsWrong:
      'Jeśli któreś z tych danych są błędne, nie zakładaj konta. Poproś pracodawcę o poprawienie zamówienia karty.',
    passwordHeading: 'Ustal hasło',
    passwordLabel: 'Hasło',
    showPassword: 'Pokaż hasło',
    passwordHint:
      'Co najmniej 8 znaków. Fraza złożona z kilku słów jest łatwa do zapamiętania i trudna do odgadnięcia. Nie używaj swojego imienia, nazwiska, adresu e-mail ani numeru identyfikacyjnego.',
    termsHeading: 'Warunki',
    termsLink: 'Przeczytaj Ogólne warunki ID06',
    termsLabel: 'Akceptuję Ogólne warunki ID06',
    submit: 'Potwierdź',
    errors: {
      passwordMissing: 'Wpisz hasło',
      tooShort: 'Hasło musi mieć co najmniej 8 znaków',
      tooLong: 'Hasło może mieć najwyżej 256 znaków',
      controlCharacters:
        'Hasło nie może zawierać znaków nowej linii, tabulatorów ani innych znaków sterujących',
      common: 'To hasło jest zbyt popularne. Wybierz takie, którego inni raczej nie używają',
      weak: 'To hasło jest zbyt łatwe do odgadnięcia. Użyj dłuższego hasła, na przykład kilku słów',
      personal: 'Hasło nie może zawierać Twojego adresu e-mail ani numeru identyfikacyjnego',
      termsRequired: 'Aby założyć konto, zaakceptuj Ogólne warunki ID06',
    },
  },
  created: {
    title: 'Twoje konto zostało założone',
    intro: 'Twoje konto użytkownika w ID06 zostało założone.',
    nextStepHeading: 'Następny krok',
    nextStep:
      'Zaloguj się i zatwierdź zamówienie karty: sprawdź, czy Twoje dane są poprawne, a następnie zaakceptuj zamówienie albo je odrzuć, jeśli coś się nie zgadza.',
  },
  newLink: {
    title: 'Nowy link jest w drodze',
    body: 'Wysyłamy nowy link na adres e-mail z zamówienia karty. Może to potrwać kilka minut. Sprawdź też folder spamu i użyj najnowszego linku.',
  },
  link: {
    invalid: {
      title: 'Ten link nie działa',
      body: 'Link jest niepełny lub nieprawidłowy.',
      action:
        'Otwórz ponownie link z najnowszej wiadomości e-mail dotyczącej Twojego konta użytkownika w ID06. Jeśli link był kopiowany, upewnij się, że skopiowano go w całości.',
    },
    expired: {
      title: 'Ten link wygasł',
      body: 'Link do założenia konta użytkownika jest ważny tylko przez ograniczony czas.',
      action:
        'Jeśli Twoje zamówienie karty jest nadal aktywne, po wygaśnięciu starego linku automatycznie wyślemy nowy na Twój adres e-mail. Sprawdź skrzynkę odbiorczą i folder spam i użyj najnowszego linku.',
    },
    renewable: {
      title: 'Ten link wygasł',
      body: 'Link do utworzenia konta użytkownika działa tylko przez ograniczony czas, a wszystkie linki wysłane automatycznie już wygasły.',
      action:
        'Możesz poprosić o nowy link. Zostanie wysłany na adres e-mail z zamówienia karty i zastąpi wszystkie wcześniejsze linki.',
      submit: 'Wyślij mi nowy link',
    },
    used: {
      title: 'Ten link został już użyty',
      body: 'Każdy link działa tylko raz.',
      action:
        'Jeśli konto zostało już założone, zaloguj się. W przeciwnym razie użyj najnowszego linku, który wysłaliśmy Ci e-mailem.',
    },
    closed: {
      title: 'To zamówienie karty zostało zamknięte',
      body: 'Zamówienie karty, do którego należy ten link, wygasło lub zostało anulowane, dlatego link już nie działa.',
      action: 'Jeśli nadal potrzebujesz karty ID06, poproś pracodawcę o złożenie nowego zamówienia.',
    },
    noSession: {
      title: 'Otwórz link z wiadomości e-mail',
      body: 'Ta strona działa dopiero po otwarciu w tej przeglądarce linku z wiadomości e-mail dotyczącej Twojego konta użytkownika w ID06.',
      action: 'Otwórz ponownie link z wiadomości e-mail.',
    },
  },
  errors: {
    tooManyRequests: {
      title: 'Zbyt wiele żądań',
      body: 'Ta strona została wysłana zbyt wiele razy w krótkim czasie. Odczekaj kilka minut, a potem ponownie otwórz link z wiadomości e-mail.',
    },
    forbidden: {
      title: 'Nie udało się wysłać formularza',
      body: 'Ze względów bezpieczeństwa formularz działa tylko w przeglądarce, w której otwarto link z wiadomości e-mail. Otwórz ponownie link z wiadomości i zacznij od początku.',
    },
    notFound: {
      title: 'Nie znaleziono strony',
      body: 'Sprawdź adres albo otwórz ponownie link z wiadomości e-mail.',
    },
    methodNotAllowed: {
      title: 'Tej strony nie można użyć w ten sposób',
      body: 'Otwórz ponownie link z wiadomości e-mail.',
    },
    tooLarge: {
      title: 'Za dużo tekstu',
      body: 'Formularz wysłał za dużo tekstu. Wróć i skróć wpisany tekst.',
    },
    badRequest: {
      title: 'Nie udało się odczytać żądania',
      body: 'Otwórz ponownie link z wiadomości e-mail.',
    },
    unexpected: {
      title: 'Coś poszło nie tak',
      body: 'Spróbuj ponownie za kilka minut. Jeśli nadal nie działa, otwórz ponownie link z wiadomości e-mail.',
    },
  },
};
