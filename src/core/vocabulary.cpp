#include "lmsstage/vocabulary.hpp"

#include "lmsstage/case.hpp"
#include "lmsstage/result.hpp"
#include "lmsstage/rules.hpp"
#include "lmsstage/survival.hpp"

namespace lmsstage {

std::string_view name(Basis value) noexcept {
    switch (value) {
        case Basis::clinical: return "clinical";
        case Basis::pathological: return "pathological";
        case Basis::post_therapy: return "post-therapy";
    }
    return "?";
}

std::string_view category_prefix(Basis basis, char axis) noexcept {
    if (axis == 'M') {
        return "c";
    }
    if (axis != 'T' && axis != 'N') {
        return {};
    }
    switch (basis) {
        case Basis::clinical: return "c";
        case Basis::pathological: return "p";
        case Basis::post_therapy: return "yp";
    }
    return {};
}

std::string prefixed_category(std::optional<Basis> basis, char axis, std::string_view category) {
    if (!basis || category.empty() || category == "MX") {
        return std::string(category);
    }
    std::string out(category_prefix(*basis, axis));
    out += category;
    return out;
}

std::string_view name(Site value) noexcept {
    switch (value) {
        case Site::soft_tissue: return "soft-tissue";
        case Site::extremity: return "extremity";
        case Site::trunk: return "trunk";
        case Site::retroperitoneum: return "retroperitoneum";
        case Site::head_neck: return "head-neck";
        case Site::visceral: return "visceral";
        case Site::uterus: return "uterus";
        case Site::gi: return "gi";
        case Site::head_neck_organ: return "head-neck-organ";
        case Site::mediastinum: return "mediastinum";
    }
    return "?";
}

std::string_view name(Histology value) noexcept {
    switch (value) {
        case Histology::lms: return "lms";
        case Histology::ess: return "ess";
        case Histology::adenosarcoma: return "adenosarcoma";
        case Histology::gist: return "gist";
        case Histology::carcinosarcoma: return "carcinosarcoma";
        case Histology::sarcoma: return "sarcoma";
        case Histology::excluded: return "excluded";
    }
    return "?";
}

std::string_view name(Depth value) noexcept {
    switch (value) {
        case Depth::superficial: return "superficial";
        case Depth::deep: return "deep";
    }
    return "?";
}

std::string_view name(Grade value) noexcept {
    switch (value) {
        case Grade::g1: return "1";
        case Grade::g2: return "2";
        case Grade::g3: return "3";
        case Grade::gx: return "X";
        case Grade::high: return "high";
        case Grade::unknown: return "unknown";
    }
    return "?";
}

std::string_view name(Finding value) noexcept {
    switch (value) {
        case Finding::absent: return "no";
        case Finding::present: return "yes";
        case Finding::unknown: return "unknown";
    }
    return "?";
}

std::string_view name(Extension value) noexcept {
    switch (value) {
        case Extension::confined: return "confined";
        case Extension::adjacent: return "adjacent";
        case Extension::adjacent_organ: return "adjacent-organ";
        case Extension::further: return "further";
        case Extension::unknown: return "unknown";
    }
    return "?";
}

std::string_view name(GiSite value) noexcept {
    switch (value) {
        case GiSite::stomach: return "stomach";
        case GiSite::omentum: return "omentum";
        case GiSite::small_intestine: return "small-intestine";
        case GiSite::esophagus: return "esophagus";
        case GiSite::colorectum: return "colorectum";
        case GiSite::mesentery: return "mesentery";
        case GiSite::peritoneum: return "peritoneum";
        case GiSite::duodenum: return "duodenum";
        case GiSite::jejunum_ileum: return "jejunum-ileum";
        case GiSite::rectum: return "rectum";
    }
    return "?";
}

std::string_view name(AdjoiningInvasion value) noexcept {
    switch (value) {
        case AdjoiningInvasion::none: return "none";
        case AdjoiningInvasion::t4a: return "t4a";
        case AdjoiningInvasion::t4b: return "t4b";
        case AdjoiningInvasion::unknown: return "unknown";
    }
    return "?";
}

std::string_view name(VisceralExtent value) noexcept {
    switch (value) {
        case VisceralExtent::confined: return "confined";
        case VisceralExtent::serosa: return "serosa";
        case VisceralExtent::beyond_serosa: return "beyond-serosa";
        case VisceralExtent::other_organ: return "other-organ";
        case VisceralExtent::unknown: return "unknown";
    }
    return "?";
}

std::string_view name(LengthUnit value) noexcept {
    switch (value) {
        case LengthUnit::cm: return "cm";
        case LengthUnit::mm: return "mm";
    }
    return "?";
}

std::string_view name(Stage value) noexcept {
    switch (value) {
        case Stage::I: return "I";
        case Stage::IA: return "IA";
        case Stage::IB: return "IB";
        case Stage::IC: return "IC";
        case Stage::II: return "II";
        case Stage::IIA: return "IIA";
        case Stage::IIB: return "IIB";
        case Stage::III: return "III";
        case Stage::IIIA: return "IIIA";
        case Stage::IIIB: return "IIIB";
        case Stage::IIIC: return "IIIC";
        case Stage::IV: return "IV";
        case Stage::IVA: return "IVA";
        case Stage::IVB: return "IVB";
    }
    return "?";
}

std::string_view name(SummaryStage value) noexcept {
    switch (value) {
        case SummaryStage::localized: return "localized";
        case SummaryStage::regional: return "regional";
        case SummaryStage::distant: return "distant";
    }
    return "?";
}

std::string_view name(T value) noexcept {
    switch (value) {
        case T::tx: return "TX";
        case T::t1: return "T1";
        case T::t1a: return "T1a";
        case T::t1b: return "T1b";
        case T::t1c: return "T1c";
        case T::t2: return "T2";
        case T::t2a: return "T2a";
        case T::t2b: return "T2b";
        case T::t3: return "T3";
        case T::t3a: return "T3a";
        case T::t3b: return "T3b";
        case T::t4: return "T4";
        case T::t4a: return "T4a";
        case T::t4b: return "T4b";
        case T::t4c: return "T4c";
    }
    return "?";
}

std::string_view name(N value) noexcept {
    switch (value) {
        case N::n0: return "N0";
        case N::n1: return "N1";
        case N::nx: return "NX";
    }
    return "?";
}

std::string_view name(M value) noexcept {
    switch (value) {
        case M::m0: return "M0";
        case M::m1: return "M1";
    }
    return "?";
}

std::string_view name(Rate value) noexcept {
    switch (value) {
        case Rate::low: return "low";
        case Rate::high: return "high";
    }
    return "?";
}

std::string_view name(G value) noexcept {
    switch (value) {
        case G::g1: return "G1";
        case G::g2: return "G2";
        case G::g3: return "G3";
        case G::gx: return "GX";
    }
    return "?";
}

}  // namespace lmsstage
