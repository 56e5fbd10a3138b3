# SPDX-License-Identifier: GPL-2.0
# Shared shell helpers for the pvia64 scripts: where the cache lives, logging,
# and the toolchain environment every kernel/guest build step uses.

set -euo pipefail

PVIA64_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# One cache directory for everything big that is built outside the repo.
PVIA64_CACHE=${PVIA64_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pvia64}
TOOLCHAIN_DIR=${PVIA64_TOOLCHAIN:-$PVIA64_CACHE/toolchain}
KERNEL_DIR=$PVIA64_CACHE/kernel
JOBS=${JOBS:-$(nproc)}

log() { printf '[pvia64] %s\n' "$*" >&2; }
die() { printf '[pvia64] error: %s\n' "$*" >&2; exit 1; }

# Put the cross compiler and binutils on PATH together: Kbuild wants
# as/ld beside gcc.
toolchain_env() {
	export PATH="$TOOLCHAIN_DIR/bin:$PATH"
	export ARCH=ia64 CROSS_COMPILE=ia64-linux-gnu-
	export CCACHE_DIR=${CCACHE_DIR:-$PVIA64_CACHE/ccache}
	command -v ia64-linux-gnu-gcc >/dev/null ||
		die "no ia64-linux-gnu-gcc: run scripts/toolchain.sh first"
}

# Kbuild with the cross toolchain and ccache: kmake SRC OBJ [make args...]
kmake() {
	local src=$1 obj=$2; shift 2
	make -C "$src" O="$obj" ARCH=ia64 CROSS_COMPILE=ia64-linux-gnu- \
		CC="ccache ia64-linux-gnu-gcc" -j"$JOBS" "$@"
}

# Print a test-suite summary line in the project's format.
summary() { # suite passed failed skipped
	printf '%s: %d passed, %d failed, %d skipped\n' "$1" "$2" "$3" "$4"
}

mkdir -p "$PVIA64_CACHE"
