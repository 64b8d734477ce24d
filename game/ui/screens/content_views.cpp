// Key points with sources, shared by the idées reçues and scenario screens.
#include "ui/screens/content_views.hpp"

#include "ui/widgets.hpp"

namespace passerelles::ui {

void drawKeyPoints(Frame& frame, const Pack& pack, const std::vector<KeyPoint>& points,
                   const std::optional<SourceRef>& itemSource) {
    const std::string itemCitation = itemSource ? pack.cite(*itemSource) : std::string();
    for (const KeyPoint& point : points) {
        paragraph(frame, "- " + point.text);
        if (point.source && pack.cite(*point.source) != itemCitation) {
            sourceLine(frame, "Source : " + pack.cite(*point.source));
        }
    }
}

}  // namespace passerelles::ui
