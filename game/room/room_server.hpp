// The live room: an HTTP and WebSocket server on its own thread that lets phones answer a workshop's steps.
//
// The UI thread publishes what the room should see (publish) and reads what the phones answered (tally);
// the server thread owns the sockets. Nothing here knows about packs or runs: the presenter turns a step
// into a RoomStep and adds the phones' counts to the room's tally.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace passerelles::room {

enum class RoomStepKind { Waiting, Question, Card, Scenario, ProfileMap, Ended };

// What the phones show. `key` names the vote: two steps (or an idée reçue's « avant » and « après ») have
// different keys, so a vote never carries over; the same key published again keeps every phone's vote.
struct RoomStep {
    RoomStepKind kind = RoomStepKind::Waiting;
    std::string key;     // e.g. "3", "5/avant", "7/noeud-budget"
    std::string title;   // « Question 3 sur 12 »
    std::string prompt;  // the question, the statement, the scenario's text
    std::vector<std::string>
        options;               // answers, positions (« D'accord », « Pas d'accord »), choices, profiles
    bool multiple = false;     // several options may be ticked
    bool open = false;         // phones may vote (or change their vote)
    bool revealed = false;     // the answer is shown: `correct`, `counts` and `explanation` are sent
    std::vector<int> correct;  // option indices; empty when there is no right answer
    std::vector<int> counts;   // per option, the room's whole tally at the reveal (phones, hands, teams)
    std::string explanation;
};

// What the UI reads, once a frame: a copy, never a reference into the server's state.
struct RoomTally {
    std::string key;          // the step these counts belong to
    int connected = 0;        // phones with an open connection now
    int answered = 0;         // phones that voted on `key`
    std::vector<int> counts;  // per option of `key`: phones that ticked it
};

struct RoomOptions {
    std::string bindAddress = "0.0.0.0";
    std::uint16_t port = 8080;  // 0: any free port (tests)
    int maxConnections = 300;   // beyond it a new connection is refused
    std::size_t maxMessageBytes = 4096;
    int messagesPerSecond = 10;  // per connection, with a burst of twice as many; beyond it, closed
    std::string sessionCode;     // empty: a random one of 4 upper-case letters and digits
};

class RoomServer {
  public:
    RoomServer();
    ~RoomServer();  // stops the server
    RoomServer(const RoomServer&) = delete;
    RoomServer& operator=(const RoomServer&) = delete;

    // Binds and starts the server thread. On failure returns false and sets `error` to a French sentence a
    // trainer understands (« Le port 8080 est déjà utilisé par un autre programme… »).
    bool start(const RoomOptions& options, std::string& error);
    // Tells every phone the session is over, closes the connections and joins the thread. Idempotent.
    void stop();
    bool running() const;

    std::uint16_t port() const;       // the bound port (useful with port 0)
    std::string sessionCode() const;  // e.g. "AB12"
    // Join path for the QR code and the projector, upper case: "/J/AB12".
    std::string joinPath() const;

    // UI thread: what phones show from now on; every connected phone receives a snapshot at once.
    void publish(const RoomStep& step);
    // UI thread: the phones' answers to the step last published.
    RoomTally tally() const;
    // Changes whenever tally() may return something new: the UI copies the tally only then.
    std::uint64_t tallyRevision() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "HTTP://192.168.8.10:8080/J/AB12": upper case so the QR code uses its compact alphanumeric mode.
std::string joinUrl(const std::string& address, std::uint16_t port, const std::string& joinPath);

}  // namespace passerelles::room
