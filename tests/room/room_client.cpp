// The room tests' client: synchronous in appearance, every operation asynchronous with a timeout.
#include "room/room_client.hpp"

namespace passerelles::room::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

HttpReply httpGet(std::uint16_t port, const std::string& target, const std::string& origin) {
    HttpReply reply;
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    beast::flat_buffer buffer;
    http::request<http::empty_body> request(http::verb::get, target, 11);
    request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    if (!origin.empty()) {
        request.set(http::field::origin, origin);
    }
    http::response<http::string_body> response;
    stream.expires_after(std::chrono::seconds(5));
    stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [&](beast::error_code ec) {
        if (ec) {
            return;
        }
        http::async_write(stream, request, [&](beast::error_code writeError, std::size_t) {
            if (writeError) {
                return;
            }
            http::async_read(stream, buffer, response, [&](beast::error_code readError, std::size_t) {
                if (!readError) {
                    reply.status = static_cast<int>(response.result_int());
                    reply.contentType = std::string(response[http::field::content_type]);
                    reply.body = response.body();
                }
            });
        });
    });
    ioc.run();
    return reply;
}

PhoneClient::PhoneClient() : ws_(ioc_) {}

PhoneClient::~PhoneClient() {
    drop();
}

template <class Start>
bool PhoneClient::run(Start start, std::chrono::milliseconds timeout) {
    bool done = false;
    beast::error_code result;
    start([&](beast::error_code ec) {
        result = ec;
        done = true;
    });
    ioc_.restart();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done && std::chrono::steady_clock::now() < deadline) {
        ioc_.run_one_until(deadline);
    }
    lastWasTimeout_ = !done;
    if (!done) {
        beast::get_lowest_layer(ws_).cancel();
        ioc_.restart();
        while (!done) {
            ioc_.run_one();
        }
        return false;
    }
    return !result;
}

bool PhoneClient::connect(std::uint16_t port, const std::string& origin) {
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    if (!run([&](auto done) { beast::get_lowest_layer(ws_).async_connect(endpoint, done); },
             std::chrono::seconds(5))) {
        return false;
    }
    ws_.set_option(websocket::stream_base::decorator([origin](websocket::request_type& request) {
        if (!origin.empty()) {
            request.set(http::field::origin, origin);
        }
    }));
    const std::string host = "127.0.0.1:" + std::to_string(port);
    open_ = run([&](auto done) { ws_.async_handshake(host, "/ws", done); }, std::chrono::seconds(5));
    return open_;
}

bool PhoneClient::send(const std::string& text) {
    if (!open_) {
        return false;
    }
    ws_.text(true);
    const bool ok = run(
        [&](auto done) {
            ws_.async_write(asio::buffer(text), [done](beast::error_code ec, std::size_t) { done(ec); });
        },
        std::chrono::seconds(5));
    open_ = ok;
    return ok;
}

bool PhoneClient::hello(const std::string& session, const std::string& token) {
    return send(nlohmann::json{{"type", "hello"}, {"session", session}, {"token", token}});
}

bool PhoneClient::vote(const std::string& key, const std::vector<int>& options) {
    return send(nlohmann::json{{"type", "vote"}, {"key", key}, {"options", options}});
}

std::optional<nlohmann::json> PhoneClient::read(std::chrono::milliseconds timeout) {
    if (!open_) {
        return std::nullopt;
    }
    buffer_.clear();
    const bool ok = run(
        [&](auto done) { ws_.async_read(buffer_, [done](beast::error_code ec, std::size_t) { done(ec); }); },
        timeout);
    if (!ok) {
        open_ = false;  // closed by the server, or a cancelled read, which leaves a WebSocket stream unusable
        return std::nullopt;
    }
    return nlohmann::json::parse(beast::buffers_to_string(buffer_.data()), nullptr, false);
}

std::optional<nlohmann::json> PhoneClient::poll(std::chrono::milliseconds timeout) {
    if (!open_) {
        return std::nullopt;
    }
    if (!pollPending_) {
        pollPending_ = true;
        pollDone_ = false;
        pollBuffer_.clear();
        ws_.async_read(pollBuffer_, [this](beast::error_code ec, std::size_t) {
            pollResult_ = ec;
            pollDone_ = true;
        });
    }
    ioc_.restart();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!pollDone_ && std::chrono::steady_clock::now() < deadline) {
        ioc_.run_one_until(deadline);
    }
    if (!pollDone_) {
        return std::nullopt;
    }
    pollPending_ = false;
    if (pollResult_) {
        open_ = false;
        return std::nullopt;
    }
    return nlohmann::json::parse(beast::buffers_to_string(pollBuffer_.data()), nullptr, false);
}

bool PhoneClient::closedByServer(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (open_) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        if (!read(left)) {
            return !lastWasTimeout_;
        }
    }
    return true;
}

void PhoneClient::drop() {
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
    open_ = false;
}

}  // namespace passerelles::room::test
