// embind glue for the cold, string-carrying calls: store names and the JSON
// document. Marshaling only; the logic is in src/.
#include "instance.hpp"
#include <emscripten/bind.h>

using atollrt::Kind;
using atoll_bindings::runtime;

namespace {

// Returns the store id, or -id when the name belongs to a store of another kind.
int32_t resolveName(const std::string& name, uint32_t kind) {
  atollrt::NameResult result = runtime().resolveName(name, static_cast<Kind>(kind));
  int32_t id = static_cast<int32_t>(result.store);
  return result.status == atollrt::NameStatus::KindMismatch ? -id : id;
}

std::string storeName(uint32_t store) { return runtime().name(store); }
std::string kindName(uint32_t store) { return atollrt::kindName(runtime().kind(store)); }

std::string docSetWhole(uint32_t store, const std::string& json) {
  return runtime().documents().setWhole(store, json);
}
std::string docSetKey(uint32_t store, uint32_t key, const std::string& name, const std::string& json) {
  return runtime().documents().setKey(store, key, name, json);
}
void docEraseKey(uint32_t store, uint32_t key) { runtime().documents().eraseKey(store, key); }
void docClearKeys(uint32_t store) { runtime().documents().clearKeys(store); }

std::string docText(uint32_t store) { return runtime().documentText(store); }

} // namespace

EMSCRIPTEN_BINDINGS(atoll) {
  emscripten::function("_resolveName", &resolveName);
  emscripten::function("_storeName", &storeName);
  emscripten::function("_kindName", &kindName);
  emscripten::function("_docSetWhole", &docSetWhole);
  emscripten::function("_docSetKey", &docSetKey);
  emscripten::function("_docEraseKey", &docEraseKey);
  emscripten::function("_docClearKeys", &docClearKeys);
  emscripten::function("_docText", &docText);
}
