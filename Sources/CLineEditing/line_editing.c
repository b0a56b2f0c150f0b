#define _GNU_SOURCE
#include "coach_line_editing.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

/// Set by the SIGINT handler while a line is read; cleared by the hook or before each read.
static volatile sig_atomic_t interrupt_pending = 0;
/// 1 while coach_le_read_line runs: a SIGINT then cancels the line instead of ending the program.
static volatile sig_atomic_t reading_line = 0;
/// The stop signal (SIGTERM, SIGHUP, or SIGINT for piped input) caught, or 0.
static volatile sig_atomic_t stop_signal = 0;

/// Decides whether a character typed or pasted is kept (1) or dropped before readline sees it.
static int (*keep_character)(unsigned int) = NULL;
/// The bytes of a kept multi-byte character not yet handed to readline.
static int pending_bytes[4];
static int pending_count = 0;
static int pending_next = 0;

static char **completion_words = NULL;
static int completion_count = 0;

/// Text to put on the next line before the person types (a refused answer, an earlier one).
static char *prefill_text = NULL;
/// Whether the prefill is shown selected: a character typed first replaces it.
static int prefill_selects = 0;
/// The prefill on the line is still selected: no key has been read since it was put there.
static int prefill_selected = 0;
/// Whether a selected prefill is shown highlighted (readline's active region).
static int highlight_selection = 1;
/// Ctrl-C presses during the line being read; a second one on an empty line ends the read, so
/// that the program can say how to leave.
static int interrupts_in_line = 0;
static volatile sig_atomic_t leave_hint_wanted = 0;

/// The facilitator's idle hook and its context; see coach_le_set_idle_hook.
static int (*idle_hook)(void *) = NULL;
static void *idle_context = NULL;
/// Set when the idle hook ended the line: the line is handed back as partial, not taken.
static volatile sig_atomic_t refresh_pending = 0;
static char *partial_line = NULL;
/// Lines shown as '*' (coach_le_set_masked).
static int masked_input = 0;

static void on_interrupt(int signal_number) {
  (void)signal_number;
  if (!reading_line) {
    // An interrupt outside a prompt: the terminal is not in readline's mode, so just go.
    static const char newline = '\n';
    ssize_t ignored = write(STDOUT_FILENO, &newline, 1);
    (void)ignored;
    _exit(130);
  }
  interrupt_pending = 1;
}

/// Runs while readline waits for a key (every 0.1 s, and after a signal interrupted the wait).
/// readline has already echoed "^C" and, in its cleanup, ended with a carriage return.
static void on_stop_signal(int signal_number) { stop_signal = signal_number; }

static int on_event(void) {
  if (stop_signal) {
    // End the line being read; coach_le_read_line drops it and says why.
    rl_done = 1;
    return 0;
  }
  if (interrupt_pending) {
    interrupt_pending = 0;
    interrupts_in_line++;
    if (rl_end == 0 && interrupts_in_line >= 2) {
      // A second Ctrl-C on an empty line: perhaps the person wants to leave.
      leave_hint_wanted = 1;
      rl_done = 1;  // readline ends the line itself
      return 0;
    }
    rl_replace_line("", 1);
    rl_point = 0;
    rl_mark = 0;
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
    return 0;
  }
  if (idle_hook != NULL && idle_hook(idle_context) == 1) {
    refresh_pending = 1;
    rl_done = 1;
  }
  return 0;
}

/// Readline's own display, with every byte of the line shown as '*': the characters never
/// reach the screen, and readline's idea of what is on it stays right.
static void masked_redisplay(void) {
  if (rl_end <= 0) {
    rl_redisplay();
    return;
  }
  char *shown = strdup(rl_line_buffer);
  if (shown == NULL) return;
  for (int index = 0; index < rl_end; index++) rl_line_buffer[index] = '*';
  rl_redisplay();
  memcpy(rl_line_buffer, shown, (size_t)rl_end);
  free(shown);
}

/// Waits for a key without blocking signals out: 1 when input is ready (or reading would report
/// an error), 0 when a stop signal came. readline's own rl_getc only returns for SIGTERM and
/// SIGHUP; waiting here, in short polls, lets SIGQUIT, SIGUSR1 and SIGUSR2 end the line too.
static int wait_for_key(FILE *stream) {
  struct pollfd ready = {.fd = fileno(stream), .events = POLLIN, .revents = 0};
  for (;;) {
    if (stop_signal) return 0;
    int count = poll(&ready, 1, 100);
    if (count > 0 || (count < 0 && errno != EINTR)) return 1;
    if (count < 0) {
      // readline handles what it caught (Ctrl-C, a resize, Ctrl-backslash), then the hook runs.
      rl_check_signals();
      if (rl_signal_event_hook) (*rl_signal_event_hook)();
    }
  }
}

