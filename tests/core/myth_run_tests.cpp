// Idées reçues runs: the solo card cycle and its scoring, the room's votes, reveals and shift.
#include <doctest/doctest.h>

#include "core/play/myth_run.hpp"

using namespace passerelles;

namespace {

MythDeck makeDeck() {
    MythDeck deck;
    deck.id = "test";
    for (const char* id : {"anglais", "puits"}) {
        MythCard card;
        card.id = id;
        card.statement = "Une idée reçue";
        card.arguments = {
            {"a", "faible", "", false, {}}, {"b", "le meilleur", "", true, {}}, {"c", "faux", "", false, {}}};
        card.answer = "La réponse";
        deck.cards.push_back(card);
    }
    deck.cards[1].points = 2.0;
    return deck;
}

}  // namespace

TEST_CASE("solo: position, argument, answer, position again, then the next card") {
    const MythDeck deck = makeDeck();
    SoloMythRun run = SoloMythRun::forDeck(deck);
    CHECK(run.phase() == SoloMythRun::Phase::PositionBefore);
    CHECK_FALSE(run.chooseArgument(1));
    CHECK_FALSE(run.continueToPositionAfter());
    REQUIRE(run.setPosition(Agreement::RatherAgree));
    CHECK(run.phase() == SoloMythRun::Phase::ChooseArgument);
    CHECK_FALSE(run.chooseArgument(7));
    REQUIRE(run.chooseArgument(1));
    CHECK(run.phase() == SoloMythRun::Phase::Answer);
    CHECK(run.current().bestChosen);
    REQUIRE(run.continueToPositionAfter());
    REQUIRE(run.setPosition(Agreement::Disagree));
    CHECK(run.position() == 1);
    REQUIRE(run.results().size() == 1);
    CHECK(run.results()[0].before == Agreement::RatherAgree);
    CHECK(run.results()[0].after == Agreement::Disagree);
    CHECK(run.results()[0].argumentChosen == 1);
    CHECK(run.results()[0].shift() == 2);
}

TEST_CASE("solo: points reward the argument, never the opinion") {
    const MythDeck deck = makeDeck();
    SoloMythRun agrees = SoloMythRun::forDeck(deck);
    SoloMythRun disagrees = SoloMythRun::forDeck(deck);
    for (auto* run : {&agrees, &disagrees}) {
        const Agreement opinion = run == &agrees ? Agreement::Agree : Agreement::Disagree;
        for (int card = 0; card < 2; ++card) {
            run->setPosition(opinion);
            run->chooseArgument(card == 0 ? 1 : 0);  // best on the first card, weak on the second
            run->continueToPositionAfter();
            run->setPosition(opinion);
        }
        CHECK(run->phase() == SoloMythRun::Phase::Finished);
    }
    CHECK(agrees.score() == doctest::Approx(1.0));
    CHECK(disagrees.score() == doctest::Approx(agrees.score()));
    CHECK(agrees.maxScore() == doctest::Approx(3.0));
    CHECK(agrees.movedAwayCount() == 0);
}

TEST_CASE("room: statement, votes, arguments one by one, answer, second vote, shift") {
    const MythDeck deck = makeDeck();
    RoomMythRun run = RoomMythRun::forDeck(deck);
    CHECK(run.phase() == RoomMythRun::Phase::Statement);
    CHECK_FALSE(run.recordVote({12, 5}));  // no vote on the statement screen
    REQUIRE(run.advance());
    REQUIRE(run.recordVote({12, 5}));
    REQUIRE(run.advance());
    CHECK(run.phase() == RoomMythRun::Phase::Arguments);
    CHECK(run.argumentsRevealed() == 0);
    CHECK(run.revealNextArgument());
    CHECK(run.advance());  // reveals the second argument rather than leaving
    CHECK(run.argumentsRevealed() == 2);
    CHECK(run.hideLastArgument());
    CHECK(run.argumentsRevealed() == 1);
    CHECK(run.revealNextArgument());
    CHECK(run.revealNextArgument());
    CHECK_FALSE(run.revealNextArgument());
    REQUIRE(run.advance());
    CHECK(run.phase() == RoomMythRun::Phase::Answer);
    REQUIRE(run.advance());
    REQUIRE(run.recordVote({3, 14}));
    REQUIRE(run.advance());
    CHECK(run.phase() == RoomMythRun::Phase::Shift);
    CHECK(run.current().shift() == doctest::Approx(12.0 / 17.0 - 3.0 / 17.0));
    REQUIRE(run.advance());
    CHECK(run.position() == 1);
    REQUIRE(run.results().size() == 1);
    CHECK(run.results()[0].before.agree == 12);
    CHECK(run.results()[0].after.disagree == 14);
    CHECK(run.skipCard());
    CHECK(run.phase() == RoomMythRun::Phase::Finished);
    CHECK(run.results().size() == 1);  // a skipped card records nothing
    CHECK_FALSE(run.advance());
}

TEST_CASE("hand counts: shares and invalid counts") {
    CHECK(HandCount{3, 1}.agreeShare() == doctest::Approx(0.75));
    CHECK(HandCount{0, 0}.agreeShare() == doctest::Approx(0.0));
    const MythDeck deck = makeDeck();
    RoomMythRun run = RoomMythRun::forDeck(deck);
    run.advance();
    CHECK_FALSE(run.recordVote({-1, 4}));
}
