#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The guest kernel: pristine Debian linux-source-6.1, the work tree with
# guest-overlay/ and the quilt series applied, the merged config, vmlinux.
#
#   kernel.sh pristine   unpack linux-source-6.1 once (kept read-only by policy)
#   kernel.sh tree       staging = pristine + overlay + `quilt push -a` (no fuzz,
#                        no offsets); then sync into the work tree so unchanged
#                        files keep their mtimes and builds stay incremental
#   kernel.sh config     generic_defconfig + Kconfig.fragment (merge_config.sh)
#   kernel.sh vmlinux    build vmlinux (ccache) -> $KERNEL_DIR/build/vmlinux
#   kernel.sh all        all of the above
#   kernel.sh native     the unmodified kernel -> $KERNEL_DIR/build-native/vmlinux
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/series-lib.sh"

TARBALL=/usr/src/linux-source-6.1.tar.xz
STAGING=$KERNEL_DIR/staging
WORK=$KERNEL_DIR/work
BUILD=$KERNEL_DIR/build
FRAGMENT=$PVIA64_TOP/Kconfig.fragment
TEST_CONFIG=$PVIA64_TOP/tests/kernel-test.config
BUILD_NATIVE=$KERNEL_DIR/build-native
BASE_DEFCONFIG=${BASE_DEFCONFIG:-generic_defconfig}

# Reproducible builds make ccache hits likely across trees.
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'
export KBUILD_BUILD_USER=pvia64 KBUILD_BUILD_HOST=pvia64

do_pristine() {
	local ver stamp=$PRISTINE/.stamp
	[ -f "$TARBALL" ] || die "$TARBALL missing: run scripts/deps.sh"
	ver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$ver" ]; then
		return 0
	fi
	log "unpacking linux-source-6.1 $ver"
	rm -rf "$PRISTINE" "$STAGING" "$WORK" "$BUILD"
	mkdir -p "$PRISTINE.tmp"
	tar -C "$PRISTINE.tmp" -xf "$TARBALL"
	mv "$PRISTINE.tmp/linux-source-6.1" "$PRISTINE"
	rmdir "$PRISTINE.tmp"
	echo "$ver" > "$stamp"
}

do_tree() {
	local msg
	do_pristine
	msg=$(make_staging "$STAGING") || { printf '%s\n' "$msg" >&2; die "series-apply failed"; }
	mkdir -p "$WORK"
	# Content-based sync without -t: files whose content did not change keep
	# their mtime (patched files get a new one on every staging), so the
	# kernel build stays incremental.
	rsync -rlpD --checksum --delete --exclude=/.pc --exclude=/patches "$STAGING/" "$WORK/"
	rm -rf "$STAGING"
	log "kernel tree ready: $WORK"
}

# Generate .config: base defconfig merged with the series fragment and the
# test options.  `strict` fails when a series-fragment option did not take
# effect (the final tree); per-patch builds pass `lenient` because later
# patches add the options; `native` is the unmodified kernel (no series
# fragment) that the platform boots are judged on.
do_config() { # [src] [build] [strict|lenient|native]
	local src=${1:-$WORK} obj=${2:-$BUILD} mode=${3:-strict} out
	local -a frags=()
	toolchain_env
	mkdir -p "$obj"
	kmake "$src" "$obj" -s "$BASE_DEFCONFIG" >/dev/null
	[ "$mode" = native ] || [ ! -s "$FRAGMENT" ] || frags+=("$FRAGMENT")
	frags+=("$TEST_CONFIG")
	out=$(cd "$obj" && ARCH=ia64 CROSS_COMPILE=ia64-linux-gnu- \
		"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" \
		"$obj/.config" "${frags[@]}" 2>&1) ||
		{ printf '%s\n' "$out" >&2; die "merge_config failed"; }
	kmake "$src" "$obj" -s olddefconfig >/dev/null
	if [ "$mode" = strict ] && [ -s "$FRAGMENT" ]; then
		check_fragment "$FRAGMENT" "$obj/.config" ||
			die "Kconfig.fragment options missing from the final config"
	fi
	# The unmodified kernel lacks the series' own options (e.g. its KUnit
	# suite): merge_config.sh drops them there, and only the options its
	# Kconfig knows are required.
	if [ "$mode" = native ]; then
		check_fragment "$TEST_CONFIG" "$obj/.config" "$src" ||
			die "tests/kernel-test.config options missing from the config"
	elif [ "$mode" != lenient ]; then
		check_fragment "$TEST_CONFIG" "$obj/.config" ||
			die "tests/kernel-test.config options missing from the config"
	fi
}

# Is CONFIG_$1 defined by some Kconfig file of tree $2?
known_symbol() { # name src
	grep -rqsx --include='Kconfig*' "\(menu\)\?config ${1#CONFIG_}" "$2"
}

# Every CONFIG_X=v / "# CONFIG_X is not set" / CONFIG_X=n of a fragment
# must hold in the config (with a source tree: those its Kconfig defines).
check_fragment() { # fragment config [src]
	local line bad=0 name
	while IFS= read -r line; do
		if [ -n "${3:-}" ] && [[ "$line" =~ ^(\#\ )?(CONFIG_[A-Za-z0-9_]+) ]] &&
			! known_symbol "${BASH_REMATCH[2]}" "$3"; then
			continue
		fi
		case "$line" in
		CONFIG_*=n)
			name=${line%=n}
			! grep -q "^$name=" "$2" || { log "fragment: $name should be unset"; bad=1; } ;;
		CONFIG_*=*)
			grep -qxF "$line" "$2" || { log "fragment: '$line' not in .config"; bad=1; } ;;
		"# CONFIG_"*" is not set")
			name=${line#\# }; name=${name%% *}
			! grep -q "^$name=" "$2" || { log "fragment: $name should be unset"; bad=1; } ;;
		esac
	done < "$1"
	return $bad
}

do_vmlinux() { # src build
	local src=${1:-$WORK} obj=${2:-$BUILD} log
	toolchain_env
	log=$obj.log
	kmake "$src" "$obj" vmlinux > "$log" 2>&1 ||
		{ grep -E 'error|Error' "$log" | head -20 >&2;
		  die "vmlinux build failed (log: $log)"; }
	log "vmlinux: $obj/vmlinux"
}

# The unmodified kernel (pristine tree, no series) with the test options.
do_native() {
	do_pristine
	do_config "$PRISTINE" "$BUILD_NATIVE" native
	do_vmlinux "$PRISTINE" "$BUILD_NATIVE"
}

case "${1:-all}" in
pristine) do_pristine ;;
tree) do_tree ;;
config) shift; do_config "$@" ;;
vmlinux) do_vmlinux ;;
native) do_native ;;
all) do_tree; do_config; do_vmlinux ;;
*) die "usage: kernel.sh [pristine|tree|config|vmlinux|all|native]" ;;
esac
