// Where the engine finds the core's shared memory: the fields of SharedView
// (src/shared_view.hpp) as indexes in u32, and the size of a queue entry. The
// C++ side pins the same numbers with static_asserts (bindings/hot_exports.cpp),
// and tests/js/core-layout.test.js checks each index against the built core:
// it makes the core write every field and reads it back here.
export const VIEW_ENTRIES = 0 // address of the queue's first entry
export const VIEW_HEAD = 1 // next entry to call; the engine advances it outside a batch
export const VIEW_TAIL = 2 // one past the last queued entry
export const VIEW_STALE = 3 // address of the stale flags, one byte per store id
export const VIEW_TAKEN_PAYLOAD = 4 // payload of the call atoll_take() returned
export const VIEW_REMOVED = 5 // listener slot the last atoll_unlisten() removed
export const VIEW_BATCH = 6 // the open batch's number, 0 when none; the engine writes it
export const VIEW_CREATED = 7 // the store the last atoll_create() or first listen made

// A queue entry is two u32: the listener slot (0 once it was removed while
// queued), then the payload id.
export const ENTRY_U32 = 2
