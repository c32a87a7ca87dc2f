#include "key_index.hpp"

namespace atollrt {

int32_t KeyIndex::find(KeyId key) const {
  auto it = byKey_.find(key);
  return it == byKey_.end() ? kMissing : static_cast<int32_t>(it->second.slot);
}

uint32_t KeyIndex::put(KeyId key, bool* added) {
  auto it = byKey_.find(key);
  if (it != byKey_.end()) {
    if (added) *added = false;
    return it->second.slot;
  }
  uint32_t slot;
  if (!freeSlots_.empty()) {
    slot = freeSlots_.back();
    freeSlots_.pop_back();
  } else {
    slot = nextSlot_++;
  }
  uint64_t seq = nextSeq_++;
  byKey_.emplace(key, Place{seq, slot});
  order_.emplace(seq, key);
  if (added) *added = true;
  return slot;
}

int32_t KeyIndex::erase(KeyId key) {
  auto it = byKey_.find(key);
  if (it == byKey_.end()) return kMissing;
  uint32_t slot = it->second.slot;
  order_.erase(it->second.seq);
  byKey_.erase(it);
  freeSlots_.push_back(slot);
  return static_cast<int32_t>(slot);
}

void KeyIndex::clear() {
  byKey_.clear();
  order_.clear();
  freeSlots_.clear();
  nextSlot_ = 0;
}

void KeyIndex::appendInOrder(std::vector<uint32_t>& out) const {
  out.reserve(out.size() + 2 * byKey_.size());
  for (const auto& [seq, key] : order_) {
    out.push_back(key);
    out.push_back(byKey_.find(key)->second.slot);
  }
}

} // namespace atollrt
