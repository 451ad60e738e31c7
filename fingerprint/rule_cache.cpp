#include "fingerprint/rule_cache.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace nd::fp {
namespace {

// Bump when the layout below changes. The size check makes a new Rule, Conditions or OidSource field fail the
// build here until it is written and read too.
constexpr std::uint32_t kFormat = 7;  // 7: when.descr_maker, descr_after_maker
constexpr std::string_view kMagic = "netdossier-rules\n";
static_assert(sizeof(Rule) == 960 && sizeof(Conditions) == 552 && sizeof(OidSource) == 128,
              "a rule field was added or changed: write it in rule_cache.cpp and bump kFormat");
constexpr std::uintmax_t kMaxCacheBytes = 256U << 20;

// libstdc++'s string hash (Murmur-based, 8 bytes a step): the key hashes ~1 MB of rule text and the checksum
// ~2 MB of cache on every load, which a byte-at-a-time hash made a few milliseconds. A different library
// version may hash differently: the cache is then stale and rebuilt, never misread.
std::uint64_t digest(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

class Writer {
public:
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i32(std::int32_t v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void oid(const Oid& o) {
        u32(static_cast<std::uint32_t>(o.size()));
        for (auto arc : o.arcs()) u32(arc);
    }
    void regex(const Regex& re) {
        u32(re ? 1 : 0);
        if (re) str(re.pattern());
    }
    template <class T, class F>
    void list(const std::vector<T>& items, F&& each) {
        u32(static_cast<std::uint32_t>(items.size()));
        for (const auto& item : items) each(item);
    }
    void source(const OidSource& s) {
        oid(s.oid);
        str(s.entity_field);
        regex(s.regex);
        u32(s.as_mac ? 1 : 0);
        u32(s.maker_scalar ? 1 : 0);
        u32(s.not_in_sys_descr ? 1 : 0);
        u32(s.single_rows ? 1 : 0);
        regex(s.unless);
        str(s.text);
    }
    std::string& bytes() { return out_; }

private:
    void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
    std::string out_;
};

// Every read is bounds-checked: a damaged file sets failed() and yields empty values, never reads past
// the end or allocates more than the file could hold.
class Reader {
public:
    explicit Reader(std::string_view data) : data_(data) {}
    bool failed() const { return failed_; }
    bool at_end() const { return at_ == data_.size(); }

    std::uint32_t u32() { return fixed<std::uint32_t>(); }
    std::uint64_t u64() { return fixed<std::uint64_t>(); }
    std::string_view rest() const { return data_.substr(at_); }
    std::int32_t i32() { return fixed<std::int32_t>(); }
    double f64() { return fixed<double>(); }
    std::string str() {
        const auto n = u32();
        if (!fits(n)) return {};
        std::string s(data_.substr(at_, n));
        at_ += n;
        return s;
    }
    Oid oid() {
        const auto n = count(4);
        std::vector<std::uint32_t> arcs;
        arcs.reserve(n);
        for (std::size_t i = 0; i < n; ++i) arcs.push_back(u32());
        return Oid(std::move(arcs));
    }
    Regex regex() {
        if (u32() == 0) return {};
        auto pattern = str();
        auto [it, fresh] = regexes_.try_emplace(pattern);
        if (fresh) it->second = Regex(pattern, options_);
        return it->second;
    }
    // A list length, checked against what is left (each item takes at least `min_bytes`).
    std::size_t count(std::size_t min_bytes) {
        const auto n = u32();
        return fits(std::size_t{n} * min_bytes) ? n : 0;
    }
    template <class T, class F>
    void list(std::vector<T>& items, std::size_t min_bytes, F&& each) {
        const auto n = count(min_bytes);
        items.reserve(n);
        for (std::size_t i = 0; i < n && !failed_; ++i) items.push_back(each());
    }
    OidSource source() {
        OidSource s;
        s.oid = oid();
        s.entity_field = str();
        s.regex = regex();
        s.as_mac = u32() != 0;
        s.maker_scalar = u32() != 0;
        s.not_in_sys_descr = u32() != 0;
        s.single_rows = u32() != 0;
        s.unless = regex();
        s.text = str();
        return s;
    }
    std::unordered_map<std::string, Regex>& regexes() { return regexes_; }

private:
    bool fits(std::size_t n) {
        if (!failed_ && n <= data_.size() - at_) return true;
        failed_ = true;
        return false;
    }
    template <class T>
    T fixed() {
        T v{};
        if (!fits(sizeof v)) return v;
        std::memcpy(&v, data_.data() + at_, sizeof v);
        at_ += sizeof v;
        return v;
    }
    std::string_view data_;
    std::size_t at_ = 0;
    bool failed_ = false;
    re2::RE2::Options options_ = rule_regex_options();
    std::unordered_map<std::string, Regex> regexes_;
};

// The rules vector is ~4 MB written once: backed by 2 MB pages where the kernel allows it (THP "madvise"
// mode), it takes a few page faults instead of ~1,000, which on a virtual machine are most of a load.
// Only whole 2 MB blocks inside the vector's own memory are advised.
void advise_huge_pages(const void* data, std::size_t bytes) {
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const auto begin = (start + kHuge - 1) & ~(kHuge - 1);
    const auto end = (start + bytes) & ~(kHuge - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

void write_conditions(Writer& w, const Conditions& c) {
    w.list(c.sys_object_id, [&](const Oid& o) { w.oid(o); });
    w.list(c.enterprise, [&](std::uint32_t n) { w.u32(n); });
    w.list(c.enterprise_not, [&](std::uint32_t n) { w.u32(n); });
    w.list(c.mib_enterprise, [&](std::uint32_t n) { w.u32(n); });
    for (const Regex* re : {&c.sys_descr, &c.sys_descr_not, &c.product_name, &c.registrant, &c.descr_maker,
                            &c.descr_after_maker})
        w.regex(*re);
    w.list(c.oid_present, [&](const Oid& o) { w.oid(o); });
    w.list(c.oid_any, [&](const Oid& o) { w.oid(o); });
    w.list(c.oid_value, [&](const ValueCondition& v) {
        w.source(v.source);
        w.regex(v.regex);
    });
    for (const Regex* re :
         {&c.oui, &c.hostname, &c.cdp_platform, &c.lldp_sys_descr, &c.banner, &c.dhcp_vendor_class})
        w.regex(*re);
    w.list(c.mdns_service, [&](const std::string& s) { w.str(s); });
    w.list(c.mdns_txt, [&](const std::pair<std::string, Regex>& kv) {
        w.str(kv.first);
        w.regex(kv.second);
    });
    w.u32(c.lldp_capabilities);
    w.list(c.lldp_med_class, [&](int n) { w.i32(n); });
    w.list(c.open_port, [&](std::uint16_t p) { w.u32(p); });
    w.str(c.dhcp_params);
    w.u32(c.ttl ? 1 : 0);
    w.i32(c.ttl ? c.ttl->first : 0);
    w.i32(c.ttl ? c.ttl->second : 0);
    w.i32(c.min_ethernet_ports);
    w.u32(c.interfaces ? 1 : 0);
    if (c.interfaces) {
        w.list(c.interfaces->types, [&](std::uint16_t t) { w.u32(t); });
        w.i32(c.interfaces->at_least);
    }
}

void read_conditions(Reader& r, Conditions& c) {
    r.list(c.sys_object_id, 4, [&] { return r.oid(); });
    r.list(c.enterprise, 4, [&] { return r.u32(); });
    r.list(c.enterprise_not, 4, [&] { return r.u32(); });
    r.list(c.mib_enterprise, 4, [&] { return r.u32(); });
    for (Regex* re : {&c.sys_descr, &c.sys_descr_not, &c.product_name, &c.registrant, &c.descr_maker,
                      &c.descr_after_maker})
        *re = r.regex();
    r.list(c.oid_present, 4, [&] { return r.oid(); });
    r.list(c.oid_any, 4, [&] { return r.oid(); });
    r.list(c.oid_value, 24, [&] {
        ValueCondition v;
        v.source = r.source();
        v.regex = r.regex();
        return v;
    });
    for (Regex* re :
         {&c.oui, &c.hostname, &c.cdp_platform, &c.lldp_sys_descr, &c.banner, &c.dhcp_vendor_class})
        *re = r.regex();
    r.list(c.mdns_service, 4, [&] { return r.str(); });
    r.list(c.mdns_txt, 8, [&] {
        auto key = r.str();
        return std::pair<std::string, Regex>(std::move(key), r.regex());
    });
    c.lldp_capabilities = static_cast<std::uint16_t>(r.u32());
    r.list(c.lldp_med_class, 4, [&] { return r.i32(); });
    r.list(c.open_port, 4, [&] { return static_cast<std::uint16_t>(r.u32()); });
    c.dhcp_params = r.str();
    const bool has_ttl = r.u32() != 0;
    const int low = r.i32();
    const int high = r.i32();
    if (has_ttl) c.ttl = std::pair<int, int>(low, high);
    c.min_ethernet_ports = r.i32();
    if (r.u32() != 0) {
        InterfaceCondition interfaces;
        r.list(interfaces.types, 4, [&] { return static_cast<std::uint16_t>(r.u32()); });
        interfaces.at_least = r.i32();
        c.interfaces = std::move(interfaces);
    }
}

void write_rule(Writer& w, const Rule& rule) {
    w.str(rule.id);
    w.str(rule.why);
    w.str(rule.file);
    w.i32(rule.line);
    w.f64(rule.weight);
    w.f64(rule.class_weight);
    write_conditions(w, rule.when);
    w.i32(rule.device_class ? static_cast<std::int32_t>(*rule.device_class) : -1);
    for (const auto& t : rule.templates) w.str(t);
    for (const auto& sources : rule.from_oid) w.list(sources, [&](const OidSource& s) { w.source(s); });
}

Rule read_rule(Reader& r) {
    Rule rule;
    rule.id = r.str();
    rule.why = r.str();
    rule.file = r.str();
    rule.line = r.i32();
    rule.weight = r.f64();
    rule.class_weight = r.f64();
    read_conditions(r, rule.when);
    const auto device_class = r.i32();
    if (device_class >= 0 && device_class <= static_cast<std::int32_t>(DeviceClass::kOther))
        rule.device_class = static_cast<DeviceClass>(device_class);
    for (auto& t : rule.templates) t = r.str();
    for (auto& sources : rule.from_oid) r.list(sources, 24, [&] { return r.source(); });
    return rule;
}

}  // namespace

std::string rule_cache_key(const std::vector<RuleFile>& files) {
    std::ostringstream key;
    key << "format " << kFormat << ", " << files.size() << " files";
    for (const auto& f : files) {
        key << "\n" << f.path << " " << f.text.size() << " " << std::hex << digest(f.text) << std::dec;
    }
    return key.str();
}

namespace {

// The cache file mapped read-only: its pages come from the page cache as they are read, with none of the
// copying and fresh-page faults of reading 2 MB into a buffer.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& file) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0 &&
            static_cast<std::uintmax_t>(st.st_size) <= kMaxCacheBytes) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_WILLNEED);
                data_ = std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(st.st_size));
            }
        }
        ::close(fd);
    }
    ~MappedFile() {
        if (!data_.empty()) ::munmap(const_cast<char*>(data_.data()), data_.size());
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view data() const { return data_; }

private:
    std::string_view data_;
};

}  // namespace

