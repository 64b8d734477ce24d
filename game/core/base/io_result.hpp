// The one way core reports a failed file or SQLite operation: a value, or a French sentence and a code.
// `Diagnostics` stays for content (a pack's mistakes, with file and place); this is for I/O.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

namespace passerelles {

// What went wrong, for callers that branch on it (a missing file is not said like a damaged one).
// Malformed: read, but not what the program writes there (a damaged plan, another version's file).
enum class FileProblem {
    None,
    Missing,
    LinkLoop,
    Folder,
    NotRegular,
    TooBig,
    Unreadable,
    Unwritable,
    Malformed,
    Other
};

struct IoError {
    explicit IoError(std::string sentence, FileProblem kind = FileProblem::Other, std::error_code reason = {},
                     std::vector<std::string> done = {})
        : message(std::move(sentence)), problem(kind), code(reason), notices(std::move(done)) {}

    // French, for a learner or a trainer: names the file, unless the function says its caller does.
    std::string message;
    FileProblem problem = FileProblem::Other;
    std::error_code code;  // the system's reason, when there is one
    // French sentences about what was done before the failure (a damaged file moved aside): said too.
    std::vector<std::string> notices;
};

// Either a T or an IoError. value() on an error (or error() on a value) throws std::logic_error: a caller
// that forgot to test ok() fails loudly instead of reading an empty value.
template <class T>
class [[nodiscard]] IoResult {
  public:
    IoResult(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    IoResult(IoError error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }

    T& value() & { return *checkedValue(this); }
    const T& value() const& { return *checkedValue(this); }
    T&& value() && { return std::move(*checkedValue(this)); }

    const IoError& error() const {
        if (ok()) {
            throw std::logic_error("IoResult::error() sur une réussite");
        }
        return std::get<1>(state_);
    }

  private:
    template <class Self>
    static auto checkedValue(Self* self) {
        if (!self->ok()) {
            throw std::logic_error("IoResult::value() sur une erreur : " + std::get<1>(self->state_).message);
        }
        return &std::get<0>(self->state_);
    }

    std::variant<T, IoError> state_;
};

// For writes: nothing to return but success.
template <>
class [[nodiscard]] IoResult<void> {
  public:
    IoResult() = default;
    IoResult(IoError error) : error_(std::move(error)) {}

    bool ok() const { return !error_.has_value(); }
    const IoError& error() const {
        if (ok()) {
            throw std::logic_error("IoResult::error() sur une réussite");
        }
        return *error_;
    }

  private:
    std::optional<IoError> error_;
};

}  // namespace passerelles
