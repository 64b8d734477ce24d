// The phone server over real sockets on 127.0.0.1: HTTP pages, the WebSocket protocol, guard rails, tallies.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "room/room_client.hpp"
#include "room/room_server.hpp"

using namespace passerelles::room;
using nlohmann::json;
using passerelles::room::test::httpGet;
using passerelles::room::test::PhoneClient;

namespace {

const std::string kToken = "0123456789abcdef0123456789abcdef";
const std::string kOtherToken = "fedcba9876543210fedcba9876543210";

// Polls until `condition` holds or 5 s pass; the CHECK that follows says which.
bool waitFor(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

RoomStep question(const std::string& key, bool open = true, bool multiple = false) {
    RoomStep step;
    step.kind = RoomStepKind::Question;
    step.key = key;
    step.title = "Question " + key;
    step.prompt = "Qui signe une convention de coopération décentralisée ?";
    step.options = {"Le maire", "Le préfet", "L’assemblée délibérante"};
    step.open = open;
    step.multiple = multiple;
    return step;
}

struct Room {
    RoomServer server;
    explicit Room(RoomOptions options = {}) {
        options.bindAddress = "127.0.0.1";
        options.port = 0;
        if (options.sessionCode.empty()) {
            options.sessionCode = "AB12";
        }
        std::string error;
        REQUIRE_MESSAGE(server.start(options, error), error);
    }
    std::uint16_t port() const { return server.port(); }
};

// A phone that connected, said hello and read its first snapshot.
void join(PhoneClient& phone, Room& room, const std::string& token = kToken) {
    REQUIRE(phone.connect(room.port()));
    REQUIRE(phone.hello("AB12", token));
    auto snapshot = phone.read();
    REQUIRE(snapshot);
    REQUIRE((*snapshot)["type"] == "snapshot");
}

json readType(PhoneClient& phone, const std::string& type) {
    auto message = phone.read();
    REQUIRE(message);
    CHECK((*message)["type"] == type);
    return *message;
}

}  // namespace

TEST_CASE("GET /J/<code> serves the phone page from memory, in any case") {
    Room room;
    for (const char* target : {"/J/AB12", "/j/ab12", "/J/ZZ99?x=1"}) {
        const auto reply = httpGet(room.port(), target);
        CHECK(reply.status == 200);
        CHECK(reply.contentType.rfind("text/html", 0) == 0);
        CHECK(reply.body.find("Passerelles") != std::string::npos);
        CHECK(reply.body.find("name=\"viewport\"") != std::string::npos);
        CHECK(reply.body.find("/ws") != std::string::npos);
    }
    const auto home = httpGet(room.port(), "/");
    CHECK(home.status == 200);
    CHECK(home.body.find("QR code") != std::string::npos);
}

TEST_CASE("the phone page is self-contained and has the ids browser tests use") {
    Room room;
    const std::string page = httpGet(room.port(), "/J/AB12").body;
    for (const char* forbidden : {"src=", "href=", "@import", "url(", "https://"}) {
        CAPTURE(forbidden);
        CHECK(page.find(forbidden) == std::string::npos);
    }
    for (const char* needed : {"id=\"prompt\"", "id=\"options\"", "id=\"submit\"", "id=\"status\"",
                               "dataset.state", "crypto.getRandomValues", "localStorage", "visibilitychange",
                               "\"online\"", "En attente de la prochaine étape…", "Le vote est fermé",
                               "Merci, réponse enregistrée", "Cette session est terminée", "lang=\"fr\""}) {
        CAPTURE(needed);
        CHECK(page.find(needed) != std::string::npos);
    }
}

TEST_CASE("every other path is 404, a path climbing out of the root included") {
    Room room;
    for (const char* target :
         {"/favicon.ico", "/../etc/passwd", "/J/../etc/passwd", "/J/", "/ws", "/J/AB12/x", "/index.html"}) {
        CAPTURE(target);
        CHECK(httpGet(room.port(), target).status == 404);
    }
}

TEST_CASE("an Origin from another site is refused, for pages and for the WebSocket") {
    Room room;
    const std::string self = "http://127.0.0.1:" + std::to_string(room.port());
    CHECK(httpGet(room.port(), "/J/AB12", "http://evil.example").status == 403);
    CHECK(httpGet(room.port(), "/J/AB12", self).status == 200);
    PhoneClient foreign;
    CHECK_FALSE(foreign.connect(room.port(), "http://evil.example"));
    PhoneClient same;
    CHECK(same.connect(room.port(), self));
}

TEST_CASE("hello gets a snapshot of the current step") {
    Room room;
    PhoneClient phone;
    REQUIRE(phone.connect(room.port()));
    REQUIRE(phone.hello("ab12", kToken));  // the code is case-insensitive
    const json waiting = readType(phone, "snapshot");
    CHECK(waiting["session"] == "AB12");
    CHECK(waiting["step"]["kind"] == "waiting");
    CHECK(waiting["myVote"].is_null());
    CHECK(waitFor([&] { return room.server.tally().connected == 1; }));

    room.server.publish(question("3"));
    const json snapshot = readType(phone, "snapshot");
    CHECK(snapshot["step"]["kind"] == "question");
    CHECK(snapshot["step"]["key"] == "3");
    CHECK(snapshot["step"]["title"] == "Question 3");
    CHECK(snapshot["step"]["options"].size() == 3);
    CHECK(snapshot["step"]["open"] == true);
    CHECK(snapshot["step"]["multiple"] == false);
    CHECK(snapshot["step"]["revealed"] == false);
    CHECK_FALSE(snapshot["step"].contains("correct"));
    CHECK_FALSE(snapshot["step"].contains("counts"));
}

TEST_CASE("a vote is acknowledged and counted; a changed vote replaces the first; empty withdraws") {
    Room room;
    room.server.publish(question("3"));
    PhoneClient phone;
    join(phone, room);
    REQUIRE(phone.vote("3", {1}));
    const json ack = readType(phone, "ack");
    CHECK(ack["key"] == "3");
    CHECK(ack["options"] == json::array({1}));
    RoomTally tally = room.server.tally();
    CHECK(tally.key == "3");
    CHECK(tally.connected == 1);
    CHECK(tally.answered == 1);
    CHECK(tally.counts == std::vector<int>{0, 1, 0});

    REQUIRE(phone.vote("3", {2}));
    readType(phone, "ack");
    tally = room.server.tally();
    CHECK(tally.answered == 1);
    CHECK(tally.counts == std::vector<int>{0, 0, 1});

    REQUIRE(phone.vote("3", {}));
    readType(phone, "ack");
    tally = room.server.tally();
    CHECK(tally.answered == 0);
    CHECK(tally.counts == std::vector<int>{0, 0, 0});
}

TEST_CASE("a vote on a closed step, another key or a missing option is refused") {
    Room room;
    room.server.publish(question("3", false));
    PhoneClient phone;
    join(phone, room);
    REQUIRE(phone.vote("3", {0}));
    CHECK(readType(phone, "error")["message"] == "Le vote est fermé.");
    room.server.publish(question("3", true));
    readType(phone, "snapshot");
    REQUIRE(phone.vote("2", {0}));
    readType(phone, "error");
    REQUIRE(phone.vote("3", {3}));
    readType(phone, "error");
    REQUIRE(phone.vote("3", {-1}));
    readType(phone, "error");
    CHECK(room.server.tally().answered == 0);
}

TEST_CASE("several options only when the step is multiple") {
    Room room;
    room.server.publish(question("4", true, false));
    PhoneClient phone;
    join(phone, room);
    REQUIRE(phone.vote("4", {0, 2}));
    readType(phone, "error");
    CHECK(room.server.tally().answered == 0);

    room.server.publish(question("5", true, true));
    readType(phone, "snapshot");
    REQUIRE(phone.vote("5", {2, 0, 2}));
    CHECK(readType(phone, "ack")["options"] == json::array({0, 2}));
    const RoomTally tally = room.server.tally();
    CHECK(tally.answered == 1);
    CHECK(tally.counts == std::vector<int>{1, 0, 1});
}

TEST_CASE("a phone that reconnects with its token keeps its vote and is counted once") {
    Room room;
    room.server.publish(question("3"));
    {
        PhoneClient phone;
        join(phone, room);
        REQUIRE(phone.vote("3", {2}));
        readType(phone, "ack");
        phone.drop();
    }
    PhoneClient again;
    REQUIRE(again.connect(room.port()));
    REQUIRE(again.hello("AB12", kToken));
    const json snapshot = readType(again, "snapshot");
    CHECK(snapshot["myVote"] == json::array({2}));
    PhoneClient twice;  // the same phone in a second tab
    REQUIRE(twice.connect(room.port()));
    REQUIRE(twice.hello("AB12", kToken));
    readType(twice, "snapshot");
    CHECK(waitFor([&] { return room.server.tally().connected == 1; }));
    const RoomTally tally = room.server.tally();
    CHECK(tally.connected == 1);
    CHECK(tally.answered == 1);
    CHECK(tally.counts == std::vector<int>{0, 0, 1});
}

TEST_CASE("connected counts distinct tokens with an open socket") {
    Room room;
    PhoneClient first;
    PhoneClient second;
    join(first, room, kToken);
    join(second, room, kOtherToken);
    CHECK(waitFor([&] { return room.server.tally().connected == 2; }));
    second.drop();
    CHECK(waitFor([&] { return room.server.tally().connected == 1; }));
}

TEST_CASE("a hello with a stale session code is told the session is over and closed") {
    Room room;
    PhoneClient phone;
    REQUIRE(phone.connect(room.port()));
    REQUIRE(phone.hello("ZZ99", kToken));
    const json over = readType(phone, "over");
    CHECK(over["message"] == "Cette session est terminée. Demandez le nouveau code à l’animateur.");
    CHECK(phone.closedByServer());
    CHECK(room.server.tally().connected == 0);
}

TEST_CASE(
    "bad JSON, an unknown type, a bad token or a vote before hello get an error; the connection stays") {
    Room room;
    room.server.publish(question("3"));
    PhoneClient phone;
    REQUIRE(phone.connect(room.port()));
    REQUIRE(phone.send(std::string("{pas du json")));
    CHECK(readType(phone, "error")["message"].get<std::string>().find("JSON") != std::string::npos);
    REQUIRE(phone.send(json{{"type", "dance"}}));
    readType(phone, "error");
    REQUIRE(phone.send(std::string("[1,2]")));
    readType(phone, "error");
    REQUIRE(phone.vote("3", {0}));
    readType(phone, "error");
    REQUIRE(phone.hello("AB12", "short"));
    readType(phone, "error");
    REQUIRE(phone.hello("AB12", "has spaces in it, which is bad"));
    readType(phone, "error");
    REQUIRE(phone.hello("AB12", kToken));
    readType(phone, "snapshot");
    REQUIRE(phone.vote("3", {0}));
    readType(phone, "ack");
}

TEST_CASE("an oversized message closes that connection; the server still serves the others") {
    RoomOptions options;
    options.maxMessageBytes = 1024;
    Room room(options);
    room.server.publish(question("3"));
    PhoneClient other;
    join(other, room, kOtherToken);
    PhoneClient big;
    join(big, room);
    big.send(std::string(5000, 'x'));  // may fail halfway: the server can close on reading the frame header
    CHECK(big.closedByServer());
    REQUIRE(other.vote("3", {1}));
    readType(other, "ack");
    PhoneClient fresh;
    join(fresh, room);
    CHECK(httpGet(room.port(), "/J/AB12").status == 200);
}

TEST_CASE("a phone sending faster than its rate limit is closed") {
    RoomOptions options;
    options.messagesPerSecond = 2;  // a burst of 4
    Room room(options);
    room.server.publish(question("3"));
    PhoneClient flood;
    join(flood, room);
    for (int i = 0; i < 10 && flood.open(); ++i) {
        flood.vote("3", {i % 3});
    }
    CHECK(flood.closedByServer());
}

TEST_CASE("beyond maxConnections a new connection is refused") {
    RoomOptions options;
    options.maxConnections = 3;
    Room room(options);
    PhoneClient phones[3];
    for (int i = 0; i < 3; ++i) {
        REQUIRE(phones[i].connect(room.port()));
    }
    PhoneClient fourth;
    CHECK_FALSE(fourth.connect(room.port()));
    phones[0].drop();
    CHECK(waitFor([&] {
        PhoneClient attempt;
        return attempt.connect(room.port());
    }));
}

TEST_CASE("publishing a new key starts its tally at zero; the same key keeps the votes") {
    Room room;
    room.server.publish(question("3"));
    PhoneClient phone;
    join(phone, room);
    REQUIRE(phone.vote("3", {0}));
    readType(phone, "ack");
    CHECK(room.server.tally().answered == 1);

    room.server.publish(question("4"));
    RoomTally tally = room.server.tally();
    CHECK(tally.key == "4");
    CHECK(tally.answered == 0);
    CHECK(readType(phone, "snapshot")["myVote"].is_null());

    RoomStep again = question("3", false);
    again.revealed = true;
    again.correct = {2};
    again.counts = {4, 1, 7};
    again.explanation = "C’est l’assemblée qui délibère.";
    room.server.publish(again);
    tally = room.server.tally();
    CHECK(tally.answered == 1);
    CHECK(tally.counts == std::vector<int>{1, 0, 0});
    const json revealed = readType(phone, "snapshot");
    CHECK(revealed["step"]["revealed"] == true);
    CHECK(revealed["step"]["correct"] == json::array({2}));
    CHECK(revealed["step"]["counts"] == json::array({4, 1, 7}));
    CHECK(revealed["step"]["explanation"] == "C’est l’assemblée qui délibère.");
    CHECK(revealed["myVote"] == json::array({0}));
}

TEST_CASE("each kind of step has its name in the snapshot") {
    Room room;
    PhoneClient phone;
    join(phone, room);
    const std::pair<RoomStepKind, const char*> kinds[] = {{RoomStepKind::Card, "card"},
                                                          {RoomStepKind::Scenario, "scenario"},
                                                          {RoomStepKind::ProfileMap, "profile"},
                                                          {RoomStepKind::Waiting, "waiting"}};
    for (const auto& [kind, name] : kinds) {
        RoomStep step = question("k");
        step.kind = kind;
        room.server.publish(step);
        CHECK(readType(phone, "snapshot")["step"]["kind"] == name);
    }
}

TEST_CASE("stop() sends « ended » to every phone, closes them and is idempotent") {
    Room room;
    PhoneClient first;
    PhoneClient second;
    join(first, room, kToken);
    join(second, room, kOtherToken);
    room.server.stop();
    CHECK_FALSE(room.server.running());
    for (PhoneClient* phone : {&first, &second}) {
        const json ended = readType(*phone, "snapshot");
        CHECK(ended["step"]["kind"] == "ended");
        CHECK(phone->closedByServer());
    }
    room.server.stop();
    PhoneClient late;
    CHECK_FALSE(late.connect(room.port()));
}

TEST_CASE("a port already in use is a French sentence, and the server can start again after stop") {
    Room room;
    RoomServer second;
    RoomOptions options;
    options.bindAddress = "127.0.0.1";
    options.port = room.port();
    std::string error;
    CHECK_FALSE(second.start(options, error));
    CHECK(error == "Le port " + std::to_string(room.port()) +
                       " est déjà utilisé par un autre programme. Fermez-le ou choisissez un autre port.");
    CHECK_FALSE(second.running());

    options.bindAddress = "pas une adresse";
    CHECK_FALSE(second.start(options, error));
    CHECK(error.find("pas une adresse") != std::string::npos);

    room.server.stop();
    options.bindAddress = "127.0.0.1";
    options.port = 0;
    REQUIRE_MESSAGE(second.start(options, error), error);
    CHECK(second.sessionCode().size() == 4);
    CHECK(second.joinPath() == "/J/" + second.sessionCode());
    CHECK(httpGet(second.port(), second.joinPath()).status == 200);
}