std::optional<RuleSet> read_rule_cache(const std::filesystem::path& file, const std::string& key) {
    const MappedFile mapped(file);
    const std::string_view data = mapped.data();
    if (!data.starts_with(kMagic)) return std::nullopt;
    Reader header(data.substr(kMagic.size()));
    if (header.u32() != kFormat || header.str() != key) return std::nullopt;
    const auto checksum = header.u64();
    if (header.failed() || digest(header.rest()) != checksum) return std::nullopt;  // damaged

    Reader r(header.rest());
    RuleSet set;
    const auto rule_count = r.count(64);
    set.rules.reserve(rule_count);
    advise_huge_pages(set.rules.data(), rule_count * sizeof(Rule));
    for (std::size_t i = 0; i < rule_count && !r.failed(); ++i) set.rules.push_back(read_rule(r));
    for (auto n = r.count(8); n > 0 && !r.failed(); --n) {
        auto alias = r.str();
        set.vendor_aliases[std::move(alias)] = r.str();
    }
    r.list(set.files, 4, [&] { return r.str(); });
    for (auto n = r.count(20); n > 0 && !r.failed(); --n) {
        auto oid = r.str();
        ProductName product;
        product.name = r.str();
        product.source = r.str();
        product.weight = r.f64();
        set.products[std::move(oid)] = std::move(product);
    }
    if (r.failed() || !r.at_end()) return std::nullopt;
    for (const auto& rule : set.rules) set.rule_ids.insert(rule.id);
    set.regexes_by_pattern = std::move(r.regexes());
    return set;
}

