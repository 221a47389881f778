#pragma once
/// The words a case is described in: every enumerated input value and its one canonical spelling.
/// The spellings are those of the interface contract (`soft-tissue`, `head-neck`, ...); every door
/// (command line, JSON, help text) reads and writes them through these functions only.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace lmsstage {

/// Anatomic site of the primary tumour; chooses the staging system together with histology.
/// `head_neck_organ`: a sarcoma of an organ of the head and neck (larynx, salivary gland, cervical
/// oesophagus...), staged by the AJCC 8th edition head and neck chapter but outside the soft tissue
/// survival population.
enum class Site : std::uint8_t {
    soft_tissue,
    extremity,
    trunk,
    retroperitoneum,
    head_neck,
    visceral,
    uterus,
    gi,
    head_neck_organ,
    mediastinum,  ///< C38.1-C38.3, C38.8: AJCC 7 soft tissue chapter, AJCC 8 chapter 42 (thoracic visceral organs)
};
/// The family of a histologic type, as the staging rules tell them apart: leiomyosarcoma, endometrial
/// stromal sarcoma, adenosarcoma, GIST, every other sarcoma the soft tissue chapters stage, and the
/// types recognised only to be refused with their reason (carcinosarcoma, staged as endometrial
/// carcinoma; Kaposi sarcoma, dermatofibrosarcoma protuberans and the chapters' other exclusions).
/// The types themselves are the rows of the histology table (histology.hpp).
enum class Histology : std::uint8_t { lms, ess, adenosarcoma, gist, carcinosarcoma, sarcoma, excluded };
/// Depth relative to the superficial fascia (AJCC 7 soft tissue T subcategory a/b).
enum class Depth : std::uint8_t { superficial, deep };
/// FNCLCC histologic grade; `gx` = cannot be assessed (the AJCC tables group GX with G1); `high` =
/// stated as high grade only (G2 or G3); `unknown` = a grade that cannot be placed on FNCLCC (any
/// of G1 to G3: every stage they allow).
enum class Grade : std::uint8_t { g1, g2, g3, gx, high, unknown };
/// A yes/no clinical finding that may also be explicitly unknown (nodes).
enum class Finding : std::uint8_t { absent, present, unknown };
/// Local extent of the primary, used only for the SEER summary stage; `unknown` = explicitly unknown.
enum class Extension : std::uint8_t { confined, adjacent, adjacent_organ, further, unknown };
/// GIST primary site (AJCC gastric vs. intestinal tables). `duodenum` and `jejunum_ileum` are the two
/// parts of the small intestine, and `rectum` the part of the colorectum, that the risk-of-progression
/// table (AFIP) tells apart; AJCC stages them, like `small_intestine` and `colorectum`, by its
/// intestinal table.
enum class GiSite : std::uint8_t {
    stomach,
    omentum,
    small_intestine,
    esophagus,
    colorectum,
    mesentery,
    peritoneum,
    duodenum,
    jejunum_ileum,
    rectum,
};
/// AJCC 8 head & neck invasion of adjoining structures.
enum class AdjoiningInvasion : std::uint8_t { none, t4a, t4b, unknown };
/// AJCC 8 visceral sarcoma extent.
enum class VisceralExtent : std::uint8_t { confined, serosa, beyond_serosa, other_organ, unknown };
/// What the categories rest on (AJCC 8, chapter 1, Principles of Cancer Staging): clinical (c),
/// pathological (p, after surgery without treatment before it) or post-therapy (yp, pathological after
/// neoadjuvant treatment). Not stated: the categories carry no prefix.
enum class Basis : std::uint8_t { clinical, pathological, post_therapy };
/// Unit a length was entered in; sizes are compared in the unit they were given.
enum class LengthUnit : std::uint8_t { cm, mm };

/// Every input field of a case. `field_name` gives the canonical key (`abdominal_sites`);
/// the command line writes it with dashes (`--abdominal-sites`).
enum class Field : std::uint8_t {
    site,
    histology,
    size,
    depth,
    grade,
    nodes,
    metastasis,
    extension,
    adnexa,
    pelvic,
    bladder_rectum,
    abdominal_sites,
    myometrial_invasion,
    mitotic_rate,
    gi_site,
    edition,
    adjoining_invasion,
    visceral_extent,
    foci,
    cervix,
    peritoneal_cytology,
    rupture,
    basis,
    id,
};

