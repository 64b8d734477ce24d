// The machine's IPv4 addresses, to tell phones where to connect (the QR code's host).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace passerelles::room {

struct NetworkAddress {
    std::string name;     // interface: "wlan0", "eth0", "lo"
    std::string address;  // dotted quad: "192.168.8.10"
    bool isLoopback = false;
    bool isPrivate = false;    // 10/8, 172.16/12, 192.168/16
    bool isLinkLocal = false;  // 169.254/16: no DHCP answered
};

// Interfaces that are up, in the system's order.
std::vector<NetworkAddress> listIpv4Addresses();
// A private non-loopback address first (the room's Wi-Fi), else any non-loopback one; none if only loopback.
std::optional<NetworkAddress> preferredAddress(const std::vector<NetworkAddress>& addresses);
// Classifies a dotted quad (used by listIpv4Addresses; public for tests).
NetworkAddress classifyAddress(const std::string& name, const std::string& address);

}  // namespace passerelles::room
