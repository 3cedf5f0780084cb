#ifndef NORMSCOPE_CNCURSESW_SHIM_H
#define NORMSCOPE_CNCURSESW_SHIM_H
// The C side of the ncurses backend: everything Swift cannot import directly.
//
// - NCURSES_WIDECHAR must be defined before curses.h (SwiftPM drops pkg-config's -D flags),
//   otherwise cchar_t, setcchar and the *_wch functions are missing.
// - Macros (A_BOLD, COLOR_PAIR, getmaxyx, KEY_F(n)) and the globals stdscr/COLORS/COLOR_PAIRS/
//   cur_term are wrapped in `static inline` functions: Swift 6 refuses shared mutable globals.
// - The signal trap lives here because a handler must be async-signal-safe: the polite signals
//   (SIGINT, SIGTERM, SIGHUP, SIGQUIT) only store their number in a `volatile sig_atomic_t`; every
//   other fatal signal restores the terminal with write(2) and tcsetattr alone, from strings and
//   modes captured beforehand, then dies of the signal. Its state is defined `weak` (not `static`)
//   so that every object file that inlines these functions shares ONE copy after linking.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
// Last: term.h defines lower-case macros (lines, columns, ...) that must not reach other headers.
#include <ncursesw/term.h>
#include "cast_rescue.h"

// MARK: - Attributes, keys, globals

static inline attr_t ns_attr_normal(void) { return A_NORMAL; }
static inline attr_t ns_attr_bold(void) { return A_BOLD; }
static inline attr_t ns_attr_dim(void) { return A_DIM; }
static inline attr_t ns_attr_reverse(void) { return A_REVERSE; }
static inline attr_t ns_attr_underline(void) { return A_UNDERLINE; }
static inline int ns_key_f(int n) { return KEY_F(n); }

/// The number of colours after start_color (0 before).
static inline int ns_colors(void) { return COLORS; }
/// The number of colour pairs after start_color (0 before).
static inline int ns_color_pairs(void) { return COLOR_PAIRS; }
/// The current screen's standard window (never use stdscr from Swift).
static inline WINDOW *ns_stdscr(void) { return stdscr; }
/// newterm on the process's stdout/stdin; NULL when the terminal cannot be initialised.
static inline SCREEN *ns_newterm(const char *term) { return newterm(term, stdout, stdin); }
/// Columns a wide character takes (-1 unprintable); glibc hides wcwidth without _XOPEN_SOURCE.
extern int wcwidth(wchar_t);
static inline int ns_wcwidth(wchar_t c) { return wcwidth(c); }
/// The locale's character set name (call setlocale first).
static inline const char *ns_codeset(void) { return nl_langinfo(CODESET); }

// MARK: - Terminal probe (before any screen exists)

// Result codes of ns_probe_terminal.
#define NS_PROBE_OK 1
#define NS_PROBE_UNKNOWN 0       /* no terminfo entry for this name */
#define NS_PROBE_NO_DATABASE -1  /* the terminfo database itself was not found */
#define NS_PROBE_NOT_CAPABLE 2   /* hard-copy, generic, or no cursor addressing */

/// Loads the terminfo entry `term` without touching the tty modes or exiting, checks that it can
/// address the cursor, stores its colour count in *colors, and frees it again.
static inline int ns_probe_terminal(const char *term, int *colors) {
    int err = 0;
    *colors = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, STDOUT_FILENO, &err) != OK) {
        set_curterm(saved);
        return err == -1 ? NS_PROBE_NO_DATABASE : NS_PROBE_UNKNOWN;
    }
    const char *cup = tigetstr("cup");
    int capable = cup != NULL && cup != (const char *)-1
        && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    int n = tigetnum("colors");
    *colors = n > 0 ? n : 0;
    TERMINAL *probed = set_curterm(saved);
    if (probed != saved) del_curterm(probed);
    return capable ? NS_PROBE_OK : NS_PROBE_NOT_CAPABLE;
}

// MARK: - Drawing

