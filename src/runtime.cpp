// Store table.
#include "runtime.hpp"

namespace atollrt {

Runtime::Runtime() {
  stores_.emplace_back();    // id 0 is "no store"
  stale_.push_back(0);
  listeners_.emplace_back(); // slot 0 marks a dead queue entry
  view_.stale = stale_.data();
  publishQueue();
}

StoreId Runtime::createStore() {
  StoreId id = reuseOrAppend(stores_, freeStores_);
  stores_[id].live = true;
  if (stale_.size() < stores_.size()) {
    stale_.resize(stores_.size());
    view_.stale = stale_.data(); // may have moved: the host re-reads it
  }
  stale_[id] = 0;
  view_.created = id;
  return id;
}

void Runtime::releaseStore(StoreId id) {
  if (!isStore(id)) return;
  clearListeners(id);
  stores_[id] = StoreRecord{};
  stale_[id] = 0;
  freeStores_.push_back(id);
}

} // namespace atollrt
