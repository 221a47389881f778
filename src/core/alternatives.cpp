// The rows a case's unknown findings leave open, and the case by the current AJCC edition: both
// restage the case through `stage`, so that they can never disagree with it.
#include "lmsstage/alternatives.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <variant>

#include "lmsstage/lmsstage.hpp"

namespace lmsstage {
namespace {

/// Calls `each` with every case the explicitly unknown findings of `input` resolve to.
void each_resolution(const Case& input, const std::function<void(const Case&)>& each) {
    using Setter = std::function<bool(Case&, std::size_t)>;
    std::vector<Setter> open;
    auto finding = [&](std::optional<Finding> Case::*member) {
        if ((input.*member) == Finding::unknown) {
            open.emplace_back([member](Case& c, std::size_t i) {
                constexpr std::array values = {Finding::absent, Finding::present};
                if (i >= values.size()) {
                    return false;
                }
                c.*member = values[i];
                return true;
            });
        }
    };
    for (auto member : {&Case::nodes, &Case::metastasis, &Case::adnexa, &Case::pelvic, &Case::bladder_rectum,
                        &Case::cervix, &Case::peritoneal_cytology}) {
        finding(member);
    }
    if (input.extension == Extension::unknown) {
        open.emplace_back([](Case& c, std::size_t i) {
            constexpr std::array values = {Extension::confined, Extension::adjacent, Extension::adjacent_organ,
                                           Extension::further};
            if (i >= values.size()) {
                return false;
            }
            c.extension = values[i];
            return true;
        });
    }
    if (input.abdominal_sites && !input.abdominal_sites->value) {
        open.emplace_back([](Case& c, std::size_t i) {
            if (i > 2) {
                return false;
            }
            c.abdominal_sites = Measured<long long>::of(static_cast<long long>(i));
            return true;
        });
    }
    if (input.adjoining_invasion == AdjoiningInvasion::unknown) {
        open.emplace_back([](Case& c, std::size_t i) {
            if (i + 1 >= k_all_adjoining_invasions.size()) {
                return false;  // the last value is "unknown"
            }
            c.adjoining_invasion = k_all_adjoining_invasions[i];
            return true;
        });
    }
    if (input.visceral_extent == VisceralExtent::unknown) {
        open.emplace_back([](Case& c, std::size_t i) {
            if (i + 1 >= k_all_visceral_extents.size()) {
                return false;  // the last value is "unknown"
            }
            c.visceral_extent = k_all_visceral_extents[i];
            return true;
        });
    }
    std::function<void(const Case&, std::size_t)> walk = [&](const Case& c, std::size_t at) {
        if (at == open.size()) {
            each(c);
            return;
        }
        Case next = c;
        for (std::size_t i = 0; open[at](next, i); ++i) {
            walk(next, at + 1);
        }
    };
    walk(input, 0);
}

}  // namespace

std::vector<SummaryStage> possible_summary_stages(const Case& input) {
    std::vector<SummaryStage> out;
    Result result;
    each_resolution(input, [&](const Case& c) {
        if (!stage(c, result, StageOptions{false, false}) && result.summary_stage &&
            std::find(out.begin(), out.end(), *result.summary_stage) == out.end()) {
            out.push_back(*result.summary_stage);
        }
    });
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<CurrentEdition> current_edition(const Case& input) {
    const auto route_taken = route(input);
    const auto* taken = std::get_if<Route>(&route_taken);
    if (taken == nullptr || taken->system_id != "ajcc7-sts") {
        return std::nullopt;
    }
    const Site site = input.site.value_or(Site::soft_tissue);
    Case current = input;
    current.edition = 8;
    CurrentEdition out;
    out.site_chosen = site != Site::soft_tissue;
    switch (site) {
        case Site::soft_tissue:
            current.site = Site::extremity;
            out.sites = "trunk/extremity";
            break;
        case Site::extremity: out.sites = "extremity"; break;
        case Site::trunk: out.sites = "trunk"; break;
        case Site::retroperitoneum: out.sites = "retroperitoneum"; break;
        case Site::head_neck: out.sites = "head and neck"; break;
        case Site::visceral:
        case Site::uterus:
        case Site::gi:
        case Site::head_neck_organ: return std::nullopt;
    }
    Outcome outcome = stage(current);
    if (auto* result = std::get_if<Result>(&outcome)) {
        out.result = std::move(*result);
        return out;
    }
    return std::nullopt;
}

}  // namespace lmsstage
