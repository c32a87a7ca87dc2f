// The page's one FIFO notification queue and batches.
#include "runtime.hpp"
#include <algorithm>

namespace atollrt {

void Runtime::publishQueue() {
  view_.entries = queue_.data();
  view_.tail = static_cast<uint32_t>(queue_.size());
}

void Runtime::enqueue(ListenerId listener, PayloadId payload) {
  // An empty queue restarts at 0 so it never grows while the page is idle.
  if (view_.head == queue_.size() && view_.head != 0) {
    queue_.clear();
    view_.head = 0;
  }
  queue_.push_back(QueueEntry{listener, payload});
}

std::vector<StoreId>* Runtime::batchRecord(FnId fn) {
  if (!view_.batch || fn >= fns_.size() || fns_[fn].seenBatch != view_.batch) return nullptr;
  return &fns_[fn].seen;
}

std::vector<StoreId>& Runtime::startBatchRecord(FnId fn) {
  FnRecord& record = fns_[fn];
  if (record.seenBatch != view_.batch) {
    record.seen.clear(); // left from an earlier batch
    record.seenBatch = view_.batch;
  }
  return record.seen;
}

bool Runtime::notify(StoreId id, PayloadId payload) {
  markStale(id);
  for (ListenerId listener : stores_[id].listeners) {
    if (view_.batch) {
      // In a batch a function is queued once per store until it runs.
      std::vector<StoreId>& seen = startBatchRecord(listeners_[listener].fn);
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
    }
    enqueue(listener, payload);
  }
  publishQueue();
  return !view_.batch;
}

void Runtime::openBatch() {
  if (++batchCount_ == 0) ++batchCount_; // 0 means "no batch"
  view_.batch = batchCount_;
}

ListenerId Runtime::take() {
  while (view_.head < view_.tail) {
    QueueEntry entry = queue_[view_.head++];
    if (!entry.listener) continue;
    const ListenerRecord& listener = listeners_[entry.listener];
    if (std::vector<StoreId>* seen = batchRecord(listener.fn)) {
      // An earlier call of this function already covered this store...
      if (std::find(seen->begin(), seen->end(), listener.store) == seen->end()) continue;
      // ...otherwise this call covers every store changed so far.
      seen->clear();
    }
    view_.takenPayload = entry.payload;
    return entry.listener;
  }
  view_.batch = 0;
  return 0;
}

} // namespace atollrt
