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

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>

/// A descriptor that reads the given signals, which must be blocked in every thread.
static inline int clinux_signalfd(const sigset_t *signals) {
  return signalfd(-1, signals, SFD_CLOEXEC | SFD_NONBLOCK);
}

/// The number of the signal read from a signalfd, or 0 when none is pending.
static inline int clinux_read_signal(int descriptor) {
  struct signalfd_siginfo info;
  return read(descriptor, &info, sizeof info) == (ssize_t)sizeof info ? (int)info.ssi_signo : 0;
}

/// A counter descriptor for waking a thread that waits in `poll`.
static inline int clinux_eventfd(void) {
  return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

#include <pthread.h>
#include <sched.h>

int sched_getcpu(void);
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int pthread_attr_setaffinity_np(pthread_attr_t *attr, size_t size, const cpu_set_t *set);

/// The CPUs a thread may run on.
typedef struct {
  cpu_set_t set;
  int valid;
} clinux_cpus;

/// The CPUs the calling thread may run on.
static inline clinux_cpus clinux_allowed_cpus(void) {
  clinux_cpus cpus;
  cpus.valid = sched_getaffinity(0, sizeof cpus.set, &cpus.set) == 0;
  return cpus;
}

/// Makes `attributes` start a thread on one of `cpus` other than the caller's; 0 when it does.
static inline int clinux_start_elsewhere(pthread_attr_t *attributes, clinux_cpus cpus) {
  const int per = 8 * sizeof cpus.set.__bits[0];
  const int current = sched_getcpu();
  if (!cpus.valid || current < 0 || current >= (int)(8 * sizeof cpus.set)) return -1;
  int count = 0;
  for (size_t i = 0; i < sizeof cpus.set.__bits / sizeof cpus.set.__bits[0]; i++)
    count += __builtin_popcountl(cpus.set.__bits[i]);
  const unsigned long bit = 1UL << (current % per);
  if (count < 2 || !(cpus.set.__bits[current / per] & bit)) return -1;
  cpus.set.__bits[current / per] &= ~bit;
  return pthread_attr_setaffinity_np(attributes, sizeof cpus.set, &cpus.set);
}

#include <dirent.h>

/// Reads directory entries (struct linux_dirent64) into `buffer`: the bytes read, 0 at the end,
/// -1 with errno on failure.
static inline long clinux_getdents(int descriptor, void *buffer, unsigned long size) {
  return syscall(SYS_getdents64, descriptor, buffer, size);
}

/// A hint, inside a busy-wait loop, that the thread is spinning.
static inline void clinux_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

/// Lets the calling thread run on `cpus`.
static inline void clinux_allow_cpus(clinux_cpus cpus) {
  if (cpus.valid) sched_setaffinity(0, sizeof cpus.set, &cpus.set);
}
#endif
