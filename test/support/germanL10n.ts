// A German bundle for vscode-json-languageservice's messages, loaded into @vscode/l10n (the
// service's localisation) when this module is imported. Import it before anything that loads
// the service: some of its messages (the `format` ones) are translated when its module loads.
// The words are the test's own, in the style of VS Code's German language pack; the quotes are
// German ones on purpose, so that nothing may rely on the English `"name"`.
import * as l10n from '@vscode/l10n';

export const GERMAN: Record<string, string> = {
  'Missing property "{0}".': 'Fehlende Eigenschaft „{0}“.',
  'Property {0} is not allowed.': 'Die Eigenschaft {0} ist nicht zulässig.',
  'Incorrect type. Expected "{0}".': 'Falscher Typ. Erwartet wird „{0}“.',
  'Incorrect type. Expected one of {0}.': 'Falscher Typ. Erwartet wird einer der folgenden Werte: {0}.',
  'String is longer than the maximum length of {0}.':
    'Die Zeichenfolge ist länger als die maximale Länge von {0}.',
  'Value is not accepted. Valid values: {0}.': 'Der Wert wird nicht akzeptiert. Gültige Werte: {0}.',
  'Value must be {0}.': 'Der Wert muss {0} sein.',
  'String does not match the pattern of "{0}".': 'Die Zeichenfolge entspricht nicht dem Muster „{0}“.',
  'String is not an e-mail address.': 'Die Zeichenfolge ist keine E-Mail-Adresse.',
  'Value is deprecated': 'Der Wert ist veraltet.',
  'Duplicate object key': 'Doppelter Objektschlüssel',
  'Trailing comma': 'Nachgestelltes Komma',
  'Expected comma': 'Komma erwartet',
  'Property expected': 'Eigenschaft erwartet',
  'Value expected': 'Wert erwartet',
  'Colon expected': 'Doppelpunkt erwartet',
  'Expected comma or closing brace': 'Komma oder schließende geschweifte Klammer erwartet',
  'End of file expected.': 'Dateiende erwartet.',
  'Comments are not permitted in JSON.': 'Kommentare sind in JSON nicht zulässig.',
};

l10n.config({ contents: GERMAN });
