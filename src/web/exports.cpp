// The functions the page's script calls (Emscripten exports). Each returns a NUL-terminated UTF-8
// string that stays valid until the next call of the same function.
#include <emscripten/emscripten.h>

#include <string>

#include "web/door.hpp"

extern "C" {

/// lmsstage::web::stage_query; `explain` non-zero adds the rule trace to the text report.
EMSCRIPTEN_KEEPALIVE const char* lmsstage_stage(const char* query, int explain) {
    static std::string out;
    out = lmsstage::web::stage_query(query, explain != 0);
    return out.c_str();
}

/// lmsstage::web::form_json.
EMSCRIPTEN_KEEPALIVE const char* lmsstage_form() {
    static std::string out;
    out = lmsstage::web::form_json();
    return out.c_str();
}

}  // extern "C"
