#include "exporters/json_writer.hpp"

#include <charconv>

#include "model/evidence_json.hpp"

namespace nd {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_escaped_valid(std::string& out, std::string_view text) {
    out += '"';
    std::size_t run = 0;  // start of the pending run of bytes that need no escaping
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\r':
                out += "\\r";
                break;
            default:  // other control characters: \u00XX in lower-case hex, as nlohmann writes them
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xf];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    if (is_valid_utf8(text)) {
        append_escaped_valid(out, text);
    } else {
        append_escaped_valid(out, sanitize_utf8(text));
    }
}

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
}

JsonWriter& JsonWriter::begin_object() {
    separate();
    out_ += '{';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    out_ += '}';
    first_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    separate();
    out_ += '[';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    out_ += ']';
    first_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    append_json_string(out_, name);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    separate();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::number(std::int64_t value) {
    separate();
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    out_.append(buf, end);
    return *this;
}

JsonWriter& JsonWriter::number(double value) {
    separate();
    out_ += nlohmann::json(value).dump();  // grisu2 shortest form with ".0" for integral values
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    separate();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::dom(const nlohmann::json& value) {
    separate();
    out_ += value.dump();
    return *this;
}

JsonWriter& JsonWriter::string_or_null(std::string_view text) { return text.empty() ? null() : string(text); }

JsonWriter& JsonWriter::strings(const std::vector<std::string>& values) {
    begin_array();
    for (const auto& v : values) string(v);
    return end_array();
}

}  // namespace nd
