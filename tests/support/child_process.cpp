// Forked children for fault tests: the body's report comes back through a pipe.
#include "support/child_process.hpp"

#include <cstdio>

#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace passerelles::testing {

ChildResult runInChild(const std::function<std::string()>& body) {
    int ends[2];
    ChildResult result;
    if (::pipe(ends) != 0) {
        result.report = "pipe() failed";
        return result;
    }
    std::fflush(nullptr);  // nothing buffered twice
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(ends[0]);
        const std::string report = body();
        std::size_t written = 0;
        while (written < report.size()) {
            const auto count = ::write(ends[1], report.data() + written, report.size() - written);
            if (count <= 0) {
                break;
            }
            written += static_cast<std::size_t>(count);
        }
        ::close(ends[1]);
        ::_exit(0);  // no atexit handlers: they belong to the parent's test run
    }
    ::close(ends[1]);
    if (child < 0) {
        ::close(ends[0]);
        result.report = "fork() failed";
        return result;
    }
    char buffer[4096];
    for (;;) {
        const auto count = ::read(ends[0], buffer, sizeof buffer);
        if (count <= 0) {
            break;
        }
        result.report.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(ends[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    result.exited = WIFEXITED(status);
    result.status = result.exited ? WEXITSTATUS(status) : WTERMSIG(status);
    return result;
}

bool dropRootPrivileges() {
    if (::geteuid() != 0) {
        return true;
    }
    const passwd* nobody = ::getpwnam("nobody");
    const uid_t uid = nobody != nullptr ? nobody->pw_uid : 65534;
    const gid_t gid = nobody != nullptr ? nobody->pw_gid : 65534;
    return ::setgroups(0, nullptr) == 0 && ::setgid(gid) == 0 && ::setuid(uid) == 0 && ::geteuid() == uid;
}

}  // namespace passerelles::testing
