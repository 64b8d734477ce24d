// Pieces of content drawn the same way on several screens (key points with their sources).
#pragma once

#include <optional>
#include <vector>

#include "core/content.hpp"
#include "ui/screen.hpp"

namespace passerelles::ui {

// Bulleted key points; a point shows its source only when it differs from `itemSource`, which the
// caller shows once (pass nullopt to show every point's source).
void drawKeyPoints(Frame& frame, const Pack& pack, const std::vector<KeyPoint>& points,
                   const std::optional<SourceRef>& itemSource);

}  // namespace passerelles::ui
