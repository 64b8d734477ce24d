// End-to-end tests: the real binaries, run as a trainer would, with SDL's dummy video driver.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include <stb_image.h>

#include "support/test_support.hpp"

using namespace passerelles;

namespace {

struct Result {
    int exitCode = -1;
    std::string output;
};

// Runs a shell command, capturing stdout and stderr.
Result run(const std::string& command) {
    Result result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        result.output += buffer;
    }
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string game() {
    return std::string("SDL_VIDEODRIVER=dummy ") + PASSERELLES_BINARY;
}

struct Picture {
    int width = 0;
    int height = 0;
    std::set<unsigned> colours;
    double darkShare = 0.0;  // pixels dark enough to be text
};

Picture readPng(const std::string& path) {
    Picture picture;
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &picture.width, &picture.height, &channels, 4);
    REQUIRE(pixels != nullptr);
    long dark = 0;
    const long count = static_cast<long>(picture.width) * picture.height;
    for (long i = 0; i < count; ++i) {
        const unsigned char* p = pixels + i * 4;
        picture.colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
        dark += (p[0] + p[1] + p[2]) < 200 ? 1 : 0;
    }
    picture.darkShare = static_cast<double>(dark) / static_cast<double>(count);
    stbi_image_free(pixels);
    return picture;
}

}  // namespace

TEST_CASE("the quiz plays from the command line and the screenshot shows it") {
    testing::TemporaryFolder folder;
    const std::string png = (folder.path() / "quiz.png").string();
    const Result result =
        run(game() + " --data-dir " + folder.path().string() +
            " --open quiz:cahier-ludique --keys \"B,Enter\" --frames 20 --screenshot " + png);
    CAPTURE(result.output);
    REQUIRE(result.exitCode == 0);
    const Picture picture = readPng(png);
    CHECK(picture.width == 1280);
    CHECK(picture.height == 720);
    CHECK(picture.colours.size() > 50);  // text, cards and colours, not a blank window
    CHECK(picture.darkShare > 0.005);
}

TEST_CASE("idées reçues and scenarios open from the command line and draw") {
    testing::TemporaryFolder folder;
    for (const std::string target :
         {"myths:cahier-ludique", "myths-room:cahier-ludique", "scenario:cahier-ludique/cofinancement"}) {
        CAPTURE(target);
        const std::string png = (folder.path() / "capture.png").string();
        const Result result = run(game() + " --data-dir " + folder.path().string() + " --open " + target +
                                  " --keys \"Enter,A\" --frames 8 --screenshot " + png);
        CAPTURE(result.output);
        REQUIRE(result.exitCode == 0);
        CHECK(result.output.find("--open") == std::string::npos);  // no "cannot open" message
        const Picture picture = readPng(png);
        CHECK(picture.colours.size() > 50);
        CHECK(picture.darkShare > 0.005);
    }
}

TEST_CASE("the window size option reaches the screenshot") {
    testing::TemporaryFolder folder;
    const std::string png = (folder.path() / "home.png").string();
    const Result result = run(game() + " --data-dir " + folder.path().string() +
                              " --size 1920x1080 --frames 2 --screenshot " + png);
    REQUIRE(result.exitCode == 0);
    const Picture picture = readPng(png);
    CHECK(picture.width == 1920);
    CHECK(picture.height == 1080);
}

TEST_CASE("the smallest window the program accepts still draws every kind of screen") {
    testing::TemporaryFolder folder;
    for (const std::string target : {"home", "quiz:cahier-ludique", "myths-room:cahier-ludique",
                                     "scenario:cahier-ludique/cofinancement", "diagnostic:acter-2024"}) {
        CAPTURE(target);
        const std::string png = (folder.path() / "petit.png").string();
        const Result result =
            run(game() + " --data-dir " + folder.path().string() + " --open " + target +
                " --size 160x120 --keys \"Enter,A,Enter,G,G\" --frames 8 --screenshot " + png);
        CAPTURE(result.output);
        REQUIRE(result.exitCode == 0);
        CHECK(readPng(png).colours.size() > 2);
    }
}

