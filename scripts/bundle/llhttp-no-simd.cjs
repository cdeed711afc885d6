// Stands in for undici's llhttp_simd-wasm.js in the client bundle (scripts/build.mjs): undici
// compiles the SIMD build of its HTTP parser inside a try and falls back to the plain build,
// which it also carries (both are ~70 KB of base64). Without this one the fallback is taken;
// the parser reads a response of a few kilobytes per order, where SIMD gains nothing.
module.exports = null;
