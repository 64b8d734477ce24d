// Runs part of a test in a forked child: faults that must not touch the test process itself (a file size
// limit standing for a full disk, an unprivileged user so that permissions apply even under root), and
// crashes that must be seen as crashes rather than take the whole suite down.
#pragma once

#include <functional>
#include <string>

namespace passerelles::testing {

struct ChildResult {
    bool exited = false;  // false: the child was killed by a signal (a crash, an abort)
    int status = 0;       // the exit code, or the signal number
    std::string report;   // what the child's body returned

    bool ok() const { return exited && status == 0; }
};

// Forks; the child runs `body` and sends back the text it returns, then exits; the parent waits for it.
ChildResult runInChild(const std::function<std::string()>& body);

// In a child: gives up root for the "nobody" user, so that file permissions apply as they would to a
// learner. Does nothing when not root; false when root cannot be given up.
bool dropRootPrivileges();

}  // namespace passerelles::testing
