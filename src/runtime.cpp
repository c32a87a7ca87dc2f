// Store table, names, map keys and document tracking.
#include "runtime.hpp"

namespace atollrt {

const char* kindName(Kind kind) {
  switch (kind) {
  case Kind::Atom: return "atom";
  case Kind::Map: return "map";
  case Kind::Computed: return "computed";
  }
  return "unknown";
}

Runtime::Runtime() {
  stores_.emplace_back();    // id 0 is "no store"
  listeners_.emplace_back(); // slot 0 marks a dead queue entry
  publishQueue();
}

StoreId Runtime::createStore(Kind kind) {
  StoreId id = reuseOrAppend(stores_, freeStores_);
  StoreRecord& store = stores_[id];
  store.kind = kind;
  if (kind == Kind::Map) store.keys = std::make_unique<KeyIndex>();
  return id;
}

void Runtime::releaseStore(StoreId id) {
  if (!isStore(id) || !stores_[id].name.empty()) return; // named stores live for the page
  clearListeners(id);
  stores_[id] = StoreRecord{};
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

int32_t Runtime::mapFind(StoreId map, KeyId key) const { return stores_[map].keys->find(key); }

uint32_t Runtime::mapPut(StoreId map, KeyId key) {
  StoreRecord& store = stores_[map];
  if (store.docVersion != UINT32_MAX) store.docKeys.insert(key);
  return store.keys->put(key);
}

int32_t Runtime::mapErase(StoreId map, KeyId key) {
  StoreRecord& store = stores_[map];
  int32_t slot = store.keys->erase(key);
  if (slot != KeyIndex::kMissing && store.docVersion != UINT32_MAX) store.docKeys.insert(key);
  return slot;
}

void Runtime::mapClear(StoreId map) {
  StoreRecord& store = stores_[map];
  store.keys->clear();
  store.docWholeDirty = true;
}

void Runtime::mapPublishOrder(StoreId map) {
  scratch_.clear();
  stores_[map].keys->appendInOrder(scratch_);
  view_.scratch = scratch_.data();
  view_.scratchLength = static_cast<uint32_t>(scratch_.size());
}

uint32_t Runtime::takeDocumentChanges(StoreId id) {
  StoreRecord& store = stores_[id];
  uint32_t result = kDocCurrent;
  scratch_.clear();
  if (store.docWholeDirty || store.docVersion == UINT32_MAX) {
    result = kDocWhole;
  } else if (!store.docKeys.empty()) {
    result = kDocKeys;
    scratch_.assign(store.docKeys.begin(), store.docKeys.end());
  }
  view_.scratch = scratch_.data();
  view_.scratchLength = static_cast<uint32_t>(scratch_.size());
  store.docKeys.clear();
  store.docWholeDirty = false;
  store.docVersion = store.version;
  return result;
}

} // namespace atollrt
