// The live room's server: Boost.Beast HTTP and WebSocket sessions on one io_context and its own thread.
//
// Sections:
//   1. Shared state     the mutex-protected step, votes and connected tokens; snapshots and tallies
//   2. WebSocket        one phone: hello, votes, rate limit, a write queue
//   3. HTTP             the phone page, the « scannez le QR code » page, 404, the upgrade to /ws
//   4. RoomServer       start (French errors), stop, publish, tally
#include "room/room_server.hpp"

#include <utility>  // first: Boost 1.74's asio/awaitable.hpp uses std::exchange without including it

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <cctype>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

#include "room/phone_page.hpp"

namespace passerelles::room {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using json = nlohmann::json;

namespace {

constexpr std::size_t kMaxHttpHeaderBytes = 8 * 1024;
constexpr std::size_t kMaxHttpBodyBytes = 1024;
constexpr auto kHttpTimeout = std::chrono::seconds(15);
constexpr std::size_t kMaxQueuedWrites = 64;  // a phone that reads nothing is closed, not buffered forever

const char* kindName(RoomStepKind kind) {
    switch (kind) {
        case RoomStepKind::Waiting:
            return "waiting";
        case RoomStepKind::Question:
            return "question";
        case RoomStepKind::Card:
            return "card";
        case RoomStepKind::Scenario:
            return "scenario";
        case RoomStepKind::ProfileMap:
            return "profile";
        case RoomStepKind::Ended:
            return "ended";
    }
    return "waiting";
}

std::string upper(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

std::string lower(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

bool validToken(const std::string& token) {
    if (token.size() < 16 || token.size() > 64) {
        return false;
    }
    return std::all_of(token.begin(), token.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-'; });
}

std::string randomSessionCode() {
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no 0/O, 1/I
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
    std::string code;
    for (int i = 0; i < 4; ++i) {
        code += alphabet[pick(device)];
    }
    return code;
}

// An Origin, when a browser sends one, must name the very host the page came from (no cross-site socket).
bool originMatchesHost(const http::request<http::string_body>& request) {
    auto origin = request.find(http::field::origin);
    if (origin == request.end()) {
        return true;
    }
    std::string value = lower(std::string(origin->value()));
    const std::string host = lower(std::string(request[http::field::host]));
    if (host.empty()) {
        return false;
    }
    for (const char* scheme : {"http://", "https://"}) {
        const std::string prefix = scheme;
        if (value.rfind(prefix, 0) == 0) {
            return value.substr(prefix.size()) == host;
        }
    }
    return false;
}

// "/J/AB12" (any case, an optional query string): the phone page; the code itself is checked by hello.
bool isJoinTarget(std::string_view target) {
    target = target.substr(0, target.find('?'));
    if (target.size() < 4 || target.size() > 3 + 16 || (target[1] != 'J' && target[1] != 'j') ||
        target[0] != '/' || target[2] != '/') {
        return false;
    }
    return std::all_of(target.begin() + 3, target.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

const char* const kHomePage =
    "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Passerelles</title>"
    "<style>body{font-family:system-ui,sans-serif;font-size:20px;margin:2em;line-height:1.4}</style></head>"
    "<body><h1>Passerelles</h1><p>Pour rejoindre la salle, scannez le QR code affiché à l’écran, "
    "ou tapez l’adresse complète indiquée par l’animateur (elle finit par /J/ suivi du code de la session)."
    "</p></body></html>";

}  // namespace

// ─── 1. Shared state ────────────────────────────────────────────────────────────────────────────────────

class WsSession;

struct ServerState {
    RoomOptions options;
    std::atomic<bool> isRunning{false};
    std::uint16_t boundPort = 0;
    std::thread thread;

    mutable std::mutex mutex;  // guards everything up to `tallyRevision`
    std::string code;          // the session code
    RoomStep step;
    std::map<std::string, std::map<std::string, std::vector<int>>> votes;  // key → token → options
    std::map<std::string, int> connectedTokens;  // token → sockets that said hello
    std::uint64_t tallyRevision = 0;             // bumped whenever what tally() returns may have changed

    // Server thread only (or after the thread is joined).
    std::unordered_map<WsSession*, std::weak_ptr<WsSession>> sessions;
    int openSockets = 0;
    bool stopping = false;

    std::unique_ptr<asio::io_context> ioc;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::unique_ptr<asio::steady_timer> stopTimer;
    std::chrono::steady_clock::time_point stopDeadline;

    void accept();
    void broadcast();
    std::vector<std::shared_ptr<WsSession>> aliveSessions() const;
    void shutdownConnections();
    void waitForConnectionsToEnd();

    // Under the mutex: the snapshot a phone with `token` should see.
    std::string snapshotLocked(const std::string& token) const {
        json stepJson = {{"kind", kindName(step.kind)}, {"key", step.key},
                         {"title", step.title},         {"prompt", step.prompt},
                         {"options", step.options},     {"multiple", step.multiple},
                         {"open", step.open},           {"revealed", step.revealed}};
        if (step.revealed) {
            stepJson["correct"] = step.correct;
            stepJson["counts"] = step.counts;
            stepJson["explanation"] = step.explanation;
        }
        json myVote = nullptr;
        if (auto byKey = votes.find(step.key); byKey != votes.end() && !token.empty()) {
            if (auto vote = byKey->second.find(token); vote != byKey->second.end()) {
                myVote = vote->second;
            }
        }
        return json{{"type", "snapshot"}, {"session", code}, {"step", stepJson}, {"myVote", myVote}}.dump();
    }

    std::string snapshot(const std::string& token) const {
        std::lock_guard lock(mutex);
        return snapshotLocked(token);
    }
};

namespace {

std::string errorMessage(const std::string& message) {
    return json{{"type", "error"}, {"message", message}}.dump();
}

}  // namespace

// ─── 2. WebSocket ───────────────────────────────────────────────────────────────────────────────────────

class WsSession : public std::enable_shared_from_this<WsSession> {
  public:
    WsSession(ServerState& impl, tcp::socket&& socket) : impl_(impl), ws_(std::move(socket)) {
        ++impl_.openSockets;
        const auto now = std::chrono::steady_clock::now();
        lastRefill_ = now;
        tokens_ = 2.0 * std::max(1, impl_.options.messagesPerSecond);
    }

    ~WsSession() {
        --impl_.openSockets;
        impl_.sessions.erase(this);
        if (!token_.empty()) {
            std::lock_guard lock(impl_.mutex);
            ++impl_.tallyRevision;
            auto found = impl_.connectedTokens.find(token_);
            if (found != impl_.connectedTokens.end() && --found->second <= 0) {
                impl_.connectedTokens.erase(found);
            }
        }
    }

    void run(http::request<http::string_body> request) {
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.set_option(websocket::stream_base::decorator(
            [](websocket::response_type& response) { response.set(http::field::server, "Passerelles"); }));
        ws_.read_message_max(impl_.options.maxMessageBytes);
        ws_.async_accept(request, [self = shared_from_this()](beast::error_code ec) {
            if (ec) {
                return;
            }
            self->impl_.sessions.emplace(self.get(), self);
            if (self->impl_.stopping) {
                self->sendAndClose(self->impl_.snapshot(""));
            }
            self->read();
        });
    }

    bool helloed() const { return !token_.empty(); }
    const std::string& token() const { return token_; }

    void send(std::string message) {
        if (closing_) {
            return;
        }
        if (queue_.size() >= kMaxQueuedWrites) {
            closeNow();
            return;
        }
        queue_.push_back(std::move(message));
        if (queue_.size() == 1) {
            write();
        }
    }

    // Sends the message, then a close frame; nothing after.
    void sendAndClose(std::string message) {
        send(std::move(message));
        closeAfterWrites_ = true;
        if (queue_.empty()) {
            close();
        }
    }

    void closeNow() {
        closing_ = true;
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);
    }

  private:
    void read() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                return;  // closed, timed out, oversized (Beast answers 1009 itself): the session ends here
            }
            const bool text = self->ws_.got_text();
            std::string message = beast::buffers_to_string(self->buffer_.data());
            self->buffer_.consume(self->buffer_.size());
            if (!self->takeToken()) {
                self->closing_ = true;
                self->ws_.async_close(
                    websocket::close_reason(websocket::close_code::policy_error, "trop de messages"),
                    [self](beast::error_code) {});
                return;
            }
            if (!text) {
                self->send(errorMessage("Le serveur n’accepte que des messages texte."));
            } else {
                self->handle(message);
            }
            if (!self->closing_) {
                self->read();
            }
        });
    }

