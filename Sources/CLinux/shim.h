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

/// A pipe whose two ends close on exec; the read end is non-blocking, the write end (the
/// child's) blocking, as a child expects of its standard output.
static inline int clinux_pipe_for_child(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) return -1;
  if (fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK) != 0) {
    close(fds[0]);
    close(fds[1]);
    return -1;
  }
  return 0;
}

#include <spawn.h>

/// GNU extensions (glibc 2.29 and 2.34) that Swift's Glibc module does not declare.
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

#include <malloc.h>
#include <stddef.h>

/// A GNU extension of <string.h>.
void *memmem(const void *haystack, size_t haystack_length, const void *needle,
             size_t needle_length);

#include <dirent.h>

/// Reads directory entries (struct linux_dirent64) into `buffer`: the bytes read, 0 at the end,
/// -1 with errno on failure.
static inline long clinux_getdents(int descriptor, void *buffer, unsigned long size) {
  return syscall(SYS_getdents64, descriptor, buffer, size);
}
#endif
