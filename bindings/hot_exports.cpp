// The store core's exports (atoll.wasm): plain C functions, numbers in and
// numbers out, so an operation costs one direct wasm call with no embind
// invoker and no glue code (the module is instantiated by
// js/runtime/load-wasm.js with no Emscripten JS at all: embind's glue alone
// would be a third of the page's size budget). The one string, a store name,
// arrives as UTF-8 bytes the host wrote into memory. Marshaling only: each
// forwards to the Runtime. Exported by name through -sEXPORTED_FUNCTIONS in
// CMakeLists.txt.
#include "instance.hpp"
#include <string>

using atollrt::Kind;
using atoll_bindings::runtime;

extern "C" {

uint32_t atoll_view() { return reinterpret_cast<uintptr_t>(&runtime().view()); }
// Returns the store id, or -id when the name belongs to a store of another kind.
int32_t atoll_resolve_name(const char* utf8, uint32_t length, uint32_t kind) {
  atollrt::NameResult result = runtime().resolveName(std::string(utf8, length), static_cast<Kind>(kind));
  int32_t id = static_cast<int32_t>(result.store);
  return result.status == atollrt::NameStatus::KindMismatch ? -id : id;
}
uint32_t atoll_kind(uint32_t store) { return static_cast<uint32_t>(runtime().kind(store)); }
uint32_t atoll_create(uint32_t kind) { return runtime().createStore(static_cast<Kind>(kind)); }
void atoll_release(uint32_t store) { runtime().releaseStore(store); }
uint32_t atoll_listen(uint32_t store, uint32_t fn, uint32_t edgeOf) {
  return runtime().addListener(store, fn, edgeOf);
}
int32_t atoll_unlisten(uint32_t store, uint32_t fn) { return runtime().removeListener(store, fn); }
uint32_t atoll_clear_listeners(uint32_t store) { return runtime().clearListeners(store); }
uint32_t atoll_notify(uint32_t store, uint32_t payload) { return runtime().notify(store, payload); }
void atoll_batch_open() { runtime().openBatch(); }
uint32_t atoll_take() { return runtime().take(); }

} // extern "C"