    bool takeToken() {
        const double rate = std::max(1, impl_.options.messagesPerSecond);
        const auto now = std::chrono::steady_clock::now();
        const double elapsed = std::chrono::duration<double>(now - lastRefill_).count();
        lastRefill_ = now;
        tokens_ = std::min(2.0 * rate, tokens_ + elapsed * rate);
        if (tokens_ < 1.0) {
            return false;
        }
        tokens_ -= 1.0;
        return true;
    }

    void handle(const std::string& text) {
        const json message = json::parse(text, nullptr, false);
        if (message.is_discarded() || !message.is_object() || !message.contains("type") ||
            !message["type"].is_string()) {
            send(errorMessage(
                "Message illisible : le téléphone doit envoyer un objet JSON avec un « type »."));
            return;
        }
        const std::string type = message["type"];
        if (type == "hello") {
            hello(message);
        } else if (type == "vote") {
            vote(message);
        } else {
            send(errorMessage("Type de message inconnu : « " + type + " »."));
        }
    }

    void hello(const json& message) {
        if (!message.contains("session") || !message["session"].is_string() || !message.contains("token") ||
            !message["token"].is_string()) {
            send(errorMessage("Le message hello doit donner « session » et « token »."));
            return;
        }
        const std::string token = message["token"];
        if (!validToken(token)) {
            send(errorMessage("Jeton invalide : 16 à 64 lettres, chiffres ou tirets."));
            return;
        }
        std::string reply;  // stays empty for a stale session code
        {
            std::lock_guard lock(impl_.mutex);
            if (upper(message["session"].get<std::string>()) == impl_.code) {
                if (token_ != token) {
                    if (!token_.empty()) {
                        auto old = impl_.connectedTokens.find(token_);
                        if (old != impl_.connectedTokens.end() && --old->second <= 0) {
                            impl_.connectedTokens.erase(old);
                        }
                    }
                    ++impl_.connectedTokens[token];
                    ++impl_.tallyRevision;
                    token_ = token;
                }
                reply = impl_.snapshotLocked(token_);
            }
        }
        if (reply.empty()) {
            sendAndClose(
                json{{"type", "over"},
                     {"message", "Cette session est terminée. Demandez le nouveau code à l’animateur."}}
                    .dump());
            return;
        }
        send(std::move(reply));
    }

