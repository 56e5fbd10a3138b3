#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Self-test of the decode oracle: on an ELF it must pass as is, and must
# fail (naming the slot) when the disassembly is perturbed in a mnemonic,
# a completer, an operand or a stop mark.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
elf=${1:-$here/build/bench/mixed}
[ -f "$elf" ] || { echo "oracle-selftest: no ELF ($elf); run bench/run.sh first"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

"$here/tests/decode-oracle.sh" "$elf" > "$tmp/out" 2>&1
if grep -q ' 0 failed' "$tmp/out"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL baseline: $(tail -1 "$tmp/out")"; fi

# Each perturbation rewrites the first matching line of `ia64emu dis`.
for sub in 's/alloc r/alloc.x r/' 's/\.sptk\.many/.dptk.many/' 's/r12=/r13=/' 's/;;$//'; do
	# sed range form: apply the substitution to the first line matching its pattern
	pat=$(printf '%s' "$sub" | cut -d/ -f2)
	cat > "$tmp/emu" <<EOS
#!/bin/sh
"$here/build/ia64emu" "\$@" | sed '0,/$pat/{$sub}'
EOS
	chmod +x "$tmp/emu"
	if IA64EMU="$tmp/emu" "$here/tests/decode-oracle.sh" "$elf" > "$tmp/out" 2>&1; then
		fail=$((fail + 1)); echo "FAIL oracle accepted perturbation $sub"
	elif grep -q ' 1 failed' "$tmp/out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL perturbation $sub: $(tail -1 "$tmp/out")"
	fi
done
echo "RESULT $pass $fail 0"
[ "$fail" -eq 0 ]
