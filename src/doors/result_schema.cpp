#include "doors/result_schema.hpp"

#include <charconv>
#include <cstring>
#include <string>

#include "lmsstage/lmsstage.hpp"
#include "naaccr/naaccr.hpp"

namespace lmsstage::doors {

Value Value::integer(long long number) {
    Value v(Form::number, {});
    const auto [end, ec] = std::to_chars(v.m_own.data(), v.m_own.data() + v.m_own.size(), number);
    v.m_own_size = ec == std::errc() ? static_cast<std::uint8_t>(end - v.m_own.data()) : 0;
    return v;
}

Value Value::own(Form form, std::string_view text) {
    Value v(form, {});
    const std::size_t size = text.size() < v.m_own.size() ? text.size() : v.m_own.size();
    std::memcpy(v.m_own.data(), text.data(), size);
    v.m_own_size = static_cast<std::uint8_t>(size);
    return v;
}

namespace {

using namespace std::string_view_literals;

// The values, one function each; `v.result` is set for every one that reads it (see the writers).
const Result& res(const RecordView& v) { return *v.result; }

Value word_or_null(const std::optional<Stage>& stage) { return stage ? Value::word(name(*stage)) : Value(); }
Value word_or_null(const std::optional<SummaryStage>& stage) { return stage ? Value::word(name(*stage)) : Value(); }

/// The one risk category a set holds, or null when the unknowns leave several (the report lists them).
Value single_category(RiskSet set) {
    std::string_view single;
    for (const RiskCategory c : k_all_risk_categories) {
        if (set.contains(c) && set.size() == 1) {
            single = name(c);
        }
    }
    return Value::word(single);
}

/// The AFIP percentage of patients with progressive disease, when every possible cell gives the same.
Value afip_percent(const GistRisk& risk) {
    std::string_view percent;
    for (const AfipCell* cell : risk.afip_possible()) {
        if (cell->percent.empty() || (!percent.empty() && percent != cell->percent)) {
            return {};
        }
        percent = cell->percent;
    }
    return percent.empty() ? Value() : Value(Form::number, percent);
}

/// The AFIP source, when the possible cells share one.
Value afip_source(const GistRisk& risk) {
    std::string_view source;
    for (const AfipCell* cell : risk.afip_possible()) {
        if (!source.empty() && source != cell->source) {
            return {};
        }
        source = cell->source;
    }
    return Value::text_or_null(source);
}

/// A category as written under the record's basis ("pT2"; "T2" when the basis is not stated).
template <char Axis>
Value prefixed(const RecordView& v) {
    const Categories& c = res(v).categories;
    const std::string_view category = Axis == 'T' ? c.t : Axis == 'N' ? c.n : c.m;
    if (!res(v).basis) {
        return {Form::word, category};  // as it is (a vocabulary name): no text built
    }
    return Value::own(Form::word, prefixed_category(res(v).basis, Axis, category));
}

Value place_number(long long n, long long least) { return n >= least ? Value::integer(n) : Value(); }

const SurvivalRow* matched_row(const Result& r) {
    if (r.survival == nullptr || !r.summary_stage) {
        return nullptr;
    }
    for (const SurvivalRow& row : r.survival->rows) {
        if (row.summary_stage == *r.summary_stage) {
            return &row;
        }
    }
    return nullptr;
}

/// A survival table member: null when the result has no table.
template <std::string_view SurvivalTable::*Text>
Value table_text(const RecordView& v) {
    const SurvivalTable* t = res(v).survival;
    return t == nullptr ? Value() : Value(Form::text, t->*Text);
}

Value histology_code(const RecordView& v) {
    const HistologyType& h = res(v).histology;
    const unsigned code = h.code();
    const std::array<char, 6> text = {static_cast<char>('0' + code / 1000),
                                      static_cast<char>('0' + code / 100 % 10),
                                      static_cast<char>('0' + code / 10 % 10),
                                      static_cast<char>('0' + code % 10),
                                      '/',
                                      static_cast<char>('0' + h.behaviour())};
    return Value::own(Form::word, std::string_view(text.data(), text.size()));
}

const std::string& version_text() {
    static const std::string text = "lmsstage " + std::string(version());
    return text;
}

template <std::size_t I>
Value naaccr_code(const RecordView& v) {
    return I < v.naaccr.size() ? Value::text_or_null(v.naaccr[I].code) : Value();
}

constexpr Needs k_none = Needs::nothing;
constexpr std::string_view k_naaccr_help = "a NAACCR output item (docs/naaccr.md)";

// clang-format off
constexpr Member k_members[] = {
    {"id", JsonType::any, "id", "the record's id, as given", {}, k_none, Depends::record,
     [](const RecordView& v) { return Value::id(v.id_json, v.id_text); }},
    {"ok", JsonType::boolean, "ok", "true for a staged record, false for an error", {}, k_none, Depends::fixed,
     [](const RecordView& v) { return Value::boolean(v.result != nullptr); }},
    {{}, JsonType::string, "file", "the input file", {}, k_none, Depends::record,
     [](const RecordView& v) { return v.place.file.empty() ? Value() : Value(Form::bytes, v.place.file); }},
    {{}, JsonType::number, "line", "the line where the record starts", {}, k_none, Depends::record,
     [](const RecordView& v) { return place_number(v.place.line, 1); }},
    {{}, JsonType::number, "row", "its CSV or TSV row, the header being row 1", {}, k_none, Depends::record,
     [](const RecordView& v) { return place_number(v.place.row, 1); }},
    {{}, JsonType::number, "index", "its 0-based index in a JSON array", {}, k_none, Depends::record,
     [](const RecordView& v) { return place_number(v.place.index, 0); }},
    {"system.id", JsonType::string, "system.id", "the staging system's id", {}, k_none, Depends::category,
     [](const RecordView& v) { return Value::word(res(v).system.id); }},
    {"system.name", JsonType::string, "system.name", "its name", {}, k_none, Depends::category,
     [](const RecordView& v) { return Value(Form::text, res(v).system.name); }},
    {"histology.code", JsonType::string, "histology.code", "the ICD-O-3 code staged (8850/3)", {}, k_none,
     Depends::category, histology_code},
    {"histology.name", JsonType::string, "histology.name", "its name in the histology table", {}, k_none,
     Depends::category, [](const RecordView& v) { return Value::text_or_null(res(v).histology.row().name); }},
    {"categories.T", JsonType::string, "categories.T", {}, {}, k_none, Depends::category,
     [](const RecordView& v) { return Value::word(res(v).categories.t); }},
    {"categories.N", JsonType::string, "categories.N", {}, {}, k_none, Depends::category,
     [](const RecordView& v) { return Value::word(res(v).categories.n); }},
    {"categories.M", JsonType::string, "categories.M", {}, {}, k_none, Depends::category,
     [](const RecordView& v) { return Value::word(res(v).categories.m); }},
    {"categories.G", JsonType::string, "categories.G", {}, {}, k_none, Depends::category,
     [](const RecordView& v) { return Value::word(res(v).categories.g); }},
    {"categories.mitotic_rate", JsonType::string, "categories.mitotic_rate", "GIST only", {}, k_none,
     Depends::category, [](const RecordView& v) { return Value::word(res(v).categories.rate); }},
    {"basis", JsonType::string, "basis", "clinical, pathological or post-therapy; null when not stated", {}, k_none,
     Depends::category, [](const RecordView& v) {
         return res(v).basis ? Value::word(name(*res(v).basis)) : Value();
     }},
    {"tnm.T", JsonType::string, "tnm.T", "categories.T with the basis's prefix (pT2; T2 when not stated)", {},
     k_none, Depends::category, prefixed<'T'>},
    {"tnm.N", JsonType::string, "tnm.N", "with its prefix (pN0)", {}, k_none, Depends::category, prefixed<'N'>},
    {"tnm.M", JsonType::string, "tnm.M", "with its prefix: cM0 or cM1 under every basis", {}, k_none,
     Depends::category, prefixed<'M'>},
    {"stage", JsonType::string, "stage", {}, {}, k_none, Depends::outcome,
     [](const RecordView& v) { return word_or_null(res(v).stage); }},
    {"possible_stages", JsonType::array, "possible_stages", {}, {}, k_none, Depends::outcome,
     [](const RecordView& v) { return Value::stages(res(v).possible_stages); }},
    {"summary_stage", JsonType::string, "summary_stage", {}, {}, k_none, Depends::outcome,
     [](const RecordView& v) { return word_or_null(res(v).summary_stage); }},
    {"survival.table", JsonType::string, "survival.table", {}, {}, k_none, Depends::table,
     [](const RecordView& v) {
         const SurvivalTable* t = res(v).survival;
         return t == nullptr ? Value() : Value::word(t->id);
     }},
    {"survival.title", JsonType::string, "survival.title", {}, {}, k_none, Depends::table,
     table_text<&SurvivalTable::title>},
    {"survival.measure", JsonType::string, "survival.measure", {}, {}, k_none, Depends::table,
     table_text<&SurvivalTable::measure>},
    {"survival.source", JsonType::string, "survival.source", {}, {}, k_none, Depends::table,
     table_text<&SurvivalTable::source>},
    {"survival.cohort", JsonType::string, "survival.cohort", {}, {}, k_none, Depends::table,
     [](const RecordView& v) {
         const SurvivalTable* t = res(v).survival;
         return t == nullptr ? Value() : Value::text_or_null(t->cohort);
     }},
    {"survival.taken", JsonType::string, "survival.taken", {}, {}, k_none, Depends::table,
     table_text<&SurvivalTable::taken>},
    {"survival.cited_in", JsonType::string, "survival.cited_in", {}, {}, k_none, Depends::table,
     table_text<&SurvivalTable::cited_in>},
    {"survival.population", JsonType::string, "survival.population", {}, {}, k_none, Depends::table,
     table_text<&SurvivalTable::population>},
    {"survival.rows", JsonType::array, "survival.rows", {}, {}, k_none, Depends::table,
     [](const RecordView& v) {
         const SurvivalTable* t = res(v).survival;
         return t == nullptr ? Value() : Value::rows(t->rows);
     }},
    {"survival.matched", JsonType::string, "survival.matched", "the summary stage of the row used", {}, k_none,
     Depends::outcome, [](const RecordView& v) {
         return res(v).survival == nullptr ? Value() : word_or_null(res(v).summary_stage);
     }},
    {{}, JsonType::number, "survival.percent", "the matched row's", {}, k_none, Depends::outcome,
     [](const RecordView& v) {
         const SurvivalRow* row = matched_row(res(v));
         return row == nullptr ? Value() : Value(Form::number, row->percent_text);
     }},
    {"survival.note", JsonType::string, "survival.note", {}, {}, k_none, Depends::table,
     [](const RecordView& v) {
         return res(v).survival == nullptr ? Value() : Value(Form::text, survival_caveat());
     }},
    {"assumptions", JsonType::array, "assumptions", {}, {}, Needs::texts, Depends::result,
     [](const RecordView& v) { return Value::texts(std::span(res(v).assumptions.begin(), res(v).assumptions.size())); }},
    {"warnings", JsonType::array, "warnings", {}, {}, Needs::texts, Depends::result,
     [](const RecordView& v) { return Value::texts(std::span(res(v).warnings.begin(), res(v).warnings.size())); }},
    {"notes", JsonType::array, "notes", {}, {}, Needs::notes, Depends::result,
     [](const RecordView& v) { return Value::texts(std::span(res(v).notes.begin(), res(v).notes.size())); }},
    {"trace", JsonType::array, "trace", {}, {}, Needs::trace, Depends::result,
     [](const RecordView& v) { return Value::trace(std::span(res(v).trace.begin(), res(v).trace.size())); }},
    {"gist_risk.afip_category", JsonType::string, "gist_risk.afip_category",
     "AFIP (Miettinen and Lasota 2006) risk of progression; null when the unknowns leave several", {}, k_none,
     Depends::result, [](const RecordView& v) { return single_category(res(v).gist_risk.afip); }},
    {"gist_risk.afip_percent", JsonType::number, "gist_risk.afip_percent",
     "% of the AFIP series with progressive disease", {}, k_none, Depends::result,
     [](const RecordView& v) { return afip_percent(res(v).gist_risk); }},
    {"gist_risk.afip_source", JsonType::string, "gist_risk.afip_source", "where the AFIP cell comes from", {},
     k_none, Depends::result, [](const RecordView& v) { return afip_source(res(v).gist_risk); }},
    {"gist_risk.nih_category", JsonType::string, "gist_risk.nih_category",
     "modified NIH (Joensuu 2008) risk; rupture makes it high", {}, k_none, Depends::result,
     [](const RecordView& v) { return single_category(res(v).gist_risk.nih); }},
    {"gist_risk.nih_source", JsonType::string, "gist_risk.nih_source", "where the NIH criteria come from", {},
     k_none, Depends::result, [](const RecordView&) { return Value(Form::text, k_nih_source); }},
    {"gist_risk.note", JsonType::string, "gist_risk.note", "population figures, not a prediction", {}, k_none,
     Depends::result, [](const RecordView&) { return Value(Form::text, gist_risk_caveat()); }},
    {"naaccr.summaryStage2018", JsonType::string, "summaryStage2018", k_naaccr_help, "summaryStage2018",
     Needs::naaccr, Depends::record, naaccr_code<0>},
    {"naaccr.tnmEditionNumber", JsonType::string, "tnmEditionNumber", k_naaccr_help, "tnmEditionNumber",
     Needs::naaccr, Depends::record, naaccr_code<1>},
    {"naaccr.derivedAjcc7T", JsonType::string, "derivedAjcc7T", k_naaccr_help, "derivedAjcc7T",
     Needs::naaccr, Depends::record, naaccr_code<2>},
    {"naaccr.derivedAjcc7N", JsonType::string, "derivedAjcc7N", k_naaccr_help, "derivedAjcc7N",
     Needs::naaccr, Depends::record, naaccr_code<3>},
    {"naaccr.derivedAjcc7M", JsonType::string, "derivedAjcc7M", k_naaccr_help, "derivedAjcc7M",
     Needs::naaccr, Depends::record, naaccr_code<4>},
    {"naaccr.derivedAjcc7StageGrp", JsonType::string, "derivedAjcc7StageGrp", k_naaccr_help,
     "derivedAjcc7StageGrp", Needs::naaccr, Depends::record, naaccr_code<5>},
    {"naaccr.derivedEod2018T", JsonType::string, "derivedEod2018T", k_naaccr_help, "derivedEod2018T",
     Needs::naaccr, Depends::record, naaccr_code<6>},
    {"naaccr.derivedEod2018N", JsonType::string, "derivedEod2018N", k_naaccr_help, "derivedEod2018N",
     Needs::naaccr, Depends::record, naaccr_code<7>},
    {"naaccr.derivedEod2018M", JsonType::string, "derivedEod2018M", k_naaccr_help, "derivedEod2018M",
     Needs::naaccr, Depends::record, naaccr_code<8>},
    {"naaccr.derivedEod2018StageGroup", JsonType::string, "derivedEod2018StageGroup", k_naaccr_help,
     "derivedEod2018StageGroup", Needs::naaccr, Depends::record, naaccr_code<9>},
    {"version", JsonType::string, "version", "lmsstage and its version", {}, k_none, Depends::fixed,
     [](const RecordView&) { return Value(Form::text, version_text()); }},
    {{}, JsonType::string, "error.field", "the field or item at fault (errors)", {}, k_none, Depends::fixed,
     [](const RecordView& v) { return Value::text_or_null(v.error_field); }},
    {{}, JsonType::string, "error.message", "why (errors)", {}, k_none, Depends::fixed,
     [](const RecordView& v) {
         return v.error_message.empty() ? Value() : Value(Form::bytes, v.error_message);
     }},
};
// clang-format on

constexpr MemberGroup k_groups[] = {
    {"system", false, [](const RecordView&) { return true; }},
    {"histology", false, [](const RecordView&) { return true; }},
    {"categories", false, [](const RecordView&) { return true; }},
    {"tnm", false, [](const RecordView&) { return true; }},
    {"survival", false, [](const RecordView& v) { return v.result != nullptr && v.result->survival != nullptr; }},
    {"gist_risk", false, [](const RecordView& v) { return v.result != nullptr && v.result->gist_risk.assessed; }},
    {"naaccr", true, [](const RecordView& v) { return !v.naaccr.empty(); }},
};

bool same_name(std::string_view given, std::string_view dotted) {
    if (given.size() != dotted.size()) {
        return false;
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (given[i] != dotted[i] && !(given[i] == '_' && dotted[i] == '.')) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::span<const Member> result_members() noexcept { return k_members; }

std::span<const MemberGroup> member_groups() noexcept { return k_groups; }

const MemberGroup* member_group(const Member& member) noexcept {
    const std::string_view group = group_of(member.json.empty() ? member.column : member.json);
    for (const MemberGroup& g : k_groups) {
        if (!group.empty() && g.name == group) {
            return &g;
        }
    }
    return nullptr;
}

const Member* find_member_column(std::string_view name) noexcept {
    for (const Member& m : k_members) {
        if (!m.column.empty() && same_name(name, m.column)) {
            return &m;
        }
    }
    return nullptr;
}

std::string_view group_of(std::string_view path) noexcept {
    const std::size_t dot = path.find('.');
    return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

std::string_view leaf_of(std::string_view path) noexcept {
    const std::size_t dot = path.find('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace lmsstage::doors