/// The bit of a field in a field set.
constexpr std::uint32_t field_bit(Field field) noexcept { return std::uint32_t{1} << static_cast<unsigned>(field); }
/// A set of fields, as bits.
constexpr std::uint32_t field_mask(std::initializer_list<Field> fields) noexcept {
    std::uint32_t mask = 0;
    for (Field f : fields) {
        mask |= field_bit(f);
    }
    return mask;
}

/// Every field, in enum order (id is the last: a new field goes before it).
inline constexpr auto k_all_fields = [] {
    std::array<Field, static_cast<std::size_t>(Field::id) + 1> all{};
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = static_cast<Field>(i);
    }
    return all;
}();

inline constexpr std::array k_all_sites = {Site::soft_tissue,     Site::extremity,  Site::trunk,  Site::retroperitoneum,
                                           Site::head_neck,       Site::visceral,   Site::uterus, Site::gi,
                                           Site::head_neck_organ, Site::mediastinum};
inline constexpr std::array k_all_histologies = {
    Histology::lms,     Histology::ess,     Histology::adenosarcoma, Histology::gist, Histology::carcinosarcoma,
    Histology::sarcoma, Histology::excluded};
inline constexpr std::array k_all_depths = {Depth::superficial, Depth::deep};
inline constexpr std::array k_all_grades = {Grade::g1, Grade::g2, Grade::g3, Grade::gx, Grade::high, Grade::unknown};
inline constexpr std::array k_all_extensions = {Extension::confined, Extension::adjacent, Extension::adjacent_organ,
                                                Extension::further, Extension::unknown};
inline constexpr std::array k_all_gi_sites = {
    GiSite::stomach,   GiSite::omentum,    GiSite::small_intestine, GiSite::esophagus,     GiSite::colorectum,
    GiSite::mesentery, GiSite::peritoneum, GiSite::duodenum,        GiSite::jejunum_ileum, GiSite::rectum};
inline constexpr std::array k_all_adjoining_invasions = {AdjoiningInvasion::none, AdjoiningInvasion::t4a,
                                                         AdjoiningInvasion::t4b, AdjoiningInvasion::unknown};
inline constexpr std::array k_all_visceral_extents = {VisceralExtent::confined, VisceralExtent::serosa,
                                                      VisceralExtent::beyond_serosa, VisceralExtent::other_organ,
                                                      VisceralExtent::unknown};
inline constexpr std::array k_all_bases = {Basis::clinical, Basis::pathological, Basis::post_therapy};

/// Canonical spelling of each value, as accepted on input and written on output.
std::string_view name(Site value) noexcept;
std::string_view name(Histology value) noexcept;
std::string_view name(Depth value) noexcept;
std::string_view name(Grade value) noexcept;  ///< "1", "2", "3", "X"
std::string_view name(Finding value) noexcept;
std::string_view name(Extension value) noexcept;
std::string_view name(GiSite value) noexcept;
std::string_view name(AdjoiningInvasion value) noexcept;
std::string_view name(VisceralExtent value) noexcept;
std::string_view name(LengthUnit value) noexcept;
std::string_view name(Basis value) noexcept;  ///< "clinical", "pathological", "post-therapy"
/// The prefix of a category under a basis: "c", "p" or "yp" for T and N (`axis` 'T' or 'N'); "c" for
/// M under every basis, M0 and M1 alike (`axis` 'M': pM0 does not exist, and pM1 needs the metastasis
/// confirmed microscopically, which no field says). Empty for any other axis.
std::string_view category_prefix(Basis basis, char axis) noexcept;
/// A category as written under a basis ("pT2", "cM0"); as it is when the basis is not stated, and
/// for MX (lmsstage's word for M0 or M1, which is no AJCC category and takes no prefix).
std::string prefixed_category(std::optional<Basis> basis, char axis, std::string_view category);
/// Canonical key of a field, with underscores (`bladder_rectum`): the field table's key.
std::string_view field_name(Field value) noexcept;

/// Reads a canonical spelling back; nullopt when the text is not one of the accepted values.
template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(std::string_view text, const std::array<Enum, N>& values) noexcept {
    for (Enum value : values) {
        if (name(value) == text) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace lmsstage
