// The screens when progress cannot be saved: a full disk in the middle of a quiz, a data folder that cannot
// be created. The learner is told, the game goes on, and what was saved before stays saved.
#include <doctest/doctest.h>

#include <csignal>

#include <sys/resource.h>

#include "core/progress/progress_store.hpp"
#include "support/child_process.hpp"
#include "support/test_support.hpp"
#include "ui/headless.hpp"
#include "ui/probe.hpp"
#include "ui/screens/quiz_screen.hpp"

using namespace passerelles;
using namespace passerelles::ui;

namespace {

constexpr std::int64_t kNoon = 1700049600;

SessionOptions quizFor(const std::filesystem::path& data, std::int64_t* now) {
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.dataDirectory = data;
    options.open = "quiz:cahier-ludique";
    options.profile = "Élise";
    options.storeClock = [now] { return *now; };
    return options;
}

std::int64_t resultsIn(const std::filesystem::path& data) {
    auto opened = ProgressStore::open(data / "progress.db");
    REQUIRE(opened.ok());
    const auto profiles = opened.value().store->profiles();
    REQUIRE(profiles.size() == 1);
    return opened.value().store->resultCount(profiles.front().id);
}

}  // namespace

TEST_CASE("the disk fills up mid-quiz: the quiz says so and goes on; saving resumes when space returns") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    const auto child = testing::runInChild([&]() -> std::string {
        std::signal(SIGXFSZ, SIG_IGN);
        HeadlessUi ui(quizFor(data.path(), &now), ImVec2(1280, 720));
        ui.frames(2);
        auto* quiz = dynamic_cast<QuizScreen*>(&ui.screen());
        if (quiz == nullptr) {
            return "FAIL the quiz did not open";
        }
        const auto answer = [&] {
            ui.press("B");
            ui.press("Enter");  // confirm: the answer is recorded here
            ui.press("Enter");  // next question
        };
        answer();
        answer();
        rlimit limit{};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        const rlimit roomy = limit;
        limit.rlim_cur = 0;  // not one more byte may be written: the disk is full
        ::setrlimit(RLIMIT_FSIZE, &limit);
        answer();
        std::string report;
        if (quiz->recordingProblem().find("disque plein") == std::string::npos) {
            report += "FAIL no « disque plein » on the quiz screen: " + quiz->recordingProblem() + "\n";
        }
        answer();
        if (quiz->run().position() != 4) {
            report +=
                "FAIL the quiz stopped at question " + std::to_string(quiz->run().position() + 1) + "\n";
        }
        ::setrlimit(RLIMIT_FSIZE, &roomy);
        answer();
        return report + "position=" + std::to_string(quiz->run().position());
    });
    REQUIRE_MESSAGE(child.ok(), "the child crashed: signal or status " << child.status);
    CHECK_MESSAGE(child.report.find("FAIL") == std::string::npos, child.report);
    CHECK(child.report.ends_with("position=5"));
    // The two answers before the disk filled and the one after it emptied are saved; the file is sound.
    CHECK(resultsIn(data.path()) == 3);
}

TEST_CASE("a data folder that cannot be created: the home screen says why, and everyone plays as a guest") {
    testing::TemporaryFolder folder;
    testing::writeFile(folder.path() / "fichier", "un fichier, pas un dossier");
    SessionOptions options;
    options.contentRoots = {{testing::contentDir(), "bundled"}};
    options.dataDirectory = folder.path() / "fichier" / "passerelles";
    HeadlessUi ui(options, ImVec2(1280, 720));
    ui.frames(2);
    CHECK(ui.screen().kind() == "home");  // no « Qui joue ? »: there is nowhere to keep a profile
    const ProgressService& progress = ui.session().services().progress;
    CHECK_FALSE(progress.available());
    const auto& messages = ui.session().services().startupMessages;
    REQUIRE(messages.size() == 1);
    CHECK(messages.front().find("ne peut pas être créé") != std::string::npos);
    CHECK(messages.front().find("--data-dir") != std::string::npos);
    ui.press("Enter");
    ui.frame();
    CHECK(ui.screen().kind() == "quiz");
    ui.press("B");
    ui.press("Enter");
    CHECK(testing::readFile(folder.path() / "fichier") == "un fichier, pas un dossier");
}

TEST_CASE(
    "a save failure stays on screen, above the scrolling content, until dismissed (issue 22, item 16)") {
    testing::TemporaryFolder data;
    std::int64_t now = kNoon;
    const auto child = testing::runInChild([&]() -> std::string {
        std::signal(SIGXFSZ, SIG_IGN);
        probe::enable(true);
        HeadlessUi ui(quizFor(data.path(), &now), ImVec2(1280, 720));
        ui.frames(2);
        const char* banner = "Vos réponses ne sont pas enregistrées";
        std::string report;
        if (probe::shown(banner)) {
            report += "FAIL a banner before any failure\n";
        }
        rlimit limit{};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        limit.rlim_cur = 0;  // the disk is full from now on
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ui.press("B");
        ui.press("Enter");  // confirm: the answer cannot be recorded
        ui.frame();
        if (!probe::shown(banner) || !probe::shown("disque plein")) {
            report += "FAIL no banner on the quiz screen after the failure\n";
        }
        // Long explanations scrolled to their end: the banner and its button stay in the window.
        for (int page = 0; page < 6; ++page) {
            ui.press("PageDown");
        }
        ui.frame();
        const auto dismiss = probe::centre("button:Masquer ce message");
        if (!probe::shown(banner) || !dismiss || dismiss->y < 0.0f || dismiss->y > 720.0f) {
            report += "FAIL the banner scrolled away\n";
        }
        ui.press("Enter");  // next question: still said there
        ui.frame();
        if (!probe::shown(banner)) {
            report += "FAIL the banner went away on the next question\n";
        }
        if (dismiss) {
            ui.click(*dismiss);
            ui.frames(2);
        }
        if (probe::shown(banner)) {
            report += "FAIL the banner stayed after « Masquer ce message »\n";
        }
        ui.press("B");
        ui.press("Enter");  // a new failure: said again
        ui.frame();
        if (!probe::shown(banner)) {
            report += "FAIL a new failure after dismissal was not said\n";
        }
        return report.empty() ? "ok" : report;
    });
    REQUIRE_MESSAGE(child.ok(), "the child crashed: signal or status " << child.status);
    CHECK_MESSAGE(child.report == "ok", child.report);
}

TEST_CASE("a data folder that cannot be used: the quiz itself says that progress is not saved") {
    testing::TemporaryFolder folder;
    testing::writeFile(folder.path() / "fichier", "un fichier, pas un dossier");
    std::int64_t now = kNoon;
    probe::enable(true);
    HeadlessUi ui(quizFor(folder.path() / "fichier" / "passerelles", &now), ImVec2(1280, 720));
    ui.frames(2);
    CHECK(ui.screen().kind() == "quiz");
    CHECK(probe::shown("La progression ne sera pas enregistrée"));
    CHECK(probe::shown("--data-dir"));
    probe::enable(false);
}
