// Batches, with Nano Stores' rule kept exactly: while a batch is open a
// listener function is queued once per store until it runs, and when it runs
// that call covers every store changed so far.
#pragma once
#include "ids.hpp"
#include "shared_view.hpp"
#include <cstdint>
#include <vector>

namespace atollrt {

class Batches {
public:
  explicit Batches(SharedView& view) : view_(view) {}
  Batches(const Batches&) = delete;
  Batches& operator=(const Batches&) = delete;

  // Opens a batch (the host counts nesting itself; only the outermost opens).
  // The wasm host writes SharedView::batch instead; this is the same for C++ hosts.
  void open();
  bool isOpen() const { return view_.batch != 0; }
  void close() { view_.batch = 0; }

  // Function id `fn` is given to a listener. `fresh`: the host gives `fn` to
  // a function for the first time (host function ids are reused once a
  // function has no listeners left), so whatever the id's earlier function
  // left in its batch record is dropped.
  void track(FnId fn, bool fresh);
  // notify(): whether fn's listener of `store` is queued (always, outside a batch).
  bool admit(FnId fn, StoreId store) { return !isOpen() || admitInBatch(fn, store); }
  // take(): whether a queued call of fn for `store` is made, or skipped
  // because the batch merged it into an earlier call of the same function.
  bool runs(FnId fn, StoreId store);
  // fn no longer listens to `store` (removeListener): drops it from fn's record.
  void forget(FnId fn, StoreId store);

private:
  // Batch record of one listener function: `seen` holds the stores it has a
  // queued call for since it last ran, valid only while batch `seenBatch` is
  // open, so opening a batch clears nothing.
  struct FnRecord {
    uint32_t seenBatch = 0;
    std::vector<StoreId> seen;
  };

  bool admitInBatch(FnId fn, StoreId store);
  // fn's `seen` stores in the open batch; nullptr when fn has no record in
  // it (outside a batch, or not queued by this batch: its calls are not merged).
  std::vector<StoreId>* recordOf(FnId fn);
  // The same, made (empty) if fn has none yet. Only while a batch is open.
  std::vector<StoreId>& startRecord(FnId fn);

  IdTable<FnId, FnRecord> fns_; // the host keeps its fn ids dense
  uint32_t count_ = 0;          // numbers the batches open() opens
  SharedView& view_;
};

} // namespace atollrt
