// The JSON copy of a store's state, kept by the core for the document
// features (snapshot, hand-off, persistence, sync, undo). The host sends JSON
// text; the core parses it (nlohmann::ordered_json: objects keep the key
// order they were written in, as JS objects do), so what it holds is always
// valid JSON, and for maps holds it per key so one setKey re-sends one key.
#pragma once
#include "ids.hpp"
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace atollrt {

class Documents {
public:
  // Each setter returns "" on success or the parser's message; on failure
  // the previous document is kept unchanged.
  std::string setWhole(StoreId store, std::string_view json);
  std::string setKey(StoreId store, KeyId key, std::string_view keyName, std::string_view json);
  void eraseKey(StoreId store, KeyId key);
  void clearKeys(StoreId store);
  bool has(StoreId store) const { return docs_.count(store) != 0; }

  // The document as JSON text. For maps `orderPairs` holds (key, slot) pairs in
  // object order, as KeyIndex::appendInOrder writes them.
  std::string text(StoreId store, const std::vector<uint32_t>* orderPairs) const;

private:
  struct Entry {
    std::string name;
    nlohmann::ordered_json value;
  };
  struct Doc {
    nlohmann::ordered_json whole;                     // atoms and computed stores
    std::unordered_map<KeyId, Entry> keys;    // maps
  };
  std::unordered_map<StoreId, Doc> docs_;
};

} // namespace atollrt
