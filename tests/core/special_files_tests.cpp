// Every file the program is given is opened only if it is a regular file under its size limit (issue 22,
// items 8, 15 and 19): a FIFO, /dev/zero, a link loop, a NUL in an import. Each reader runs in a child
// with an alarm, so that a reader that waits on a FIFO fails the test instead of hanging the suite.
#include <doctest/doctest.h>

#include <csignal>
#include <functional>

#include <sys/stat.h>
#include <unistd.h>

#include "core/atelier/atelier_plan.hpp"
#include "core/base/file_reading.hpp"
#include "core/borne/borne.hpp"
#include "core/formats/trainer_formats.hpp"
#include "core/loading/pack_loader.hpp"
#include "support/child_process.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

// Runs `body` in a child that a SIGALRM ends after 20 s: a wait becomes a visible failure.
std::string withinSeconds(const std::function<std::string()>& body) {
    const auto child = testing::runInChild([&] {
        ::alarm(20);
        return body();
    });
    if (!child.exited) {
        return "FAIL killed by signal " + std::to_string(child.status) + " (a wait, or memory exhausted)";
    }
    return child.report;
}

// The hostile paths, made in `folder`: a FIFO, a link to /dev/zero, and a loop of two links.
struct Hostile {
    std::filesystem::path fifo;
    std::filesystem::path zero;
    std::filesystem::path loop;
};

Hostile makeHostile(const std::filesystem::path& folder, const std::string& name) {
    Hostile hostile{folder / ("tube-" + name), folder / ("zero-" + name), folder / ("boucle-" + name)};
    REQUIRE(::mkfifo(hostile.fifo.c_str(), 0644) == 0);
    std::filesystem::create_symlink("/dev/zero", hostile.zero);
    std::filesystem::create_symlink(folder / ("autre-" + name), hostile.loop);
    std::filesystem::create_symlink(hostile.loop, folder / ("autre-" + name));
    return hostile;
}

}  // namespace

TEST_CASE("readRegularFile: a FIFO, /dev/zero, a folder, a loop and a big file each get their sentence") {
    testing::TemporaryFolder folder;
    const Hostile hostile = makeHostile(folder.path(), "fichier");
    testing::writeFile(folder.path() / "gros.txt", std::string(5000, 'x'));
    const std::string report = withinSeconds([&]() -> std::string {
        std::string out;
        const auto said = [&](const std::filesystem::path& path, FileProblem problem, const char* words) {
            const IoResult<std::string> read = readRegularFile(path, 4096);
            if (read.ok()) {
                out += "FAIL " + path.filename().string() + ": read\n";
            } else if (read.error().problem != problem ||
                       read.error().message.find(words) == std::string::npos) {
                out += "FAIL " + path.filename().string() + ": " + read.error().message + "\n";
            }
        };
        said(hostile.fifo, FileProblem::NotRegular, "tube, un périphérique");
        said(hostile.zero, FileProblem::NotRegular, "tube, un périphérique");
        said("/dev/zero", FileProblem::NotRegular, "tube, un périphérique");
        said(hostile.loop, FileProblem::LinkLoop, "boucle de liens symboliques");
        said(folder.path(), FileProblem::Folder, "c'est un dossier");
        said(folder.path() / "absent.txt", FileProblem::Missing, "introuvable");
        said(folder.path() / "gros.txt", FileProblem::TooBig, "trop gros");
        return out.empty() ? "ok" : out;
    });
    CHECK_MESSAGE(report == "ok", report);
}

TEST_CASE("--atelier given a FIFO, /dev/zero or a link loop: a French sentence at once (issue 22, item 8)") {
    testing::TemporaryFolder folder;
    const Hostile hostile = makeHostile(folder.path(), "plan.json");
    for (const auto& path : {hostile.fifo, hostile.zero, std::filesystem::path("/dev/zero"), hostile.loop}) {
        CAPTURE(path);
        const std::string report = withinSeconds([&]() -> std::string {
            const auto plan = loadPlanFile(path);
            return plan.ok() ? "FAIL a plan was read" : plan.error().message;
        });
        CHECK(report.starts_with("Le plan"));
        CHECK(report.find(path == hostile.loop ? "boucle" : "pas un fichier ordinaire") != std::string::npos);
    }
}

TEST_CASE("booth settings that are a FIFO or /dev/zero: said at once, and the booth stays locked") {
    testing::TemporaryFolder folder;
    const Hostile hostile = makeHostile(folder.path(), "borne.json");
    for (const auto& path : {hostile.fifo, hostile.zero}) {
        CAPTURE(path);
        const std::string report = withinSeconds([&]() -> std::string {
            const auto [settings, error] = loadBorneSettings(path);
            if (settings.hasPin() || settings.pinChoiceAtScreen) {
                return "FAIL the booth would not stay locked";
            }
            return error;
        });
        CHECK_MESSAGE(report.find("pas un fichier ordinaire") != std::string::npos, report);
    }
}

TEST_CASE("a pack file that is a link loop is reported as a loop, not « introuvable » (issue 22, item 15)") {
    testing::TemporaryFolder folder;
    const auto pack = folder.path() / "boucle";
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", pack);
    std::filesystem::remove(pack / "quiz.json");
    std::filesystem::create_symlink(pack / "quiz-b.json", pack / "quiz.json");
    std::filesystem::create_symlink(pack / "quiz.json", pack / "quiz-b.json");
    const PackLoad load = loadPack(pack);
    const Diagnostic* loop = testing::findDiagnostic(load.diagnostics, "boucle de liens symboliques");
    REQUIRE(loop != nullptr);
    CHECK(loop->file == "boucle/quiz.json");
    CHECK(testing::findDiagnostic(load.diagnostics, "introuvable") == nullptr);
}

TEST_CASE("a NUL character in an imported CSV cell is removed and said at its line (issue 22, item 19)") {
    const std::string csv = std::string("question;réponse A;réponse B;bonnes réponses\n") +
                            "Quelle date ?;Avant;Après;A\n" + "Qui" + std::string(1, '\0') +
                            " décide ?;Le maire;Le préfet;A\n";
    const ImportResult result = importQuestions(TrainerFormat::Csv, csv, ImportOptions{});
    REQUIRE(result.questions.size() == 2);
    CHECK(result.questions[1].text == "Qui décide ?");
    bool said = false;
    for (const auto& problem : result.problems.items()) {
        said |= problem.severity == Severity::Warning && problem.line == 3 &&
                problem.message.find("caractère nul") != std::string::npos;
    }
    CHECK(said);
}