    void vote(const json& message) {
        if (token_.empty()) {
            send(errorMessage("Le téléphone doit d’abord se présenter (message hello) avant de voter."));
            return;
        }
        if (!message.contains("key") || !message["key"].is_string() || !message.contains("options") ||
            !message["options"].is_array()) {
            send(errorMessage("Le vote doit donner « key » et une liste « options »."));
            return;
        }
        const std::string key = message["key"];
        std::vector<int> options;
        for (const json& option : message["options"]) {
            if (!option.is_number_integer()) {
                send(errorMessage("Les réponses d’un vote sont des numéros."));
                return;
            }
            const auto value = option.get<long long>();
            if (value < 0 || value > 1000) {
                send(errorMessage("Cette réponse n’existe pas."));
                return;
            }
            options.push_back(static_cast<int>(value));
        }
        std::sort(options.begin(), options.end());
        options.erase(std::unique(options.begin(), options.end()), options.end());
        std::string refusal;
        {
            std::lock_guard lock(impl_.mutex);
            const RoomStep& step = impl_.step;
            const bool hasOptions = step.kind != RoomStepKind::Waiting && step.kind != RoomStepKind::Ended;
            if (key != step.key || !hasOptions) {
                refusal = "Cette étape n’est plus à l’écran : votre réponse n’a pas été comptée.";
            } else if (!step.open) {
                refusal = "Le vote est fermé.";
            } else if (!options.empty() && options.back() >= static_cast<int>(step.options.size())) {
                refusal = "Cette réponse n’existe pas.";
            } else if (options.size() > 1 && !step.multiple) {
                refusal = "Une seule réponse est possible ici.";
            } else if (options.empty()) {
                impl_.votes[key].erase(token_);
                ++impl_.tallyRevision;
            } else {
                impl_.votes[key][token_] = options;
                ++impl_.tallyRevision;
            }
        }
        if (!refusal.empty()) {
            send(errorMessage(refusal));
            return;
        }
        send(json{{"type", "ack"}, {"key", key}, {"options", options}}.dump());
    }

