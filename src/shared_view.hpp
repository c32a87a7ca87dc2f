// What the host reads (and partly writes) straight from the core's memory,
// so draining the queue or asking "is this computed stale?" costs no call
// into the core. The wasm host reads it at fixed offsets: the layout is
// pinned in bindings/hot_exports.cpp and written for JS in
// js/runtime/core-layout.js.
#pragma once
#include "ids.hpp"
#include <cstdint>

namespace atollrt {

// One queued call: "call listener `listener` with the payload `payload`".
struct QueueEntry {
  ListenerId listener; // ListenerId{} (0) once the listener was removed while queued
  PayloadId payload;
  bool live() const { return listener != ListenerId{}; }
};

struct SharedView {
  // Written by NotifyQueue. entries[head..tail) are the calls not yet made,
  // in FIFO order. Outside a batch the host takes an entry by advancing
  // `head` itself; while a batch is open it calls take() instead (batch
  // dedup needs the core).
  const QueueEntry* entries = nullptr;
  uint32_t head = 0;
  uint32_t tail = 0;
  // Written by ComputedGraph, indexed by StoreId. stale[id] != 0 for every
  // computed store whose inputs may have changed since the host last derived
  // it; a stale computed's dependents are stale too. The host clears
  // stale[id] when it re-derives `id`.
  uint8_t* stale = nullptr;
  // Results of the last take() / removeListener().
  PayloadId takenPayload;
  ListenerId removedListener;
  // Read by Batches: 0 while no batch is open, else the open batch's number
  // (never reused by the next batch). The host opens and closes batches by
  // writing it, so a batch() costs no call of its own; the core reads it on
  // notify.
  uint32_t batch = 0;
  // The store the last createStore() made.
  StoreId created;
};

} // namespace atollrt
