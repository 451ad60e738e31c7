#pragma once
// A fresh store in a private temporary directory, and helpers to build observations.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include "storage/store.hpp"

namespace nd::test {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("nd-store-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline Observation seen(const std::string& source, std::int64_t scan, const char* mac,
                        std::vector<const char*> ips, const std::string& registrant = "") {
    Observation o;
    o.source = source;
    o.time = Clock::now();
    o.scan_id = scan;
    if (mac != nullptr) o.evidence.mac = MacAddress::parse(mac);
    for (const char* ip : ips) o.evidence.ips.push_back(*Ipv4Address::parse(ip));
    o.evidence.oui_registrant = registrant;
    return o;
}

}  // namespace nd::test
