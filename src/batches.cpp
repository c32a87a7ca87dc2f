// Batches: which queued calls of a listener function a batch merges.
#include "batches.hpp"
#include <algorithm>

namespace atollrt {

void Batches::open() {
  if (++count_ == 0) ++count_; // 0 means "no batch"
  view_.batch = count_;
}

void Batches::track(FnId fn, bool fresh) {
  fns_.growTo(fn);
  if (fresh) fns_[fn] = FnRecord{};
}

std::vector<StoreId>* Batches::recordOf(FnId fn) {
  if (!isOpen() || !fns_.has(fn) || fns_[fn].seenBatch != view_.batch) return nullptr;
  return &fns_[fn].seen;
}

std::vector<StoreId>& Batches::startRecord(FnId fn) {
  FnRecord& record = fns_[fn];
  if (record.seenBatch != view_.batch) {
    record.seen.clear(); // left from an earlier batch
    record.seenBatch = view_.batch;
  }
  return record.seen;
}

bool Batches::admitInBatch(FnId fn, StoreId store) {
  // In a batch a function is queued once per store until it runs.
  std::vector<StoreId>& seen = startRecord(fn);
  if (std::find(seen.begin(), seen.end(), store) != seen.end()) return false;
  seen.push_back(store);
  return true;
}

bool Batches::runs(FnId fn, StoreId store) {
  std::vector<StoreId>* seen = recordOf(fn);
  if (!seen) return true;
  // An earlier call of this function already covered this store...
  if (std::find(seen->begin(), seen->end(), store) == seen->end()) return false;
  // ...otherwise this call covers every store changed so far.
  seen->clear();
  return true;
}

void Batches::forget(FnId fn, StoreId store) {
  if (std::vector<StoreId>* seen = recordOf(fn)) {
    seen->erase(std::remove(seen->begin(), seen->end(), store), seen->end());
  }
}

} // namespace atollrt
