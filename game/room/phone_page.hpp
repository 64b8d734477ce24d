// The phone page: one self-contained HTML document (style and script inline), served from memory.
#pragma once

#include <string_view>

namespace passerelles::room {

std::string_view phonePage();

}  // namespace passerelles::room