    void write() {
        ws_.text(true);
        ws_.async_write(asio::buffer(queue_.front()),
                        [self = shared_from_this()](beast::error_code ec, std::size_t) {
                            if (ec) {
                                self->closeNow();
                                return;
                            }
                            self->queue_.pop_front();
                            if (!self->queue_.empty()) {
                                self->write();
                            } else if (self->closeAfterWrites_) {
                                self->close();
                            }
                        });
    }

    void close() {
        if (closing_) {
            return;
        }
        closing_ = true;
        ws_.async_close(websocket::close_code::normal, [self = shared_from_this()](beast::error_code) {});
    }

    ServerState& impl_;
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::string> queue_;
    std::string token_;  // set by a valid hello
    bool closeAfterWrites_ = false;
    bool closing_ = false;
    double tokens_ = 0.0;
    std::chrono::steady_clock::time_point lastRefill_;
};

// ─── 3. HTTP ────────────────────────────────────────────────────────────────────────────────────────────

namespace {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    HttpSession(ServerState& impl, tcp::socket&& socket) : impl_(impl), stream_(std::move(socket)) {
        ++impl_.openSockets;
    }
    ~HttpSession() { --impl_.openSockets; }

    void run() {
        parser_.emplace();
        parser_->header_limit(kMaxHttpHeaderBytes);
        parser_->body_limit(kMaxHttpBodyBytes);
        stream_.expires_after(kHttpTimeout);
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) {
                                 return;  // timeout, too large, malformed or closed: drop it
                             }
                             self->handle(self->parser_->release());
                         });
    }

  private:
    void handle(http::request<http::string_body> request) {
        if (!originMatchesHost(request)) {
            respond(request, http::status::forbidden, "text/plain; charset=utf-8",
                    "Accès refusé : cette page ne peut être ouverte que depuis l’adresse du serveur.");
            return;
        }
        const std::string_view target(request.target().data(), request.target().size());
        const std::string_view path = target.substr(0, target.find('?'));
        if (websocket::is_upgrade(request)) {
            if (path != "/ws") {
                respond(request, http::status::not_found, "text/plain; charset=utf-8", "Page introuvable.");
                return;
            }
            stream_.expires_never();
            auto session = std::make_shared<WsSession>(impl_, stream_.release_socket());
            session->run(std::move(request));
            return;
        }
        if (request.method() != http::verb::get && request.method() != http::verb::head) {
            respond(request, http::status::method_not_allowed, "text/plain; charset=utf-8",
                    "Méthode refusée.");
            return;
        }
        if (isJoinTarget(target)) {
            respond(request, http::status::ok, "text/html; charset=utf-8", phonePage());
        } else if (path == "/") {
            respond(request, http::status::ok, "text/html; charset=utf-8", kHomePage);
        } else {
            respond(request, http::status::not_found, "text/plain; charset=utf-8", "Page introuvable.");
        }
    }

    void respond(const http::request<http::string_body>& request, http::status status, const char* type,
                 std::string_view body) {
        auto response = std::make_shared<http::response<http::string_body>>(status, request.version());
        response->set(http::field::server, "Passerelles");
        response->set(http::field::content_type, type);
        response->set(http::field::cache_control, "no-store");
        response->set("X-Content-Type-Options", "nosniff");
        response->keep_alive(false);
        response->body() = request.method() == http::verb::head ? std::string() : std::string(body);
        response->prepare_payload();
        if (request.method() == http::verb::head) {
            response->content_length(body.size());
        }
        http::async_write(stream_, *response,
                          [self = shared_from_this(), response](beast::error_code, std::size_t) {
                              beast::error_code ignored;
                              self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                          });
    }

    ServerState& impl_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
};

}  // namespace

