// Store table and names.
#include "runtime.hpp"

namespace atollrt {

Runtime::Runtime() {
  stores_.emplace_back();    // id 0 is "no store"
  stale_.push_back(0);
  listeners_.emplace_back(); // slot 0 marks a dead queue entry
  view_.stale = stale_.data();
  publishQueue();
}

StoreId Runtime::createStore(Kind kind) {
  StoreId id = reuseOrAppend(stores_, freeStores_);
  stores_[id].kind = kind;
  if (stale_.size() < stores_.size()) {
    stale_.resize(stores_.size());
    view_.stale = stale_.data(); // may have moved: the host re-reads it
  }
  stale_[id] = 0;
  return id;
}

void Runtime::releaseStore(StoreId id) {
  if (!isStore(id) || !stores_[id].name.empty()) return; // named stores live for the page
  clearListeners(id);
  stores_[id] = StoreRecord{};
  stale_[id] = 0;
  freeStores_.push_back(id);
}

NameResult Runtime::resolveName(const std::string& name, Kind kind) {
  auto it = names_.find(name);
  if (it != names_.end()) {
    StoreId id = it->second;
    return {id, stores_[id].kind == kind ? NameStatus::Found : NameStatus::KindMismatch};
  }
  StoreId id = createStore(kind);
  stores_[id].name = name;
  names_.emplace(name, id);
  return {id, NameStatus::Created};
}

} // namespace atollrt
