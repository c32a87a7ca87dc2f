// embind glue of the document module (atoll-document.wasm): JSON Patch on
// JSON text, strings both ways. Marshaling only; logic in src/document.cpp.
// A module of its own, loaded on demand by atoll-store/document, so no page
// waits for nlohmann/json or embind's glue before its islands hydrate.
#include "../src/document.hpp"
#include <emscripten/bind.h>

using atollrt::PatchOutcome;

namespace {

PatchOutcome createPatch(const std::string& from, const std::string& to) { return atollrt::createPatch(from, to); }

PatchOutcome applyPatch(const std::string& document, const std::string& patch) {
  return atollrt::applyPatch(document, patch);
}

} // namespace

EMSCRIPTEN_BINDINGS(atoll_document) {
  // Arrives in JS as a plain object { status, text, op }.
  emscripten::value_object<PatchOutcome>("PatchOutcome")
      .field("status", &PatchOutcome::status)
      .field("text", &PatchOutcome::text)
      .field("op", &PatchOutcome::op);
  emscripten::function("createPatch", &createPatch);
  emscripten::function("applyPatch", &applyPatch);
}
