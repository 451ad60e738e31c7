#include "fingerprint/model_tail.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace nd::fp {
namespace {

std::string trimmed(const std::string& model) {
    std::vector<std::string> words;
    std::istringstream in(model);
    for (std::string w; in >> w;) words.push_back(w);
    drop_model_tail(words);
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

TEST(ModelTailTest, ReleasesAndSerialsAfterTheModelGo) {
    EXPECT_EQ(trimmed("Powerpack7 Master Controller SW 2.20"), "Powerpack7");
    EXPECT_EQ(trimmed("QX-9100 Access Controller FW 1.302"), "QX-9100");
    EXPECT_EQ(trimmed("ZZ9-CPU77 Unit Ver.2.1"), "ZZ9-CPU77");
    EXPECT_EQ(trimmed("T900 GPS NTP Server v2.3"), "T900");
    EXPECT_EQ(trimmed("Widget AI 4.5.0.17"), "Widget AI 4.5.0.17");  // no model code before the release
    EXPECT_EQ(trimmed("Tesla 8 4.5.0.17"), "Tesla 8");
    EXPECT_EQ(trimmed("ADAM-9999 Firmware A2.14"), "ADAM-9999");
    EXPECT_EQ(trimmed("Web Sensor P9999 SN 17960315"), "Web Sensor P9999");
    EXPECT_EQ(trimmed("FCN-900 R4.20.01"), "FCN-900");
}

TEST(ModelTailTest, ModelCodesWithDotsOrDashesStay) {
    EXPECT_EQ(trimmed("PCD3.M5540"), "PCD3.M5540");
    EXPECT_EQ(trimmed("T3048-LY8"), "T3048-LY8");
    EXPECT_EQ(trimmed("Rio3224-D2"), "Rio3224-D2");
    EXPECT_EQ(trimmed("V5824G"), "V5824G");
    EXPECT_EQ(trimmed("GS1900-24 2"), "GS1900-24 2");
}

TEST(ModelTailTest, WhatTheDeviceIsGoesAfterTheCode) {
    EXPECT_EQ(trimmed("MM-999 Managed Switch"), "MM-999");
    EXPECT_EQ(trimmed("VR-9999 ADSL/VDSL2 Router"), "VR-9999");
    EXPECT_EQ(trimmed("FD9999GS EPON OLT"), "FD9999GS");
    EXPECT_EQ(trimmed("3999 L2 Switch"), "3999");
    EXPECT_EQ(trimmed("CTR 9999 Microwave Router,"), "CTR 9999");
    EXPECT_EQ(trimmed("ZX-5 Point-to-Point"), "ZX-5");
    EXPECT_EQ(trimmed("DVW-9900N Wireless AP"), "DVW-9900N");
    EXPECT_EQ(trimmed("GPO 999 Firewall"), "GPO 999");
    // Without a model code, the words are all there is.
    EXPECT_EQ(trimmed("Managed Switch"), "Managed Switch");
    EXPECT_EQ(trimmed("ADSL2+/VDSL2 Router"), "ADSL2+/VDSL2 Router");
    // A kind word inside the name stays: only a closing phrase goes.
    EXPECT_EQ(trimmed("Switch 2999 Plus"), "Switch 2999 Plus");
}

TEST(ModelTailTest, SoftwareAndResolutionGo) {
    EXPECT_EQ(trimmed("AF99 NimbleOS"), "AF99");
    EXPECT_EQ(trimmed("ZZ99T ADM"), "ZZ99T");
    EXPECT_EQ(trimmed("NF9999M6 BMC"), "NF9999M6");
    EXPECT_EQ(trimmed("PM99c 203dpi Fingerprint"), "PM99c");
    EXPECT_EQ(trimmed("CL9NX 305dpi"), "CL9NX");
    EXPECT_EQ(trimmed("NimbleOS"), "NimbleOS");
    EXPECT_EQ(trimmed("iOS"), "iOS");
}

}  // namespace
}  // namespace nd::fp
