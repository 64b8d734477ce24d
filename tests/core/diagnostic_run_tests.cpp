// Self-diagnostic scoring and run, on the shipped ACTER diagnostic: coherent answers lead to each model.
#include <doctest/doctest.h>

#include "core/loading/pack_loader.hpp"
#include "core/play/diagnostic_run.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

// "a,b,[a,c]" → {{0},{1},{0,2}}: one entry per question, letters for options.
std::vector<std::vector<int>> answers(const std::vector<std::string>& perQuestion) {
    std::vector<std::vector<int>> result;
    for (const auto& letters : perQuestion) {
        std::vector<int> chosen;
        for (const char c : letters) {
            if (c >= 'a' && c <= 'h') {
                chosen.push_back(c - 'a');
            }
        }
        result.push_back(chosen);
    }
    return result;
}

std::string profileId(const SelfDiagnostic& diagnostic, int index) {
    return index >= 0 ? diagnostic.profiles[static_cast<std::size_t>(index)].id : "";
}

}  // namespace

TEST_CASE("each of the study's five models wins for a coherent set of answers; « non engagée » wins alone") {
    const PackLoad load = loadPack(testing::contentDir() / "acter-2024");
    REQUIRE(load.usable());
    const SelfDiagnostic* diagnostic = load.pack->findDiagnostic("profil-action-internationale");
    REQUIRE(diagnostic != nullptr);
    REQUIRE(diagnostic->questions.size() == 11);
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"humanis", {"a", "b", "b", "a", "a", "a", "a", "ab", "a", "a", "b"}},
        {"cosmin", {"a", "c", "c", "b", "b", "a", "b", "ac", "bc", "bc", "a"}},
        {"cimob", {"a", "c", "b", "c", "c", "a", "c", "de", "d", "b", "b"}},
        {"climapart", {"a", "e", "d", "d", "d", "c", "bdef", "efg", "ef", "ad", "c"}},
        {"astre", {"a", "f", "d", "e", "e", "e", "bdfg", "efgh", "fg", "de", "d"}},
        {"non-engagee", {"c", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a"}},
    };
    for (const auto& [expected, letters] : cases) {
        CAPTURE(expected);
        const DiagnosticResult result = scoreDiagnostic(*diagnostic, answers(letters));
        CHECK(profileId(*diagnostic, result.main) == expected);
        CHECK(result.hybrid == -1);
        CHECK(result.ranking.front().score <= 1.0);
        CHECK(result.ranking.back().score >= 0.0);
    }
}

TEST_CASE("close scores make a hybrid, never with a standalone profile") {
    const PackLoad load = loadPack(testing::contentDir() / "acter-2024");
    const SelfDiagnostic& diagnostic = *load.pack->findDiagnostic("profil-action-internationale");
    const DiagnosticResult hybrid =
        scoreDiagnostic(diagnostic, answers({"a", "c", "c", "c", "b", "a", "bc", "acd", "bd", "b", "a"}));
    CHECK(profileId(diagnostic, hybrid.main) == "cimob");
    CHECK(profileId(diagnostic, hybrid.hybrid) == "cosmin");
    CHECK(hybrid.ranking[1].score >= hybrid.ranking[0].score * (1.0 - diagnostic.hybridMargin));
}