void ServerState::accept() {
    acceptor->async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == asio::error::operation_aborted || stopping) {
                return;
            }
        } else if (stopping || openSockets >= options.maxConnections) {
            beast::error_code ignored;
            socket.close(ignored);  // over the cap: refused before a byte is read
        } else {
            beast::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);  // small frames: no Nagle wait on an ack
            std::make_shared<HttpSession>(*this, std::move(socket))->run();
        }
        if (!stopping) {
            accept();
        }
    });
}

void ServerState::broadcast() {
    // A copy first: a session that ends while we send erases itself from `sessions`.
    for (const auto& session : aliveSessions()) {
        if (session->helloed()) {
            session->send(snapshot(session->token()));
        }
    }
}

std::vector<std::shared_ptr<WsSession>> ServerState::aliveSessions() const {
    std::vector<std::shared_ptr<WsSession>> alive;
    alive.reserve(sessions.size());
    for (const auto& entry : sessions) {
        if (auto session = entry.second.lock()) {
            alive.push_back(std::move(session));
        }
    }
    return alive;
}

void ServerState::shutdownConnections() {
    stopping = true;
    beast::error_code ignored;
    acceptor->close(ignored);
    for (const auto& session : aliveSessions()) {
        session->sendAndClose(snapshot(session->token()));
    }
    // Phones get a moment to receive « ended » and answer the close; then whatever is left is cut.
    stopDeadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    stopTimer = std::make_unique<asio::steady_timer>(*ioc);
    waitForConnectionsToEnd();
}

void ServerState::waitForConnectionsToEnd() {
    stopTimer->expires_after(std::chrono::milliseconds(10));
    stopTimer->async_wait([this](beast::error_code ec) {
        if (ec) {
            return;
        }
        if (openSockets == 0 || std::chrono::steady_clock::now() >= stopDeadline) {
            ioc->stop();
        } else {
            waitForConnectionsToEnd();
        }
    });
}

struct RoomServer::Impl : ServerState {};

// ─── 4. RoomServer ──────────────────────────────────────────────────────────────────────────────────────

RoomServer::RoomServer() : impl_(std::make_unique<Impl>()) {}

RoomServer::~RoomServer() {
    stop();
}

