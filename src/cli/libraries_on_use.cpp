// The shared libraries the program loads when it first needs them rather than when it starts:
// simdjson's on the first JSON record that is not flat printable ASCII (doors/flat_json.hpp reads
// those), Expat's when NAACCR XML is first read. A case from flags, a CSV table or NAACCR XML never
// parses JSON, and a case from flags, JSON and CSV never parse XML;
// loading both at start cost a case from flags more than the case itself (docs/performance.md).
// This file defines the functions the program calls in them, each forwarding to the library's,
// looked up on its first call: it is the only place the libraries are named.
//   - simdjson: simdjson::get_active_implementation() (the kernel chosen for the processor, from
//     which On-Demand's parser takes its stage 1); everything else of simdjson the program uses is
//     compiled in from the header, but for two tables of 256 flags the header declares and the
//     library defines (which bytes are JSON structure or blank space: { } : [ ] , space, tab, LF,
//     CR, RFC 8259 section 2), defined here;
//   - Expat: the sixteen functions of its C API that cli/naaccr_xml.cpp calls, as expat.h declares
//     them.
#include <dlfcn.h>
#include <expat.h>

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

#if !defined(LMSSTAGE_SIMDJSON_LIBRARY) || !defined(LMSSTAGE_EXPAT_LIBRARY)
#error "LMSSTAGE_SIMDJSON_LIBRARY, LMSSTAGE_EXPAT_LIBRARY: the libraries' file names (src/CMakeLists.txt)"
#endif

namespace {

/// A library loaded on use, by its file name, and what it is for.
struct Library {
    const char* file;
    const char* reads;    ///< the input it reads
    const char* package;  ///< its Debian package
    std::once_flag opening;
    void* handle = nullptr;
};

Library g_simdjson{LMSSTAGE_SIMDJSON_LIBRARY, "JSON input", LMSSTAGE_SIMDJSON_PACKAGE, {}, nullptr};
Library g_expat{LMSSTAGE_EXPAT_LIBRARY, "NAACCR XML input", LMSSTAGE_EXPAT_PACKAGE, {}, nullptr};

/// The function `name` of `library`, of the type of `declared` (the definition below that calls
/// it). A missing library or function ends the program (exit 70, an installation fault), naming the
/// library and its package. Called once a function, from its definition's static.
template <typename Function>
Function forwarded(Library& library, Function /*declared*/, const char* name) {
    std::call_once(library.opening, [&library] { library.handle = ::dlopen(library.file, RTLD_NOW | RTLD_LOCAL); });
    void* symbol = library.handle != nullptr ? ::dlsym(library.handle, name) : nullptr;
    if (symbol == nullptr) {
        const char* why = ::dlerror();
        std::fprintf(stderr, "lmsstage: cannot load %s, which reads %s (%s); install it (Debian: %s)\n", library.file,
                     library.reads, why != nullptr ? why : name, library.package);
        std::exit(70);
    }
    return reinterpret_cast<Function>(symbol);
}

}  // namespace