/// readline's getc, with characters that must never be echoed taken out: ASCII goes through as it
/// is (readline's keys and escape sequences), a multi-byte UTF-8 character is read whole and
/// dropped when keep_character says so. A stop signal ends the line (a newline, with rl_done set
/// by the hook).
static int filtered_getc(FILE *stream) {
  if (pending_next < pending_count) return pending_bytes[pending_next++];
  for (;;) {
    if (!wait_for_key(stream)) return '\n';
    int lead = rl_getc(stream);
    if (lead < 0xC0 || lead > 0xF7 || keep_character == NULL) return lead;
    int length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2);
    pending_count = 0;
    pending_next = 0;
    pending_bytes[pending_count++] = lead;
    unsigned int scalar = (unsigned int)lead & (lead >= 0xF0 ? 0x07 : (lead >= 0xE0 ? 0x0F : 0x1F));
    while (pending_count < length) {
      int next = rl_getc(stream);
      if (next < 0 || (next & 0xC0) != 0x80) {
        // Not UTF-8 after all (or the input ended): hand over what was read, as it came.
        if (next >= 0) pending_bytes[pending_count++] = next;
        else if (pending_count == 1) return lead;
        length = 0;
        break;
      }
      pending_bytes[pending_count++] = next;
      scalar = (scalar << 6) | ((unsigned int)next & 0x3F);
    }
    if (length == 0 || keep_character(scalar)) return pending_bytes[pending_next++];
    pending_count = 0;
  }
}

/// readline's startup hook: puts the prefill on the line, the cursor at its end.
static int insert_prefill(void) {
  prefill_selected = 0;
  if (prefill_text != NULL) {
    rl_insert_text(prefill_text);
    free(prefill_text);
    prefill_text = NULL;
    prefill_selected = prefill_selects;
  }
  return 0;
}

/// readline's pre-input hook, once the prompt and the prefill are shown: a selected prefill
/// becomes the active region (highlighted where the terminal can), like a selected field.
static int select_prefill(void) {
  if (prefill_selected && highlight_selection) {
    rl_mark = 0;
    rl_point = rl_end;
    rl_activate_mark();
    rl_redisplay();
  }
  return 0;
}

/// Reads a key as readline does; the first key after a selected prefill decides what becomes of
/// it: a printable character replaces it, anything else (Enter, an arrow, Backspace) keeps it.
static int read_key(FILE *stream) {
  int key = filtered_getc(stream);
  if (prefill_selected) {
    prefill_selected = 0;
    if (key >= 0x20 && key != 0x7F) {
      rl_delete_text(0, rl_end);
      rl_point = 0;
      rl_mark = 0;
    }
    rl_deactivate_mark();
  }
  return key;
}

static char *next_completion(const char *text, int state) {
  static int index = 0;
  static size_t length = 0;
  if (state == 0) {
    index = 0;
    length = strlen(text);
  }
  while (index < completion_count) {
    const char *word = completion_words[index++];
    if (strncasecmp(word, text, length) == 0) return strdup(word);
  }
  return NULL;
}

static char **complete(const char *text, int start, int end) {
  (void)start;
  (void)end;
  rl_attempted_completion_over = 1;  // never fall back to file names
  if (masked_input) return NULL;     // a list of options would say nothing, so Tab stays quiet
  rl_completion_append_character = '\0';
  return rl_completion_matches(text, next_completion);
}

void coach_le_setup(void) {
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGINT);
  sigaddset(&wanted, SIGWINCH);
  sigaddset(&wanted, SIGTERM);
  sigaddset(&wanted, SIGHUP);
  pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);

  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: the wait for a key must see EINTR
  sigaction(SIGINT, &action, NULL);
  coach_le_catch_stop_signals(0);

  rl_readline_name = "coach";
  rl_catch_signals = 1;
  rl_catch_sigwinch = 1;
  rl_change_environment = 0;  // do not rewrite LINES and COLUMNS
  rl_event_hook = on_event;
  rl_signal_event_hook = on_event;
  rl_startup_hook = insert_prefill;
  rl_pre_input_hook = select_prefill;
  rl_getc_function = read_key;
  rl_attempted_completion_function = complete;
  rl_completer_word_break_characters = "";  // the whole line is the word to complete
  rl_variable_bind("completion-ignore-case", "on");
  rl_variable_bind("show-all-if-unmodified", "on");  // list the options at once when Tab cannot add more
}

