// Content problems collected while loading a pack: where they are and a sentence a trainer understands.
#pragma once

#include <string>
#include <vector>

namespace passerelles {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;     // path as given to the loader, or relative to the content folder
    std::string pointer;  // JSON pointer ("/questions/3/options"), empty when it is about the whole file
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string message;  // French, one or two sentences
};

class Diagnostics {
  public:
    void add(Diagnostic diagnostic);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& items() const { return items_; }
    bool empty() const { return items_.empty(); }
    int errorCount() const { return errors_; }
    int warningCount() const { return static_cast<int>(items_.size()) - errors_; }
    bool hasErrors() const { return errorCount() > 0; }

  private:
    std::vector<Diagnostic> items_;
    int errors_ = 0;
};

// "cahier/quiz.json:12:5: erreur : Question q07 : aucune option n'est marquée correcte. (/questions/6)"
std::string formatDiagnostic(const Diagnostic& diagnostic);
const char* severityLabel(Severity severity);

}  // namespace passerelles
