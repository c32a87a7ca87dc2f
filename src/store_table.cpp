// The store table: live store ids, reused once released.
#include "store_table.hpp"

namespace atollrt {

StoreTable::StoreTable() {
  live_.append(0); // id 0 is "no store"
}

StoreId StoreTable::create() {
  StoreId id = reuseOrAppend(live_, free_);
  live_[id] = 1;
  return id;
}

void StoreTable::release(StoreId id) {
  if (!isLive(id)) return;
  live_[id] = 0;
  free_.push_back(id);
}

} // namespace atollrt
