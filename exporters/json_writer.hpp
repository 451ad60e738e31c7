#pragma once
// A small streaming JSON writer: appends compact JSON to a string without building a DOM, so the
// JSON dossier of 10,000 devices is written in one pass. Its output is byte for byte what
// nlohmann::json::dump() gives for the same values (same escaping, same number forms), so streamed
// and DOM-built documents never differ. Object keys are written in the order given: callers that
// must match nlohmann's sorted objects write their keys sorted.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nd {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The next value's key (inside an object).
    JsonWriter& key(std::string_view name);

    // Strings must be UTF-8; invalid sequences are written as U+FFFD (dump() would throw instead).
    JsonWriter& string(std::string_view text);
    JsonWriter& number(std::int64_t value);
    JsonWriter& number(double value);  // nlohmann's shortest round-trip form; NaN/inf as null
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    // A value from a DOM (for rare nested parts such as LLDP neighbours), dumped compactly.
    JsonWriter& dom(const nlohmann::json& value);

    // Shorthands: a string or null when the text is empty / unset.
    JsonWriter& string_or_null(std::string_view text);
    JsonWriter& strings(const std::vector<std::string>& values);

private:
    void separate();  // the comma before a value that is not the first of its container

    std::string& out_;
    std::vector<bool> first_;  // per open container: no value written yet
    bool after_key_ = false;
};

// Appends `text` as a JSON string literal (quotes included), escaped as nlohmann::json::dump() does.
void append_json_string(std::string& out, std::string_view text);

}  // namespace nd
