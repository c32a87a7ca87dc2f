// The computed dependency graph: heights and the glitch-free recompute order.
#include "runtime.hpp"
#include <algorithm>

namespace atollrt {

void Runtime::addSource(StoreId computed, StoreId source) {
  StoreRecord& record = stores_[computed];
  record.sources.push_back(source);
  record.height = std::max(record.height, stores_[source].height + 1);
}

void Runtime::markDependents(StoreRecord& store) {
  for (ListenerId listener : store.listeners) {
    StoreId computed = listeners_[listener].edgeOf;
    if (computed == 0) continue;
    StoreRecord& dependent = stores_[computed];
    if (dependent.pendingRecompute) continue;
    dependent.pendingRecompute = true;
    recompute_.push(Pending{dependent.height, computed});
  }
  view_.pendingComputeds = static_cast<uint32_t>(recompute_.size());
}

StoreId Runtime::nextRecompute(uint32_t maxHeight) {
  if (recompute_.empty() || recompute_.top().height > maxHeight) return 0;
  StoreId id = recompute_.top().id;
  recompute_.pop();
  stores_[id].pendingRecompute = false;
  view_.pendingComputeds = static_cast<uint32_t>(recompute_.size());
  return id;
}

} // namespace atollrt