TEST_CASE("without a display, the program says how to run headless") {
    const Result result = run(std::string("env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER ") +
                              PASSERELLES_BINARY + " --frames 1");
    CHECK(result.exitCode == 1);
    CHECK(result.output.find("SDL_VIDEODRIVER=dummy") != std::string::npos);
    CHECK(result.output.find("xvfb-run") != std::string::npos);
}

TEST_CASE("without HOME, the data goes to the account's home, never to the current folder") {
    // Guest mode still opens DATA/progress.db, so a data folder chosen in the current folder would appear.
    testing::TemporaryFolder folder;
    const std::string game =
        "SDL_VIDEODRIVER=dummy " + std::string(PASSERELLES_BINARY) + " --guest --frames 2";
    const Result unset = run("cd " + folder.path().string() + " && env -u HOME -u XDG_DATA_HOME " + game);
    CHECK(unset.exitCode == 0);
    CHECK_FALSE(std::filesystem::exists(folder.path() / ".passerelles"));
    // A relative XDG_DATA_HOME is ignored, as the XDG specification says.
    const Result relative =
        run("cd " + folder.path().string() + " && env -u HOME XDG_DATA_HOME=relatif " + game);
    CHECK(relative.exitCode == 0);
    CHECK_FALSE(std::filesystem::exists(folder.path() / "relatif"));
}

TEST_CASE("help and usage errors") {
    const Result help = run(std::string(PASSERELLES_BINARY) + " --help");
    CHECK(help.exitCode == 0);
    CHECK(help.output.find("--open CIBLE") != std::string::npos);
    const Result bad = run(std::string(PASSERELLES_BINARY) + " --frames zero");
    CHECK(bad.exitCode == 2);
    CHECK(bad.output.find("--frames") != std::string::npos);
    const Result badKey = run(std::string(PASSERELLES_BINARY) + " --keys \"B,Entre\"");
    CHECK(badKey.exitCode == 2);
    CHECK(badKey.output.find("Entre") != std::string::npos);
    // Text scales that used to reach ImGui (NaN passed the range test) or were read past trailing text.
    for (const char* scale : {"nan", "inf", "-1", "1e9", "1.2abc", "\"\""}) {
        const Result badScale =
            run(std::string(PASSERELLES_BINARY) + " --text-scale " + scale + " --frames 1");
        CHECK_MESSAGE(badScale.exitCode == 2, scale);
        CHECK_MESSAGE(badScale.output.find("entre 0.8 et 1.6") != std::string::npos, scale);
    }
}

TEST_CASE("passerelles --borne --set-pin reads the PIN on standard input, with no window") {
    testing::TemporaryFolder folder;
    const std::string data = folder.path().string();
    // No SDL_VIDEODRIVER: the command opens no window, so it works in a bare terminal.
    const Result bad =
        run("echo 12ab | " + std::string(PASSERELLES_BINARY) + " --borne --set-pin --data-dir " + data);
    CHECK(bad.exitCode == 1);
    CHECK(bad.output.find("4 à 8 chiffres") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(folder.path() / "borne.json"));
    const Result good =
        run("echo 2468 | " + std::string(PASSERELLES_BINARY) + " --borne --set-pin --data-dir " + data);
    CHECK(good.exitCode == 0);
    CHECK(good.output.find("Code de la borne enregistré") != std::string::npos);
    const std::string saved = testing::readFile(folder.path() / "borne.json");
    CHECK(saved.find("\"pinHash\"") != std::string::npos);
    CHECK(saved.find("2468") == std::string::npos);
}

TEST_CASE("a broken pack in the content folder does not stop the program") {
    testing::TemporaryFolder folder;
    testing::copyFolder(testing::contentDir() / "cahier-ludique",
                        folder.path() / "content" / "cahier-ludique");
    testing::copyFolder(testing::fixturesDir() / "packs" / "syntax-error",
                        folder.path() / "content" / "syntax-error");
    const std::string png = (folder.path() / "home.png").string();
    const Result result =
        run(game() + " --data-dir " + folder.path().string() + " --content " +
            (folder.path() / "content").string() +
            " --open quiz:cahier-ludique --keys \"A,Enter\" --frames 6 --screenshot " + png);
    CAPTURE(result.output);
    CHECK(result.exitCode == 0);
}

