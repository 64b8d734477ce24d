// Pack files that cannot be read as expected: no permission (tested under an unprivileged user, so that it
// holds when the suite runs as root), a folder, a FIFO or a dangling link where a file should be, links that
// lead out of the pack. Each is a clear French diagnostic; the other packs stay playable; nothing blocks.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "core/loading/pack_loader.hpp"
#include "support/child_process.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

std::filesystem::path copyValidPack(const std::filesystem::path& parent, const std::string& name) {
    const auto folder = parent / name;
    testing::copyFolder(testing::fixturesDir() / "packs" / "valid-minimal", folder);
    return folder;
}

bool reports(const PackLoad& load, const std::string& needle) {
    return testing::findDiagnostic(load.diagnostics, needle) != nullptr;
}

// Loads in a child that has given up root; returns its verdict ("SKIP…" when root cannot be given up).
std::string loadAsLearner(const std::function<std::string()>& check) {
    const auto child = testing::runInChild([&]() -> std::string {
        if (!testing::dropRootPrivileges()) {
            return "SKIP root cannot be given up here";
        }
        return check();
    });
    if (!child.ok()) {
        return "FAIL the child crashed (signal or status " + std::to_string(child.status) + ")";
    }
    return child.report;
}

void checkVerdict(const std::string& verdict) {
    if (verdict.starts_with("SKIP")) {
        MESSAGE(verdict);
        return;
    }
    CHECK_MESSAGE(verdict == "ok", verdict);
}

constexpr auto kReadable = std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                           std::filesystem::perms::others_read;
constexpr auto kBrowsable = kReadable | std::filesystem::perms::owner_exec |
                            std::filesystem::perms::group_exec | std::filesystem::perms::others_exec;

}  // namespace

TEST_CASE("an activity file without read permission is reported; the pack's other activities still play") {
    testing::TemporaryFolder folder;
    const auto pack = copyValidPack(folder.path(), "prive");
    std::string second = testing::readFile(pack / "quiz.json");
    second.replace(second.find("quiz-test"), 9, "quiz-second");
    testing::writeFile(pack / "second.json", second);
    std::string manifest = testing::readFile(pack / "pack.json");
    manifest.replace(manifest.find("\"quiz.json\""), 11, "\"quiz.json\", \"second.json\"");
    testing::writeFile(pack / "pack.json", manifest);
    std::filesystem::permissions(pack / "quiz.json", std::filesystem::perms::none);
    std::filesystem::permissions(folder.path(), kBrowsable, std::filesystem::perm_options::add);
    checkVerdict(loadAsLearner([&]() -> std::string {
        const PackLoad load = loadPack(pack);
        if (!load.usable() || load.pack->activities.size() != 1) {
            return "the readable activity was not kept";
        }
        if (load.skippedActivities != std::vector<std::string>{"quiz.json"}) {
            return "the unreadable activity was not the one skipped";
        }
        return reports(load, "vérifiez qu'il est lisible (droits d'accès)") ? "ok"
                                                                            : "no message on access rights";
    }));
}

TEST_CASE("a manifest, a pack folder or a packs folder without read permission: said, and the rest loads") {
    testing::TemporaryFolder folder;
    const auto root = folder.path() / "packs";
    const auto lockedManifest = copyValidPack(root, "manifeste-prive");
    const auto lockedFolder = copyValidPack(root, "dossier-prive");
    copyValidPack(root, "lisible");
    std::filesystem::permissions(lockedManifest / "pack.json", std::filesystem::perms::none);
    std::filesystem::permissions(lockedFolder, std::filesystem::perms::none);
    const auto lockedRoot = folder.path() / "packs-prives";
    copyValidPack(lockedRoot, "cache");
    std::filesystem::permissions(lockedRoot, std::filesystem::perms::none);
    checkVerdict(loadAsLearner([&]() -> std::string {
        const auto library = ContentLibrary::load({{root, "bundled"}, {lockedRoot, "user"}});
        std::string verdict;
        bool readableLoaded = false;
        bool manifestSaid = false;
        bool folderSaid = false;
        bool rootSaid = false;
        for (const auto& entry : library.packs) {
            const PackLoad& load = entry.load;
            if (load.label == "lisible") {
                readableLoaded = load.usable();
            } else if (load.label == "manifeste-prive") {
                manifestSaid = !load.usable() && reports(load, "droits d'accès");
            } else if (load.label == "dossier-prive") {
                folderSaid = !load.usable() && reports(load, "Ce dossier de pack ne peut pas être lu");
            } else if (load.label == "packs-prives") {
                rootSaid = !load.usable() && reports(load, "Ce dossier de packs ne peut pas être lu");
            }
        }
        return readableLoaded && manifestSaid && folderSaid && rootSaid
                   ? "ok"
                   : "readable " + std::to_string(readableLoaded) + ", manifest " +
                         std::to_string(manifestSaid) + ", folder " + std::to_string(folderSaid) + ", root " +
                         std::to_string(rootSaid);
    }));
    std::filesystem::permissions(lockedFolder, std::filesystem::perms::owner_all);
    std::filesystem::permissions(lockedRoot, std::filesystem::perms::owner_all);
}

