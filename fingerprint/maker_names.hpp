#pragma once
// The maker a sysDescr starts with ("Sun StorEdge 3511", "C&D Technologies SageNET ..."): the names and
// aliases the rules give makers, looked up by vendor_key so that "Juniper Networks, Inc." finds Juniper.
#include <map>
#include <string>
#include <string_view>

#include "fingerprint/rule_set.hpp"

namespace nd::fp {

class MakerNames {
public:
    MakerNames() = default;
    // The alias table ([[vendor]] names and aliases) and the names of the enterprise table ([[enterprise]]).
    explicit MakerNames(const RuleSet& set);
    struct Found {
        std::string name;     // the maker's one name; "" when none
        std::size_t end = 0;  // where its words end in the text
    };
    // The known maker whose name the text's first words (up to four; spaces, commas and semicolons part
    // them) are, the longest such name. Common words some makers are called ("Gateway", "Next", "Option")
    // name nobody.
    Found first_in(std::string_view text) const;
    std::size_t size() const { return names_.size(); }

private:
    std::map<std::string, std::string, std::less<>> names_;  // vendor_key -> the maker's one name
};

}  // namespace nd::fp
