// Linux interfaces that Swift's Glibc module leaves out.
#ifdef __linux__
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

/// A descriptor that turns readable when `pid` exits (Linux 5.3+); -1 with errno otherwise.
static inline int clinux_pidfd_open(pid_t pid) {
  return (int)syscall(SYS_pidfd_open, pid, 0);
}

int pipe2(int pipefd[2], int flags);

/// A pipe whose two ends close on exec.
static inline int clinux_pipe_cloexec(int fds[2]) {
  return pipe2(fds, O_CLOEXEC);
}
#endif
