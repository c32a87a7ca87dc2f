// The store core's exports (atoll.wasm): plain C functions, numbers in and
// numbers out, so an operation costs one direct wasm call with no embind
// invoker and no glue code (js/runtime/load-core.js instantiates the module
// with no Emscripten JS at all: embind's glue alone would be a third of the
// page's size budget). Marshaling only: each forwards to the Runtime.
//
// This file is the one list of the core's exports: EMSCRIPTEN_KEEPALIVE
// exports a function by its name, and js/runtime/engine.js is the one caller
// (tests/js/core-layout.test.js checks it calls exactly these).
#include "instance.hpp"
#include <cstddef>
#include <emscripten/emscripten.h>
#include <optional>

using atoll_bindings::runtime;
using atollrt::FnId;
using atollrt::ListenerId;
using atollrt::PayloadId;
using atollrt::QueueEntry;
using atollrt::SharedView;
using atollrt::StoreId;

// The layout the engine reads from memory, written for JS in
// js/runtime/core-layout.js: VIEW_* are u32 indexes into SharedView, and a
// queue entry is ENTRY_U32 = two u32 (listener, payload). These pin the C++
// side; tests/js/core-layout.test.js checks the JS side against the build.
static_assert(sizeof(void*) == 4, "the engine reads pointers as u32 (wasm32)");
static_assert(offsetof(SharedView, entries) == 0 * 4, "VIEW_ENTRIES");
static_assert(offsetof(SharedView, head) == 1 * 4, "VIEW_HEAD");
static_assert(offsetof(SharedView, tail) == 2 * 4, "VIEW_TAIL");
static_assert(offsetof(SharedView, stale) == 3 * 4, "VIEW_STALE");
static_assert(offsetof(SharedView, takenPayload) == 4 * 4, "VIEW_TAKEN_PAYLOAD");
static_assert(offsetof(SharedView, removedListener) == 5 * 4, "VIEW_REMOVED");
static_assert(offsetof(SharedView, batch) == 6 * 4, "VIEW_BATCH");
static_assert(offsetof(SharedView, created) == 7 * 4, "VIEW_CREATED");
static_assert(sizeof(QueueEntry) == 8 && offsetof(QueueEntry, payload) == 4, "queue entries");
static_assert(sizeof(StoreId) == 4 && sizeof(ListenerId) == 4 && sizeof(PayloadId) == 4, "ids are u32 in memory");

// Numbers at the boundary, ids and std::optional inside: here a store, a
// function or a payload is a uint32_t, 0 means "none" (no table gives out id
// 0), and -1 "there was no such listener".
namespace {
std::optional<StoreId> storeOrNone(uint32_t store) {
  return store ? std::optional<StoreId>(StoreId(store)) : std::nullopt;
}
} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE uint32_t atoll_view() { return reinterpret_cast<uintptr_t>(&runtime().view()); }
EMSCRIPTEN_KEEPALIVE uint32_t atoll_create() { return runtime().createStore().value(); }
EMSCRIPTEN_KEEPALIVE void atoll_release(uint32_t store) { runtime().releaseStore(StoreId(store)); }
// store 0: the store's first listen, which creates it too (in view().created),
// so a store costs the core nothing until someone listens, and still one call.
// flags: 1 = a fresh function id (freshFn), 2 = an edge idle while its
// computed is fresh (idleWhileFresh).
EMSCRIPTEN_KEEPALIVE uint32_t atoll_listen(uint32_t store, uint32_t fn, uint32_t edgeOf, uint32_t flags) {
  atollrt::Runtime& rt = runtime();
  StoreId listened = store ? StoreId(store) : rt.createStore();
  return rt.addListener(listened, FnId(fn), storeOrNone(edgeOf), (flags & 1) != 0, (flags & 2) != 0).value();
}
EMSCRIPTEN_KEEPALIVE int32_t atoll_unlisten(uint32_t store, uint32_t fn) {
  std::optional<uint32_t> left = runtime().removeListener(StoreId(store), FnId(fn));
  return left ? static_cast<int32_t>(*left) : -1;
}
EMSCRIPTEN_KEEPALIVE uint32_t atoll_clear_listeners(uint32_t store) { return runtime().clearListeners(StoreId(store)); }
EMSCRIPTEN_KEEPALIVE uint32_t atoll_notify(uint32_t store, uint32_t payload) {
  return runtime().notify(StoreId(store), PayloadId(payload));
}
EMSCRIPTEN_KEEPALIVE uint32_t atoll_take() {
  std::optional<ListenerId> next = runtime().take();
  return next ? next->value() : 0;
}
// While a batch's flush runs, the engine holds back the notify a listener
// call made (a computed's re-derive ends with one) and sends it with the
// drain's next take: one call per recompute instead of two. Same steps, same
// order, as atoll_notify then atoll_take.
EMSCRIPTEN_KEEPALIVE uint32_t atoll_notify_take(uint32_t store, uint32_t payload) {
  atollrt::Runtime& rt = runtime();
  rt.notify(StoreId(store), PayloadId(payload));
  std::optional<ListenerId> next = rt.take();
  return next ? next->value() : 0;
}

} // extern "C"