namespace simdjson {
namespace internal {
// simdjson declares these tables bool and writes them as 0 and 1, as here.
// NOLINTBEGIN(readability-implicit-bool-conversion)
// clang-format off
/// 1 for the bytes that are not JSON structure or blank space (those that may continue an atom).
SIMDJSON_DLLIMPORTEXPORT const bool structural_or_whitespace_negated[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
/// 1 for { } : [ ] , space, tab, LF and CR.
SIMDJSON_DLLIMPORTEXPORT const bool structural_or_whitespace[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
// clang-format on
// NOLINTEND(readability-implicit-bool-conversion)
}  // namespace internal

internal::atomic_ptr<const implementation>& get_active_implementation() {
    // The mangled name of simdjson::get_active_implementation().
    static const auto f =
        forwarded(g_simdjson, &get_active_implementation, "_ZN8simdjson25get_active_implementationEv");
    return f();
}

}  // namespace simdjson

// clang-format off
XML_Parser XMLCALL XML_ParserCreate(const XML_Char* encoding) {
    static const auto f = forwarded(g_expat, &XML_ParserCreate, "XML_ParserCreate"); return f(encoding); }
void XMLCALL XML_ParserFree(XML_Parser p) {
    static const auto f = forwarded(g_expat, &XML_ParserFree, "XML_ParserFree"); f(p); }
void XMLCALL XML_SetUserData(XML_Parser p, void* data) {
    static const auto f = forwarded(g_expat, &XML_SetUserData, "XML_SetUserData"); f(p, data); }
void XMLCALL XML_SetElementHandler(XML_Parser p, XML_StartElementHandler start, XML_EndElementHandler end) {
    static const auto f = forwarded(g_expat, &XML_SetElementHandler, "XML_SetElementHandler"); f(p, start, end); }
void XMLCALL XML_SetCharacterDataHandler(XML_Parser p, XML_CharacterDataHandler h) {
    static const auto f = forwarded(g_expat, &XML_SetCharacterDataHandler, "XML_SetCharacterDataHandler"); f(p, h); }
void XMLCALL XML_SetStartDoctypeDeclHandler(XML_Parser p, XML_StartDoctypeDeclHandler h) {
    static const auto f = forwarded(g_expat, &XML_SetStartDoctypeDeclHandler, "XML_SetStartDoctypeDeclHandler");
    f(p, h); }
void XMLCALL XML_SetEntityDeclHandler(XML_Parser p, XML_EntityDeclHandler handler) {
    static const auto f = forwarded(g_expat, &XML_SetEntityDeclHandler, "XML_SetEntityDeclHandler"); f(p, handler); }
int XMLCALL XML_SetParamEntityParsing(XML_Parser p, enum XML_ParamEntityParsing e) {
    static const auto f = forwarded(g_expat, &XML_SetParamEntityParsing, "XML_SetParamEntityParsing"); return f(p, e); }
void XMLCALL XML_SetUnknownEncodingHandler(XML_Parser p, XML_UnknownEncodingHandler handler, void* data) {
    static const auto f = forwarded(g_expat, &XML_SetUnknownEncodingHandler, "XML_SetUnknownEncodingHandler");
    f(p, handler, data); }
void* XMLCALL XML_GetBuffer(XML_Parser p, int len) {
    static const auto f = forwarded(g_expat, &XML_GetBuffer, "XML_GetBuffer"); return f(p, len); }
enum XML_Status XMLCALL XML_ParseBuffer(XML_Parser p, int len, int is_final) {
    static const auto f = forwarded(g_expat, &XML_ParseBuffer, "XML_ParseBuffer"); return f(p, len, is_final); }
enum XML_Status XMLCALL XML_StopParser(XML_Parser p, XML_Bool resumable) {
    static const auto f = forwarded(g_expat, &XML_StopParser, "XML_StopParser"); return f(p, resumable); }
enum XML_Error XMLCALL XML_GetErrorCode(XML_Parser p) {
    static const auto f = forwarded(g_expat, &XML_GetErrorCode, "XML_GetErrorCode"); return f(p); }
const XML_LChar* XMLCALL XML_ErrorString(enum XML_Error code) {
    static const auto f = forwarded(g_expat, &XML_ErrorString, "XML_ErrorString"); return f(code); }
XML_Size XMLCALL XML_GetCurrentLineNumber(XML_Parser p) {
    static const auto f = forwarded(g_expat, &XML_GetCurrentLineNumber, "XML_GetCurrentLineNumber"); return f(p); }
XML_Size XMLCALL XML_GetCurrentColumnNumber(XML_Parser p) {
    static const auto f = forwarded(g_expat, &XML_GetCurrentColumnNumber, "XML_GetCurrentColumnNumber");
    return f(p); }
// clang-format on
