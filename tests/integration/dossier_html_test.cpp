// The HTML dossier of the small site as a person sees it: scan the lab, export HTML, render it in
// headless Chromium (Debian's package) and check the rendered page: every section, the device count of
// each section against the ground truth, the topology diagram with the switch and the router, and a
// screenshot that is more than a blank page.
//
// Chromium phones home (updates, safe browsing, ...): it runs only inside a fresh network namespace that
// has nothing but a down loopback (`unshare --net`), with background networking disabled, on a file:// URL.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "exporters/device_view.hpp"
#include "model/device_class.hpp"
#include "tests/integration/lab_fixture.hpp"

namespace nd::lab {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> chromium_path() {
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
        if (fs::exists(p)) return std::string(p);
    }
    return std::nullopt;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// Body rows of the table `<table ... data-table="id">` in the rendered DOM (0 when the table is absent:
// an empty group renders "None found." instead).
std::size_t rows_of(const std::string& dom, const std::string& id) {
    const auto at = dom.find("data-table=\"" + id + "\"");
    if (at == std::string::npos) return 0;
    const auto body = dom.find("<tbody>", at);
    const auto end = dom.find("</tbody>", at);
    if (body == std::string::npos || end == std::string::npos) return 0;
    return count(dom.substr(body, end - body), "<tr>");
}

class DossierHtml : public SmallLabTest {
protected:
    void SetUp() override {
        SmallLabTest::SetUp();
        if (IsSkipped()) return;
        chromium_ = chromium_path();
        if (!chromium_) GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it)";
        dir_ = fs::temp_directory_path() / (lab().prefix() + "-dossier-html");
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty() && !HasFailure()) fs::remove_all(dir_);
    }

    // Chromium in a network namespace of its own (loopback only, not even up).
    CommandResult chromium(const std::string& args) const {
        const std::string profile = (dir_ / "profile").string();
        return run_command({"unshare", "--net", "--", "sh", "-c",
                            *chromium_ +
                                " --headless --no-sandbox --disable-gpu --no-first-run"
                                " --disable-background-networking --disable-component-update"
                                " --disable-sync --disable-default-apps --disable-extensions"
                                " --disable-breakpad --no-default-browser-check --hide-scrollbars"
                                " --user-data-dir=" +
                                profile + " " + args + " 2>/dev/null"},
                           45s);
    }

    std::optional<std::string> chromium_;
    fs::path dir_;
};

