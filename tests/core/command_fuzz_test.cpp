// Command fuzz for the Runtime: random sequences over its whole command
// surface, checked after every step against a small reference model that
// implements the rules written in runtime.hpp and its parts the plain way
// (vectors and linear scans, no clever bookkeeping). The model never looks at
// the Runtime's internals: it only sees what the host sees (return values and
// the SharedView), so any disagreement is a disagreement with the documented
// contract.
//
// A failure prints the seed and the whole command trace, written as calls, so
// it can be replayed by hand (or shrunk) in a focused TEST_CASE.
#include "runtime.hpp"
#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace atollrt;

namespace {

// The model speaks plain numbers, as the JS host does; only the calls into
// the Runtime wrap them in its id types.
using Store = uint32_t;
using Fn = uint32_t;
using Slot = uint32_t; // a listener slot
using Payload = uint32_t;

// Store kinds, the model's own: which stores computed edges may point at
// (the core keeps no kinds).
enum class Kind : uint8_t { Atom = 0, Map = 1, Computed = 2 };

// ---------------------------------------------------------------------------
// Host behaviours the generator can produce. Each `false` below is a
// sequence where the Runtime follows Nano Stores 1.5's batch rule (a function
// queued in a batch runs for the first queued call whose store is still in
// its batch record; that record is kept per function until it runs) and this
// plain model does not: the Runtime keeps those quirks on purpose, since the
// JS API must run code written for Nano Stores the same way (the differential
// test in tests/fuzz checks it against Nano Stores itself). Flip one to
// `true` to see the model and the Runtime part.
struct Options {
  // clearListeners() / releaseStore() while a batch is open, followed by a
  // new listener of the same function on that store. As in Nano Stores
  // (whose clean() leaves its batch record alone), the record keeps the
  // store, so the new listener is not queued for it until the function runs.
  bool clearThenRelistenInBatch = false;
  // openBatch() while calls from an unbatched notify are still queued (a
  // listener that calls batch() mid-drain; the host then drains those calls
  // with take() too). The model runs such calls: no batch merged them. The
  // Runtime, like Nano Stores' drain once a batch is open, merges them like
  // batch calls of their function, and skips one whose store is not in the
  // function's batch record.
  bool openBatchWithQueuedCalls = false;
  // A function runs in a batch, then a store it still had a (merged) call
  // queued for changes again. As in Nano Stores, take() runs the *old*
  // merged call (its payload, its place) and skips the new one.
  bool renotifyAfterRunInBatch = false;
};

// ---------------------------------------------------------------------------
// The reference model.

struct MListener {
  Slot slot;
  Fn fn;
  Store edgeOf;
};

struct MStore {
  bool live = false;
  Kind kind = Kind::Atom;
  std::vector<MListener> listeners; // listen() order
  bool stale = false;
};

// One queued call. The model remembers which function and store it is for
// (its slot may be reused later), when it was queued, and whether the batch
// queued it, so the batch rules can be stated directly.
struct MEntry {
  Slot slot;
  Fn fn;
  Store store;
  Payload payload;
  uint64_t seq; // logical time of the notify that queued it
  bool inBatch; // queued while a batch was open
  bool live;    // false once its listener/function was removed
};

struct Model {
  std::vector<MStore> stores = std::vector<MStore>(1); // id 0 is never a store
  std::vector<Store> freeStores;
  Slot slotCount = 1; // slot 0 marks a dead entry
  std::vector<Slot> freeSlots;
  std::deque<MEntry> queue; // exactly the calls in view [head, tail)
  bool batch = false;
  // Rule "a function is queued once per store until it runs" and "take()
  // skips calls a batch merged into an earlier call of the same function",
  // stated with time: lastRun[fn] is when fn last ran in this batch. A call
  // the batch queued before that moment was covered by that run.
  std::map<Fn, uint64_t> lastRun;
  uint64_t clock = 0;
  // How often the batch rules decided something (the fuzz checks it gets there).
  uint64_t mergedSkips = 0, batchDedups = 0, reusedIds = 0;

