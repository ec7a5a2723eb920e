// libFuzzer's entry point for programs that have their own main (LLVM 11 and later).
//
// SwiftPM links every executable with `--defsym main=<Module>_main`, so a target that only defines
// `LLVMFuzzerTestOneInput` and leaves `main` to libFuzzer does not link. Each fuzz target therefore
// has a `main.swift` that hands its test function to this driver. The symbol comes from the
// sanitizer runtime that `-sanitize=fuzzer` links in; nothing else links against it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*testOneInput)(const uint8_t *data, size_t size));
