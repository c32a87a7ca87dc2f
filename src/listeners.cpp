// Listener bookkeeping: which listeners a store has, in order.
#include "runtime.hpp"
#include <algorithm>

namespace atollrt {

ListenerId Runtime::addListener(StoreId store, FnId fn, StoreId edgeOf, bool freshFn) {
  if (fns_.size() <= fn) fns_.resize(fn + 1);
  if (freshFn) fns_[fn] = FnRecord{};
  ListenerId id = reuseOrAppend(listeners_, freeListeners_);
  listeners_[id] = ListenerRecord{store, fn, edgeOf};
  stores_[store].listeners.push_back(id);
  return id;
}

int32_t Runtime::removeListener(StoreId store, FnId fn) {
  std::vector<ListenerId>& list = stores_[store].listeners;
  auto it = std::find_if(list.begin(), list.end(), [&](ListenerId id) { return listeners_[id].fn == fn; });
  if (it == list.end()) return -1;
  ListenerId removed = *it;
  list.erase(it);
  // Queued calls of this function for this store must not run (whichever
  // listen() queued them), and the removed slot is about to be reused.
  for (uint32_t i = view_.head; i < view_.tail; ++i) {
    ListenerId queued = queue_[i].listener;
    if (queued == removed || (queued && listeners_[queued].fn == fn && listeners_[queued].store == store))
      queue_[i].listener = 0;
  }
  if (std::vector<StoreId>* seen = batchRecord(fn)) {
    seen->erase(std::remove(seen->begin(), seen->end(), store), seen->end());
  }
  freeListeners_.push_back(removed);
  view_.removedListener = removed;
  return static_cast<int32_t>(list.size());
}

uint32_t Runtime::clearListeners(StoreId store) {
  std::vector<ListenerId> all;
  all.swap(stores_[store].listeners);
  for (ListenerId id : all) {
    for (uint32_t i = view_.head; i < view_.tail; ++i)
      if (queue_[i].listener == id) queue_[i].listener = 0;
    freeListeners_.push_back(id);
  }
  return static_cast<uint32_t>(all.size());
}

} // namespace atollrt