/// Writes one cell (a NUL-terminated spacing char plus up to 4 combining chars) at (y, x) with
/// attributes and an extended colour pair (ncurses 6: the pair goes through `opts`, so pairs above
/// 32767 work). Writing the bottom-right cell returns ERR (the cursor cannot advance) but the cell
/// is stored and drawn, without scrolling.
static inline int ns_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    int p = pair;
    if (setcchar(&cc, wch, attrs, (short)(p <= 32767 ? p : 0), &p) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

// MARK: - Signal trap

// Every one needs an initializer: a weak tentative definition is not emitted for Swift's importer
// and would link as a NULL address.
__attribute__((weak)) volatile sig_atomic_t ns_trap_signal = 0;
__attribute__((weak)) volatile sig_atomic_t ns_screen_live = 0;
__attribute__((weak)) int ns_trap_installed = 0;
__attribute__((weak)) int ns_atexit_installed = 0;
__attribute__((weak)) int ns_tty_saved = 0;
__attribute__((weak)) struct termios ns_saved_tty = {0};
__attribute__((weak)) char ns_emergency_seq[256] = {0};
__attribute__((weak)) volatile sig_atomic_t ns_emergency_len = 0;
// Signal numbers go up to SIGRTMAX (64 on Linux); NS_SIGNALS slots cover them all.
#define NS_SIGNALS 65
__attribute__((weak)) struct sigaction ns_old_actions[NS_SIGNALS] = {{{0}}};
// Per signal: 0 not trapped, NS_TRAP_POLITE (flag for the main loop), NS_TRAP_FATAL (restore and die).
#define NS_TRAP_POLITE 1
#define NS_TRAP_FATAL 2
__attribute__((weak)) unsigned char ns_trapped[NS_SIGNALS] = {0};
__attribute__((weak)) volatile sig_atomic_t ns_saved_stderr = -1;
__attribute__((weak)) volatile sig_atomic_t ns_capture_fd = -1;

// MARK: - stderr capture

/// Sends fd 2 to an unlinked temporary file while the screen is live, so stray stderr output (and
/// a crash's "Fatal error" line) neither scribbles over the screen nor vanishes with the alternate
/// screen. Returns 0, or -1 (nothing changed) when the file cannot be made.
static inline int ns_stderr_capture_begin(void) {
    if (ns_capture_fd >= 0) return 0;
    char path[] = "/tmp/normscope-stderr-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return -1;
    unlink(path);
    int saved = dup(STDERR_FILENO);
    if (saved < 0 || dup2(fd, STDERR_FILENO) < 0) {
        close(fd);
        if (saved >= 0) close(saved);
        return -1;
    }
    ns_saved_stderr = saved;
    ns_capture_fd = fd;
    return 0;
}

/// Puts fd 2 back and replays what was captured (async-signal-safe; idempotent).
static inline void ns_stderr_capture_end(void) {
    int fd = (int)ns_capture_fd;
    if (fd < 0) return;
    ns_capture_fd = -1;
    dup2((int)ns_saved_stderr, STDERR_FILENO);
    close((int)ns_saved_stderr);
    ns_saved_stderr = -1;
    char buf[4096];
    ssize_t n;
    lseek(fd, 0, SEEK_SET);
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        ssize_t off = 0;
        while (off < n) {
            ssize_t w = write(STDERR_FILENO, buf + off, (size_t)(n - off));
            if (w <= 0) break;
            off += w;
        }
    }
    close(fd);
}

/// Async-signal-safe restore for when the main loop cannot do it: shell tty modes and the
/// terminal's own "leave full screen, show cursor, plain attributes" strings captured at start.
static inline void ns_emergency_restore(void) {
    if (!ns_screen_live) return;
    ns_screen_live = 0;
    if (ns_tty_saved) tcsetattr(STDIN_FILENO, TCSANOW, &ns_saved_tty);
    if (ns_emergency_len > 0) {
        ssize_t r = write(STDOUT_FILENO, ns_emergency_seq, (size_t)ns_emergency_len);
        (void)r;
    }
    ns_stderr_capture_end();
}

