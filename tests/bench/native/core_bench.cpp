// Native timing of the core's hot operations, without the JS boundary:
// shows what the C++ side costs per operation. Reports, never asserts.
#include "runtime.hpp"
#include <chrono>
#include <cstdio>

using namespace atollrt;
using Clock = std::chrono::steady_clock;

template <typename F>
static void report(const char* name, int n, F&& body) {
  auto start = Clock::now();
  body(n);
  double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count() / n;
  std::printf("| %-40s | %10.1f ns/op |\n", name, ns);
}

int main() {
  Runtime rt;
  StoreId atom = rt.createStore();
  rt.addListener(atom, FnId(1));
  report("notify + drain, one listener", 1000000, [&](int n) {
    for (int i = 0; i < n; ++i) {
      rt.notify(atom, PayloadId(static_cast<uint32_t>(i)));
      rt.view().head = rt.view().tail;
    }
  });
  report("batch of 4 notifies + take", 1000000, [&](int n) {
    for (int i = 0; i < n; ++i) {
      rt.openBatch();
      for (int j = 0; j < 4; ++j) rt.notify(atom, PayloadId(static_cast<uint32_t>(i)));
      while (rt.take()) {
      }
    }
  });
  report("listen + unlisten", 1000000, [&](int n) {
    for (int i = 0; i < n; ++i) {
      rt.addListener(atom, FnId(2));
      rt.removeListener(atom, FnId(2));
    }
  });
  return 0;
}
