#include "document.hpp"

namespace atollrt {

namespace {
// Parses without exceptions (the wasm build has them off): a discarded
// value means the text was not JSON.
bool parse(std::string_view text, nlohmann::ordered_json& out) {
  out = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
  return !out.is_discarded();
}
} // namespace

std::string Documents::setWhole(StoreId store, std::string_view json) {
  nlohmann::ordered_json value;
  if (!parse(json, value)) return "invalid JSON";
  docs_[store].whole = std::move(value);
  return "";
}

std::string Documents::setKey(StoreId store, KeyId key, std::string_view keyName,
                              std::string_view json) {
  nlohmann::ordered_json value;
  if (!parse(json, value)) return "invalid JSON";
  Entry& entry = docs_[store].keys[key];
  entry.name.assign(keyName);
  entry.value = std::move(value);
  return "";
}

void Documents::eraseKey(StoreId store, KeyId key) {
  auto it = docs_.find(store);
  if (it != docs_.end()) it->second.keys.erase(key);
}

void Documents::clearKeys(StoreId store) { docs_[store].keys.clear(); }

std::string Documents::text(StoreId store, const std::vector<uint32_t>* orderPairs) const {
  auto it = docs_.find(store);
  if (it == docs_.end()) return orderPairs ? "{}" : "null";
  const Doc& doc = it->second;
  if (!orderPairs) return doc.whole.dump();
  std::string out = "{";
  bool first = true;
  for (size_t i = 0; i + 1 < orderPairs->size(); i += 2) {
    auto entry = doc.keys.find((*orderPairs)[i]);
    if (entry == doc.keys.end()) continue;
    if (!first) out += ',';
    first = false;
    out += nlohmann::ordered_json(entry->second.name).dump();
    out += ':';
    out += entry->second.value.dump();
  }
  out += '}';
  return out;
}

} // namespace atollrt