bool write_rule_cache(const std::filesystem::path& file, const std::string& key, const RuleSet& set) {
    Writer w;
    w.list(set.rules, [&](const Rule& rule) { write_rule(w, rule); });
    w.u32(static_cast<std::uint32_t>(set.vendor_aliases.size()));
    for (const auto& [alias, name] : set.vendor_aliases) {
        w.str(alias);
        w.str(name);
    }
    w.list(set.files, [&](const std::string& f) { w.str(f); });
    w.u32(static_cast<std::uint32_t>(set.products.size()));
    for (const auto& [oid, product] : set.products) {
        w.str(oid);
        w.str(product.name);
        w.str(product.source);
        w.f64(product.weight);
    }

    Writer header;
    header.bytes().append(kMagic);
    header.u32(kFormat);
    header.str(key);
    header.u64(digest(w.bytes()));

    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    auto temporary = file;
    temporary += ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        for (auto* part : {&header.bytes(), &w.bytes()})
            out.write(part->data(), static_cast<std::streamsize>(part->size()));
        if (!out.flush()) {
            std::filesystem::remove(temporary, ec);
            return false;
        }
    }
    std::filesystem::rename(temporary, file, ec);
    if (!ec) return true;
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return false;
}

std::filesystem::path rule_cache_file(const std::filesystem::path& cache_dir,
                                      const std::vector<std::filesystem::path>& rule_dirs) {
    std::string folders;
    for (const auto& dir : rule_dirs) {
        std::error_code ec;
        const auto absolute = std::filesystem::absolute(dir, ec);
        auto folder = (ec ? dir : absolute).lexically_normal();
        if (!folder.has_filename() && folder != folder.root_path())
            folder = folder.parent_path();  // "a/." is "a"
        folders += folder.string() + '\n';
    }
    char name[40];
    std::snprintf(name, sizeof name, "rules-%016llx.cache", static_cast<unsigned long long>(digest(folders)));
    return cache_dir / name;
}