TEST_CASE("an activity in a subfolder without permission is reported, not thrown") {
    testing::TemporaryFolder folder;
    const auto pack = copyValidPack(folder.path(), "sous-dossier");
    std::filesystem::create_directories(pack / "activites");
    std::filesystem::rename(pack / "quiz.json", pack / "activites" / "quiz.json");
    std::string manifest = testing::readFile(pack / "pack.json");
    manifest.replace(manifest.find("\"quiz.json\""), 11, "\"activites/quiz.json\"");
    testing::writeFile(pack / "pack.json", manifest);
    REQUIRE(loadPack(pack).usable());
    std::filesystem::permissions(pack / "activites", std::filesystem::perms::none);
    checkVerdict(loadAsLearner([&]() -> std::string {
        const PackLoad load = loadPack(pack);  // std::filesystem::exists used to throw here
        return !load.usable() && load.diagnostics.hasErrors() ? "ok" : "the locked activity was not reported";
    }));
    std::filesystem::permissions(pack / "activites", std::filesystem::perms::owner_all);
}

TEST_CASE("a folder, a FIFO or a dangling link where an activity file should be: reported, never waited on") {
    testing::TemporaryFolder folder;
    const auto pack = copyValidPack(folder.path(), "pas-un-fichier");
    SUBCASE("a folder") {
        std::filesystem::remove(pack / "quiz.json");
        std::filesystem::create_directories(pack / "quiz.json");
        const PackLoad load = loadPack(pack);
        CHECK_FALSE(load.usable());
        CHECK(reports(load, "Ce chemin n'est pas un fichier"));
    }
    SUBCASE("a FIFO, which a plain open would wait on forever") {
        std::filesystem::remove(pack / "quiz.json");
        REQUIRE(::mkfifo((pack / "quiz.json").c_str(), 0644) == 0);
        const PackLoad load = loadPack(pack);
        CHECK_FALSE(load.usable());
        CHECK(reports(load, "Ce chemin n'est pas un fichier"));
    }
    SUBCASE("a dangling link") {
        std::filesystem::remove(pack / "quiz.json");
        std::filesystem::create_symlink("disparu.json", pack / "quiz.json");
        const PackLoad load = loadPack(pack);
        CHECK_FALSE(load.usable());
        CHECK(reports(load, "Le fichier est introuvable"));
    }
    SUBCASE("a manifest that is a FIFO") {
        std::filesystem::remove(pack / "pack.json");
        REQUIRE(::mkfifo((pack / "pack.json").c_str(), 0644) == 0);
        const PackLoad load = loadPack(pack);
        CHECK_FALSE(load.usable());
        CHECK(reports(load, "Ce chemin n'est pas un fichier"));
    }
}

