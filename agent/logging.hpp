#pragma once
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace nd {

// Sets up stderr logging once: info by default, debug with --verbose, errors only with --quiet.
void init_logging(bool verbose, bool quiet);

// One named logger per module ("collector.arp", "storage"), created on first use.
std::shared_ptr<spdlog::logger> module_logger(const std::string& name);

}  // namespace nd
