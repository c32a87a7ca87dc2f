// The keys of one map store, so that setKey costs O(log n) instead of a copy.
#pragma once
#include "ids.hpp"
#include <cstddef>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

namespace atollrt {

// Invariant: bySlot_/byKey_/order_ describe the same set of keys.
//  - byKey_ finds a key's slot and insertion sequence in O(1);
//  - order_ walks keys in insertion order (a deleted key that comes back
//    goes to the end, as in a JS object), O(log n) per change;
//  - slots are dense small numbers reused after deletion, so the host can keep
//    values in a plain array indexed by slot.
class KeyIndex {
public:
  static constexpr int32_t kMissing = -1;

  int32_t find(KeyId key) const;
  // Returns the key's slot, adding the key at the end when it is new.
  uint32_t put(KeyId key, bool* added = nullptr);
  // Returns the freed slot, or kMissing when the key was absent.
  int32_t erase(KeyId key);
  void clear();
  size_t size() const { return byKey_.size(); }

  // Appends (key, slot) pairs in insertion order.
  void appendInOrder(std::vector<uint32_t>& out) const;

private:
  struct Place {
    uint64_t seq;
    uint32_t slot;
  };
  std::unordered_map<KeyId, Place> byKey_;
  std::map<uint64_t, KeyId> order_;
  std::vector<uint32_t> freeSlots_;
  uint32_t nextSlot_ = 0;
  uint64_t nextSeq_ = 0;
};

} // namespace atollrt
