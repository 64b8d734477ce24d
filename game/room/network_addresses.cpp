// IPv4 addresses from getifaddrs, classified loopback / private / link-local.
#include "room/network_addresses.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>

namespace passerelles::room {

NetworkAddress classifyAddress(const std::string& name, const std::string& address) {
    NetworkAddress result{name, address};
    in_addr parsed{};
    if (inet_pton(AF_INET, address.c_str(), &parsed) != 1) {
        return result;
    }
    const std::uint32_t ip = ntohl(parsed.s_addr);
    result.isLoopback = (ip >> 24) == 127;
    result.isPrivate =
        (ip >> 24) == 10 || (ip >> 20) == ((172u << 4) | 1u) || (ip >> 16) == ((192u << 8) | 168u);
    result.isLinkLocal = (ip >> 16) == ((169u << 8) | 254u);
    return result;
}

std::vector<NetworkAddress> listIpv4Addresses() {
    std::vector<NetworkAddress> addresses;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        return addresses;
    }
    for (const ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
        if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET ||
            (entry->ifa_flags & IFF_UP) == 0) {
            continue;
        }
        in_addr address{};
        std::memcpy(&address, &reinterpret_cast<const sockaddr_in*>(entry->ifa_addr)->sin_addr,
                    sizeof address);
        char text[INET_ADDRSTRLEN] = {};
        if (inet_ntop(AF_INET, &address, text, sizeof text) != nullptr) {
            addresses.push_back(classifyAddress(entry->ifa_name != nullptr ? entry->ifa_name : "", text));
        }
    }
    freeifaddrs(list);
    return addresses;
}

std::optional<NetworkAddress> preferredAddress(const std::vector<NetworkAddress>& addresses) {
    for (const NetworkAddress& address : addresses) {
        if (address.isPrivate && !address.isLoopback) {
            return address;
        }
    }
    for (const NetworkAddress& address : addresses) {
        if (!address.isLoopback) {
            return address;
        }
    }
    return std::nullopt;
}

}  // namespace passerelles::room