void prune_rule_caches(const std::filesystem::path& cache_dir, std::size_t keep,
                       const std::filesystem::path& in_use) {
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> caches;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(cache_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name == "rules.cache") {  // the single cache of earlier versions
            std::error_code remove_ec;
            std::filesystem::remove(it->path(), remove_ec);
            continue;
        }
        if (!name.starts_with("rules-") || !name.ends_with(".cache") || it->path() == in_use) continue;
        std::error_code time_ec;
        const auto used = it->last_write_time(time_ec);
        if (!time_ec) caches.emplace_back(used, it->path());
    }
    const std::size_t others = keep > 0 ? keep - 1 : 0;  // besides the one in use
    if (caches.size() <= others) return;
    std::sort(caches.begin(), caches.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = others; i < caches.size(); ++i) std::filesystem::remove(caches[i].second, ec);
}

void mark_rule_cache_used(const std::filesystem::path& file) {
    ::utimensat(AT_FDCWD, file.c_str(), nullptr, 0);  // best effort: a read-only cache folder stays as it is
}

std::filesystem::path default_rule_cache_dir() {
    if (const char* dir = std::getenv("NETDOSSIER_CACHE_DIR")) return dir;
    if (const char* dir = std::getenv("CACHE_DIRECTORY"); dir != nullptr && *dir != '\0') {
        std::string_view first(dir);  // systemd lists several directories with ':'
        return std::filesystem::path(first.substr(0, first.find(':')));
    }
    if (const char* dir = std::getenv("XDG_CACHE_HOME"); dir != nullptr && *dir != '\0')
        return std::filesystem::path(dir) / "netdossier";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::filesystem::path(home) / ".cache" / "netdossier";
    return {};
}

}  // namespace nd::fp
