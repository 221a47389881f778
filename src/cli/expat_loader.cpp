// Expat's shared library, loaded when the first NAACCR XML input is read rather than when the
// program starts: a case from flags, JSON and CSV never parse XML, and mapping and relocating the
// library at every start cost a case from flags about 0.05 ms of its CPU time (README, Performance).
// The program uses fifteen functions of Expat's C API (cli/naaccr_xml.cpp, as expat.h declares
// them); this file defines each one, forwarding to the library's, which are all looked up the first
// time one is called. It is the only place the library is named.
#include <dlfcn.h>

#include <expat.h>

#include <cstdio>
#include <cstdlib>

#ifndef LMSSTAGE_EXPAT_LIBRARY
#error "LMSSTAGE_EXPAT_LIBRARY: the file name of Expat's shared library (src/CMakeLists.txt)"
#endif

namespace {

/// The library's functions, by the types expat.h gives the ones defined below.
struct Expat {
    decltype(&::XML_ParserCreate) parser_create = nullptr;
    decltype(&::XML_ParserFree) parser_free = nullptr;
    decltype(&::XML_SetUserData) set_user_data = nullptr;
    decltype(&::XML_SetElementHandler) set_element_handler = nullptr;
    decltype(&::XML_SetCharacterDataHandler) set_character_data_handler = nullptr;
    decltype(&::XML_SetStartDoctypeDeclHandler) set_start_doctype_decl_handler = nullptr;
    decltype(&::XML_SetEntityDeclHandler) set_entity_decl_handler = nullptr;
    decltype(&::XML_SetParamEntityParsing) set_param_entity_parsing = nullptr;
    decltype(&::XML_GetBuffer) get_buffer = nullptr;
    decltype(&::XML_ParseBuffer) parse_buffer = nullptr;
    decltype(&::XML_StopParser) stop_parser = nullptr;
    decltype(&::XML_GetErrorCode) get_error_code = nullptr;
    decltype(&::XML_ErrorString) error_string = nullptr;
    decltype(&::XML_GetCurrentLineNumber) get_current_line_number = nullptr;
    decltype(&::XML_GetCurrentColumnNumber) get_current_column_number = nullptr;
};

/// A missing library or function ends the program (exit 70, an installation fault), naming the
/// library and its package.
[[noreturn]] void cannot_load(const char* what) {
    std::fprintf(stderr, "lmsstage: cannot load %s, which reads NAACCR XML input (%s); install it (Debian: %s)\n",
                 LMSSTAGE_EXPAT_LIBRARY, what, LMSSTAGE_EXPAT_PACKAGE);
    std::exit(70);
}

template <typename Function>
void find(void* library, const char* name, Function& out) {
    void* symbol = ::dlsym(library, name);
    if (symbol == nullptr) {
        const char* why = ::dlerror();
        cannot_load(why != nullptr ? why : name);
    }
    out = reinterpret_cast<Function>(symbol);
}

Expat load() {
    void* library = ::dlopen(LMSSTAGE_EXPAT_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = ::dlerror();
        cannot_load(why != nullptr ? why : "not found");
    }
    Expat e;
    find(library, "XML_ParserCreate", e.parser_create);
    find(library, "XML_ParserFree", e.parser_free);
    find(library, "XML_SetUserData", e.set_user_data);
    find(library, "XML_SetElementHandler", e.set_element_handler);
    find(library, "XML_SetCharacterDataHandler", e.set_character_data_handler);
    find(library, "XML_SetStartDoctypeDeclHandler", e.set_start_doctype_decl_handler);
    find(library, "XML_SetEntityDeclHandler", e.set_entity_decl_handler);
    find(library, "XML_SetParamEntityParsing", e.set_param_entity_parsing);
    find(library, "XML_GetBuffer", e.get_buffer);
    find(library, "XML_ParseBuffer", e.parse_buffer);
    find(library, "XML_StopParser", e.stop_parser);
    find(library, "XML_GetErrorCode", e.get_error_code);
    find(library, "XML_ErrorString", e.error_string);
    find(library, "XML_GetCurrentLineNumber", e.get_current_line_number);
    find(library, "XML_GetCurrentColumnNumber", e.get_current_column_number);
    return e;
}

const Expat& expat() {
    static const Expat library = load();
    return library;
}

}  // namespace

// The functions cli/naaccr_xml.cpp calls, with expat.h's declarations.
// NOLINTBEGIN(readability-identifier-naming)
XML_Parser XMLCALL XML_ParserCreate(const XML_Char* encoding) { return expat().parser_create(encoding); }
void XMLCALL XML_ParserFree(XML_Parser parser) { expat().parser_free(parser); }
void XMLCALL XML_SetUserData(XML_Parser parser, void* user_data) { expat().set_user_data(parser, user_data); }
void XMLCALL XML_SetElementHandler(XML_Parser parser, XML_StartElementHandler start, XML_EndElementHandler end) {
    expat().set_element_handler(parser, start, end);
}
void XMLCALL XML_SetCharacterDataHandler(XML_Parser parser, XML_CharacterDataHandler handler) {
    expat().set_character_data_handler(parser, handler);
}
void XMLCALL XML_SetStartDoctypeDeclHandler(XML_Parser parser, XML_StartDoctypeDeclHandler start) {
    expat().set_start_doctype_decl_handler(parser, start);
}
void XMLCALL XML_SetEntityDeclHandler(XML_Parser parser, XML_EntityDeclHandler handler) {
    expat().set_entity_decl_handler(parser, handler);
}
int XMLCALL XML_SetParamEntityParsing(XML_Parser parser, enum XML_ParamEntityParsing parsing) {
    return expat().set_param_entity_parsing(parser, parsing);
}
void* XMLCALL XML_GetBuffer(XML_Parser parser, int len) { return expat().get_buffer(parser, len); }
enum XML_Status XMLCALL XML_ParseBuffer(XML_Parser parser, int len, int is_final) {
    return expat().parse_buffer(parser, len, is_final);
}
enum XML_Status XMLCALL XML_StopParser(XML_Parser parser, XML_Bool resumable) {
    return expat().stop_parser(parser, resumable);
}
enum XML_Error XMLCALL XML_GetErrorCode(XML_Parser parser) { return expat().get_error_code(parser); }
const XML_LChar* XMLCALL XML_ErrorString(enum XML_Error code) { return expat().error_string(code); }
XML_Size XMLCALL XML_GetCurrentLineNumber(XML_Parser parser) { return expat().get_current_line_number(parser); }
XML_Size XMLCALL XML_GetCurrentColumnNumber(XML_Parser parser) { return expat().get_current_column_number(parser); }
// NOLINTEND(readability-identifier-naming)
