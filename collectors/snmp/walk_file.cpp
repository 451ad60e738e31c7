#include "collectors/snmp/walk_file.hpp"

#include <zlib.h>

#include <cctype>
#include <charconv>
#include <stdexcept>

namespace nd {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Hex digits, optionally separated by spaces or colons ("00 1a 2b", "00:1a", "001a2b").
std::optional<std::string> decode_hex(std::string_view text) {
    std::string out;
    int high = -1;
    for (char c : text) {
        if (c == ' ' || c == ':' || c == '\t' || c == '\n' || c == '\r') {
            if (high >= 0) return std::nullopt;  // odd digit count within a byte group
            continue;
        }
        int d = hex_digit(c);
        if (d < 0) return std::nullopt;
        if (high < 0) {
            high = d;
        } else {
            out.push_back(static_cast<char>(high * 16 + d));
            high = -1;
        }
    }
    if (high >= 0) return std::nullopt;
    return out;
}

// Python-escaped bytes as snmpsim writes them for tag suffix `e`: \xNN, \n, \r, \t, \\, \', \".
std::optional<std::string> decode_python_escapes(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (++i >= text.size()) return std::nullopt;
        switch (text[i]) {
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case '0':
                out.push_back('\0');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '\'':
                out.push_back('\'');
                break;
            case '"':
                out.push_back('"');
                break;
            case 'x': {
                if (i + 2 >= text.size()) return std::nullopt;
                int h = hex_digit(text[i + 1]), l = hex_digit(text[i + 2]);
                if (h < 0 || l < 0) return std::nullopt;
                out.push_back(static_cast<char>(h * 16 + l));
                i += 2;
                break;
            }
            default:
                out.push_back('\\');
                out.push_back(text[i]);
        }
    }
    return out;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    text = trim(text);
    std::int64_t v = 0;
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size()) {
        // Counter64 beyond int64: keep the low bits rather than reject a real device's value.
        std::uint64_t u = 0;
        auto [p2, e2] = std::from_chars(text.data(), text.data() + text.size(), u);
        if (e2 != std::errc{} || p2 != text.data() + text.size()) return std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    return v;
}

bool is_dotted_quad(std::string_view s) {
    int parts = 0;
    for (auto piece = s; !piece.empty();) {
        auto dot = piece.find('.');
        auto arc = piece.substr(0, dot);
        auto n = parse_integer(arc);
        if (!n || *n < 0 || *n > 255 || arc.empty()) return false;
        ++parts;
        if (dot == std::string_view::npos) break;
        piece.remove_prefix(dot + 1);
    }
    return parts == 4;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        auto nl = text.find('\n');
        auto line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return lines;
}

void note_problem(WalkFileResult& result, std::size_t line_no, std::string_view why) {
    if (result.skipped_lines++ == 0)
        result.first_problem = "line " + std::to_string(line_no) + ": " + std::string(why);
}

// One snmprec record's value by BER tag; nullopt when the value is not valid for the tag.
std::optional<SnmpValue> snmprec_value(int tag, char encoding, std::string_view raw) {
    std::string bytes;
    if (encoding == 'x') {
        auto decoded = decode_hex(raw);
        if (!decoded) return std::nullopt;
        bytes = std::move(*decoded);
    } else if (encoding == 'e') {
        auto decoded = decode_python_escapes(raw);
        if (!decoded) return std::nullopt;
        bytes = std::move(*decoded);
    } else {
        bytes = std::string(raw);
    }
    SnmpValue v;
    switch (tag) {
        case 2:
        case 65:
        case 66:
        case 67:
        case 70: {
            v.type = tag == 2    ? SnmpType::kInteger
                     : tag == 65 ? SnmpType::kCounter32
                     : tag == 66 ? SnmpType::kGauge32
                     : tag == 67 ? SnmpType::kTimeTicks
                                 : SnmpType::kCounter64;
            auto n = parse_integer(bytes);
            if (!n) return std::nullopt;
            v.number = *n;
            return v;
        }
        case 4:
            v.type = SnmpType::kOctetString;
            v.bytes = std::move(bytes);
            return v;
        case 68:
            v.type = SnmpType::kOpaque;
            v.bytes = std::move(bytes);
            return v;
        case 5:
            v.type = SnmpType::kNull;
            return v;
        case 6: {
            auto oid = Oid::parse(trim(bytes));
            if (!oid) return std::nullopt;
            v.type = SnmpType::kOid;
            v.bytes = oid->to_string();
            return v;
        }
        case 64: {
            v.type = SnmpType::kIpAddress;
            if (encoding == 'x' || encoding == 'e') {
                if (bytes.size() != 4) return std::nullopt;
                v.bytes = std::to_string(static_cast<unsigned char>(bytes[0])) + "." +
                          std::to_string(static_cast<unsigned char>(bytes[1])) + "." +
                          std::to_string(static_cast<unsigned char>(bytes[2])) + "." +
                          std::to_string(static_cast<unsigned char>(bytes[3]));
                return v;
            }
            if (!is_dotted_quad(trim(bytes))) return std::nullopt;
            v.bytes = std::string(trim(bytes));
            return v;
        }
        default:
            return std::nullopt;
    }
}

}  // namespace

