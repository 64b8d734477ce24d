// A small Beast client for the room's tests: a WebSocket phone and a one-shot HTTP GET, each operation
// bounded by a timeout (its own io_context, run until the operation is done or the time is up).
#pragma once

#include <utility>  // first: Boost 1.74's asio/awaitable.hpp uses std::exchange without including it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace passerelles::room::test {

struct HttpReply {
    int status = 0;  // 0: no answer
    std::string contentType;
    std::string body;
};

// GET `target` on 127.0.0.1:port; `origin` empty sends no Origin header.
HttpReply httpGet(std::uint16_t port, const std::string& target, const std::string& origin = "");

class PhoneClient {
  public:
    PhoneClient();
    ~PhoneClient();
    PhoneClient(const PhoneClient&) = delete;
    PhoneClient& operator=(const PhoneClient&) = delete;

    // TCP connect and WebSocket handshake on /ws; false when refused.
    bool connect(std::uint16_t port, const std::string& origin = "");
    bool send(const std::string& text);
    bool send(const nlohmann::json& message) { return send(message.dump()); }
    bool hello(const std::string& session, const std::string& token);
    bool vote(const std::string& key, const std::vector<int>& options);
    // The next message, or nothing when the connection closed or nothing came within the timeout.
    std::optional<nlohmann::json> read(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // True when the server closes the connection (or it breaks) within the timeout; messages before are
    // skipped.
    bool closedByServer(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // The next message if one arrives within `timeout`. Unlike read(), a read that times out stays pending
    // instead of being cancelled (which leaves a WebSocket unusable), so a test can interleave the game's
    // frames with the phone's messages for as long as it likes.
    std::optional<nlohmann::json> poll(std::chrono::milliseconds timeout);
    bool open() const { return open_; }
    void drop();  // closes the socket abruptly, as a phone losing its Wi-Fi

  private:
    template <class Start>
    bool run(Start start, std::chrono::milliseconds timeout);

    boost::asio::io_context ioc_;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::flat_buffer buffer_;
    bool open_ = false;
    bool lastWasTimeout_ = false;
    bool pollPending_ = false;
    bool pollDone_ = false;
    boost::beast::error_code pollResult_;
    boost::beast::flat_buffer pollBuffer_;
};

}  // namespace passerelles::room::test