/// SIGINT/SIGTERM/SIGHUP/SIGQUIT: the first one only records the signal; a second one (the main
/// loop did not react, or is still shutting down) restores the terminal as well as a handler can,
/// puts a recording at its final path (cast_rescue.h) and exits at once.
static inline void ns_trap_handler(int sig) {
    if (ns_trap_signal != 0) {
        ns_emergency_restore();
        ns_stderr_capture_end();
        ns_cast_rescue();
        _exit(128 + sig);
    }
    ns_trap_signal = sig;
}

/// Every other fatal signal (crashes, SIGUSR1, SIGALRM, SIGXCPU, realtime signals, ...): restore the
/// terminal, let whoever had the signal before run (the Swift runtime's backtracer prints its crash
/// report on a sane terminal), then die of the signal with its default action, so the exit status
/// is the signal's. Only async-signal-safe calls: write, tcsetattr, dup2, read, lseek, close,
/// sigaction, sigprocmask, raise, _exit.
static inline void ns_fatal_handler(int sig, siginfo_t *info, void *context) {
    ns_emergency_restore();
    ns_stderr_capture_end();
    if (sig > 0 && sig < NS_SIGNALS) {
        struct sigaction old = ns_old_actions[sig];
        int siginfo = (old.sa_flags & SA_SIGINFO) != 0;
        if (siginfo ? old.sa_sigaction != NULL
                    : (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN && old.sa_handler != NULL)) {
            sigaction(sig, &old, NULL);
            if (siginfo) old.sa_sigaction(sig, info, context); else old.sa_handler(sig);
        }
    }
    // Still alive (there was no previous handler, or it returned): die of the signal.
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);  // a signal whose default action does not end the process
}

/// Whether `sig` is at its default action now, and what that is (ignored signals, and signals
/// someone else handles, are left alone).
static inline int ns_signal_is_default(int sig, struct sigaction *current) {
    if (sigaction(sig, NULL, current) != 0) return 0;
    if (current->sa_flags & SA_SIGINFO) return 0;
    return current->sa_handler == SIG_DFL;
}

/// Takes `sig` for the trap (`kind` NS_TRAP_POLITE or NS_TRAP_FATAL), remembering its disposition.
static inline void ns_trap_take(int sig, int kind, const struct sigaction *current) {
    if (sig <= 0 || sig >= NS_SIGNALS || ns_trapped[sig]) return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (kind == NS_TRAP_POLITE) {
        sa.sa_handler = ns_trap_handler;
        sa.sa_flags = 0;  // no SA_RESTART, so a pending input poll wakes up
    } else {
        // SA_ONSTACK: on the alternate stack where one is set up (the Swift runtime's, so a stack
        // overflow still reaches the handler); SA_RESETHAND: a crash inside the handler is final.
        sa.sa_sigaction = ns_fatal_handler;
        sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_RESETHAND | SA_ONSTACK;
    }
    ns_old_actions[sig] = *current;
    if (sigaction(sig, &sa, NULL) == 0) ns_trapped[sig] = (unsigned char)kind;
}

/// Signals that end the process by default and are not crashes: trapped only while at their
/// default action (an ignored SIGHUP under nohup stays ignored; a profiler's SIGPROF stays its).
static inline int ns_quiet_fatal_signal(int i) {
    static const int sigs[] = {
        SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPIPE,
#ifdef SIGPOLL
        SIGPOLL,
#endif
#ifdef SIGSTKFLT
        SIGSTKFLT,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
#ifdef SIGLOST
        SIGLOST,
#endif
    };
    return i >= 0 && i < (int)(sizeof sigs / sizeof sigs[0]) ? sigs[i] : 0;
}

/// Crash signals: trapped whatever their handler (usually the Swift runtime's backtracer), which
/// the trap then calls on the way out.
static inline int ns_crash_signal(int i) {
    static const int sigs[] = {
        SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS,
#ifdef SIGEMT
        SIGEMT,
#endif
    };
    return i >= 0 && i < (int)(sizeof sigs / sizeof sigs[0]) ? sigs[i] : 0;
}

/// The lowest and highest realtime signal (0 where there are none).
static inline int ns_sigrtmin(void) {
#ifdef SIGRTMIN
    return SIGRTMIN;
#else
    return 0;
#endif
}
static inline int ns_sigrtmax(void) {
#ifdef SIGRTMAX
    return SIGRTMAX;
#else
    return 0;
#endif
}