WalkFileResult parse_snmprec(std::string_view text) {
    WalkFileResult result;
    auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto line = lines[i];
        if (trim(line).empty() || trim(line).front() == '#') continue;
        auto bar1 = line.find('|');
        auto bar2 = bar1 == std::string_view::npos ? bar1 : line.find('|', bar1 + 1);
        if (bar2 == std::string_view::npos) {
            note_problem(result, i + 1, "not OID|TAG|VALUE");
            continue;
        }
        auto oid = Oid::parse(trim(line.substr(0, bar1)));
        if (!oid) {
            note_problem(result, i + 1, "malformed OID");
            continue;
        }
        auto tag_text = line.substr(bar1 + 1, bar2 - bar1 - 1);
        std::size_t digits = 0;
        while (digits < tag_text.size() && std::isdigit(static_cast<unsigned char>(tag_text[digits])))
            ++digits;
        auto suffix = tag_text.substr(digits);
        auto tag = parse_integer(tag_text.substr(0, digits));
        if (!tag || digits == 0 || suffix.size() > 1 ||
            (suffix.size() == 1 && suffix != "x" && suffix != "e")) {
            note_problem(result, i + 1, "unknown tag '" + std::string(tag_text) + "'");
            continue;
        }
        auto value = snmprec_value(static_cast<int>(*tag), suffix.empty() ? '\0' : suffix.front(),
                                   line.substr(bar2 + 1));
        if (!value) {
            note_problem(result, i + 1, "value not valid for tag " + std::string(tag_text));
            continue;
        }
        result.walk.insert_or_assign(std::move(*oid), std::move(*value));  // duplicates: last wins
    }
    return result;
}

namespace {

// The value part of a `snmpwalk -On` line ("STRING: \"x\"", "INTEGER: up(1)", ...). `more` holds
// continuation lines already joined with '\n'.
std::optional<SnmpValue> snmpwalk_value(std::string_view rhs) {
    SnmpValue v;
    rhs = trim(rhs);
    if (rhs == "\"\"") {
        v.type = SnmpType::kOctetString;
        return v;
    }
    if (rhs.starts_with("No Such Object")) return SnmpValue{SnmpType::kNoSuchObject, {}, 0};
    if (rhs.starts_with("No Such Instance")) return SnmpValue{SnmpType::kNoSuchInstance, {}, 0};
    if (rhs.starts_with("No more variables")) return SnmpValue{SnmpType::kEndOfMibView, {}, 0};
    if (rhs == "NULL") return SnmpValue{SnmpType::kNull, {}, 0};
    auto colon = rhs.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto type = rhs.substr(0, colon);
    auto body = trim(rhs.substr(colon + 1));
    if (type == "STRING" || type == "Opaque") {
        v.type = type == "STRING" ? SnmpType::kOctetString : SnmpType::kOpaque;
        if (body.size() >= 2 && body.front() == '"' && body.back() == '"') {
            body = body.substr(1, body.size() - 2);
            std::string out;  // snmpwalk escapes embedded quotes and backslashes
            for (std::size_t i = 0; i < body.size(); ++i) {
                if (body[i] == '\\' && i + 1 < body.size() && (body[i + 1] == '"' || body[i + 1] == '\\'))
                    ++i;
                out.push_back(body[i]);
            }
            v.bytes = std::move(out);
        } else {
            v.bytes = std::string(body);
        }
        return v;
    }
    if (type == "Hex-STRING" || type == "BITS" || type == "Network Address") {
        auto hex_part = body;
        if (type == "BITS")
            hex_part = hex_part.substr(0, hex_part.find_first_not_of("0123456789abcdefABCDEF "));
        auto decoded = decode_hex(trim(hex_part));
        if (!decoded) return std::nullopt;
        if (type == "Network Address") {
            if (decoded->size() != 4) return std::nullopt;
            v.type = SnmpType::kIpAddress;
            for (std::size_t i = 0; i < 4; ++i)
                v.bytes += (i ? "." : "") + std::to_string(static_cast<unsigned char>((*decoded)[i]));
            return v;
        }
        v.type = SnmpType::kOctetString;
        v.bytes = std::move(*decoded);
        return v;
    }
    if (type == "OID") {
        auto oid = Oid::parse(body);
        if (!oid) return std::nullopt;
        v.type = SnmpType::kOid;
        v.bytes = oid->to_string();
        return v;
    }
    if (type == "IpAddress") {
        if (!is_dotted_quad(body)) return std::nullopt;
        v.type = SnmpType::kIpAddress;
        v.bytes = std::string(body);
        return v;
    }
    SnmpType numeric;
    if (type == "INTEGER")
        numeric = SnmpType::kInteger;
    else if (type == "Counter32")
        numeric = SnmpType::kCounter32;
    else if (type == "Gauge32" || type == "Unsigned32")
        numeric = SnmpType::kGauge32;
    else if (type == "Counter64")
        numeric = SnmpType::kCounter64;
    else if (type == "Timeticks")
        numeric = SnmpType::kTimeTicks;
    else
        return std::nullopt;
    v.type = numeric;
    // "up(1)", "(123) 0:00:01.23", "42 octets": take the number in parentheses, else the first word.
    std::string_view number = body;
    if (auto open = body.find('('); open != std::string_view::npos) {
        auto close = body.find(')', open);
        if (close == std::string_view::npos) return std::nullopt;
        number = body.substr(open + 1, close - open - 1);
    } else if (auto space = body.find(' '); space != std::string_view::npos) {
        number = body.substr(0, space);
    }
    auto n = parse_integer(number);
    if (!n) return std::nullopt;
    v.number = *n;
    return v;
}

bool unclosed_quote(std::string_view rhs) {
    rhs = trim(rhs);
    auto colon = rhs.find(':');
    if (!rhs.starts_with("STRING:")) return false;
    auto body = trim(rhs.substr(colon + 1));
    if (body.empty() || body.front() != '"') return false;
    if (body.size() == 1) return true;
    // closed when the last quote is not escaped
    std::size_t backslashes = 0;
    for (std::size_t i = body.size() - 1; i > 0 && body[i - 1] == '\\'; --i) ++backslashes;
    return body.back() != '"' || backslashes % 2 == 1;
}

}  // namespace