TEST_CASE("scores are normalised per profile; a run needs an answer before moving on and can go back") {
    SelfDiagnostic diagnostic;
    diagnostic.profiles = {Profile{"a", "A", "", "", {}, {}, false, {}},
                           Profile{"b", "B", "", "", {}, {}, false, {}}};
    DiagnosticQuestion single{"q1", "?", false, {}, {}};
    single.options = {{"x", "x", {{0, 2.0}}}, {"y", "y", {{1, 1.0}}}};
    DiagnosticQuestion several{"q2", "?", true, {}, {}};
    several.options = {{"x", "x", {{0, 1.0}}}, {"y", "y", {{0, 1.0}, {1, 3.0}}}};
    diagnostic.questions = {single, several};
    // A can earn 2 + 2 = 4, B can earn 1 + 3 = 4.
    const DiagnosticResult result = scoreDiagnostic(diagnostic, {{0}, {0, 1}});
    REQUIRE(result.ranking.size() == 2);
    CHECK(result.ranking[0].profile == 0);
    CHECK(result.ranking[0].score == doctest::Approx(1.0));
    CHECK(result.ranking[1].score == doctest::Approx(0.75));
    CHECK(result.hybrid == -1);  // 0.75 < 0.85 × 1.0

    DiagnosticRun run(diagnostic);
    CHECK_FALSE(run.next());
    CHECK(run.toggle(1));
    CHECK(run.toggle(0));  // one answer: replaces
    CHECK(run.currentAnswer() == std::vector<int>{0});
    CHECK(run.next());
    CHECK(run.toggle(0));
    CHECK(run.toggle(1));  // several answers: adds
    CHECK(run.currentAnswer() == std::vector<int>{0, 1});
    CHECK(run.previous());
    CHECK(run.position() == 0);
    CHECK(run.next());
    CHECK(run.next());
    CHECK(run.phase() == DiagnosticRun::Phase::Result);
    CHECK(run.result().main == 0);
}

TEST_CASE("answers that give no profile any evidence announce no profile (issue 24, item 3)") {
    const PackLoad load = loadPack(testing::fixturesDir() / "packs" / "no-evidence-diagnostic");
    REQUIRE(load.usable());
    const SelfDiagnostic& diagnostic = load.pack->diagnostics.at(0);
    // Every answer chosen gives 0 points: every profile used to be at 0 % and « alpha » announced.
    const DiagnosticResult none = scoreDiagnostic(diagnostic, answers({"b", "c"}));
    CHECK(none.main == -1);
    CHECK(none.hybrid == -1);
    REQUIRE(none.ranking.size() == 3);
    for (const ProfileScore& score : none.ranking) {
        CHECK(score.score == 0.0);
    }
    // A weight of 1e-300 is below kDiagnosticMinimumEvidence: it used to make « infime » a 100 % match.
    const DiagnosticResult tiny = scoreDiagnostic(diagnostic, answers({"b", "b"}));
    CHECK(tiny.main == -1);
    CHECK(tiny.hybrid == -1);
    // Real evidence still gives a profile.
    const DiagnosticResult alpha = scoreDiagnostic(diagnostic, answers({"a", "c"}));
    CHECK(profileId(diagnostic, alpha.main) == "alpha");
    // The run ends on the result phase with no profile.
    DiagnosticRun run(diagnostic);
    REQUIRE(run.toggle(1));
    REQUIRE(run.next());
    REQUIRE(run.toggle(2));
    REQUIRE(run.next());
    CHECK(run.phase() == DiagnosticRun::Phase::Result);
    CHECK(run.result().main == -1);
}

TEST_CASE("the loader warns about a profile no answer can give points to, tiny weights included") {
    const PackLoad load = loadPack(testing::fixturesDir() / "packs" / "no-evidence-diagnostic");
    REQUIRE(load.usable());
    const Diagnostic* tiny =
        testing::findDiagnostic(load.diagnostics,
                                "aucune réponse ne donne de points au profil « infime » (ses "
                                "poids sont si petits qu'ils ne comptent pas) ; il ne pourra "
                                "jamais être le résultat");
    REQUIRE(tiny != nullptr);
    CHECK(tiny->severity == Severity::Warning);
    CHECK(tiny->file == "no-evidence-diagnostic/diagnostic.json");
    CHECK(tiny->pointer == "/profiles/2");
    CHECK(tiny->line > 1);
    // « alpha » and « beta » can each get a point: no warning about them.
    CHECK(testing::findDiagnostic(load.diagnostics, "au profil « alpha »") == nullptr);
    CHECK(testing::findDiagnostic(load.diagnostics, "au profil « beta »") == nullptr);
}
