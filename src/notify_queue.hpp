// The page's one FIFO notification queue. Its entries are in shared memory
// (SharedView::entries, head, tail): outside a batch the host reads the next
// call and advances `head` itself. All inline: every notify and take() runs
// through it, and the native builds have no link-time inlining.
#pragma once
#include "ids.hpp"
#include "shared_view.hpp"
#include <optional>
#include <vector>

namespace atollrt {

class NotifyQueue {
public:
  explicit NotifyQueue(SharedView& view) : view_(view) { publish(); }
  NotifyQueue(const NotifyQueue&) = delete;
  NotifyQueue& operator=(const NotifyQueue&) = delete;

  void append(ListenerId listener, PayloadId payload) {
    // An empty queue restarts at 0 so it never grows while the page is idle.
    if (view_.head == entries_.size() && view_.head != 0) {
      entries_.clear();
      view_.head = 0;
    }
    entries_.push_back(QueueEntry{listener, payload});
  }
  // Shows the host the calls appended so far (the entries may have moved).
  void publish() {
    view_.entries = entries_.data();
    view_.tail = static_cast<uint32_t>(entries_.size());
  }
  // Calls still queued whose listener `dropped(listener)` picks are never
  // made: their entries become dead.
  template <typename Dropped>
  void drop(Dropped dropped) {
    for (uint32_t i = view_.head; i < view_.tail; ++i) {
      QueueEntry& entry = entries_[i];
      if (entry.live() && dropped(entry.listener)) entry.listener = ListenerId{};
    }
  }
  // Takes the next call not made yet off the queue, skipping dead ones;
  // nothing when the queue is empty.
  std::optional<QueueEntry> next() {
    while (view_.head < view_.tail) {
      QueueEntry entry = entries_[view_.head++];
      if (entry.live()) return entry;
    }
    return std::nullopt;
  }

private:
  std::vector<QueueEntry> entries_;
  SharedView& view_;
};

} // namespace atollrt
