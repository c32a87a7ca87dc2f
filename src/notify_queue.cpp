// The page's one FIFO notification queue and batches.
#include "runtime.hpp"

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

bool Runtime::notify(StoreId id, PayloadId payload) {
  StoreRecord& store = stores_[id];
  ++store.version;
  ++epoch_;
  if (store.kind != Kind::Map) store.docWholeDirty = true;
  markDependents(store);
  if (batchDepth_ > 0) {
    if (!store.changedInBatch) {
      store.changedInBatch = true;
      store.batchPayload = payload;
      batchChanged_.push_back(id);
    }
    return false;
  }
  for (ListenerId listener : store.listeners)
    if (listeners_[listener].edgeOf == 0) enqueue(listener, payload);
  publishQueue();
  return true;
}

bool Runtime::endBatch() {
  if (batchDepth_ == 0 || --batchDepth_ > 0) return false;
  flushSeen_.clear();
  for (StoreId id : batchChanged_) {
    StoreRecord& store = stores_[id];
    store.changedInBatch = false;
    for (ListenerId listener : store.listeners) {
      const ListenerRecord& record = listeners_[listener];
      // Each listener function runs at most once per batch.
      if (record.edgeOf == 0 && flushSeen_.insert(record.fn).second)
        enqueue(listener, store.batchPayload);
    }
  }
  batchChanged_.clear();
  publishQueue();
  return true;
}

} // namespace atollrt
