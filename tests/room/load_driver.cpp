// The load driver: every phone is a small state machine on the driver's io_context (see load_driver.hpp).
#include "room/load_driver.hpp"

#include <utility>  // first: Boost 1.74's asio/awaitable.hpp uses std::exchange without including it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

namespace passerelles::room::test {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using Stream = websocket::stream<beast::tcp_stream>;

struct Phone {
    std::string token;
    std::shared_ptr<Stream> ws;
    std::shared_ptr<beast::flat_buffer> buffer;
    std::deque<std::string> outbox;
    bool writing = false;
    int generation = 0;
    bool ready = false;  // said hello and read a snapshot
    std::string snapshotKey;
    json myVote;  // from the last snapshot
    bool acked = false;
    Clock::time_point sentAt;
    bool failed = false;
};

class Driver {
  public:
    Driver(RoomServer& server, const LoadOptions& options)
        : server_(server), options_(options), work_(asio::make_work_guard(ioc_)) {
        phones_.resize(static_cast<std::size_t>(options.phones));
        for (std::size_t i = 0; i < phones_.size(); ++i) {
            phones_[i].token = "load-phone-" + std::to_string(i) + "-0123456789";
        }
    }

    LoadResult run() {
        LoadResult result;
        const auto started = Clock::now();
        for (std::size_t i = 0; i < phones_.size(); ++i) {
            open(i);
        }
        if (!runUntil([&] { return all([](const Phone& p) { return p.ready; }); })) {
            return fail(result, "not every phone joined");
        }
        result.connectSeconds = std::chrono::duration<double>(Clock::now() - started).count();

        const std::size_t count = phones_.size();
        const std::size_t drops =
            std::min<std::size_t>(static_cast<std::size_t>(options_.dropsPerStep), count / 2);
        const int optionCount = options_.optionsPerStep;
        for (int s = 0; s < options_.steps; ++s) {
            RoomStep step;
            step.kind = RoomStepKind::Question;
            step.key = "load/" + std::to_string(s);
            step.title = "Question " + std::to_string(s + 1);
            step.prompt = "Charge";
            for (int o = 0; o < optionCount; ++o) {
                step.options.push_back("Réponse " + std::to_string(o));
            }
            step.open = true;
            server_.publish(step);
            if (!runUntil([&] { return all([&](const Phone& p) { return p.snapshotKey == step.key; }); })) {
                return fail(result, "a phone missed the snapshot of " + step.key);
            }
            std::vector<int> choice(count);
            for (std::size_t i = 0; i < count; ++i) {
                choice[i] = static_cast<int>((i + static_cast<std::size_t>(s)) %
                                             static_cast<std::size_t>(optionCount));
            }
            // The first half votes; `drops` of them then lose the connection while the second half votes.
            const std::size_t half = count / 2;
            for (std::size_t i = 0; i < half; ++i) {
                vote(i, step.key, choice[i], result);
            }
            if (!runUntil([&] { return range(0, half, [](const Phone& p) { return p.acked; }); })) {
                return fail(result, "first half: a vote was not acknowledged");
            }
            for (std::size_t i = 0; i < drops; ++i) {
                drop(i);
                open(i);
                ++result.reconnections;
            }
            for (std::size_t i = half; i < count; ++i) {
                vote(i, step.key, choice[i], result);
            }
            if (!runUntil([&] {
                    return range(0, drops, [](const Phone& p) { return p.ready; }) &&
                           range(half, count, [](const Phone& p) { return p.acked; });
                })) {
                return fail(result, "a reconnection or a second-half vote did not complete");
            }
            for (std::size_t i = 0; i < drops; ++i) {
                if (phones_[i].myVote != json::array({choice[i]})) {
                    return fail(result, "a reconnected phone lost its vote: " + phones_[i].myVote.dump());
                }
                choice[i] = (choice[i] + 1) % optionCount;  // and changes its mind
                vote(i, step.key, choice[i], result);
            }
            if (!runUntil([&] { return range(0, drops, [](const Phone& p) { return p.acked; }); })) {
                return fail(result, "a changed vote was not acknowledged");
            }
            std::vector<int> expected(static_cast<std::size_t>(optionCount), 0);
            for (int c : choice) {
                ++expected[static_cast<std::size_t>(c)];
            }
            const RoomTally tally = server_.tally();
            if (tally.key != step.key || tally.answered != static_cast<int>(count) ||
                tally.connected != static_cast<int>(count) || tally.counts != expected) {
                return fail(result, "step " + step.key + ": tally answered " +
                                        std::to_string(tally.answered) + ", connected " +
                                        std::to_string(tally.connected) + ", counts " +
                                        json(tally.counts).dump() + " instead of " + json(expected).dump());
            }
        }
        result.ok = true;
        for (std::size_t i = 0; i < count; ++i) {
            drop(i);
        }
        return result;
    }

  private:
    LoadResult& fail(LoadResult& result, const std::string& why) {
        result.ok = false;
        result.failure = why;
        return result;
    }

