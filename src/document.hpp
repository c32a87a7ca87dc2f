// JSON Patch (RFC 6902) between JSON documents, for atoll-store/document:
// createPatch() diffs two documents, applyPatch() applies a patch to one.
// Text in, text out: the host sends JSON text and gets JSON text back.
//
// Nothing here throws or aborts on bad input. The wasm build has exceptions
// off, where a throw inside nlohmann/json would abort the module, so every
// operation is checked before nlohmann is asked to do it, and a bad patch is
// answered with a status, the reason and the index of the operation.
#pragma once
#include <string>
#include <string_view>

namespace atollrt {

struct PatchOutcome {
  enum Status : int {
    Ok = 0,
    BadDocument = 1, // a document given is not JSON text
    BadPatch = 2,    // malformed patch, or an operation that cannot apply
    TestFailed = 3   // a "test" operation found another value
  };
  int status = Ok;
  std::string text; // the result (JSON text) when Ok, else the reason
  int op = -1;      // index of the operation that failed, or -1
};

// The operations that turn `from` into `to`, a JSON array of RFC 6902
// operations: the ones nlohmann's json::diff gives, found in linear time.
PatchOutcome createPatch(std::string_view from, std::string_view to);

// `document` with `patch` applied, all or nothing.
PatchOutcome applyPatch(std::string_view document, std::string_view patch);

} // namespace atollrt
