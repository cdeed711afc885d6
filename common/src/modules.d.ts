// The package's locale-free entry has no typings of its own: it is the same API.
declare module 'i18n-iso-countries/index.js' {
  export * from 'i18n-iso-countries';
}