    template <class Predicate>
    bool all(Predicate predicate) const {
        return range(0, phones_.size(), predicate);
    }
    template <class Predicate>
    bool range(std::size_t from, std::size_t to, Predicate predicate) const {
        for (std::size_t i = from; i < to; ++i) {
            if (!predicate(phones_[i])) {
                return false;
            }
        }
        return true;
    }

    bool runUntil(const std::function<bool()>& done) {
        const auto deadline = Clock::now() + std::chrono::seconds(20);
        while (!done()) {
            if (Clock::now() >= deadline) {
                return false;
            }
            for (const Phone& phone : phones_) {
                if (phone.failed) {
                    return false;
                }
            }
            ioc_.run_one_for(std::chrono::milliseconds(50));
            ioc_.poll();
        }
        return true;
    }

    void open(std::size_t index) {
        Phone& phone = phones_[index];
        const int generation = ++phone.generation;
        phone.ws = std::make_shared<Stream>(ioc_);
        phone.buffer = std::make_shared<beast::flat_buffer>();
        phone.outbox.clear();
        phone.writing = false;
        phone.ready = false;
        phone.snapshotKey.clear();
        const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), server_.port());
        auto ws = phone.ws;
        beast::get_lowest_layer(*ws).async_connect(endpoint, [this, index, generation,
                                                              ws](beast::error_code ec) {
            if (stale(index, generation)) {
                return;
            }
            if (ec) {
                phones_[index].failed = true;
                return;
            }
            beast::error_code ignored;
            beast::get_lowest_layer(*ws).socket().set_option(tcp::no_delay(true), ignored);
            const std::string host = "127.0.0.1:" + std::to_string(server_.port());
            ws->async_handshake(host, "/ws", [this, index, generation, ws](beast::error_code handshakeError) {
                if (stale(index, generation)) {
                    return;
                }
                if (handshakeError) {
                    phones_[index].failed = true;
                    return;
                }
                send(index, json{{"type", "hello"},
                                 {"session", server_.sessionCode()},
                                 {"token", phones_[index].token}}
                                .dump());
                read(index, generation);
            });
        });
    }

    bool stale(std::size_t index, int generation) const { return phones_[index].generation != generation; }

    void read(std::size_t index, int generation) {
        Phone& phone = phones_[index];
        auto ws = phone.ws;
        auto buffer = phone.buffer;
        ws->async_read(*buffer, [this, index, generation, ws, buffer](beast::error_code ec, std::size_t) {
            if (stale(index, generation)) {
                return;
            }
            if (ec) {
                phones_[index].failed = true;
                return;
            }
            const json message = json::parse(beast::buffers_to_string(buffer->data()), nullptr, false);
            buffer->consume(buffer->size());
            handle(phones_[index], message);
            read(index, generation);
        });
    }

    void handle(Phone& phone, const json& message) {
        if (message.is_discarded() || !message.contains("type")) {
            phone.failed = true;
        } else if (message["type"] == "snapshot") {
            phone.snapshotKey = message["step"]["key"];
            phone.myVote = message["myVote"];
            phone.ready = true;
        } else if (message["type"] == "ack") {
            phone.acked = true;
            latencies_.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - phone.sentAt).count());
        } else {
            phone.failed = true;  // an error or an « over »: the load never provokes either
        }
    }

    void vote(std::size_t index, const std::string& key, int option, LoadResult& result) {
        Phone& phone = phones_[index];
        phone.acked = false;
        phone.sentAt = Clock::now();
        ++result.votesSent;
        send(index, json{{"type", "vote"}, {"key", key}, {"options", {option}}}.dump());
    }

    void send(std::size_t index, std::string message) {
        Phone& phone = phones_[index];
        phone.outbox.push_back(std::move(message));
        if (!phone.writing) {
            write(index, phone.generation);
        }
    }

    void write(std::size_t index, int generation) {
        Phone& phone = phones_[index];
        phone.writing = true;
        auto ws = phone.ws;
        auto text = std::make_shared<std::string>(phone.outbox.front());
        ws->text(true);
        ws->async_write(asio::buffer(*text),
                        [this, index, generation, ws, text](beast::error_code ec, std::size_t) {
                            if (stale(index, generation)) {
                                return;
                            }
                            Phone& current = phones_[index];
                            if (ec) {
                                current.failed = true;
                                return;
                            }
                            current.outbox.pop_front();
                            current.writing = false;
                            if (!current.outbox.empty()) {
                                write(index, generation);
                            }
                        });
    }

    void drop(std::size_t index) {
        Phone& phone = phones_[index];
        ++phone.generation;  // callbacks of the old stream are ignored from now on
        beast::error_code ignored;
        beast::get_lowest_layer(*phone.ws).socket().close(ignored);
        ioc_.poll();  // lets the aborted handlers run while the stream they hold is alive
    }

  public:
    std::vector<double> latencies_;

  private:
    RoomServer& server_;
    LoadOptions options_;
    asio::io_context ioc_;
    asio::executor_work_guard<asio::io_context::executor_type> work_;
    std::vector<Phone> phones_;
};

}  // namespace

LoadResult runLoad(RoomServer& server, const LoadOptions& options) {
    Driver driver(server, options);
    LoadResult result = driver.run();
    result.voteLatenciesMs = driver.latencies_;
    return result;
}

}  // namespace passerelles::room::test
