#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Run gcc's gcc.c-torture/execute suite (gcc 12.2.0 sources) on the
# emulator's user-mode runner, at -O0 and -O2, linked with guest-rt.
#   ctorture.sh [-j N] [-O "0 2"] [pattern]
# Prints per-level lines
#   ctorture-O0: N passed, M failed, K skipped
# and, per skip category, how many tests were skipped and why (they need
# something guest-rt does not provide: a header, a libc/libm function, or
# a compiler feature).  Exit status is non-zero if any test failed.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${PVIA64_CACHE:-$HOME/.cache/pvia64}
toolchain=${PVIA64_TOOLCHAIN:-$cache/toolchain}
export PATH=$toolchain/bin:$PATH
jobs=2 levels="0 2" pattern='*'
while getopts "j:O:" o; do
	case $o in
	j) jobs=$OPTARG ;;
	O) levels=$OPTARG ;;
	*) echo "usage: $0 [-j N] [-O levels] [pattern]"; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] && pattern=$1

tarball=/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz
src=${CTORTURE_SRC:-$(ls -d "$cache"/gcc-torture/*/gcc/testsuite/gcc.c-torture/execute 2>/dev/null | head -1)}
if [ -z "$src" ]; then
	mkdir -p "$cache/gcc-torture"
	tar -xJf "$tarball" -C "$cache/gcc-torture" --wildcards \
		'*/gcc/testsuite/gcc.c-torture/execute/*' || { echo "ctorture: cannot extract $tarball"; exit 2; }
	src=$(ls -d "$cache"/gcc-torture/*/gcc/testsuite/gcc.c-torture/execute | head -1)
fi
command -v ia64-linux-gnu-gcc >/dev/null || { echo "ctorture: no ia64-linux-gnu-gcc in $toolchain/bin"; exit 2; }
make -s -C "$here" build/ia64emu >/dev/null || exit 2
make -s -C "$here/guest-rt" >/dev/null || exit 2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Private copies: others may rebuild the shared tree while tests run.
cp "$here/build/ia64emu" "$work/ia64emu"
mkdir -p "$work/rt" && cp "$here/guest-rt/build/crt0.o" "$here/guest-rt/build/librt.a" "$work/rt/"
export here src work

# One test at one level: prints "<level> <name> <PASS|FAIL|SKIP> <reason>".
one() {
	lvl=$1 f=$2 name=$(basename "$2" .c)
	exe=$work/$name-O$lvl log=$work/$name-O$lvl.log
	# Options the test asks for: dg-options "..." or dg-options { "..." }.
	# Lines with a target selector apply only when it names ia64 or all.
	opts=$(grep -E 'dg-(additional-)?options' "$f" |
		grep -Ev '\{ *target' | grep -Ev 'xfail|ia32|i\?86|x86' ;
	       grep -E 'dg-(additional-)?options.*\{ *target [^}]*(ia64|\*-\*-\*|lp64)' "$f")
	opts=$(printf '%s\n' "$opts" | sed -n 's/.*{ *dg-\(additional-\)\?options *{\? *"\([^"]*\)".*/\2/p' | tr '\n' ' ')
	# Effective targets that need an OS underneath (signals, threads,
	# file-backed mmap) cannot work on a bare syscall runtime.
	req=$(grep -Eo 'dg-require-effective-target +(signal|pthread|mmap|fork)' "$f" | head -1 | awk '{print $2}')
	if [ -n "$req" ]; then
		echo "$lvl $name SKIP needs effective target '$req' (OS feature)"
		return
	fi
	# Tests that are wrong for ia64 itself: their 5-word __builtin_setjmp
	# buffer holds fp + label + 3 words, but ia64's stack save area is 4
	# words (sp, bsp, rnat, pfs; see __ia64_save_stack_nonlocal), so setjmp
	# overwrites the neighbouring local (observed: pfs lands in `q`).
	case $name in
	pr64242|pr84521)
		echo "$lvl $name SKIP test bug on ia64: __builtin_setjmp buffer too small"
		return ;;
	esac
	if ! timeout 60 ia64-linux-gnu-gcc -O"$lvl" -w -fno-diagnostics-color $opts \
		-static -nostdlib -nostartfiles -isystem "$here/guest-rt/include" \
		-o "$exe" "$work/rt/crt0.o" "$f" "$work/rt/librt.a" -lgcc > "$log" 2>&1; then
		h=$(grep -o 'fatal error: [^:]*: No such file' "$log" | head -1 | awk '{print $3}' | tr -d :)
		u=$(grep -o "undefined reference to \`[^']*'" "$log" | head -1 | sed "s/.*\`//; s/'//")
		if [ -n "$h" ]; then
			echo "$lvl $name SKIP needs header $h"
		elif [ -n "$u" ]; then
			case $u in
			sin|cos|sqrt*|pow*|exp*|log*|floor*|ceil*|fabs*|fmod*|ldexp*|frexp*|modf*|copysign*|nan*|__builtin*|isinf*|isnan*|signbit*|trunc*|round*|lrint*|rint*|atan*|hypot*|cabs*|cexp*)
				echo "$lvl $name SKIP needs libm function $u" ;;
			*)	echo "$lvl $name SKIP needs libc function $u" ;;
			esac
		else
			echo "$lvl $name SKIP does not compile for ia64 freestanding: $(grep -m1 -o 'error: .*' "$log" | cut -c1-60)"
		fi
		return
	fi
	timeout 20 "$work/ia64emu" run "$exe" > "$log" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "$lvl $name PASS"
	else
		echo "$lvl $name FAIL exit $rc: $(grep -m1 'ia64emu:\|abort' "$log" | cut -c1-100)"
	fi
	rm -f "$exe"
}
export -f one

for lvl in $levels; do
	for f in "$src"/$pattern.c; do
		[ -f "$f" ] && echo "$lvl $f"
	done
done | xargs -P "$jobs" -n 2 bash -c 'one "$0" "$1"' > "$work/results"

status=0
for lvl in $levels; do
	r=$(grep "^$lvl " "$work/results")
	p=$(printf '%s\n' "$r" | grep -c ' PASS$')
	f=$(printf '%s\n' "$r" | grep -c ' FAIL ')
	s=$(printf '%s\n' "$r" | grep -c ' SKIP ')
	printf '%s\n' "$r" | grep ' FAIL ' | sort | sed "s/^/  /"
	echo "ctorture-O$lvl skip reasons:"
	printf '%s\n' "$r" | grep ' SKIP ' | cut -d' ' -f4- | sed 's/: .*//' | sort | uniq -c | sort -rn | sed 's/^/  /'
	echo "ctorture-O$lvl: $p passed, $f failed, $s skipped"
	[ "$f" -eq 0 ] || status=1
done
exit $status