TEST_F(DossierHtml, RendersSectionsCountsAndTopologyInChromium) {
    const auto& t = lab().truth();
    const auto db = dir_ / "netdossier.db";
    const auto config = dir_ / "netdossier.toml";
    {
        std::ofstream c(config);
        c << "[site]\nname = \"Lab site (Zürich)\"\n[scan]\ntargets = [";
        for (std::size_t i = 0; i < t.subnets.size(); ++i)
            c << (i ? ", " : "") << "\"" << t.subnets[i].cidr << "\"";
        c << "]\n[store]\npath = \"" << db.string() << "\"\n[snmp]\n";
        for (const char* community : {"public", "s3cret-ro"}) {
            c << "[[snmp.credentials]]\nname = \"" << community << "\"\nversion = \"v2c\"\ncommunity = \""
              << community << "\"\n";
        }
    }
    fs::permissions(config, fs::perms::owner_read | fs::perms::owner_write);
    const auto scan =
        lab().run_in_scanner(std::string(NETDOSSIER_BINARY) + " -q scan --config " + config.string(), 180s);
    ASSERT_TRUE(scan.ok()) << scan.err << scan.out;
    const auto out = dir_ / "out";
    const auto exported = run_command(
        {NETDOSSIER_BINARY, "export", "--config", config.string(), "--format", "html", "--out", out.string()},
        30s);
    ASSERT_TRUE(exported.ok()) << exported.err;
    const auto html = out / "dossier.html";
    ASSERT_TRUE(fs::exists(html));

    const auto dump = chromium("--dump-dom file://" + html.string());
    ASSERT_TRUE(dump.ok()) << "chromium --dump-dom failed: " << dump.exit_code << dump.err;
    const std::string& dom = dump.out;
    ASSERT_NE(dom.find("Lab site (Zürich)"), std::string::npos) << dom.substr(0, 2000);
    for (const char* id : {"network", "printing", "user-equipment", "changes"}) {
        EXPECT_NE(dom.find(std::string("<section class=\"part\" id=\"") + id + "\""), std::string::npos)
            << id;
    }

    // Every ground-truth device (the scanner aside) in its section's device tables.
    std::map<DossierSection, std::size_t> expected;
    for (const auto& d : t.devices) {
        const auto cls = device_class_from_string(d.device_class);
        ASSERT_TRUE(cls) << d.name << ": " << d.device_class;
        ++expected[section_of(*cls)];
    }
    const std::map<DossierSection, std::vector<std::string>> tables{
        {DossierSection::kNetwork, {"network-equipment", "servers", "ups", "unclassified"}},
        {DossierSection::kPrinting, {"printers"}},
        {DossierSection::kUserEquipment, {"workstations", "phones", "av", "cameras", "other"}},
    };
    for (const auto& [section, ids] : tables) {
        std::size_t seen = 0;
        std::string detail;
        for (const auto& id : ids) {
            seen += rows_of(dom, id);
            detail += " " + id + "=" + std::to_string(rows_of(dom, id));
        }
        EXPECT_EQ(seen, expected[section]) << to_string(section) << ":" << detail;
    }
    EXPECT_EQ(rows_of(dom, "unclassified"), 0U) << "every lab device should be classified";

    // The diagram: inline SVG with the switch and the router, named as the dossier names them.
    const auto svg = dom.find("<svg");
    ASSERT_NE(svg, std::string::npos) << "no topology diagram";
    const std::string diagram = dom.substr(svg, dom.find("</svg>", svg) - svg);
    EXPECT_NE(diagram.find("data-kind=\"switch\""), std::string::npos);
    EXPECT_NE(diagram.find("data-kind=\"router\""), std::string::npos);
    EXPECT_GE(count(diagram, "<path"), 1U) << "no link drawn";

    // On a phone (360 CSS px; headless windows are at least 500 wide, so the dossier sits in a 360 px
    // iframe of a wrapper page): no sideways scrolling, tables become one card per device with the
    // column names beside the values, text stays readable.
    {
        std::string escaped;
        for (char c : read_file(html)) {
            if (c == '&') {
                escaped += "&amp;";
            } else if (c == '"') {
                escaped += "&quot;";
            } else {
                escaped += c;
            }
        }
        const auto wrapper = dir_ / "phone.html";
        std::ofstream(wrapper)
            << "<!doctype html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">"
               "<iframe id=\"phone\" style=\"border:0;width:360px;height:740px\" srcdoc=\""
            << escaped
            << "\"></iframe><script>document.getElementById('phone').addEventListener('load',function(){"
               "var w=this.contentWindow,d=this.contentDocument,tr=d.querySelector('tbody tr'),"
               "th=d.querySelector('thead'),wide=[];"
               "d.querySelectorAll('body *').forEach(function(e){var r=e.getBoundingClientRect();"
               "if(r.width>0&&r.right>w.innerWidth+1)wide.push(e.tagName.toLowerCase());});"
               "var p=document.createElement('pre');p.id='phone-check';"
               "p.textContent='viewport='+w.innerWidth+' scroll='+d.documentElement.scrollWidth+' row='+"
               "(tr?w.getComputedStyle(tr).display:'-')+' thead='+(th?w.getComputedStyle(th).position:'-')+"
               "' font='+parseFloat(w.getComputedStyle(d.body).fontSize)+' wide='+wide.slice(0,8).join(',')+"
               "' end';document.body.appendChild(p);});</script></body></html>";
        const auto phone = chromium("--window-size=500,900 --virtual-time-budget=5000 --dump-dom file://" +
                                    wrapper.string());
        ASSERT_TRUE(phone.ok()) << "chromium --dump-dom (phone) failed: " << phone.exit_code << phone.err;
        const auto at = phone.out.find("<pre id=\"phone-check\">");
        ASSERT_NE(at, std::string::npos) << "the phone probe did not run";
        std::istringstream fields(phone.out.substr(at + 22, phone.out.find("</pre>", at) - at - 22));
        std::map<std::string, std::string> m;
        for (std::string field; fields >> field;) {
            const auto eq = field.find('=');
            if (eq != std::string::npos) m[field.substr(0, eq)] = field.substr(eq + 1);
        }
        EXPECT_EQ(m["viewport"], "360");
        EXPECT_EQ(m["scroll"], "360") << "the page scrolls sideways on a phone";
        EXPECT_EQ(m["row"], "block") << "table rows should become cards";
        EXPECT_EQ(m["thead"], "absolute") << "the column header row should give way to per-cell labels";
        EXPECT_GE(std::atof(m["font"].c_str()), 14.0);
        EXPECT_EQ(m["wide"], "") << "elements wider than the phone";
    }

    const auto png = dir_ / "dossier.png";
    const auto shot =
        chromium("--window-size=1280,2400 --screenshot=" + png.string() + " file://" + html.string());
    ASSERT_TRUE(shot.ok()) << "chromium --screenshot failed: " << shot.exit_code << shot.err;
    const std::string image = read_file(png);
    ASSERT_GT(image.size(), 24U);
    EXPECT_EQ(image.substr(1, 3), "PNG");
    const auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(image[at]) << 24U) |
               (static_cast<unsigned char>(image[at + 1]) << 16U) |
               (static_cast<unsigned char>(image[at + 2]) << 8U) | static_cast<unsigned char>(image[at + 3]);
    };
    EXPECT_EQ(be32(16), 1280U);  // IHDR width
    EXPECT_EQ(be32(20), 2400U);  // IHDR height
    // A blank page of that size compresses to a few kilobytes; tables, text and a diagram do not.
    EXPECT_GT(image.size(), 60000U) << "screenshot looks blank";
    if (const char* keep = std::getenv("NETDOSSIER_KEEP_SCREENSHOT"))
        fs::copy_file(png, keep, fs::copy_options::overwrite_existing);
}

}  // namespace
}  // namespace nd::lab
