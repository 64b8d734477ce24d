// Tests of the CSV writer's guard against spreadsheet formula injection, on every CSV the program writes.
#include <doctest/doctest.h>

#include "core/base/csv_writer.hpp"
#include "core/progress/progress_report.hpp"
#include "core/progress/progress_store.hpp"
#include "support/csv_reading.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

TEST_CASE("a cell a spreadsheet would run as a formula gets a leading quote; negative numbers stay numbers") {
    CHECK(csvCell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csvCell("+33 6 12") == "'+33 6 12");
    CHECK(csvCell("-1+cmd|' /C calc'!A0") == "'-1+cmd|' /C calc'!A0");
    CHECK(csvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvCell("\t=1") == "'\t=1");
    CHECK(csvCell("\r=1") == "\"'\r=1\"");
    CHECK(csvCell("'=1") == "''=1");  // so that the importer gives back « '=1 »
    CHECK(csvCell("-") == "'-");
    CHECK(csvCell("-3,5") == "-3,5");
    CHECK(csvCell("-12") == "-12");
    CHECK(csvCell("-3,") == "'-3,");
    CHECK(csvCell("-3,5,1") == "'-3,5,1");
    CHECK(csvCell("Les Castors") == "Les Castors");
    CHECK(csvCell("l'équipe") == "l'équipe");
    for (const std::string text : {"=1+1", "'=1+1", "''=1", "-", "-3,5", "'hello", "+", "@", "\t"}) {
        CHECK(std::string(withoutFormulaMark(neutralisedCell(text))) == text);
    }
}

TEST_CASE("the progress history export neutralises a profile name written as a formula") {
    testing::TemporaryFolder folder;
    auto opened = ProgressStore::open(folder.path() / "progress.db", [] { return std::int64_t{1700049600}; });
    REQUIRE_MESSAGE(opened.ok(), opened.error().message);
    const auto profile = opened.value().store->createProfile("=cmd|' /C calc'!A0");
    REQUIRE(profile);
    ResultRecord record;
    record.profileId = *profile;
    record.packId = "@pack";
    record.packVersion = "1.0.0";
    record.kind = ActivityKind::Quiz;
    record.activityId = "+quiz";
    record.itemId = "-q01";
    record.outcome = Outcome::Wrong;
    record.points = 0;
    record.maxPoints = 1;
    record.fingerprint = "f1";
    REQUIRE(opened.value().store->record(record));
    const ContentLibrary noPacks;
    const auto rows = testing::readCsv(exportHistoryCsv(noPacks, *opened.value().store, *profile));
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][1] == "'=cmd|' /C calc'!A0");
    CHECK(rows[1][2] == "'@pack");
    CHECK(rows[1][4] == "'+quiz");
    CHECK(rows[1][6] == "'-q01 (pack non chargé)");
}