/// Installs the handlers (idempotent). Call before newterm: ncurses then keeps its hands off
/// SIGINT/SIGTERM (it only claims signals still at their default). SIGWINCH and SIGTSTP stay
/// with ncurses; SIGCHLD, SIGURG, SIGCONT, SIGTTIN, SIGTTOU do not end the process.
static inline void ns_trap_install(void) {
    if (ns_trap_installed) return;
    ns_trap_installed = 1;
    ns_trap_signal = 0;
    ns_tty_saved = tcgetattr(STDIN_FILENO, &ns_saved_tty) == 0;
    struct sigaction current;
    int polite[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    for (unsigned i = 0; i < sizeof polite / sizeof polite[0]; i++) {
        if (sigaction(polite[i], NULL, &current) != 0) continue;
        if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN) continue;
        ns_trap_take(polite[i], NS_TRAP_POLITE, &current);
    }
    for (int i = 0, sig; (sig = ns_crash_signal(i)) != 0; i++) {
        if (sigaction(sig, NULL, &current) != 0) continue;
        if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN) continue;
        ns_trap_take(sig, NS_TRAP_FATAL, &current);
    }
    for (int i = 0, sig; (sig = ns_quiet_fatal_signal(i)) != 0; i++) {
        if (ns_signal_is_default(sig, &current)) ns_trap_take(sig, NS_TRAP_FATAL, &current);
    }
    for (int sig = ns_sigrtmin(); sig > 0 && sig <= ns_sigrtmax() && sig < NS_SIGNALS; sig++) {
        if (ns_signal_is_default(sig, &current)) ns_trap_take(sig, NS_TRAP_FATAL, &current);
    }
}

/// Puts back the dispositions found by ns_trap_install (idempotent).
static inline void ns_trap_uninstall(void) {
    if (!ns_trap_installed) return;
    for (int sig = 1; sig < NS_SIGNALS; sig++) {
        if (!ns_trapped[sig]) continue;
        sigaction(sig, &ns_old_actions[sig], NULL);
        ns_trapped[sig] = 0;
    }
    ns_trap_installed = 0;
}

/// How the trap handles `sig` now: 0 not at all, NS_TRAP_POLITE or NS_TRAP_FATAL.
static inline int ns_trap_kind(int sig) { return sig > 0 && sig < NS_SIGNALS ? ns_trapped[sig] : 0; }

/// The first trapped signal number, 0 if none arrived.
static inline int ns_trap_is_installed(void) { return ns_trap_installed; }
static inline int ns_trap_pending(void) { return (int)ns_trap_signal; }
static inline void ns_trap_clear(void) { ns_trap_signal = 0; }

static inline void ns_append_cap(const char *name) {
    const char *s = tigetstr(name);
    if (s == NULL || s == (const char *)-1) return;
    size_t n = strlen(s);
    size_t at = (size_t)ns_emergency_len;
    if (at + n >= sizeof ns_emergency_seq) return;
    memcpy(ns_emergency_seq + at, s, n);
    ns_emergency_len = (sig_atomic_t)(at + n);
}

/// Captures the current terminal's sgr0/rmkx/cnorm/rmcup strings (plain attributes, cursor keys back
/// to normal, visible cursor, main screen) for ns_emergency_restore (call after newterm), and marks
/// the screen live.
static inline void ns_screen_began(void) {
    ns_emergency_len = 0;
    ns_append_cap("sgr0");
    ns_append_cap("rmkx");
    ns_append_cap("cnorm");
    ns_append_cap("rmcup");
    // The whole screen as scroll region again (an ANSI csr without rows), cursor kept: see below.
    const char *csr = tigetstr("csr");
    if (csr != NULL && csr != (const char *)-1 && csr[0] == '\033' && csr[1] == '[') {
        ns_append_cap("sc");
        size_t at = (size_t)ns_emergency_len;
        if (at + 3 < sizeof ns_emergency_seq) {
            memcpy(ns_emergency_seq + at, "\033[r", 3);
            ns_emergency_len = (sig_atomic_t)(at + 3);
        }
        ns_append_cap("rc");
    }
    ns_screen_live = 1;
}

