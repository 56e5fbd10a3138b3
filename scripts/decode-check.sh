#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Suite `decode`: the emulator's decoder against ia64-linux-gnu-objdump -d
# for every slot of the project's vmlinux, its gate DSO and the gcc-built
# test programs.  One summary line for all of them.
. "$(dirname "$0")/lib.sh"
toolchain_env
cd "$PVIA64_TOP"
set +e
make -s -C emulator build/ia64emu >/dev/null || die "emulator build failed"
make -s -C emulator bench >/dev/null 2>&1	# builds the test programs
elfs=()
for f in "$KERNEL_DIR/build/vmlinux" "$KERNEL_DIR/build/arch/ia64/kernel/gate.so" \
	 emulator/build/bench/loop emulator/build/bench/mixed; do
	[ -f "$f" ] && elfs+=("$f")
done
[ -f "$KERNEL_DIR/build/vmlinux" ] || echo "FAIL decode: no vmlinux (kernel build failed?)"
p=0 f=0
for e in "${elfs[@]}"; do
	out=$(ORACLE_SHOW=3 emulator/tests/decode-oracle.sh "$e" 2>&1)
	line=$(printf '%s\n' "$out" | grep '^decode: ' | tail -1)
	if [[ $line =~ ^decode:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		p=$((p + BASH_REMATCH[1])) f=$((f + BASH_REMATCH[2]))
		echo "  $(basename "$e"): ${BASH_REMATCH[1]} slots match, ${BASH_REMATCH[2]} differ"
		[ "${BASH_REMATCH[2]}" -eq 0 ] || printf '%s\n' "$out" | grep -v '^decode: ' | sed 's/^/FAIL /' | head -30
	else
		echo "FAIL decode: $e: oracle did not run: $(printf '%s\n' "$out" | tail -3)"
		f=$((f + 1))
	fi
done
[ -f "$KERNEL_DIR/build/vmlinux" ] || f=$((f + 1))
summary decode $p $f 0
[ $f -eq 0 ]
