// Counting and formatting of content diagnostics.
#include "core/base/diagnostics.hpp"

#include "core/base/text.hpp"

namespace passerelles {

void Diagnostics::add(Diagnostic diagnostic) {
    diagnostic.message = frenchTypography(diagnostic.message);
    if (diagnostic.severity == Severity::Error) {
        ++errors_;
    }
    items_.push_back(std::move(diagnostic));
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    errors_ += other.errors_;
}

const char* severityLabel(Severity severity) {
    return severity == Severity::Error ? "erreur" : "avertissement";
}

std::string formatDiagnostic(const Diagnostic& diagnostic) {
    std::string out = diagnostic.file;
    if (diagnostic.line > 0) {
        out += ":" + std::to_string(diagnostic.line);
        if (diagnostic.column > 0) {
            out += ":" + std::to_string(diagnostic.column);
        }
    }
    out += ": ";
    out += severityLabel(diagnostic.severity);
    out += " : ";
    out += diagnostic.message;
    if (!diagnostic.pointer.empty()) {
        out += " (" + diagnostic.pointer + ")";
    }
    return out;
}

}  // namespace passerelles