/// Sets the terminal's scroll region back to its whole real height, the cursor kept where it is (sc, csr,
/// rc). ncurses sets the region to the size it believes at start, which is LINES when that is exported,
/// and endwin leaves it: with LINES smaller than the terminal, the shell would scroll only the top LINES
/// rows until `reset`. The real height comes from the tty (TIOCGWINSZ); call after endwin, before delscreen.
static inline void ns_reset_scroll_region(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0) return;
    const char *csr = tigetstr("csr");
    if (csr == NULL || csr == (const char *)-1) return;
    const char *region = tiparm(csr, 0, (int)size.ws_row - 1);
    if (region == NULL) return;
    char buffer[128];
    size_t n = 0;
    const char *parts[3] = { tigetstr("sc"), region, tigetstr("rc") };
    for (int i = 0; i < 3; i++) {
        const char *p = parts[i];
        if (p == NULL || p == (const char *)-1) continue;
        size_t k = strlen(p);
        if (n + k >= sizeof buffer) return;
        memcpy(buffer + n, p, k);
        n += k;
    }
    for (size_t off = 0; off < n;) {
        ssize_t w = write(STDOUT_FILENO, buffer + off, n - off);
        if (w <= 0) break;
        off += (size_t)w;
    }
}

/// Mouse reporting off, every mode ncurses may turn on (X10 clicks, button and any-event tracking, SGR
/// coordinates): unknown private modes are ignored by terminals, so all four are sent.
#define NS_MOUSE_OFF "\033[?1006l\033[?1003l\033[?1002l\033[?1000l"

/// Turns on reports of button-1 presses (at once: no click interval) and adds the mouse-off sequence to the
/// emergency restore, so a fatal signal leaves no mouse reporting behind; returns whether ncurses took it.
/// endwin turns the mouse off on every other exit.
static inline int ns_mouse_on(void) {
    size_t n = strlen(NS_MOUSE_OFF), at = (size_t)ns_emergency_len;
    if (at + n >= sizeof ns_emergency_seq) return 0;
    memcpy(ns_emergency_seq + at, NS_MOUSE_OFF, n);
    ns_emergency_len = (sig_atomic_t)(at + n);
    mouseinterval(0);
    return mousemask(BUTTON1_PRESSED, NULL) != 0;
}

/// The cells of the button-1 presses that one KEY_MOUSE announced, oldest first (at most `max`): their count.
/// ncurses reads the mouse reports that arrive together (two clicks in one write) as one run behind a single
/// KEY_MOUSE, and getmouse hands the run out newest first, one event a call, until ERR: reading only one
/// lost the others (and left them in the queue). Other events (releases) are skipped.
static inline int ns_mouse_presses(int *xs, int *ys, int max) {
    MEVENT e;
    int n = 0;
    for (int guard = 0; guard < 64 && getmouse(&e) == OK; guard++) {
        if ((e.bstate & BUTTON1_PRESSED) == 0 || n >= max) continue;
        xs[n] = e.x;
        ys[n] = e.y;
        n++;
    }
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        int tx = xs[i], ty = ys[i];
        xs[i] = xs[j];
        ys[i] = ys[j];
        xs[j] = tx;
        ys[j] = ty;
    }
    return n;
}

/// Marks the screen restored (call right before endwin).
static inline void ns_screen_ended(void) { ns_screen_live = 0; }
static inline int ns_screen_is_live(void) { return (int)ns_screen_live; }

static inline void ns_atexit_restore(void) {
    if (ns_screen_live) {
        ns_screen_live = 0;
        endwin();
    }
    ns_stderr_capture_end();
}

/// Registers (once) an atexit hook that calls endwin if a screen is still live at exit().
static inline void ns_install_atexit(void) {
    if (ns_atexit_installed) return;
    ns_atexit_installed = 1;
    atexit(ns_atexit_restore);
}

/// For tests of the trap: raise a signal in this process.
static inline int ns_raise(int sig) { return raise(sig); }

#endif