TEST_CASE("links that lead out of the pack folder are refused: activity, manifest, image, device") {
    testing::TemporaryFolder folder;
    const auto outside = copyValidPack(folder.path(), "ailleurs");
    testing::writeFile(outside / "carte.png", "\x89PNG\r\n\x1a\n");
    const auto pack = copyValidPack(folder.path(), "liens");
    testing::writeFile(pack / "images" / "carte.png", "\x89PNG\r\n\x1a\n");

    SUBCASE("an activity file linked from elsewhere") {
        std::filesystem::remove(pack / "quiz.json");
        std::filesystem::create_symlink("../ailleurs/quiz.json", pack / "quiz.json");
        const PackLoad load = loadPack(pack);
        CHECK_FALSE(load.usable());
        CHECK(reports(load, "Ce fichier est un lien qui mène hors du dossier du pack"));
    }
    SUBCASE("an activity file linked to a device") {
        std::filesystem::remove(pack / "quiz.json");
        std::filesystem::create_symlink("/dev/zero", pack / "quiz.json");
        const PackLoad load = loadPack(pack);
        CHECK_FALSE(load.usable());
        CHECK(reports(load, "Ce fichier est un lien qui mène hors du dossier du pack"));
    }
    SUBCASE("a manifest linked from elsewhere") {
        std::filesystem::remove(pack / "pack.json");
        std::filesystem::create_symlink("../ailleurs/pack.json", pack / "pack.json");
        const PackLoad load = loadPack(pack);
        CHECK_FALSE(load.usable());
        CHECK(reports(load, "Ce fichier est un lien qui mène hors du dossier du pack"));
    }
    SUBCASE("an image linked from elsewhere, beside one that stays inside") {
        std::filesystem::create_symlink("../../ailleurs/carte.png", pack / "images" / "dehors.png");
        std::filesystem::create_symlink("carte.png", pack / "images" / "dedans.png");
        std::string quiz = testing::readFile(pack / "quiz.json");
        quiz.replace(quiz.find("\"difficulty\": 1"), 15,
                     "\"difficulty\": 1, \"image\": \"images/dehors.png\"");
        quiz.replace(quiz.rfind("\"difficulty\": 1"), 15,
                     "\"difficulty\": 1, \"image\": \"images/dedans.png\"");
        testing::writeFile(pack / "quiz.json", quiz);
        const PackLoad load = loadPack(pack);
        const Diagnostic* refused =
            testing::findDiagnostic(load.diagnostics, "est un lien qui mène hors du dossier");
        REQUIRE(refused != nullptr);
        CHECK(refused->pointer == "/questions/0/image");
        for (const auto& diagnostic : load.diagnostics.items()) {
            CHECK(diagnostic.pointer != "/questions/1/image");  // the link that stays inside is fine
        }
    }
    SUBCASE("a link inside the pack is fine") {
        std::filesystem::rename(pack / "quiz.json", pack / "vrai-quiz.json");
        std::filesystem::create_symlink("vrai-quiz.json", pack / "quiz.json");
        CHECK(loadPack(pack).usable());
    }
}

TEST_CASE("a packs folder that is a file, or missing, loads nothing and crashes nothing") {
    testing::TemporaryFolder folder;
    testing::writeFile(folder.path() / "fichier", "pas un dossier");
    const auto library =
        ContentLibrary::load({{folder.path() / "fichier", "bundled"}, {folder.path() / "absent", "user"}});
    CHECK(library.packs.empty());
    CHECK(library.usablePacks().empty());
}

TEST_CASE("size limits hold: an image over 5 MB, more than 100 activities") {
    testing::TemporaryFolder folder;
    const auto pack = copyValidPack(folder.path(), "limites");
    testing::writeFile(pack / "images" / "immense.png", std::string(5u * 1024u * 1024u + 1u, 'x'));
    std::string quiz = testing::readFile(pack / "quiz.json");
    quiz.replace(quiz.find("\"difficulty\": 1"), 15, "\"difficulty\": 1, \"image\": \"images/immense.png\"");
    testing::writeFile(pack / "quiz.json", quiz);
    const PackLoad image = loadPack(pack);
    const Diagnostic* tooBig = testing::findDiagnostic(image.diagnostics, "dépasse 5 Mo");
    REQUIRE(tooBig != nullptr);
    CHECK(tooBig->pointer == "/questions/0/image");

    std::string list;
    for (int i = 0; i < 101; ++i) {
        list += std::string(i == 0 ? "" : ", ") + "\"quiz-" + std::to_string(i) + ".json\"";
    }
    std::string manifest = testing::readFile(pack / "pack.json");
    manifest.replace(manifest.find("\"quiz.json\""), 11, list);
    testing::writeFile(pack / "pack.json", manifest);
    const PackLoad many = loadPack(pack);
    CHECK_FALSE(many.usable());
    CHECK(testing::findDiagnostic(many.diagnostics, "101 éléments ; 100 au plus") != nullptr);
}
