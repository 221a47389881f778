#pragma once
/// What a case's result could have been: the survival rows its unknown findings leave open, and
/// the case staged by the current AJCC edition when the asked one is the 7th. Both only restage
/// the case through `stage`; they hold no rule of their own.

#include <optional>
#include <string_view>
#include <vector>

#include "lmsstage/case.hpp"
#include "lmsstage/result.hpp"

namespace lmsstage {

/// The summary stages (survival rows) of every way the case's explicitly unknown findings could be
/// resolved (nodes, metastasis, extension, the uterine findings, abdominal sites, adjoining
/// invasion, visceral extent), in order. Empty for an invalid case. One member when the unknowns
/// cannot move the summary stage.
std::vector<SummaryStage> possible_summary_stages(const Case& input);

/// The case staged by the AJCC 8th edition (2017), the current edition for soft tissue sarcoma.
struct CurrentEdition {
    static constexpr std::string_view k_edition = "AJCC 8th edition (2017, current)";
    Result result;             ///< the case staged by the AJCC 8th edition at `sites`
    std::string_view sites;    ///< "trunk/extremity" when the case named no site, else the site named
    bool site_chosen = false;  ///< the case named its site (otherwise `sites` is an assumption)
};

/// For a case staged by the AJCC 7th edition, the same case by the AJCC 8th: at the site it names,
/// or, for soft tissue with no site named, at the trunk and extremities (one chapter of the 8th
/// edition). nullopt for any other system, or when the 8th edition cannot stage the case.
std::optional<CurrentEdition> current_edition(const Case& input);

}  // namespace lmsstage
