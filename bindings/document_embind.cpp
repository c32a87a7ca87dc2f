// embind glue of the document module (atoll-document.wasm): the JSON copies
// of stores, with strings both ways. Marshaling only; logic in src/document.cpp.
// A module of its own, loaded only by the document features, so pages that
// use just the stores never download nlohmann/json or embind's glue.
#include "../src/document.hpp"
#include <emscripten/bind.h>
#include <emscripten/val.h>

using atollrt::Documents;

namespace {

Documents& documents() {
  static Documents instance;
  return instance;
}

std::string setWhole(uint32_t store, const std::string& json) {
  return documents().setWhole(store, json);
}
std::string setKey(uint32_t store, uint32_t key, const std::string& name, const std::string& json) {
  return documents().setKey(store, key, name, json);
}
void eraseKey(uint32_t store, uint32_t key) { documents().eraseKey(store, key); }
void clearKeys(uint32_t store) { documents().clearKeys(store); }

// `orderPairs`: a map's (key, slot) pairs in key order, or null for an atom.
std::string text(uint32_t store, emscripten::val orderPairs) {
  if (orderPairs.isNull() || orderPairs.isUndefined()) return documents().text(store, nullptr);
  std::vector<uint32_t> order = emscripten::vecFromJSArray<uint32_t>(orderPairs);
  return documents().text(store, &order);
}

} // namespace

EMSCRIPTEN_BINDINGS(atoll_document) {
  emscripten::function("_setWhole", &setWhole);
  emscripten::function("_setKey", &setKey);
  emscripten::function("_eraseKey", &eraseKey);
  emscripten::function("_clearKeys", &clearKeys);
  emscripten::function("_text", &text);
}
