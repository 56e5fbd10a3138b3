#!/bin/sh
# SPDX-License-Identifier: MIT
# Boot the kernel on the emulator with the guest initramfs and check the
# init's TAP report: the marker, every planned test "ok", and a clean
# ACPI power-off (exit status 0).  Prints "RESULT <passed> <failed> <skipped>"
# like the unit tests (the boot itself counts as one test).
#   usage: boot-test.sh [--cpus N] [vmlinux]
# Environment: IA64EMU (default emulator/build/ia64emu), TIMEOUT seconds (300).
set -u
here=$(cd "$(dirname "$0")" && pwd)
cpus=1
if [ "${1:-}" = "--cpus" ]; then cpus=$2; shift 2; fi
vmlinux=${1:-$HOME/.cache/pvia64/kernel/build/vmlinux}
emu=${IA64EMU:-$here/../emulator/build/ia64emu}
timeout=${TIMEOUT:-300}

[ -x "$emu" ] || { echo "boot-test: $emu not built (make -C emulator)" >&2; exit 2; }
[ -f "$vmlinux" ] || { echo "boot-test: $vmlinux: no kernel" >&2; exit 2; }
make -s -C "$here" >/dev/null || { echo "boot-test: guest build failed" >&2; exit 2; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
timeout "$timeout" "$emu" boot "$vmlinux" --cpus "$cpus" \
	--initrd "$here/build/initramfs.cpio.gz" \
	--append "console=ttyS0 rdinit=/init swiotlb=noforce nomca" \
	</dev/null >"$log" 2>&1
status=$?

plan=$(grep -a -m1 '^1\.\.[0-9]*' "$log" | tr -d '\r' | cut -d. -f3)
pass=$(grep -a -c '^ok [0-9]' "$log")
fail=$(grep -a -c '^not ok [0-9]' "$log")
grep -a '^not ok' "$log" | tr -d '\r' | sed 's/^/FAIL boot: /'
if ! grep -a -q '^pvia64-init: userspace reached' "$log"; then
	echo "FAIL boot: userspace not reached; last lines:"
	tail -n 15 "$log" | tr -d '\r' | sed 's/^/  | /'
	fail=$((fail + 1))
elif [ -z "$plan" ] || [ $((pass + fail)) -ne "$plan" ]; then
	echo "FAIL boot: planned ${plan:-?} tests, saw $((pass + fail))"
	fail=$((fail + 1))
elif [ "$status" -ne 0 ]; then
	echo "FAIL boot: emulator exit status $status (power-off expected)"
	tail -n 3 "$log" | sed 's/^/  | /'
	fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
grep -a '^ia64emu:' "$log" | head -1
echo "RESULT $pass $fail 0"
[ "$fail" -eq 0 ]
