/* The baseline for start-up: a minimal C program that links GNU readline, prints a
 * question and a prompt, and reads one line. consult's time to its first question is
 * compared with this (benchmarks/startup.sh, docs/performance.md). */
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>

int main(void) {
    puts("Is it okay to continue with the screening?");
    puts("Type yes or no.");
    char *line = readline("> ");
    free(line);
    return 0;
}
