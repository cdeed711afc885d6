// Stands in for undici's lib/web/fetch/body.js in the client bundle (scripts/build.mjs). undici's
// HTTP/1 and HTTP/2 clients load it only to encode a FormData body; the client sends every order
// as a string, and the module pulls in most of undici's fetch implementation (~45 KB).
module.exports.extractBody = function extractBody() {
  throw new Error('This bundle of undici sends string and Buffer bodies only, not FormData');
};
