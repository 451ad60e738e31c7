#include "agent/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>

namespace nd {

void init_logging(bool verbose, bool quiet) {
    const auto level = verbose ? spdlog::level::debug : quiet ? spdlog::level::err : spdlog::level::info;
    spdlog::set_level(level);
    spdlog::set_pattern("%^%l%$ [%n] %v");
    spdlog::set_default_logger(module_logger("netdossier"));
}

std::shared_ptr<spdlog::logger> module_logger(const std::string& name) {
    if (auto existing = spdlog::get(name)) return existing;
    auto logger = spdlog::stderr_color_mt(name);
    logger->set_level(spdlog::get_level());
    return logger;
}

}  // namespace nd
