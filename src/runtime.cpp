// The runtime's operations, each a sequence of its parts' steps.
#include "runtime.hpp"

namespace atollrt {

Runtime::Runtime() : queue_(view_), batches_(view_), graph_(view_) {}

StoreId Runtime::createStore() {
  StoreId id = stores_.create();
  listeners_.addStore(id);
  graph_.resetStore(id);
  view_.created = id;
  return id;
}

void Runtime::releaseStore(StoreId id) {
  if (!stores_.isLive(id)) return;
  clearListeners(id);
  stores_.release(id);
  graph_.resetStore(id);
}

ListenerId Runtime::addListener(StoreId store, FnId fn, std::optional<StoreId> edgeOf, bool freshFn,
                                bool idleWhileFresh) {
  batches_.track(fn, freshFn);
  return listeners_.add(store, fn, edgeOf, idleWhileFresh);
}

std::optional<uint32_t> Runtime::removeListener(StoreId store, FnId fn) {
  std::optional<ListenerId> removed = listeners_.removeFirst(store, fn);
  if (!removed) return std::nullopt;
  // Queued calls of this function for this store must not run (whichever
  // listen() queued them), and the removed slot is about to be reused.
  queue_.drop([&](ListenerId queued) {
    const Listeners::Listener& listener = listeners_[queued];
    return queued == *removed || (listener.fn == fn && listener.store == store);
  });
  batches_.forget(fn, store);
  view_.removedListener = *removed;
  return static_cast<uint32_t>(listeners_.of(store).size());
}

uint32_t Runtime::clearListeners(StoreId store) {
  // A removed listener's queued calls must not run: its slot will be reused.
  return listeners_.removeAll(
      store, [&](ListenerId removed) { queue_.drop([&](ListenerId queued) { return queued == removed; }); });
}

bool Runtime::notify(StoreId store, PayloadId payload) {
  graph_.markDerivedStale(store, listeners_);
  for (ListenerId listener : listeners_.of(store)) {
    if (batches_.admit(listeners_[listener].fn, store)) queue_.append(listener, payload);
  }
  queue_.publish();
  return !batches_.isOpen();
}

std::optional<ListenerId> Runtime::take() {
  while (std::optional<QueueEntry> entry = queue_.next()) {
    const Listeners::Listener& listener = listeners_[entry->listener];
    if (!batches_.runs(listener.fn, listener.store)) continue;
    if (listener.idleWhileFresh && !graph_.isStale(*listener.edgeOf)) continue;
    view_.takenPayload = entry->payload;
    return entry->listener;
  }
  batches_.close();
  return std::nullopt;
}

} // namespace atollrt
