#ifndef COACH_LINE_EDITING_H
#define COACH_LINE_EDITING_H

// The one place that touches GNU readline's C globals and the signal handlers around it.
//
// Swift 6 treats every use of a readline global as a concurrency error, and a signal handler
// must only touch async-signal-safe state: both are simpler and safer in C. The Swift side
// (ReadlineLines) calls these few functions and nothing else of readline.

/// Prepares readline and the signals once, before the first coach_le_read_line:
/// unblocks SIGINT, SIGWINCH, SIGTERM and SIGHUP (a parent may have blocked them), installs a
/// SIGINT handler that only sets a flag while a line is read (and exits with 130 outside a
/// prompt), installs one hook as both rl_event_hook and rl_signal_event_hook that turns the
/// flag into a fresh, empty prompt, and sets up completion of the words given by
/// coach_le_set_completions. SIGTERM and SIGHUP are caught as by coach_le_catch_stop_signals:
/// readline restores the terminal (rl_cleanup_after_signal) and passes them on to that handler,
/// and the hook ends the line being read, so that the program can note the stop and then end
/// by the signal (the shell reports 143 or 129).
void coach_le_setup(void);

/// Reads one line with readline, starting with the text given to coach_le_set_prefill, if any.
/// Returns a malloc'd line (the caller frees it), or NULL: then *interrupted is 1 when Ctrl-C
/// dropped the line, 2 when a stop signal came (see coach_le_pending_stop_signal), 3 when
/// Ctrl-C came a second time, on an empty line (the person may want to leave), 4 when the idle
/// hook ended the line (see coach_le_set_idle_hook), 0 at end of input (Ctrl-D on an empty line, or the terminal went away).
char *coach_le_read_line(const char *prompt, int *interrupted);

/// Catches SIGTERM, SIGHUP, SIGQUIT (Ctrl-backslash), SIGUSR1 and SIGUSR2 (and SIGINT, with `interrupt`
/// 1: for input that is not a terminal) with a handler that only notes the signal, without
/// SA_RESTART, so that a blocked read returns EINTR. The program then notes the stop and calls
/// coach_le_end_by_signal. (readline restores the terminal for the signals it knows and passes
/// them on; for SIGUSR1 and SIGUSR2 the line being read ends and readline restores it then.)
void coach_le_catch_stop_signals(int interrupt);

/// Until a conversation catches it, SIGQUIT (Ctrl-backslash) ends the program at once with status 131:
/// no crash report, no core file (Swift's runtime would otherwise report a crash).
void coach_le_quit_quietly(void);

/// Characters typed or pasted at a prompt are given to `keep` (as Unicode scalar values) before
/// readline sees them; those it returns 0 for are dropped, never echoed. ASCII always goes through.
void coach_le_set_input_filter(int (*keep)(unsigned int));

/// The stop signal caught so far, or 0.
int coach_le_pending_stop_signal(void);

/// Ends the process by `signal_number` with its default action, as if it had not been caught;
/// SIGQUIT ends it with status 131 and no core file.
void coach_le_end_by_signal(int signal_number);

/// Text to put on the next line read, for the person to edit (copied; NULL or "" for none),
/// the cursor at its end. With `selected` 1 it is shown selected (readline's active region): a
/// printable character typed first replaces it, while Enter, arrows or Backspace keep it to
/// send or edit. It is never added to the history.
void coach_le_set_prefill(const char *text, int selected);

/// Whether a selected prefill is highlighted (reverse video): off without colours, so that no
/// SGR sequence is written under NO_COLOR or TERM=dumb.
void coach_le_highlight_selection(int on);

/// The words Tab may complete from now on (copied). The whole line typed so far is matched,
/// ignoring case, so option labels with spaces complete as one word.
void coach_le_set_completions(const char *const *words, int count);

/// Keeps at most `cap` entries in memory.
void coach_le_history_limit(int cap);
/// Loads a history file; returns 0 or an errno value.
int coach_le_history_read(const char *path);
/// Adds a line to the history unless it repeats the last one; returns 1 when added.
int coach_le_history_add(const char *line);
/// Appends the last history entry to the file (which must exist) and trims it to `cap`
/// entries; returns 0 or an errno value.
int coach_le_history_append_last(const char *path, int cap);

/// Columns of the terminal on `fd` (TIOCGWINSZ), or 0 when it does not say.
int coach_le_terminal_columns(int fd);
/// Rows of the terminal on `fd` (TIOCGWINSZ), or 0 when it does not say.
int coach_le_terminal_rows(int fd);

// Facilitator mode: a shared screen that changes while a line is typed (a ticking clock, the
// count of ratings from phones), and ratings typed without being seen.

/// Called while readline waits for a key (about ten times a second), with `context`. It may
/// write to the terminal (saving and restoring the cursor) or call coach_le_replace_prompt; it
/// returns 1 to end the line being typed without taking it: coach_le_read_line then returns
/// NULL with *interrupted set to 4, and coach_le_take_partial_line gives what was typed, to be
/// put back with coach_le_set_prefill. NULL removes the hook.
void coach_le_set_idle_hook(int (*hook)(void *context), void *context);

/// The line being typed when the idle hook ended it (malloc'd; the caller frees it), or NULL.
char *coach_le_take_partial_line(void);

/// With 1, the next lines are shown as one '*' per byte typed, never the characters, and Tab
/// completes nothing: for ratings typed in front of a room. 0 shows them again.
void coach_le_set_masked(int masked);

/// From the idle hook only: shows `prompt` instead of the current one, redrawing the line.
void coach_le_replace_prompt(const char *prompt);

#endif