  // ids.hpp: "Returns a free id: the last one released, or a new row at the end."
  Store createStore(Kind kind) {
    Store id;
    if (!freeStores.empty()) {
      ++reusedIds;
      id = freeStores.back();
      freeStores.pop_back();
    } else {
      id = static_cast<Store>(stores.size());
      stores.emplace_back();
    }
    stores[id] = MStore{};
    stores[id].live = true;
    stores[id].kind = kind;
    return id;
  }

  Slot newSlot() {
    if (!freeSlots.empty()) {
      Slot id = freeSlots.back();
      freeSlots.pop_back();
      return id;
    }
    return slotCount++;
  }

  // A released store forgets everything and
  // its id goes back to the free list.
  void releaseStore(Store id) {
    clearListeners(id);
    stores[id] = MStore{};
    freeStores.push_back(id);
  }

  Slot addListener(Store store, Fn fn, Store edgeOf) {
    Slot slot = newSlot();
    stores[store].listeners.push_back({slot, fn, edgeOf});
    return slot;
  }

  // "Removes the first listener of store whose function is fn, every queued
  // call of fn for store, and store from fn's batch record" (the batch
  // record is implicit here: it is "live calls queued since fn last ran").
  int32_t removeListener(Store store, Fn fn, Slot& removed) {
    auto& list = stores[store].listeners;
    auto it = std::find_if(list.begin(), list.end(), [&](const MListener& l) { return l.fn == fn; });
    if (it == list.end()) return -1;
    removed = it->slot;
    list.erase(it);
    for (MEntry& e : queue)
      if (e.fn == fn && e.store == store) e.live = false;
    freeSlots.push_back(removed);
    return static_cast<int32_t>(list.size());
  }

  // cleanStores: every listener goes, and so does every queued call of it
  // ("0 once the listener was removed while queued").
  uint32_t clearListeners(Store store) {
    std::vector<MListener> all;
    all.swap(stores[store].listeners);
    for (const MListener& l : all) {
      for (MEntry& e : queue)
        if (e.slot == l.slot) e.live = false;
      freeSlots.push_back(l.slot);
    }
    return static_cast<uint32_t>(all.size());
  }

  // Every computed reachable from `store` through edges, by plain search.
  std::set<Store> derivedFrom(Store store) const {
    std::set<Store> seen;
    std::vector<Store> todo{store};
    while (!todo.empty()) {
      Store s = todo.back();
      todo.pop_back();
      for (const MListener& l : stores[s].listeners)
        if (l.edgeOf && seen.insert(l.edgeOf).second) todo.push_back(l.edgeOf);
    }
    return seen;
  }

  // A live call of fn for store queued by this batch and not yet covered by
  // a run of fn: while there is one, notify must not queue fn for store again.
  bool batchHasCall(Fn fn, Store store) const {
    auto run = lastRun.find(fn);
    for (const MEntry& e : queue)
      if (e.live && e.inBatch && e.fn == fn && e.store == store && (run == lastRun.end() || e.seq > run->second))
        return true;
    return false;
  }

  bool notify(Store store, Payload payload) {
    // "marks what is derived from it stale": every computed reachable.
    for (Store c : derivedFrom(store)) stores[c].stale = true;
    uint64_t now = ++clock;
    // "appends every listener of the store" in listen() order; in a batch a
    // function is queued once per store until it runs.
    for (const MListener& l : stores[store].listeners) {
      if (batch && batchHasCall(l.fn, store)) {
        ++batchDedups;
        continue;
      }
      queue.push_back({l.slot, l.fn, store, payload, now, batch, true});
    }
    return !batch; // "true when the host should drain the queue now"
  }

  void openBatch() {
    batch = true;
    lastRun.clear();
  }

  // take(): the first live call not merged into an earlier call of its
  // function; a call the batch queued is merged when its function ran after
  // it was queued. Calls queued before the batch opened were not merged by
  // it and always run. An empty queue closes the batch.
  bool take(MEntry& out) {
    while (!queue.empty()) {
      MEntry e = queue.front();
      queue.pop_front();
      if (!e.live) continue;
      auto run = lastRun.find(e.fn);
      if (e.inBatch && run != lastRun.end() && run->second > e.seq) {
        ++mergedSkips;
        continue;
      }
      lastRun[e.fn] = ++clock;
      out = e;
      return true;
    }
    batch = false;
    lastRun.clear();
    return false;
  }

