#!/usr/bin/env bash
# The kiosk build of consult: release, one fully static executable (the Swift runtime, Foundation, readline and the C
# and C++ libraries linked in), position-independent so the kernel still places it at a random address. It reaches
# its first question in about three quarters of the time a build that loads shared libraries takes (docs/performance.md, "Start-up"), and needs
# nothing installed on the kiosk but the file itself.
#
#   scripts/build-kiosk.sh                       # prints the path of the built program on its last line
#   KIOSK_SCRATCH=.build-other scripts/build-kiosk.sh
#   KIOSK_PIE=no scripts/build-kiosk.sh          # without position independence: starts about 0.5 ms sooner (the
#                                                # kernel copies 270 pages fewer), but the program's code and data
#                                                # then sit at the same addresses in every run (no ASLR for them)
#
# Needs what `swift build` needs, plus the static libraries of readline and ncurses (Debian: libreadline-dev, which
# brings libncurses-dev) and of glibc (libc6-dev).
#
# The flags, and why:
#   -static-executable -Xclang-linker -static-pie   everything linked in (no dynamic loader at start: loading and
#                                                   relocating six shared libraries was over a
#                                                   quarter of a start), still position-independent (ASLR)
#   --disable-local-rpath                           no $ORIGIN search path: a static PIE must not have one (glibc's
#                                                   start-up code asserts, and the program would crash at once)
#   -Xlinker -ltinfo                                readline's terminal library, which its shared library names itself
#   -use-ld=lld, -z pack-relative-relocs            the toolchain's linker; relocations packed (RELR), so relocating
#                                                   the program at start writes less memory
#   -disable-concrete-type-metadata-mangled-name-accessors
#                                                   generic types' metadata reached by direct calls rather than looked
#                                                   up by name: each first lookup scanned all 6,900 protocol
#                                                   conformances of the program
#   --symbol-ordering-file=link/startup-order.txt   the functions a start runs placed side by side (fewer pages
#                                                   touched; link/README.md says how to regenerate the list)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${KIOSK_SCRATCH:-.build-kiosk}
position=(-Xswiftc -Xclang-linker -Xswiftc -static-pie)
[ "${KIOSK_PIE:-yes}" = no ] && position=()
flags=(
    -c release --product consult --scratch-path "$scratch" --disable-local-rpath
    -Xswiftc -static-executable "${position[@]}" -Xlinker -ltinfo
    -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
    -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
    -Xlinker --symbol-ordering-file=link/startup-order.txt -Xlinker --no-warn-symbol-ordering
)
swift build "${flags[@]}" >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/consult"
