#ifndef NORMSCOPE_CNCURSESW_CAST_RESCUE_H
#define NORMSCOPE_CNCURSESW_CAST_RESCUE_H
// Finishing a recording from a signal handler: the live view writes its cast to FILE.cast.partial and
// renames it to FILE.cast when it shuts down. A second terminating signal during that shutdown ends the
// process from the handler (`ns_trap_handler` in shim.h) before the rename; it calls
// `ns_cast_rescue()` first, which renames the partial file itself. Both paths are copied into static
// buffers while recording starts, so the handler needs nothing but rename(2) and unlink(2), both
// async-signal-safe. The partial file holds whole lines only (one write(2) per frame), so once its
// header is written it is a valid cast at any moment.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NS_CAST_PATH_MAX 4096
// 0: nothing to rescue; 1: the partial file is empty (no frame yet): remove it; 2: it holds a valid
// cast: rename it to the final path.
#define NS_CAST_NONE 0
#define NS_CAST_EMPTY 1
#define NS_CAST_STARTED 2
__attribute__((weak)) volatile sig_atomic_t ns_cast_state = NS_CAST_NONE;
__attribute__((weak)) char ns_cast_partial[NS_CAST_PATH_MAX] = {0};
__attribute__((weak)) char ns_cast_final[NS_CAST_PATH_MAX] = {0};

/// Remembers the recording's partial and final paths (called once the partial file is created).
/// Returns 0, or -1 (nothing remembered) when a path does not fit.
static inline int ns_cast_arm(const char *partial, const char *final_path) {
    ns_cast_state = NS_CAST_NONE;
    if (strlen(partial) >= NS_CAST_PATH_MAX || strlen(final_path) >= NS_CAST_PATH_MAX) return -1;
    strcpy(ns_cast_partial, partial);
    strcpy(ns_cast_final, final_path);
    ns_cast_state = NS_CAST_EMPTY;
    return 0;
}

/// Marks the partial file as a valid cast (its header line is written).
static inline void ns_cast_mark_started(void) {
    if (ns_cast_state == NS_CAST_EMPTY) ns_cast_state = NS_CAST_STARTED;
}

/// Forgets the paths (the recording was finished or abandoned by the main loop).
static inline void ns_cast_disarm(void) { ns_cast_state = NS_CAST_NONE; }

/// From a signal handler that is about to end the process: puts a started recording at its final path,
/// removes an empty one. Async-signal-safe (rename, unlink); runs at most once.
static inline void ns_cast_rescue(void) {
    sig_atomic_t state = ns_cast_state;
    ns_cast_state = NS_CAST_NONE;
    if (state == NS_CAST_STARTED) {
        (void)rename(ns_cast_partial, ns_cast_final);
    } else if (state == NS_CAST_EMPTY) {
        (void)unlink(ns_cast_partial);
    }
}

#endif
