#pragma once
/// The validated-later input of one staging: plain values, every finding optional so that the
/// result can say which ones were assumed and which given fields a system did not use.

#include <cstdint>
#include <optional>

#include "lmsstage/histology.hpp"
#include "lmsstage/vocabulary.hpp"

namespace lmsstage {

/// A length exactly as entered: compared against rule boundaries in its own unit, never rounded.
struct Length {
    double value = 0.0;  ///< the double nearest to the decimal entered
    LengthUnit unit = LengthUnit::cm;
    /// Sign of (the decimal entered - `value`): -1, 0 or +1. A decimal such as 5.0000000000000001
    /// has no exact double (its nearest is 5.0); this says on which side of `value` it lies, so
    /// that comparisons with the boundaries stay exact.
    std::int8_t residue = 0;
    /// false: a bare number, taken in `unit`: cm, or mm where the caller says so for a whole run
    /// (batch --size-unit mm); a plausibility warning may apply.
    bool unit_stated = false;

    /// The length in centimetres (for display; rule comparisons use `exceeds_cm`).
    [[nodiscard]] double in_cm() const noexcept { return unit == LengthUnit::mm ? value / 10.0 : value; }
    /// True when the length as entered is strictly greater than `boundary_cm` (every boundary
    /// belongs to the lower band). Exact for boundaries that are doubles, as every rule's are.
    [[nodiscard]] bool exceeds_cm(double boundary_cm) const noexcept {
        const double boundary = unit == LengthUnit::mm ? boundary_cm * 10.0 : boundary_cm;
        return value > boundary || (value >= boundary && residue > 0);
    }
    friend bool operator==(const Length&, const Length&) = default;
};

/// A measured value that may be explicitly unknown (`size unknown`, `mitotic_rate unknown`).
template <typename T>
struct Measured {
    std::optional<T> value;  ///< nullopt = explicitly unknown

    Measured() = default;
    /// A known value (implicit: `c.abdominal_sites = 2`).
    Measured(T v) noexcept : value(v) {}  // NOLINT(google-explicit-constructor)
    static Measured unknown() noexcept { return Measured{}; }
    static Measured of(T v) noexcept { return Measured{v}; }
    [[nodiscard]] bool known() const noexcept { return value.has_value(); }
    friend bool operator==(const Measured&, const Measured&) = default;
};

/// Mitotic rate per 50 high-power fields (5 mm^2).
using MitoticRate = double;

/// The `edition` that selects UICC TNM 9th edition (2025), written `uicc9`: a bare 9 is refused
/// (there is no AJCC 9th edition of these chapters), so the number only ever stands for UICC.
inline constexpr int k_uicc9 = 9;

/// One case as described by the clinician or the registry record. An empty optional means the
/// field was not given; the staging function applies the documented default and says so.
struct Case {
    std::optional<Site> site;                             ///< default soft_tissue
    std::optional<HistologyType> histology;               ///< default lms (8890/3)
    std::optional<Measured<Length>> size;                 ///< greatest dimension
    std::optional<Depth> depth;                           ///< AJCC 7 soft tissue only
    std::optional<Grade> grade;                           ///< FNCLCC; required for soft tissue systems
    std::optional<Finding> nodes;                         ///< regional nodes; omitted = N0, stated as an assumption
    std::optional<Finding> metastasis;                    ///< distant metastasis; omitted = M0, stated as an assumption
    std::optional<Extension> extension;                   ///< for the summary stage; omitted = confined, stated
    std::optional<Finding> adnexa;                        ///< uterus: FIGO IIA
    std::optional<Finding> pelvic;                        ///< uterus: FIGO IIB
    std::optional<Finding> bladder_rectum;                ///< uterus: FIGO IVA
    std::optional<Measured<long long>> abdominal_sites;   ///< uterus: FIGO IIIA (1) / IIIB (>= 2)
    std::optional<Measured<double>> myometrial_invasion;  ///< adenosarcoma: percent 0-100
    std::optional<Measured<MitoticRate>> mitotic_rate;    ///< GIST
    std::optional<GiSite> gi_site;                        ///< GIST
    std::optional<int> edition;                           ///< AJCC edition 7 (default) or 8, or k_uicc9
    std::optional<AdjoiningInvasion> adjoining_invasion;  ///< AJCC 8 head & neck
    std::optional<VisceralExtent> visceral_extent;        ///< AJCC 8 visceral
    std::optional<long long> foci;                        ///< AJCC 8 visceral
    std::optional<Finding> cervix;               ///< uterus: endocervical stromal involvement (summary stage only)
    std::optional<Finding> peritoneal_cytology;  ///< uterus: positive peritoneal cytology (summary stage only)
    std::optional<Finding> rupture;              ///< GIST: tumour rupture (modified NIH risk); omitted = no, stated
    std::optional<Basis> basis;                  ///< clinical, pathological or post-therapy; omitted = not stated

    /// The fields given, as a bit set of field_bit(field) (the `id` field lives outside the case).
    [[nodiscard]] std::uint32_t given_fields() const noexcept;
    /// The histologic type staged: the one given, else leiomyosarcoma 8890/3 (looked up once).
    [[nodiscard]] HistologyType histology_or_lms() const noexcept {
        static const HistologyType k_lms(Histology::lms);
        return histology ? *histology : k_lms;
    }
    /// True when the field was given.
    [[nodiscard]] bool has(Field field) const noexcept;
    friend bool operator==(const Case&, const Case&) = default;
};

}  // namespace lmsstage
