// Tests of JSON reading: syntax messages with positions, limits, duplicate keys, pointer location.
#include <doctest/doctest.h>

#include "core/loading/json_document.hpp"

using namespace passerelles;

namespace {

std::optional<JsonDocument> parse(const std::string& text, Diagnostics& out, JsonLimits limits = {}) {
    return parseJsonDocument(text, "test.json", limits, out);
}

}  // namespace

TEST_CASE("a valid document parses and keeps its text for later positions") {
    Diagnostics out;
    const auto document = parse("{\"a\": [1, {\"b\": true}]}", out);
    REQUIRE(document);
    CHECK(out.empty());
    CHECK(document->root["a"][1]["b"] == true);
}

TEST_CASE("a missing comma is reported at its line in French") {
    Diagnostics out;
    CHECK_FALSE(parse("{\n  \"a\": 1\n  \"b\": 2\n}", out));
    REQUIRE(out.items().size() == 1);
    const Diagnostic& d = out.items()[0];
    CHECK(d.line == 3);
    CHECK(d.message.find("virgule") != std::string::npos);
}

TEST_CASE("a trailing comma is explained") {
    Diagnostics out;
    CHECK_FALSE(parse("{\"a\": [1, 2,]}", out));
    CHECK(out.items()[0].message.find("virgule est en trop") != std::string::npos);
}

TEST_CASE("single quotes and comments get their own explanation") {
    Diagnostics quotes;
    CHECK_FALSE(parse("{'a': 1}", quotes));
    CHECK(quotes.items()[0].message.find("guillemets droits") != std::string::npos);
    Diagnostics comments;
    CHECK_FALSE(parse("{\"a\": 1 // note\n}", comments));
    CHECK(comments.items()[0].message.find("commentaires") != std::string::npos);
}

TEST_CASE("the text quoted near a syntax error is readable UTF-8 on one line (found by fuzzing)") {
    // The parser stops on the first byte of « é », half a character: quoting it raw made the message itself
    // invalid UTF-8. Control characters come back from the parser as "<U+000A>".
    Diagnostics accent;
    CHECK_FALSE(parse("{\"titre\": \xC3\xA9t\xC3\xA9}", accent));
    REQUIRE(accent.items().size() == 1);
    const std::string& message = accent.items()[0].message;
    CHECK_FALSE(findInvalidUtf8(message));
    CHECK(message.find("\"titre\": \xEF\xBF\xBD") != std::string::npos);  // U+FFFD in place of the lone byte

    Diagnostics lines;
    CHECK_FALSE(parse("{\"a\": 1,\n\n   x}", lines));
    REQUIRE(lines.items().size() == 1);
    CHECK(lines.items()[0].message.find("<U+") == std::string::npos);
    CHECK(lines.items()[0].message.find('\n') == std::string::npos);

    Diagnostics cut;  // 40 bytes kept from a long token, never starting inside a character
    CHECK_FALSE(parse("{\"a\": \"" + std::string(30, 'e') + "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\" x}", cut));
    REQUIRE(cut.items().size() == 1);
    CHECK_FALSE(findInvalidUtf8(cut.items()[0].message));
}

TEST_CASE("a truncated file says it stops too early") {
    Diagnostics out;
    CHECK_FALSE(parse("{\"a\": [1, 2", out));
    CHECK(out.items()[0].message.find("s\xE2\x80\x99"
                                      "arr\xC3\xAAte avant la fin") != std::string::npos);
}

TEST_CASE("empty files, invalid UTF-8 and oversized text are refused with a reason") {
    Diagnostics empty;
    CHECK_FALSE(parse("  \n", empty));
    CHECK(empty.items()[0].message.find("vide") != std::string::npos);

    Diagnostics latin1;
    CHECK_FALSE(parse("{\n\"a\": \"caf\xE9\"}", latin1));
    CHECK(latin1.items()[0].line == 2);
    CHECK(latin1.items()[0].message.find("UTF-8") != std::string::npos);

    Diagnostics big;
    JsonLimits small;
    small.maxFileBytes = 10;
    CHECK_FALSE(parse("{\"a\": \"0123456789\"}", big, small));
    CHECK(big.items()[0].message.find("trop gros") != std::string::npos);
}

TEST_CASE("nesting beyond the limit is refused before it can exhaust anything") {
    Diagnostics out;
    JsonLimits limits;
    limits.maxDepth = 8;
    CHECK_FALSE(parse(std::string(50, '[') + std::string(50, ']'), out, limits));
    CHECK(out.items()[0].message.find("imbriqu") != std::string::npos);
    CHECK(out.items()[0].column == 9);
}

TEST_CASE("a byte-order mark is accepted") {
    Diagnostics out;
    CHECK(parse("\xEF\xBB\xBF{\"a\": 1}", out));
    CHECK(out.empty());
}

TEST_CASE("a duplicated key is an error at its second occurrence") {
    Diagnostics out;
    CHECK_FALSE(parse("{\n\"q\": {\n  \"id\": \"a\",\n  \"id\": \"b\"\n}}", out));
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].pointer == "/q/id");
    CHECK(out.items()[0].line == 4);
}

TEST_CASE("a JSON pointer is located at its key, or at an array element") {
    const std::string text =
        "{\n  \"questions\": [\n    {\"id\": \"q01\"},\n    {\n      \"id\": \"q02\",\n      \"points\": 2\n "
        "   }\n  ]\n}";
    CHECK(locateJsonPointer(text, "/questions/1/points").line == 6);
    CHECK(locateJsonPointer(text, "/questions/1/points").column == 7);
    CHECK(locateJsonPointer(text, "/questions/1").line == 4);
    CHECK(locateJsonPointer(text, "/questions/9").line == 2);  // the closest existing place
    CHECK(locateJsonPointer(text, "").line == 1);
}

TEST_CASE("pointer parts are escaped") {
    CHECK(appendPointer("", std::string_view("a/b~c")) == "/a~1b~0c");
    CHECK(appendPointer("/x", std::size_t{3}) == "/x/3");
}
