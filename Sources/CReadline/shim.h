#ifndef CONSULT_CREADLINE_SHIM_H
#define CONSULT_CREADLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

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

#endif
