#pragma once
// The maker a sysDescr starts with ("Sun StorEdge 3511", "Juniper Networks, Inc. ex4200 ..."): the names and
// aliases the rules give makers. A name is found by its words, legal forms aside ("Juniper Networks, Inc." is
// Juniper Networks); by its short key (vendor_key: "juniper") only when that key drops no word of the name
// (else "Printer Systems" would name every "Printer ..." banner), or when the alias table lists it.
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
    // name nobody, and neither do banners that open with a word the keys drop ("The", "Network").
    Found first_in(std::string_view text) const;
    // `name` when the text's first words are it (legal forms aside), or are its first word when that word is
    // distinctive (five letters or more): for a maker no table knows, named by the IANA registrant of the
    // sysObjectID's enterprise ("Araknis Networks AN-310-SW-F-24-POE ..." under Araknis's number).
    static Found opens_with(std::string_view text, const std::string& name);

private:
    void add(std::map<std::string, std::string, std::less<>>& to, std::string key, const std::string& name);
    std::map<std::string, std::string, std::less<>> by_key_;    // vendor_key -> the maker's one name
    std::map<std::string, std::string, std::less<>> by_words_;  // words, legal forms aside -> the name
};

}  // namespace nd::fp
