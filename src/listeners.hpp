// Listener bookkeeping: every store's listeners in listen() order, and the
// table of listener slots (the ids the host files its listener functions
// under). A computed store's input edge is a listener too: `edgeOf` names the
// computed it derives (see ComputedGraph).
#pragma once
#include "ids.hpp"
#include <cstdint>
#include <optional>
#include <vector>

namespace atollrt {

class Listeners {
public:
  struct Listener {
    StoreId store;
    FnId fn;
    std::optional<StoreId> edgeOf; // the computed this edge derives; none for a plain listener
    // An edge whose call does nothing while edgeOf is not stale (the host's
    // computed only re-derives a stale store), so take() need not deliver it.
    bool idleWhileFresh = false;
  };

  Listeners();

  // Makes room for store `id`'s list (ids come from StoreTable).
  void addStore(StoreId id);
  // A new listener, last in its store's order. Reuses a removed slot.
  ListenerId add(StoreId store, FnId fn, std::optional<StoreId> edgeOf, bool idleWhileFresh = false);
  // Removes the *first* listener of `store` whose function is `fn` (as Nano
  // Stores' unbind does) and frees its slot; nothing when there is none.
  // The slot's record stays readable until the slot is reused.
  std::optional<ListenerId> removeFirst(StoreId store, FnId fn);
  // Removes every listener of `store` and frees their slots, showing each
  // to `removed` first; returns how many there were.
  template <typename Removed>
  uint32_t removeAll(StoreId store, Removed removed) {
    std::vector<ListenerId> all;
    all.swap(byStore_[store]);
    for (ListenerId id : all) {
      removed(id);
      freeSlots_.push_back(id);
    }
    return static_cast<uint32_t>(all.size());
  }

  const std::vector<ListenerId>& of(StoreId store) const { return byStore_[store]; }
  const Listener& operator[](ListenerId id) const { return slots_[id]; }

private:
  IdTable<ListenerId, Listener> slots_; // slot 0 marks a dead queue entry
  std::vector<ListenerId> freeSlots_;
  IdTable<StoreId, std::vector<ListenerId>> byStore_; // in listen() order; one fn may appear twice
};

} // namespace atollrt