  // The host re-derives computed c: it first re-derives c's stale inputs
  // (reading them), so it clears c and every stale computed upstream of c.
  // This keeps "a stale computed's dependents are stale too".
  std::vector<Store> rederive(Store c) {
    std::vector<Store> cleared;
    std::vector<Store> todo{c};
    while (!todo.empty()) {
      Store s = todo.back();
      todo.pop_back();
      if (!stores[s].stale) continue;
      stores[s].stale = false;
      cleared.push_back(s);
      for (Store x = 1; x < stores.size(); ++x)
        for (const MListener& l : stores[x].listeners)
          if (l.edgeOf == s && stores[x].stale) todo.push_back(x);
    }
    return cleared;
  }

  bool hasEdgeInto(Store c) const {
    for (const MStore& s : stores)
      for (const MListener& l : s.listeners)
        if (l.edgeOf == c) return true;
    return false;
  }
};

// removeListener()'s answer as the host gets it: the count, or -1 for none.
int32_t countOrMinusOne(std::optional<uint32_t> count) { return count ? static_cast<int32_t>(*count) : -1; }

const char* kindName(Kind k) { return k == Kind::Atom ? "Atom" : k == Kind::Map ? "Map" : "Computed"; }

// ---------------------------------------------------------------------------
// Comparing the Runtime with the model (only through the host's view).

std::string compare(Runtime& rt, const Model& m) {
  std::ostringstream err;
  if (rt.batchOpen() != m.batch) err << "batchOpen() " << rt.batchOpen() << " != model " << m.batch << "\n";

  const SharedView& view = rt.view();
  for (Store id = 1; id < m.stores.size(); ++id) {
    const MStore& s = m.stores[id];
    if (rt.isStore(StoreId(id)) != s.live) {
      err << "isStore(" << id << ") " << rt.isStore(StoreId(id)) << " != model " << s.live << "\n";
      continue;
    }
    if (rt.listenerCount(StoreId(id)) != s.listeners.size())
      err << "listenerCount(s" << id << ") " << rt.listenerCount(StoreId(id)) << " != model " << s.listeners.size()
          << "\n";
    // A released id must not keep its old listeners or a stale flag.
    if ((view.stale[id] != 0) != s.stale)
      err << "stale[s" << id << "] " << int(view.stale[id]) << " != model " << s.stale << "\n";
  }

  // The queue, head to tail, dead calls included (as listener 0).
  if (view.tail < view.head) err << "tail < head\n";
  uint32_t size = view.tail - view.head;
  if (size != m.queue.size()) err << "queue size " << size << " != model " << m.queue.size() << "\n";
  for (uint32_t i = 0; i < std::min<size_t>(size, m.queue.size()); ++i) {
    const QueueEntry& q = view.entries[view.head + i];
    const MEntry& e = m.queue[i];
    Slot want = e.live ? e.slot : 0;
    if (q.listener.value() != want || (e.live && q.payload.value() != e.payload))
      err << "queue[" << i << "] (l" << q.listener.value() << ", p" << q.payload.value() << ") != model (l" << want
          << ", p" << e.payload << ")\n";
  }

  // Header invariant, checked on the Runtime directly: a stale computed's
  // dependents are stale too (edges x -> c with x stale need c stale).
  for (Store x = 1; x < m.stores.size(); ++x)
    for (const MListener& l : m.stores[x].listeners)
      if (l.edgeOf && view.stale[x] && !view.stale[l.edgeOf])
        err << "invariant: s" << x << " stale but its dependent s" << l.edgeOf << " is not\n";

  // Header rule, checked on the queue the Runtime published: while a batch
  // is open, a function has at most one live call per store that it has not
  // run since.
  if (m.batch) {
    std::set<std::pair<Fn, Store>> seen;
    for (uint32_t i = 0; i < std::min<size_t>(size, m.queue.size()); ++i) {
      const MEntry& e = m.queue[i];
      if (!view.entries[view.head + i].live() || !e.inBatch) continue;
      auto run = m.lastRun.find(e.fn);
      if (run != m.lastRun.end() && e.seq < run->second) continue; // covered by that run
      if (!seen.insert({e.fn, e.store}).second) err << "batch: fn " << e.fn << " queued twice for s" << e.store << "\n";
    }
  }
  return err.str();
}

// ---------------------------------------------------------------------------
// One random command sequence.

struct Fuzzer {
  Options opt;
  std::mt19937 rng;
  Runtime rt;
  Model m;
  std::ostringstream trace;
  Payload nextPayload = 1;
  std::string failure;
  uint64_t missingRemoves = 0, batchCloses = 0, deadReads = 0, hostMarks = 0, rederives = 0;

