// Checks shared by the format tests: two quizzes say the same thing to a player.
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "core/content/content.hpp"

namespace passerelles::testing {

// What a player meets: text, options and their feedback, right answers, rule, points, explanation; with
// `withTags`, also what sessions are composed from (source, themes, audiences, difficulty, date).
inline void checkSameQuiz(const Quiz& expected, const Quiz& actual, bool withTags) {
    REQUIRE(actual.questions.size() == expected.questions.size());
    for (std::size_t i = 0; i < expected.questions.size(); ++i) {
        const Question& a = expected.questions[i];
        const Question& b = actual.questions[i];
        CAPTURE(a.id);
        CHECK(b.id == a.id);
        CHECK(b.text == a.text);
        REQUIRE(b.options.size() == a.options.size());
        for (std::size_t k = 0; k < a.options.size(); ++k) {
            CHECK(b.options[k].id == a.options[k].id);
            CHECK(b.options[k].text == a.options[k].text);
            CHECK(b.options[k].correct == a.options[k].correct);
            CHECK(b.options[k].feedback == a.options[k].feedback);
        }
        CHECK(b.scoring == a.scoring);
        CHECK(b.points == doctest::Approx(a.points));
        CHECK(b.explanation == a.explanation);
        if (withTags) {
            REQUIRE(b.tags.source.has_value() == a.tags.source.has_value());
            if (a.tags.source) {
                CHECK(b.tags.source->sourceId == a.tags.source->sourceId);
                CHECK(b.tags.source->page == a.tags.source->page);
                CHECK(b.tags.source->section == a.tags.source->section);
            }
            CHECK(b.tags.themes == a.tags.themes);
            CHECK(b.tags.audiences == a.tags.audiences);
            CHECK(b.tags.difficulty == a.tags.difficulty);
            CHECK(b.tags.verifiedOn == a.tags.verifiedOn);
        }
    }
}

}  // namespace passerelles::testing
