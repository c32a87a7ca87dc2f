// The store table: which store ids name a live store. Everything else the
// core knows about a store (its listeners, its stale flag) is kept by the
// part whose job it is, in rows indexed by the same id.
#pragma once
#include "ids.hpp"
#include <cstdint>
#include <vector>

namespace atollrt {

class StoreTable {
public:
  StoreTable();

  // Reuses the id of a released store when there is one.
  StoreId create();
  // Frees a live store's id for reuse. Releasing a free id again does nothing.
  void release(StoreId id);
  bool isLive(StoreId id) const { return live_.has(id) && live_[id]; }

private:
  IdTable<StoreId, uint8_t> live_; // row 0 is "no store", never live
  std::vector<StoreId> free_;
};

} // namespace atollrt
