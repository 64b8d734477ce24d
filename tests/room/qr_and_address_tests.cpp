// Join URLs, QR matrices and the classification of the machine's addresses.
#include <doctest/doctest.h>

#include "room/network_addresses.hpp"
#include "room/qr_code.hpp"
#include "room/room_server.hpp"

using namespace passerelles::room;

TEST_CASE("joinUrl is upper case, for the QR code's alphanumeric mode") {
    CHECK(joinUrl("192.168.8.10", 8080, "/J/AB12") == "HTTP://192.168.8.10:8080/J/AB12");
    CHECK(joinUrl("10.0.0.2", 80, "/j/ab12") == "HTTP://10.0.0.2:80/J/AB12");
}

TEST_CASE("makeQr gives a square matrix, the same for the same text") {
    const std::string url = joinUrl("192.168.8.10", 8080, "/J/AB12");
    const QrMatrix first = makeQr(url);
    CHECK(first.size >= 21);
    CHECK(first.dark.size() == static_cast<std::size_t>(first.size * first.size));
    const QrMatrix second = makeQr(url);
    CHECK(first.size == second.size);
    CHECK(first.dark == second.dark);
    CHECK(first.at(0, 0));  // the finder pattern's corner
    CHECK_FALSE(first.at(-1, 0));
    CHECK_FALSE(first.at(first.size, 0));
    CHECK(makeQr(joinUrl("192.168.8.11", 8080, "/J/AB12")).dark != first.dark);
    CHECK(makeQr(std::string(5000, 'A')).size == 0);  // too long for any QR code
}

TEST_CASE("addresses are classified loopback, private and link-local") {
    CHECK(classifyAddress("lo", "127.0.0.1").isLoopback);
    CHECK(classifyAddress("wlan0", "10.1.2.3").isPrivate);
    CHECK(classifyAddress("wlan0", "172.16.0.1").isPrivate);
    CHECK(classifyAddress("wlan0", "172.31.255.1").isPrivate);
    CHECK_FALSE(classifyAddress("wlan0", "172.32.0.1").isPrivate);
    CHECK(classifyAddress("wlan0", "192.168.8.10").isPrivate);
    CHECK_FALSE(classifyAddress("eth0", "193.168.8.10").isPrivate);
    CHECK(classifyAddress("eth0", "169.254.3.4").isLinkLocal);
    CHECK_FALSE(classifyAddress("eth0", "8.8.8.8").isLoopback);
}

TEST_CASE("the preferred address is a private one, else any but loopback") {
    const auto lo = classifyAddress("lo", "127.0.0.1");
    const auto publicAddress = classifyAddress("eth0", "193.1.2.3");
    const auto wifi = classifyAddress("wlan0", "192.168.8.10");
    CHECK(preferredAddress({lo, publicAddress, wifi})->address == "192.168.8.10");
    CHECK(preferredAddress({lo, publicAddress})->address == "193.1.2.3");
    CHECK_FALSE(preferredAddress({lo}).has_value());
    CHECK_FALSE(preferredAddress({}).has_value());
}

TEST_CASE("the machine lists at least its loopback address") {
    const auto addresses = listIpv4Addresses();
    bool loopback = false;
    for (const auto& address : addresses) {
        loopback = loopback || address.isLoopback;
        CHECK_FALSE(address.name.empty());
    }
    CHECK(loopback);
}
