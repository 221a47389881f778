// `lmsstage [CASE FIELD...]`: one case from the command line (parsed by cli/options.cpp), staged
// and reported; a case the core refuses is one line on stderr naming the option (64).
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pager.hpp"
#include "doors/render_json.hpp"
#include "doors/render_text.hpp"
#include "doors/safe_text.hpp"
#include "lmsstage/fields.hpp"
#include "lmsstage/lmsstage.hpp"

namespace lmsstage::cli {

using namespace lmsstage::doors;
namespace {

bool colour_on(ColorMode mode, const Environment& env) {
    switch (mode) {
        case ColorMode::always: return true;
        case ColorMode::never: return false;
        case ColorMode::automatic: break;
    }
    return env.stdout_is_terminal && !env.no_color && !env.term_dumb;
}

}  // namespace

int run_case(const CaseLine& a, const Streams& io, const Environment& env) {
    if (a.version) {
        return write_output(io.out, io.err, version_text());
    }
    const Outcome outcome = stage(a.input);
    if (const auto* bad = std::get_if<CaseError>(&outcome)) {
        io.err << "lmsstage: " << printable(std::string(field_info(bad->field).option) + " " + bad->problem) << '\n';
        return exit_code::usage;
    }
    const Result& result = std::get<Result>(outcome);
    std::string text;
    if (a.json) {
        append_result_json(text, result, {});
        text += '\n';
    } else {
        TextOptions options;
        options.colour = colour_on(a.color, env);
        options.explain = a.explain;
        options.brief = a.brief;
        options.width = env.columns;
        options.input = &a.input;
        text = render_text(result, options);
        if (const auto pager = pager_for(text, a.no_pager, env)) {
            io.out.flush();
            if (show_in_pager(*pager, text)) {
                return exit_code::ok;
            }
        }
    }
    return write_output(io.out, io.err, text);
}

}  // namespace lmsstage::cli
