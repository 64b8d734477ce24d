// IPv4 addresses from getifaddrs (GetAdaptersAddresses on Windows), classified loopback / private /
// link-local.
#include "room/network_addresses.hpp"

#ifdef _WIN32
// winsock2.h first (windows.h would otherwise bring the old winsock.h), iphlpapi.h after both.
#include <winsock2.h>
#include <ws2tcpip.h>

#include <iphlpapi.h>
#else
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#endif

#include <cstdint>
#include <cstring>
#include <vector>

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

#ifdef _WIN32
namespace {

// An adapter's name as Windows shows it (« Wi-Fi », « Ethernet 2 »), from UTF-16 to UTF-8.
std::string utf8(const wchar_t* text) {
    if (text == nullptr) {
        return {};
    }
    const int size = ::WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
    if (size <= 1) {
        return {};
    }
    std::string out(static_cast<std::size_t>(size), '\0');
    ::WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), size, nullptr, nullptr);
    out.pop_back();
    return out;
}

}  // namespace

std::vector<NetworkAddress> listIpv4Addresses() {
    std::vector<NetworkAddress> addresses;
    ULONG size = 16 * 1024;
    std::vector<unsigned char> buffer;
    ULONG status = ERROR_BUFFER_OVERFLOW;
    // The list can grow between the two calls (an adapter plugged in): ask again with the size it says.
    for (int attempt = 0; attempt < 3 && status == ERROR_BUFFER_OVERFLOW; ++attempt) {
        buffer.resize(size);
        status = ::GetAdaptersAddresses(
            AF_INET, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER, nullptr,
            reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    }
    if (status != NO_ERROR) {
        return addresses;
    }
    for (auto* adapter = reinterpret_cast<const IP_ADAPTER_ADDRESSES*>(buffer.data()); adapter != nullptr;
         adapter = adapter->Next) {
        if (adapter->OperStatus != IfOperStatusUp) {
            continue;
        }
        for (auto* unicast = adapter->FirstUnicastAddress; unicast != nullptr; unicast = unicast->Next) {
            const sockaddr* socketAddress = unicast->Address.lpSockaddr;
            if (socketAddress == nullptr || socketAddress->sa_family != AF_INET) {
                continue;
            }
            in_addr address{};
            std::memcpy(&address, &reinterpret_cast<const sockaddr_in*>(socketAddress)->sin_addr,
                        sizeof address);
            char text[INET_ADDRSTRLEN] = {};
            if (inet_ntop(AF_INET, &address, text, sizeof text) != nullptr) {
                addresses.push_back(classifyAddress(utf8(adapter->FriendlyName), text));
            }
        }
    }
    return addresses;
}
#else
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
#endif

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