bool RoomServer::start(const RoomOptions& options, std::string& error) {
    if (impl_->isRunning) {
        error = "Le serveur de la salle est déjà démarré.";
        return false;
    }
    Impl& impl = *impl_;
    impl.options = options;
    impl.options.maxConnections = std::max(1, options.maxConnections);
    impl.options.maxMessageBytes = std::max<std::size_t>(256, options.maxMessageBytes);
    {
        std::lock_guard lock(impl.mutex);
        impl.code = options.sessionCode.empty() ? randomSessionCode() : upper(options.sessionCode);
        impl.step = RoomStep{};
        impl.votes.clear();
        impl.connectedTokens.clear();
        ++impl.tallyRevision;
    }
    impl.stopping = false;

    beast::error_code ec;
    const auto address = asio::ip::make_address(options.bindAddress, ec);
    if (ec) {
        error = "L’adresse d’écoute « " + options.bindAddress + " » n’est pas une adresse IP valide.";
        return false;
    }
    impl.ioc = std::make_unique<asio::io_context>(1);
    impl.acceptor = std::make_unique<tcp::acceptor>(*impl.ioc);
    const tcp::endpoint endpoint(address, options.port);
    const std::string port = std::to_string(options.port);
    impl.acceptor->open(endpoint.protocol(), ec);
    if (!ec) {
        impl.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        impl.acceptor->bind(endpoint, ec);
    }
    if (!ec) {
        impl.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        if (ec == asio::error::address_in_use) {
            error = "Le port " + port +
                    " est déjà utilisé par un autre programme. Fermez-le ou choisissez un autre port.";
        } else if (ec == asio::error::access_denied || ec == asio::error::no_permission) {
            error = "Le système refuse d’ouvrir le port " + port +
                    " (droits insuffisants). Choisissez un port au-dessus de 1024.";
        } else if (ec == boost::system::errc::address_not_available) {
            error = "L’adresse " + options.bindAddress + " n’appartient pas à cet ordinateur.";
        } else {
            error =
                "Le serveur de la salle n’a pas pu démarrer sur le port " + port + " : " + ec.message() + ".";
        }
        impl.acceptor.reset();
        impl.ioc.reset();
        return false;
    }
    impl.boundPort = impl.acceptor->local_endpoint().port();
    impl.accept();
    impl.isRunning = true;
    impl.thread = std::thread([&impl] { impl.ioc->run(); });
    return true;
}

void RoomServer::stop() {
    Impl& impl = *impl_;
    if (!impl.isRunning.exchange(false)) {
        return;
    }
    {
        std::lock_guard lock(impl.mutex);
        RoomStep ended;
        ended.kind = RoomStepKind::Ended;
        ended.key = "ended";
        ended.title = "Session terminée";
        impl.step = ended;
        ++impl.tallyRevision;
    }
    asio::post(*impl.ioc, [&impl] { impl.shutdownConnections(); });
    impl.thread.join();
    impl.acceptor.reset();
    impl.stopTimer.reset();
    impl.ioc.reset();  // destroys what is left of the sessions; the state they touch is still alive
    std::lock_guard lock(impl.mutex);
    impl.votes.clear();
    impl.connectedTokens.clear();
    ++impl.tallyRevision;
}

bool RoomServer::running() const {
    return impl_->isRunning;
}

std::uint16_t RoomServer::port() const {
    return impl_->boundPort;
}

std::string RoomServer::sessionCode() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->code;
}

std::string RoomServer::joinPath() const {
    return "/J/" + sessionCode();
}

void RoomServer::publish(const RoomStep& step) {
    Impl& impl = *impl_;
    {
        std::lock_guard lock(impl.mutex);
        impl.step = step;
        ++impl.tallyRevision;
    }
    if (impl.isRunning) {
        asio::post(*impl.ioc, [&impl] { impl.broadcast(); });
    }
}

std::uint64_t RoomServer::tallyRevision() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->tallyRevision;
}

RoomTally RoomServer::tally() const {
    const Impl& impl = *impl_;
    std::lock_guard lock(impl.mutex);
    RoomTally tally;
    tally.key = impl.step.key;
    tally.connected = static_cast<int>(impl.connectedTokens.size());
    tally.counts.assign(impl.step.options.size(), 0);
    if (auto byKey = impl.votes.find(impl.step.key); byKey != impl.votes.end()) {
        tally.answered = static_cast<int>(byKey->second.size());
        for (const auto& [token, options] : byKey->second) {
            for (int option : options) {
                if (option >= 0 && option < static_cast<int>(tally.counts.size())) {
                    ++tally.counts[static_cast<std::size_t>(option)];
                }
            }
        }
    }
    return tally;
}

std::string joinUrl(const std::string& address, std::uint16_t port, const std::string& joinPath) {
    return "HTTP://" + upper(address) + ":" + std::to_string(port) + upper(joinPath);
}

}  // namespace passerelles::room