char *coach_le_read_line(const char *prompt, int *interrupted) {
  *interrupted = 0;
  if (stop_signal) {
    *interrupted = 2;
    return NULL;
  }
  interrupt_pending = 0;
  interrupts_in_line = 0;
  leave_hint_wanted = 0;
  refresh_pending = 0;
  reading_line = 1;
  rl_redisplay_function = masked_input ? masked_redisplay : rl_redisplay;
  char *line = readline(prompt);
  rl_redisplay_function = rl_redisplay;
  prefill_selected = 0;
  if (prefill_text != NULL) {
    free(prefill_text);
    prefill_text = NULL;
  }
  if (stop_signal) {
    reading_line = 0;
    free(line);
    *interrupted = 2;
    return NULL;
  }
  if (refresh_pending && !interrupt_pending) {
    // The idle hook ended the line: hand it back to be typed on, not taken.
    refresh_pending = 0;
    reading_line = 0;
    free(partial_line);
    partial_line = line != NULL ? line : strdup(rl_line_buffer != NULL ? rl_line_buffer : "");
    *interrupted = 4;
    return NULL;
  }
  refresh_pending = 0;
  if (leave_hint_wanted) {
    leave_hint_wanted = 0;
    free(line);
    reading_line = 0;
    *interrupted = 3;
    return NULL;
  }
  if (interrupt_pending) {
    // Ctrl-C after the last look at the flag: the line is dropped all the same.
    interrupt_pending = 0;
    free(line);
    line = NULL;
    *interrupted = 1;
  }
  reading_line = 0;
  return line;
}

void coach_le_set_input_filter(int (*keep)(unsigned int)) { keep_character = keep; }

static void on_quit_signal(int signal_number) { _exit(128 + signal_number); }

void coach_le_quit_quietly(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_quit_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGQUIT, &action, NULL);
}

void coach_le_catch_stop_signals(int interrupt) {
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGTERM);
  sigaddset(&wanted, SIGHUP);
  sigaddset(&wanted, SIGQUIT);
  sigaddset(&wanted, SIGUSR1);
  sigaddset(&wanted, SIGUSR2);
  if (interrupt) sigaddset(&wanted, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);

  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read must see EINTR
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  sigaction(SIGQUIT, &action, NULL);
  sigaction(SIGUSR1, &action, NULL);
  sigaction(SIGUSR2, &action, NULL);
  if (interrupt) sigaction(SIGINT, &action, NULL);
}

int coach_le_pending_stop_signal(void) { return stop_signal; }

void coach_le_end_by_signal(int signal_number) {
  // SIGQUIT's default action dumps core: a core file would hold the answers. End as it would,
  // without one.
  if (signal_number == SIGQUIT) _exit(128 + SIGQUIT);
  signal(signal_number, SIG_DFL);
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, signal_number);
  pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
  raise(signal_number);
  _exit(128 + signal_number);
}

void coach_le_highlight_selection(int on) { highlight_selection = on; }

void coach_le_set_prefill(const char *text, int selected) {
  free(prefill_text);
  prefill_text = (text != NULL && text[0] != '\0') ? strdup(text) : NULL;
  prefill_selects = selected;
}

void coach_le_set_completions(const char *const *words, int count) {
  for (int index = 0; index < completion_count; index++) free(completion_words[index]);
  free(completion_words);
  completion_words = NULL;
  completion_count = 0;
  if (count <= 0) return;
  completion_words = calloc((size_t)count, sizeof(char *));
  if (completion_words == NULL) return;
  for (int index = 0; index < count; index++) {
    char *copy = strdup(words[index]);
    if (copy == NULL) break;
    completion_words[completion_count++] = copy;
  }
}

void coach_le_history_limit(int cap) { stifle_history(cap); }

int coach_le_history_read(const char *path) { return read_history(path); }

int coach_le_history_add(const char *line) {
  if (history_length > 0) {
    HIST_ENTRY *last = history_get(history_base + history_length - 1);
    if (last != NULL && last->line != NULL && strcmp(last->line, line) == 0) return 0;
  }
  add_history(line);
  return 1;
}

int coach_le_history_append_last(const char *path, int cap) {
  int result = append_history(1, path);
  if (result != 0) return result;
  return history_truncate_file(path, cap);
}

int coach_le_terminal_columns(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

int coach_le_terminal_rows(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_row;
}

void coach_le_set_idle_hook(int (*hook)(void *context), void *context) {
  idle_hook = hook;
  idle_context = context;
}

char *coach_le_take_partial_line(void) {
  char *line = partial_line;
  partial_line = NULL;
  return line;
}

void coach_le_set_masked(int masked) { masked_input = masked; }

void coach_le_replace_prompt(const char *prompt) {
  rl_set_prompt(prompt);
  rl_forced_update_display();
}
