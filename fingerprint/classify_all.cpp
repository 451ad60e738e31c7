// Classifying a scan's devices on several threads: classify() is pure and thread-safe, and a site's
// thousands of devices are independent of one another.
#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

#include "fingerprint/engine.hpp"

namespace nd {
namespace {

constexpr std::size_t kDevicesPerThread = 256;  // fewer than this each: not worth a thread's start
constexpr std::size_t kChunk = 32;              // devices a thread takes at a time (models cost unevenly)
constexpr unsigned kMaxThreads = 16;

}  // namespace

std::vector<Verdict> FingerprintEngine::classify_all(const std::vector<const DeviceEvidence*>& devices,
                                                     unsigned threads) const {
    if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(
        {threads, kMaxThreads, std::max<std::size_t>(1, devices.size() / kDevicesPerThread)}));
    std::vector<Verdict> verdicts(devices.size());
    if (threads <= 1) {
        for (std::size_t i = 0; i < devices.size(); ++i) verdicts[i] = classify(*devices[i]);
        return verdicts;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(threads);
    auto work = [&](unsigned worker) {
        try {
            for (std::size_t begin = next.fetch_add(kChunk); begin < devices.size();
                 begin = next.fetch_add(kChunk)) {
                const std::size_t end = std::min(devices.size(), begin + kChunk);
                for (std::size_t i = begin; i < end; ++i) verdicts[i] = classify(*devices[i]);
            }
        } catch (...) {
            failures[worker] = std::current_exception();
            next.store(devices.size());  // the others stop at their next chunk
        }
    };
    {
        std::vector<std::jthread> pool;
        pool.reserve(threads - 1);
        for (unsigned t = 1; t < threads; ++t) {
            try {
                pool.emplace_back(work, t);
            } catch (const std::system_error&) {
                break;  // no more threads to be had: those running (and this one) share all the work
            }
        }
        work(0);  // this thread is one of them
    }             // joined
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    return verdicts;
}

}  // namespace nd