  Fuzzer(uint32_t seed, Options o) : opt(o), rng(seed) {}

  uint32_t pick(uint32_t n) { return std::uniform_int_distribution<uint32_t>(0, n - 1)(rng); }
  bool chance(uint32_t percent) { return pick(100) < percent; }
  template <typename T>
  const T& pickFrom(const std::vector<T>& rows) {
    return rows[pick(static_cast<uint32_t>(rows.size()))];
  }

  std::vector<Store> liveStores(bool computedOnly = false) const {
    std::vector<Store> out;
    for (Store id = 1; id < m.stores.size(); ++id)
      if (m.stores[id].live && (!computedOnly || m.stores[id].kind == Kind::Computed)) out.push_back(id);
    return out;
  }
  Fn randomFn() { return 1 + pick(5); } // few functions: shared across stores and repeated
  Kind randomKind() { return static_cast<Kind>(pick(3)); }

  void fail(const std::string& what) {
    if (failure.empty()) failure = what;
  }
  template <typename A, typename B>
  void expectEq(const A& got, const B& want, const char* what) {
    if (!(got == static_cast<A>(want))) {
      std::ostringstream s;
      s << what << ": runtime " << got << " != model " << want;
      fail(s.str());
    }
  }

  // Host-side precondition flags. A store the host drops has no listeners and
  // nothing derived from it (edge listeners keep it alive).
  bool releasable(Store id) const { return m.stores[id].listeners.empty() && !m.hasEdgeInto(id); }

  // Whether this command would only reach a known Runtime bug (see Options).
  bool batchRecordTrap(Store store, Fn fn) const {
    // clearListeners/releaseStore left fn's batch record holding `store`; the
    // model "has no live call", the Runtime still thinks it has.
    if (opt.clearThenRelistenInBatch || !m.batch) return false;
    return clearedInBatch.count({fn, store}) != 0;
  }
  std::set<std::pair<Fn, Store>> clearedInBatch; // (fn, store) dropped by clear/release in this batch

  void noteClearInBatch(Store store) {
    if (!m.batch) return;
    for (const MListener& l : m.stores[store].listeners) clearedInBatch.insert({l.fn, store});
  }

