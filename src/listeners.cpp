// Listener bookkeeping: which listeners a store has, in order, and their count.
#include "runtime.hpp"
#include <algorithm>

namespace atollrt {

ListenerId Runtime::addListener(StoreId store, FnId fn, StoreId edgeOf) {
  ListenerId id = reuseOrAppend(listeners_, freeListeners_);
  listeners_[id] = ListenerRecord{store, fn, edgeOf, true};
  StoreRecord& record = stores_[store];
  record.listeners.push_back(id);
  ++record.listenerCount;
  return id;
}

int32_t Runtime::removeListener(ListenerId id) {
  if (id == 0 || id >= listeners_.size() || !listeners_[id].live) return -1;
  ListenerRecord& listener = listeners_[id];
  StoreRecord& store = stores_[listener.store];
  auto it = std::find(store.listeners.begin(), store.listeners.end(), id);
  if (it != store.listeners.end()) store.listeners.erase(it);
  --store.listenerCount;
  // Its calls still queued must not run: the slot is about to be reused.
  for (uint32_t i = view_.head; i < view_.tail; ++i)
    if (queue_[i].listener == id) queue_[i].listener = 0;
  listener.live = false;
  freeListeners_.push_back(id);
  return static_cast<int32_t>(store.listenerCount);
}

uint32_t Runtime::listenerCount(StoreId store) const { return stores_[store].listenerCount; }

uint32_t Runtime::clearListeners(StoreId store) {
  std::vector<ListenerId> all = stores_[store].listeners;
  for (ListenerId id : all) removeListener(id);
  return static_cast<uint32_t>(all.size());
}

} // namespace atollrt
