#ifndef CONSULT_CREADLINE_SHIM_H
#define CONSULT_CREADLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
#include <nss.h>
#include <sys/auxv.h>

// Swift 6 rejects direct writes to readline's mutable C globals as not
// concurrency-safe; these setters keep every such write in one visible place.

static inline void consult_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void consult_rl_set_catch_sigwinch(int value) { rl_catch_sigwinch = value; }
static inline void consult_rl_set_completion(rl_completion_func_t *function) { rl_attempted_completion_function = function; }
static inline void consult_rl_set_completion_append_character(int value) { rl_completion_append_character = value; }
static inline void consult_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
static inline void consult_rl_set_instream(FILE *stream) { rl_instream = stream; }
static inline void consult_rl_set_outstream(FILE *stream) { rl_outstream = stream; }
static inline void consult_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void consult_rl_set_completer_word_break_characters(const char *characters) {
    rl_completer_word_break_characters = (char *)characters;
}
static inline char *consult_rl_line_buffer(void) { return rl_line_buffer; }
static inline int consult_rl_done(void) { return rl_done; }

// Added for the terminal layer (Sources/consult/Terminal/ReadlineLineReader.swift).

static inline void consult_rl_set_getc_function(rl_getc_func_t *function) { rl_getc_function = function; }
static inline void consult_rl_set_change_environment(int value) { rl_change_environment = value; }
/// The program name readline's `$if consult` inputrc conditionals see; a literal, so the pointer stays valid.
static inline void consult_rl_use_consult_readline_name(void) { rl_readline_name = "consult"; }
/// No word breaks: the whole line is the completion word, so multi-word labels ("Acne scars") complete.
/// A literal, so readline keeps a pointer that never dangles.
static inline void consult_rl_disable_completer_word_breaks(void) { rl_completer_word_break_characters = (char *)""; }
static inline void consult_rl_set_eof_found(int value) { rl_eof_found = value; }
/// Whether a command is reading further keys itself (a bracketed paste, a quoted insert).
static inline int consult_rl_is_reading_more_input(void) { return RL_ISSTATE(RL_STATE_MOREINPUT) != 0; }

/// Unbinds every key of `map`, and of the keymaps under it, bound to one of the `count` `functions`.
///
/// As `rl_unbind_function_in_map` for each function, in one walk: that walks the whole keymap tree once per function,
/// and a patient start unbinds ten functions from five keymaps (a fortieth of the start). Returns 1 when a key was
/// unbound.
static inline int consult_rl_unbind_functions_in_map(rl_command_func_t **functions, int count, Keymap map) {
    int unbound = 0;
    for (int key = 0; key < KEYMAP_SIZE; key++) {
        if (map[key].type == ISFUNC && map[key].function != NULL) {
            for (int index = 0; index < count; index++) {
                if (map[key].function == functions[index]) {
                    map[key].function = NULL;
                    unbound = 1;
                    break;
                }
            }
        } else if (map[key].type == ISKMAP) {
            unbound |= consult_rl_unbind_functions_in_map(functions, count, (Keymap)map[key].function);
        }
    }
    return unbound;
}

// MARK: Forgetting a patient's typing (between kiosk patients)

// Readline's own globals and helpers, exported by libreadline 8 but not declared in its headers.
extern int _rl_last_command_was_kill;
extern int _rl_free_saved_history_line(void);
extern void _rl_kill_kbd_macro(void);

/// Forgets everything readline keeps of the lines typed so far, apart from the history: the kill ring
/// (Ctrl-Y, Alt-Y), the undo list (Ctrl-_), the line kept while browsing history (Down brings it back),
/// the keyboard macro (Ctrl-X e), and a switch to vi mode. Call it between reads, never during one.
///
/// Readline 8.2 keeps its kill ring private (`rl_kill_ring` is static in kill.c), so the ring cannot be freed.
/// Instead every slot is pushed out by an empty kill: a one-byte line whose byte is NUL is killed, and
/// `rl_copy_text` copies up to that NUL, so the new slot holds "" (yanking it inserts nothing). Readline
/// keeps at most 10 kills; 64 empty ones leave nothing older behind.
static inline void consult_rl_forget_typing(void) {
    for (int slot = 0; slot < 64; slot++) {
        rl_replace_line("x", 1);
        rl_line_buffer[0] = '\0';
        _rl_last_command_was_kill = 0;  // a new slot for each kill, not one appended to the last
        rl_kill_text(0, 1);
    }
    _rl_last_command_was_kill = 0;
    rl_replace_line("", 1);
    rl_free_undo_list();
    _rl_free_saved_history_line();
    _rl_kill_kbd_macro();
    rl_point = 0;
    rl_end = 0;
    rl_mark = 0;
    if (rl_editing_mode != 1) {  // 1: emacs mode; a patient may have switched to vi mode with M-C-j
        rl_emacs_editing_mode(1, 0);
    }
}

// MARK: Standard output's state (Swift 6 cannot name stdio's `stdout` global)

/// Flushes stdio's standard output; whether any write to it, then or before, failed (`ferror`).
static inline int consult_stdout_flush_failed(void) { return fflush(stdout) != 0 || ferror(stdout) != 0; }

// MARK: The static kiosk build

/// In a fully static build (scripts/build-kiosk.sh), looks users and groups up in /etc/passwd and /etc/group only.
///
/// A static glibc reaches other sources of accounts (systemd, sss, ldap in /etc/nsswitch.conf) by loading their
/// shared libraries, which a static program cannot do safely: looking up a group that is not in /etc/group
/// (`--group` with a mistyped name) crashed it. A program with a dynamic loader (AT_BASE set) is left alone.
static inline void consult_use_local_accounts_when_static(void) {
    if (getauxval(AT_BASE) != 0) return;
    __nss_configure_lookup("passwd", "files");
    __nss_configure_lookup("group", "files");
}

#endif