  void step() {
    std::vector<Store> stores = liveStores();
    uint32_t roll = pick(100);

    // The kind is the model's (which stores computed edges may point at);
    // the core itself keeps no kinds.
    if (stores.empty() || roll < 9) {
      Kind k = randomKind();
      if (stores.size() >= 10) return;
      Store want = m.createStore(k);
      trace << "s" << want << " = createStore(); // " << kindName(k) << "\n";
      expectEq(rt.createStore().value(), want, "createStore id");
      return;
    }
    if (roll < 13) {
      Store id = pickFrom(stores);
      if (!releasable(id)) return;
      trace << "releaseStore(s" << id << ");\n";
      m.releaseStore(id);
      rt.releaseStore(StoreId(id));
      return;
    }
    if (roll < 27) { // plain listener
      Store id = pickFrom(stores);
      Fn fn = randomFn();
      if (batchRecordTrap(id, fn)) return;
      Slot want = m.addListener(id, fn, 0);
      trace << "addListener(s" << id << ", " << fn << "); // l" << want << "\n";
      expectEq(rt.addListener(StoreId(id), FnId(fn)).value(), want, "addListener slot");
      return;
    }
    if (roll < 35) { // edge: store -> computed, never closing a cycle
      std::vector<Store> computeds = liveStores(true);
      if (computeds.empty()) return;
      Store c = pickFrom(computeds);
      Store from = pickFrom(stores);
      if (from == c || m.derivedFrom(c).count(from)) return;
      // An edge from a stale input into a fresh computed would break "a
      // stale computed's dependents are stale" (addListener does not mark
      // edgeOf). The JS host repairs it itself: a computed adds its edges on
      // mount and then marks itself stale before deriving (engine.js
      // markStale in computed's onMount), before anything is derived from
      // it. So: the host marks c, and only when c's own dependents are
      // already stale (in the host, c has none yet when it mounts).
      bool needsHostMark = m.stores[from].stale && !m.stores[c].stale;
      if (needsHostMark) {
        for (Store d : m.derivedFrom(c))
          if (!m.stores[d].stale) return;
      }
      Fn fn = chance(50) ? 100 + c : randomFn(); // a computed's own re-derive function, or a shared one
      if (batchRecordTrap(from, fn)) return;
      Slot want = m.addListener(from, fn, c);
      trace << "addListener(s" << from << ", " << fn << ", s" << c << "); // l" << want << "\n";
      expectEq(rt.addListener(StoreId(from), FnId(fn), StoreId(c)).value(), want, "addListener(edge) slot");
      if (needsHostMark) {
        trace << "stale[s" << c << "] = 1; // host: computed marks itself on mount\n";
        m.stores[c].stale = true;
        rt.view().stale[c] = 1;
        ++hostMarks;
      }
      return;
    }
    if (roll < 47) { // removeListener, sometimes of a function that is not listening
      Store id = pickFrom(stores);
      const auto& list = m.stores[id].listeners;
      Fn fn = (!list.empty() && chance(75)) ? pickFrom(list).fn : randomFn();
      Slot want = 0;
      int32_t wantCount = m.removeListener(id, fn, want);
      trace << "removeListener(s" << id << ", " << fn << "); // " << wantCount;
      if (wantCount >= 0) trace << ", removed l" << want;
      else ++missingRemoves;
      trace << "\n";
      expectEq(countOrMinusOne(rt.removeListener(StoreId(id), FnId(fn))), wantCount, "removeListener result");
      if (wantCount >= 0) expectEq(rt.view().removedListener.value(), want, "view().removedListener");
      clearedInBatch.erase({fn, id}); // removeListener does forget the batch record
      return;
    }
    if (roll < 51) {
      Store id = pickFrom(stores);
      noteClearInBatch(id);
      uint32_t want = m.clearListeners(id);
      trace << "clearListeners(s" << id << "); // " << want << "\n";
      expectEq(rt.clearListeners(StoreId(id)), want, "clearListeners count");
      return;
    }
    if (roll < 70) {
      Store id = pickFrom(stores);
      if (!opt.renotifyAfterRunInBatch && m.batch) {
        // Known bug: a function that ran in this batch while it still had a
        // merged call queued for `id` (the call will be skipped).
        for (const MEntry& e : m.queue) {
          auto run = m.lastRun.find(e.fn);
          if (e.live && e.inBatch && e.store == id && run != m.lastRun.end() && e.seq < run->second) return;
        }
      }
      Payload p = nextPayload++;
      bool want = m.notify(id, p);
      trace << "notify(s" << id << ", " << p << ");\n";
      expectEq(rt.notify(StoreId(id), PayloadId(p)), want, "notify result");
      return;
    }
    if (roll < 77) {
      if (m.batch) return; // the host counts nesting; only the outermost opens
      if (!opt.openBatchWithQueuedCalls) {
        // Finish the unbatched drain first (see Options).
        trace << "// drain\n";
        while (failure.empty() && takeOne()) {
        }
      }
      m.openBatch();
      clearedInBatch.clear();
      trace << "openBatch();\n";
      rt.openBatch();
      return;
    }
    if (roll < 90) { // one call of the queue, the way the host does
      takeOne();
      return;
    }
    if (roll < 94) { // drain everything
      trace << "// drain\n";
      bool wasBatch = m.batch;
      for (int guard = 0; guard < 10000 && failure.empty(); ++guard) {
        if (!takeOne()) break;
        if (wasBatch != m.batch) break; // take() returned 0 and closed the batch
      }
      return;
    }
    // The host re-derives a stale computed (and, reading them, its stale inputs).
    std::vector<Store> stale;
    for (Store id : stores)
      if (m.stores[id].stale) stale.push_back(id);
    if (stale.empty()) return;
    Store c = pickFrom(stale);
    std::vector<Store> cleared = m.rederive(c);
    ++rederives;
    trace << "// host re-derives s" << c << ":";
    for (Store s : cleared) {
      trace << " stale[s" << s << "] = 0;";
      rt.view().stale[s] = 0;
    }
    trace << "\n";
  }

