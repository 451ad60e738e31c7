#include "agent/scan_plan.hpp"

#include <algorithm>

namespace nd {
namespace {

bool usable(const LocalInterface& i) {
    return i.up && !i.loopback && i.mac.has_value() && !i.addresses.empty();
}

ArpPlan& plan_for(ScanPlan& plan, const LocalInterface& iface, const InterfaceAddress& address) {
    auto it = std::find_if(plan.arp.begin(), plan.arp.end(),
                           [&](const ArpPlan& p) { return p.endpoint.interface == iface.name; });
    if (it != plan.arp.end()) return *it;
    ArpPlan p;
    p.endpoint.interface = iface.name;
    p.endpoint.mac = *iface.mac;
    p.endpoint.ip = address.address;
    for (const auto& a : iface.addresses) p.endpoint.subnets.push_back(a.subnet);
    plan.arp.push_back(std::move(p));
    return plan.arp.back();
}

void check_size(const Ipv4Network& target, const ScanOptions& options, const std::string& what) {
    if (options.force || target.prefix_length() >= options.max_prefix) return;
    throw ScanPlanError(ScanPlanError::Kind::kTarget, what + target.to_string() + " is larger than a /" +
                                                          std::to_string(options.max_prefix) + " (" +
                                                          std::to_string(target.size()) +
                                                          " addresses); narrow it or pass --force");
}

}  // namespace

ScanPlan plan_scan(const ScanOptions& options, const std::vector<LocalInterface>& all) {
    std::vector<LocalInterface> candidates;
    if (!options.interface.empty()) {
        const auto it =
            std::find_if(all.begin(), all.end(), [&](const auto& i) { return i.name == options.interface; });
        if (it == all.end()) {
            throw ScanPlanError(ScanPlanError::Kind::kInterface, "unknown interface " + options.interface);
        }
        if (!it->up)
            throw ScanPlanError(ScanPlanError::Kind::kInterface, "interface " + it->name + " is down");
        if (it->loopback || !it->mac) {
            throw ScanPlanError(ScanPlanError::Kind::kInterface,
                                "interface " + it->name + " is not Ethernet");
        }
        if (it->addresses.empty()) {
            throw ScanPlanError(ScanPlanError::Kind::kInterface,
                                "interface " + it->name + " has no IPv4 address");
        }
        candidates.push_back(*it);
    } else {
        std::copy_if(all.begin(), all.end(), std::back_inserter(candidates), usable);
    }

    ScanPlan plan;
    std::vector<Ipv4Network> targets = options.targets;
    if (targets.empty()) {
        for (const auto& iface : candidates) {
            for (const auto& a : iface.addresses) {
                check_size(a.subnet, options, iface.name + "'s subnet ");
                if (std::find(targets.begin(), targets.end(), a.subnet) == targets.end())
                    targets.push_back(a.subnet);
            }
        }
        if (targets.empty()) {
            throw ScanPlanError(
                ScanPlanError::Kind::kInterface,
                "no up Ethernet interface with an IPv4 address to take targets from; give --target");
        }
    }
    for (const auto& target : targets) {
        check_size(target, options, "");
        // A subnet that holds the whole target wins; else the on-link parts of a larger target.
        bool on_link = false;
        for (const auto& iface : candidates) {
            for (const auto& a : iface.addresses) {
                if (!on_link && a.subnet.contains(target)) {
                    plan_for(plan, iface, a).targets.push_back(target);
                    on_link = true;
                }
            }
        }
        for (const auto& iface : candidates) {
            for (const auto& a : iface.addresses) {
                if (on_link || !target.contains(a.subnet)) continue;
                plan_for(plan, iface, a).targets.push_back(a.subnet);
                plan.warnings.push_back(target.to_string() + ": only its on-link part " +
                                        a.subnet.to_string() + " (" + iface.name + ") is swept by ARP");
            }
        }
        const bool partial = std::any_of(candidates.begin(), candidates.end(), [&](const LocalInterface& i) {
            return std::any_of(i.addresses.begin(), i.addresses.end(),
                               [&](const InterfaceAddress& a) { return target.contains(a.subnet); });
        });
        if (!on_link && !partial) {
            plan.off_link.push_back(target);
            plan.warnings.push_back(
                target.to_string() +
                ": not on a local subnet; ARP can't reach it (routed ranges need the ICMP stage)");
        }
        plan.target_list.push_back(target.to_string());
    }
    for (const auto& p : plan.arp)
        plan.address_count += arp_sweep_addresses(p.targets, options.exclude, p.endpoint).size();
    if (plan.arp.empty()) {
        std::string list;
        for (const auto& t : targets) list += (list.empty() ? "" : ", ") + t.to_string();
        throw ScanPlanError(
            ScanPlanError::Kind::kTarget,
            "nothing to sweep: " + list + " is not on a subnet of " +
                (options.interface.empty() ? std::string("any up interface") : options.interface));
    }
    return plan;
}

std::vector<std::string> swept_targets(const ScanPlan& plan, const FollowupStages& stages) {
    if (stages.icmp) return plan.target_list;
    std::vector<std::string> out;
    for (const auto& text : plan.target_list) {
        const auto net = Ipv4Network::parse(text);
        const bool routed =
            net && std::find(plan.off_link.begin(), plan.off_link.end(), *net) != plan.off_link.end();
        if (!routed) out.push_back(text);
    }
    return out;
}

}  // namespace nd
