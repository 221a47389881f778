// The rows a case's unknown findings leave open, and the case by the current AJCC edition: both
// restage the case through `stage`, so that they can never disagree with it.
#include "lmsstage/alternatives.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <span>
#include <variant>

#include "lmsstage/lmsstage.hpp"

namespace lmsstage {
namespace {

using Setter = std::function<bool(Case&, std::size_t)>;

constexpr std::array k_absent_present = {Finding::absent, Finding::present};
constexpr std::array k_known_extensions = {Extension::confined, Extension::adjacent, Extension::adjacent_organ,
                                           Extension::further};

/// Leaves `member` open over `values`: the setter gives it the i-th value, false past the last.
template <typename M, typename V>
void open_over(std::vector<Setter>& open, M Case::*member, std::span<const V> values) {
    open.emplace_back([member, values](Case& c, std::size_t i) {
        if (i >= values.size()) {
            return false;
        }
        c.*member = values[i];
        return true;
    });
}

static_assert(k_all_adjoining_invasions.back() == AdjoiningInvasion::unknown);
static_assert(k_all_visceral_extents.back() == VisceralExtent::unknown);

/// The values of a choice but its last, "unknown".
template <typename V, std::size_t K>
std::span<const V> known_values(const std::array<V, K>& all) {
    return std::span<const V>(all).first(K - 1);
}

/// Calls `each` with every case the explicitly unknown findings of `input` resolve to.
void each_resolution(const Case& input, const std::function<void(const Case&)>& each) {
    std::vector<Setter> open;
    for (auto member : {&Case::nodes, &Case::metastasis, &Case::adnexa, &Case::pelvic, &Case::bladder_rectum,
                        &Case::cervix, &Case::peritoneal_cytology}) {
        if ((input.*member) == Finding::unknown) {
            open_over(open, member, std::span<const Finding>(k_absent_present));
        }
    }
    if (input.extension == Extension::unknown) {
        open_over(open, &Case::extension, std::span<const Extension>(k_known_extensions));
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
        open_over(open, &Case::adjoining_invasion, known_values(k_all_adjoining_invasions));
    }
    if (input.visceral_extent == VisceralExtent::unknown) {
        open_over(open, &Case::visceral_extent, known_values(k_all_visceral_extents));
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
        if (!stage(c, result, StageOptions{.trace = false, .texts = false, .notes = false}) && result.summary_stage &&
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
        case Site::mediastinum:
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
