// Linux interfaces that Swift's Glibc module leaves out.
#ifdef __linux__
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
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
  // A new pipe's read end has no status flags but O_RDONLY.
  if (fcntl(fds[0], F_SETFL, O_RDONLY | O_NONBLOCK) != 0) {
    close(fds[0]);
    close(fds[1]);
    return -1;
  }
  return 0;
}

#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>

// Headers Swift's Glibc module also reads are not included for the spawn routine (<sys/wait.h>,
// <errno.h>, <sched.h>): a second module reading them may take their enums, and `P_PID` went
// missing from files that import only Glibc. What it needs is declared here instead.

/// GNU declarations (<sched.h> with _GNU_SOURCE) that Swift's Glibc module does not make.
int clone(int (*function)(void *), void *stack, int flags, void *argument, ...);
/// Where `errno` lives (<errno.h>).
int *__errno_location(void);
#ifndef CLONE_VM
#define CLONE_VM 0x00000100
#endif
#ifndef CLONE_VFORK
#define CLONE_VFORK 0x00004000
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif

/// How `clinux_spawn` connects and starts a child. Every pointer must stay valid for the call.
struct clinux_spawn_request {
  const char *path;
  char *const *argv;
  char *const *envp;
  const char *directory;
  /// Descriptors for the child's stdout and stderr, or -1 to keep blumeops' own.
  int output;
  int error;
  /// True: stdin is /dev/null; false: blumeops' own stdin.
  int null_input;
  /// An open `/dev/null` to give as stdin, or -1 for the child to open one.
  int null_device;
  /// True: the child leads a new process group.
  int own_group;
  /// Sent to the child when the thread that started it ends (0: none).
  int parent_death_signal;
  /// Descriptors (above 2, ascending) the child keeps at the same numbers; all others above 2
  /// are closed.
  const int *kept;
  int kept_count;
  /// The parent's pid, for the child to check it was not orphaned before asking for the signal.
  pid_t parent;
  /// A pseudo-terminal's slave, or -1: the child then leads a new session with it as its
  /// controlling terminal and its stdin, stdout and stderr.
  int terminal;
  /// Set by the child when it fails before exec.
  volatile int failure;
};

// Not instrumented by the address sanitizer: the child runs on a borrowed stack in the parent's
// memory, where poisoning its frames would corrupt the parent's shadow memory.
__attribute__((no_sanitize("address")))
static inline int clinux_spawn_child(void *argument) {
  struct clinux_spawn_request *r = (struct clinux_spawn_request *)argument;
  // The parent's handlers must never run here, in its memory: every signal is blocked (by the
  // parent) until each one's action is the default again.
  struct sigaction action = {0};
  action.sa_handler = SIG_DFL;
  for (int number = 1; number < NSIG; number++) {
    if (number != SIGKILL && number != SIGSTOP) (void)sigaction(number, &action, NULL);
  }
  if (r->terminal >= 0) {
    if (setsid() < 0 || ioctl(r->terminal, TIOCSCTTY, 0) != 0) goto fail;
    for (int stream = 0; stream <= 2; stream++) {
      if (dup2(r->terminal, stream) < 0) goto fail;
    }
  } else if (r->own_group && setpgid(0, 0) != 0) {
    goto fail;
  }
  if (r->parent_death_signal != 0) {
    if (prctl(PR_SET_PDEATHSIG, r->parent_death_signal, 0, 0, 0) != 0) goto fail;
    // The parent died before the request was made: it will never be sent.
    if (getppid() != r->parent) _exit(128 + r->parent_death_signal);
  }
  if (r->null_input && r->null_device >= 0) {
    // dup2 clears close-on-exec on the copy; the original closes with the others below.
    if (r->null_device != 0 && dup2(r->null_device, 0) < 0) goto fail;
  } else if (r->null_input) {
    int input = open("/dev/null", O_RDONLY);
    if (input < 0) goto fail;
    if (input != 0) {
      if (dup2(input, 0) < 0) goto fail;
      close(input);
    }
  }
  // dup2 onto the same number keeps close-on-exec: clear it then.
  if (r->output >= 0 && (r->output == 1 ? fcntl(1, F_SETFD, 0) : dup2(r->output, 1)) < 0) goto fail;
  if (r->error >= 0 && (r->error == 2 ? fcntl(2, F_SETFD, 0) : dup2(r->error, 2)) < 0) goto fail;
  int low = 3;
  for (int index = 0; index < r->kept_count; index++) {
    int kept = r->kept[index];
    if (kept < low) continue;
    if (kept > low) (void)syscall(SYS_close_range, low, kept - 1, 0);
    if (fcntl(kept, F_SETFD, 0) != 0) goto fail;
    low = kept + 1;
  }
  (void)syscall(SYS_close_range, low, ~0U, 0);
  if (chdir(r->directory) != 0) goto fail;
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  execve(r->path, r->argv, r->envp);
fail:
  r->failure = *__errno_location() != 0 ? *__errno_location() : 22 /* EINVAL */;
  _exit(127);
}

/// Starts a child as `request` says: the child's pid, or -1 with the failure in
/// `request->failure`.
///
/// Like glibc's posix_spawn, the child shares blumeops' memory and runs on a stack of its own
/// until it execs, while the calling thread waits; unlike posix_spawn, it can ask for a signal
/// when that thread ends (`PR_SET_PDEATHSIG`). Call it from a thread that lives as long as the
/// children should.
static inline pid_t clinux_spawn(struct clinux_spawn_request *request) {
  _Alignas(16) char stack[32768];
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  request->failure = 0;
  pid_t pid = clone(clinux_spawn_child, stack + sizeof stack, CLONE_VM | CLONE_VFORK | SIGCHLD,
                    request);
  int cloneError = *__errno_location();
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  if (pid < 0) {
    request->failure = cloneError;
    return -1;
  }
  if (request->failure != 0) {
    // It never ran the program: collect it here, as nobody else knows of it.
    while (syscall(SYS_wait4, pid, NULL, 0, NULL) < 0 && *__errno_location() == 4 /* EINTR */) {
    }
    return -1;
  }
  return pid;
}


#include <malloc.h>
#include <stddef.h>

/// Pseudo-terminals (<stdlib.h> declares them only for _XOPEN_SOURCE).
int posix_openpt(int flags);
int grantpt(int descriptor);
int unlockpt(int descriptor);
int ptsname_r(int descriptor, char *name, size_t length);

/// A GNU extension of <string.h>.
void *memmem(const void *haystack, size_t haystack_length, const void *needle,
             size_t needle_length);

#endif