TEST_CASE("passerelles-pack validate: exit codes 0, 1 and 2") {
    const std::string tool = PASSERELLES_PACK_BINARY;
    const Result valid = run(tool + " validate " + (testing::contentDir() / "cahier-ludique").string());
    CHECK(valid.exitCode == 0);
    CHECK(valid.output.find("pack valide") != std::string::npos);
    const Result broken =
        run(tool + " validate " + (testing::fixturesDir() / "packs" / "no-correct-option").string());
    CHECK(broken.exitCode == 1);
    CHECK(broken.output.find("quiz.json:44:7") != std::string::npos);
    const Result usage = run(tool + " validate");
    CHECK(usage.exitCode == 2);
}

TEST_CASE("an OS shutdown (SIGTERM) ends the booth cleanly, though it ignores the window's close button") {
    testing::TemporaryFolder folder;
    const std::string data = (folder.path() / "data").string();
    const std::string errors = (folder.path() / "stderr.txt").string();
    // The booth starts, its first frame is stamped, then SIGTERM; after 20 s without an exit the test
    // kills it and fails (it would hang forever otherwise).
    const std::string script =
        "PASSERELLES_BENCH_FIRST_FRAME=1 " + game() + " --borne --size 800x600 --data-dir " + data + " 2>" +
        errors + " & pid=$!; for i in $(seq 1 400); do grep -q passerelles-first-frame-ns " + errors +
        " && break; sleep 0.05; done; kill -TERM $pid; for i in $(seq 1 400); do kill -0 $pid 2>/dev/null || "
        "break; sleep 0.05; done; if kill -0 $pid 2>/dev/null; then kill -KILL $pid; echo still-running; fi; "
        "wait $pid; echo exit=$?";
    const Result result = run("sh -c '" + script + "'");
    CAPTURE(result.output);
    CHECK(result.output.find("still-running") == std::string::npos);
    CHECK(result.output.find("exit=0") != std::string::npos);
    CHECK(testing::readFile(errors).find("passerelles-first-frame-ns") != std::string::npos);
}

TEST_CASE(
    "a workshop with --audience-display opens a second window for the room; a missing display keeps one") {
    testing::TemporaryFolder folder;
    const auto plan = folder.path() / "plan.json";
    testing::writeFile(plan, R"({"format": 1, "title": "Atelier à deux écrans", "place": "Bourges",
 "date": "2026-12-02", "audience": "", "themes": [], "audiences": [], "targetMinutes": 45, "podiumSize": 3,
 "timerSeconds": 0, "teamNamesInReport": false, "items": [
  {"kind": "question", "pack": "cahier-ludique", "activity": "connaissances", "item": "q01"}]})");
    const std::string trainer = (folder.path() / "animateur.png").string();
    const std::string room = (folder.path() / "salle.png").string();
    const Result two =
        run(game() + " --data-dir " + folder.path().string() + " --guest --atelier " + plan.string() +
            " --size 1366x768 --audience-display 0 --audience-size 1920x1080" +
            " --keys \"Ctrl+L,Right\" --frames 8 --screenshot " + trainer + " --audience-screenshot " + room);
    CAPTURE(two.output);
    REQUIRE(two.exitCode == 0);
    const Picture trainerPicture = readPng(trainer);
    const Picture roomPicture = readPng(room);
    CHECK(trainerPicture.width == 1366);
    CHECK(roomPicture.width == 1920);
    CHECK(roomPicture.height == 1080);
    CHECK(roomPicture.colours.size() > 50);  // the question and its options, not a blank window
    CHECK(roomPicture.darkShare > 0.005);

    std::filesystem::remove(room);
    const Result one =
        run(game() + " --data-dir " + folder.path().string() + " --guest --atelier " + plan.string() +
            " --audience-display 7 --frames 3 --screenshot " + trainer + " --audience-screenshot " + room);
    CHECK(one.exitCode == 0);
    CHECK(one.output.find("l'écran 7 n'existe pas") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(room));

    const Result bad = run(std::string(PASSERELLES_BINARY) + " --audience-display deux");
    CHECK(bad.exitCode == 2);
    CHECK(bad.output.find("--audience-display") != std::string::npos);
}
