// A room server driven line by line on standard input, for the browser test: it plays the trainer's side.
//
// Prints "PORT CODE" once listening. Commands, one per line:
//   publish {"kind":"question","key":"1",...}   what phones show (RoomStep fields, as in the snapshot)
//   tally                                       prints the tally as one JSON line
//   stop                                        ends the session (phones are told) and exits
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "room/room_server.hpp"

using passerelles::room::RoomServer;
using passerelles::room::RoomStep;
using passerelles::room::RoomStepKind;

namespace {

RoomStepKind kindNamed(const std::string& name) {
    if (name == "question") {
        return RoomStepKind::Question;
    }
    if (name == "card") {
        return RoomStepKind::Card;
    }
    if (name == "scenario") {
        return RoomStepKind::Scenario;
    }
    if (name == "profile") {
        return RoomStepKind::ProfileMap;
    }
    return RoomStepKind::Waiting;
}

RoomStep stepFrom(const nlohmann::json& json) {
    RoomStep step;
    step.kind = kindNamed(json.value("kind", "waiting"));
    step.key = json.value("key", "");
    step.title = json.value("title", "");
    step.prompt = json.value("prompt", "");
    step.options = json.value("options", std::vector<std::string>{});
    step.multiple = json.value("multiple", false);
    step.open = json.value("open", false);
    step.revealed = json.value("revealed", false);
    step.correct = json.value("correct", std::vector<int>{});
    step.counts = json.value("counts", std::vector<int>{});
    step.explanation = json.value("explanation", "");
    return step;
}

}  // namespace

int main() {
    RoomServer server;
    passerelles::room::RoomOptions options;
    options.bindAddress = "127.0.0.1";
    options.port = 0;
    std::string error;
    if (!server.start(options, error)) {
        std::cerr << error << "\n";
        return 1;
    }
    std::cout << server.port() << " " << server.sessionCode() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.rfind("publish ", 0) == 0) {
            const auto json = nlohmann::json::parse(line.substr(8), nullptr, false);
            if (json.is_discarded()) {
                std::cout << "error: bad json" << std::endl;
                continue;
            }
            server.publish(stepFrom(json));
            std::cout << "ok" << std::endl;
        } else if (line == "tally") {
            const auto tally = server.tally();
            std::cout << nlohmann::json{{"key", tally.key},
                                        {"connected", tally.connected},
                                        {"answered", tally.answered},
                                        {"counts", tally.counts}}
                             .dump()
                      << std::endl;
        } else if (line == "stop") {
            break;
        }
    }
    server.stop();
    return 0;
}
