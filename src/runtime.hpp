// The store runtime: every store's bookkeeping, the page's one notification
// queue, batches, and the computed graph. Values themselves stay with the host
// (JS values cannot live in wasm); the core decides *who* hears *what*, *when*.
#pragma once
#include "ids.hpp"
#include "key_index.hpp"
#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace atollrt {

// One queued call: "call listener `listener` with the payload `payload`".
struct QueueEntry {
  ListenerId listener; // 0 once the listener was removed while queued
  PayloadId payload;
};

// What the host reads straight from memory, so draining the queue or checking
// for pending computeds costs no call into the core.
// Invariant: entries[head..tail) are the calls not yet made, in FIFO order;
// the host advances `head` itself after taking an entry; `pendingComputeds`
// is the number of computed stores waiting to be recomputed.
struct SharedView {
  const QueueEntry* entries = nullptr;
  uint32_t head = 0;
  uint32_t tail = 0;
  uint32_t pendingComputeds = 0;
  const uint32_t* scratch = nullptr; // last list the host asked for (keys, ...)
  uint32_t scratchLength = 0;
};

enum class NameStatus : int32_t { Created = 0, Found = 1, KindMismatch = 2 };

struct NameResult {
  StoreId store;
  NameStatus status;
};

class Runtime {
public:
  Runtime();

  // ---- stores -------------------------------------------------------------
  // Reuses the id of a released store when there is one.
  StoreId createStore(Kind kind);
  // The host dropped an unnamed store: forget it and free its id. The store
  // has no listeners by then (listeners keep the host's store object alive).
  void releaseStore(StoreId id);
  // One name is one store: returns the existing store when the kinds agree.
  NameResult resolveName(const std::string& name, Kind kind);
  bool isStore(StoreId id) const { return id != 0 && id < stores_.size(); }
  Kind kind(StoreId id) const { return stores_[id].kind; }
  const std::string& name(StoreId id) const { return stores_[id].name; }
  uint32_t version(StoreId id) const { return stores_[id].version; }
  uint64_t epoch() const { return epoch_; }

  // ---- listeners ------------------------------------------------------------
  // `edgeOf` != 0 makes this listener the graph edge "computed edgeOf reads
  // store": it counts in the store's listener count but is never queued;
  // instead a change marks the computed for recomputation.
  ListenerId addListener(StoreId store, FnId fn, StoreId edgeOf = 0);
  // Removes one listener and any of its queued calls. Returns the store's new
  // listener count, or -1 when the listener was already gone.
  int32_t removeListener(ListenerId listener);
  uint32_t listenerCount(StoreId store) const;
  StoreId listenerStore(ListenerId listener) const { return listeners_[listener].store; }
  // Drops every listener of a store (cleanStores); returns how many.
  uint32_t clearListeners(StoreId store);

  // ---- notification ----------------------------------------------------------
  // A store changed (or was notified by hand): bumps its version and the
  // epoch, marks dependent computeds, and queues its listeners -- or, inside a
  // batch, remembers the store (and the first payload) for the flush.
  // Returns true when the host should drain the queue now.
  bool notify(StoreId store, PayloadId payload);
  void beginBatch() { ++batchDepth_; }
  // Ends one batch level. At the outermost level queues each listener
  // function of the stores changed during the batch once (first payload wins)
  // and returns true: the host drains. Nested levels return false.
  bool endBatch();
  uint32_t batchDepth() const { return batchDepth_; }

  // ---- computed graph ---------------------------------------------------------
  void addSource(StoreId computed, StoreId source);
  uint32_t height(StoreId id) const { return stores_[id].height; }
  // Pops the lowest pending computed whose height is <= maxHeight (0 if none).
  // Lower heights first: every input of a computed settles before it does,
  // which is what makes a diamond run its sink once.
  StoreId nextRecompute(uint32_t maxHeight);

  // ---- map keys ------------------------------------------------------------
  int32_t mapFind(StoreId map, KeyId key) const;
  uint32_t mapPut(StoreId map, KeyId key);
  int32_t mapErase(StoreId map, KeyId key);
  void mapClear(StoreId map);
  // Publishes the map's (key, slot) pairs in insertion order in the scratch list.
  void mapPublishOrder(StoreId map);

  // ---- JSON document tracking ------------------------------------------------
  // The JSON copy itself lives in Documents (document.hpp), a separate wasm
  // module loaded only by the document features; the runtime tracks what
  // changed since that copy was last synced.
  // What the host must send so the document matches the store, and from now
  // on the map keys to track: kDocCurrent, kDocKeys (the changed map keys are
  // published in the scratch list) or kDocWhole (first sync, set() on a map,
  // or any change of an atom/computed). Resets the tracking.
  static constexpr uint32_t kDocCurrent = 0, kDocKeys = 1, kDocWhole = 2;
  uint32_t takeDocumentChanges(StoreId store);
  // The host failed to send what takeDocumentChanges asked for: ask again.
  void invalidateDocument(StoreId store) { stores_[store].docWholeDirty = true; }

  SharedView& view() { return view_; }

private:
  struct StoreRecord {
    Kind kind = Kind::Atom;
    uint32_t version = 0;
    uint32_t height = 0;         // 0 for atom/map; 1 + max(source heights)
    uint32_t listenerCount = 0;  // user listeners + graph edges
    bool pendingRecompute = false;
    bool changedInBatch = false; // already listed in batchChanged_
    PayloadId batchPayload = 0;  // payload of its first change in the batch
    // Document tracking: docVersion is the version the document was last
    // synced at (UINT32_MAX = never); docKeys are map keys changed since.
    uint32_t docVersion = UINT32_MAX;
    bool docWholeDirty = true;
    std::unordered_set<KeyId> docKeys;
    std::vector<ListenerId> listeners; // in listen() order; a slot appears once
    std::vector<StoreId> sources;
    std::unique_ptr<KeyIndex> keys;    // maps only
    std::string name;
  };
  struct ListenerRecord {
    StoreId store = 0;
    FnId fn = 0;
    StoreId edgeOf = 0;
    bool live = false;
  };
  struct Pending {
    uint32_t height;
    StoreId id;
    bool operator>(const Pending& o) const {
      return height != o.height ? height > o.height : id > o.id;
    }
  };

  void enqueue(ListenerId listener, PayloadId payload);
  void markDependents(StoreRecord& store);
  void publishQueue();

  std::vector<StoreRecord> stores_;
  std::vector<StoreId> freeStores_;
  std::unordered_map<std::string, StoreId> names_;
  std::vector<ListenerRecord> listeners_;
  std::vector<ListenerId> freeListeners_;
  std::vector<QueueEntry> queue_;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<Pending>> recompute_;
  std::vector<StoreId> batchChanged_;
  std::unordered_set<FnId> flushSeen_;
  std::vector<uint32_t> scratch_;
  uint32_t batchDepth_ = 0;
  uint64_t epoch_ = 0;
  SharedView view_;
};

} // namespace atollrt