  // Returns false when there was nothing to take.
  bool takeOne() {
    SharedView& view = rt.view();
    if (m.batch) {
      MEntry want{};
      bool has = m.take(want);
      std::optional<ListenerId> taken = rt.take();
      Slot got = taken ? taken->value() : 0;
      trace << "take(); // " << (has ? "l" + std::to_string(want.slot) + " p" + std::to_string(want.payload) : "0")
            << "\n";
      expectEq(got, has ? want.slot : 0, "take()");
      if (has) expectEq(view.takenPayload.value(), want.payload, "view().takenPayload");
      if (!has) {
        // "0 when the queue is empty, which closes the batch"
        if (rt.batchOpen()) fail("take() returned 0 but the batch is still open");
        if (view.head != view.tail) fail("take() returned 0 with calls still queued");
        clearedInBatch.clear();
        ++batchCloses;
      }
      return has;
    }
    if (m.queue.empty()) return false;
    // Outside a batch the host reads the entry and advances head itself.
    MEntry want = m.queue.front();
    m.queue.pop_front();
    if (!want.live) ++deadReads;
    trace << "read entry; ++head; // " << (want.live ? "l" + std::to_string(want.slot) : "dead") << "\n";
    if (view.head >= view.tail) {
      fail("host: queue empty, model has a call");
      return false;
    }
    QueueEntry q = view.entries[view.head++];
    expectEq(q.listener.value(), want.live ? want.slot : 0, "queued listener");
    if (want.live) expectEq(q.payload.value(), want.payload, "queued payload");
    return true;
  }

  void run(int steps) {
    for (int i = 0; i < steps && failure.empty(); ++i) {
      step();
      if (failure.empty()) {
        std::string diff = compare(rt, m);
        if (!diff.empty()) failure = diff;
      }
    }
  }
};

constexpr int kSequences = 500;
constexpr int kSteps = 400;

} // namespace

TEST_CASE("command fuzz: random command sequences agree with the reference model") {
  auto seed = GENERATE(take(kSequences, random(1u, 0x7fffffffu)));
  Fuzzer f(seed, Options{});
  f.run(kSteps);
  if (!f.failure.empty()) {
    INFO("seed " << seed << "\n" << f.trace.str());
    FAIL(f.failure);
  }
  SUCCEED();
}

// Guards the generator itself: if a change to the weights or preconditions
// stopped it from reaching the interesting rules, the fuzz above would pass
// while checking little. A fixed handful of sequences must get to each one.
TEST_CASE("command fuzz: the generator reaches every rule") {
  uint64_t merged = 0, dedups = 0, reused = 0, missing = 0, closes = 0, dead = 0, marks = 0, rederived = 0;
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    Fuzzer f(seed, Options{});
    f.run(kSteps);
    REQUIRE(f.failure.empty());
    merged += f.m.mergedSkips;
    dedups += f.m.batchDedups;
    reused += f.m.reusedIds;
    missing += f.missingRemoves;
    closes += f.batchCloses;
    dead += f.deadReads;
    marks += f.hostMarks;
    rederived += f.rederives;
  }
  CHECK(merged > 0);    // take() skipped a call merged into an earlier run
  CHECK(dedups > 0);    // notify() in a batch did not queue a function twice for a store
  CHECK(reused > 0);    // a released store id came back
  CHECK(missing > 0);   // removeListener of a function that was not listening
  CHECK(closes > 0);    // take() returned 0 and closed a batch
  CHECK(dead > 0);      // the host read a removed (0) entry
  CHECK(marks > 0);     // an edge from a stale input (host marks the computed)
  CHECK(rederived > 0); // the host cleared stale flags
}
