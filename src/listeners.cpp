// Listener bookkeeping: which listeners a store has, in order.
#include "listeners.hpp"
#include <algorithm>

namespace atollrt {

Listeners::Listeners() {
  slots_.append();   // slot 0 marks a dead queue entry
  byStore_.append(); // store 0 is "no store"
}

void Listeners::addStore(StoreId id) {
  while (!byStore_.has(id)) byStore_.append(); // (ids grow one at a time)
}

ListenerId Listeners::add(StoreId store, FnId fn, std::optional<StoreId> edgeOf, bool idleWhileFresh) {
  ListenerId id = reuseOrAppend(slots_, freeSlots_);
  slots_[id] = Listener{store, fn, edgeOf, edgeOf && idleWhileFresh};
  byStore_[store].push_back(id);
  return id;
}

std::optional<ListenerId> Listeners::removeFirst(StoreId store, FnId fn) {
  std::vector<ListenerId>& list = byStore_[store];
  auto it = std::find_if(list.begin(), list.end(), [&](ListenerId id) { return slots_[id].fn == fn; });
  if (it == list.end()) return std::nullopt;
  ListenerId removed = *it;
  list.erase(it);
  freeSlots_.push_back(removed);
  return removed;
}

} // namespace atollrt
