// Stages a 6 cm grade 3 soft tissue leiomyosarcoma (lmsstage --size 6 --grade 3) through the
// installed library: AJCC 7th edition stage III.
#include <lmsstage/lmsstage.hpp>

#include <cstdio>
#include <variant>

int main() {
    lmsstage::Case input;
    input.size = lmsstage::Measured<lmsstage::Length>::of(lmsstage::Length{6.0, lmsstage::LengthUnit::cm, true});
    input.grade = lmsstage::Grade::g3;
    const lmsstage::Outcome outcome = lmsstage::stage(input);
    const auto* result = std::get_if<lmsstage::Result>(&outcome);
    if (result == nullptr) {
        std::fprintf(stderr, "not staged: %s\n", std::get<lmsstage::CaseError>(outcome).message().c_str());
        return 1;
    }
    if (result->system.id != "ajcc7-sts" || result->stage != lmsstage::Stage::III) {
        std::fprintf(stderr, "expected ajcc7-sts stage III, got %.*s\n", static_cast<int>(result->system.id.size()),
                     result->system.id.data());
        return 1;
    }
    std::printf("lmsstage %.*s: %.*s stage III\n", static_cast<int>(lmsstage::version().size()),
                lmsstage::version().data(), static_cast<int>(result->system.id.size()), result->system.id.data());
    return 0;
}