WalkFileResult parse_snmpwalk_output(std::string_view text) {
    WalkFileResult result;
    auto lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto line = lines[i];
        if (trim(line).empty()) continue;
        auto eq = line.find(" = ");
        std::optional<Oid> oid;
        if (eq != std::string_view::npos) oid = Oid::parse(trim(line.substr(0, eq)));
        if (!oid) {
            note_problem(result, i + 1,
                         eq == std::string_view::npos ? "no ' = ' in line" : "OID is not numeric (use -On)");
            continue;
        }
        std::string rhs(line.substr(eq + 3));
        std::size_t first_line = i;
        // A quoted string may span lines; a Hex-STRING wraps onto lines of bare hex bytes.
        while (unclosed_quote(rhs) && i + 1 < lines.size()) rhs += "\n" + std::string(lines[++i]);
        if (trim(rhs).starts_with("Hex-STRING:")) {
            while (i + 1 < lines.size() && !trim(lines[i + 1]).empty() &&
                   lines[i + 1].find(" = ") == std::string_view::npos && decode_hex(trim(lines[i + 1])))
                rhs += " " + std::string(trim(lines[++i]));
        }
        auto value = snmpwalk_value(rhs);
        if (!value) {
            note_problem(result, first_line + 1,
                         "cannot parse value '" + std::string(trim(rhs).substr(0, 40)) + "'");
            continue;
        }
        result.walk.insert_or_assign(std::move(*oid), std::move(*value));
    }
    return result;
}

WalkFileResult read_walk_file(const std::filesystem::path& path) {
    // gzread reads plain files transparently, so one path covers .snmprec and .snmprec.gz.
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) throw std::runtime_error(path.string() + ": cannot open");
    std::string content;
    char buffer[65536];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(n));
    bool failed = n < 0;
    gzclose(file);
    if (failed) throw std::runtime_error(path.string() + ": cannot read (corrupt gzip?)");

    // snmprec lines look like `1.3.6...|4|...`; snmpwalk lines like `.1.3.6... = STRING: ...`.
    std::string_view view = content;
    std::string_view first;
    for (auto line : split_lines(view.substr(0, std::min<std::size_t>(view.size(), 65536)))) {
        if (!trim(line).empty() && trim(line).front() != '#') {
            first = line;
            break;
        }
    }
    bool walk_format = first.find(" = ") != std::string_view::npos &&
                       (first.find('|') == std::string_view::npos || first.find(" = ") < first.find('|'));
    auto result = walk_format ? parse_snmpwalk_output(view) : parse_snmprec(view);
    if (result.walk.empty()) {
        throw std::runtime_error(path.string() + ": no valid SNMP record" +
                                 (result.first_problem.empty() ? "" : " (" + result.first_problem + ")"));
    }
    return result;
}

}  // namespace nd
