#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Suite `pvcheck`: the series kernel's build assembled ivt.S, entry.S,
# fsys.S and gate.S once more through arch/ia64/scripts/pvcheck.sed (any
# raw sensitive instruction is an assembler error there), and the checker
# itself rejects every kind of raw sensitive instruction it is meant to.
. "$(dirname "$0")/lib.sh"
set +e
toolchain_env
p=0 f=0
obj=$KERNEL_DIR/build/arch/ia64/kernel
sed_file=$KERNEL_DIR/work/arch/ia64/scripts/pvcheck.sed
for s in ivt entry fsys gate; do
	if [ -f "$obj/pvchk-$s.o" ] && [ "$obj/pvchk-$s.o" -nt "$KERNEL_DIR/work/arch/ia64/kernel/$s.S" ]; then
		p=$((p + 1))
	else
		echo "FAIL pvcheck: $s.S was not checked (no up-to-date pvchk-$s.o)"; f=$((f + 1))
	fi
done
[ -f "$sed_file" ] || { echo "FAIL pvcheck: no $sed_file"; summary pvcheck $p $((f + 1)) 0; exit 1; }
# Each raw instruction alone must fail the pvcheck assembly step ...
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
while IFS= read -r insn; do
	printf '\t.text\n\t%s\n' "$insn" > "$tmp/t.s"
	if sed -E -f "$sed_file" "$tmp/t.s" > "$tmp/c.s" && ia64-linux-gnu-as -o "$tmp/t.o" "$tmp/c.s" 2>/dev/null; then
		echo "FAIL pvcheck: raw '$insn' is not caught"; f=$((f + 1))
	else
		p=$((p + 1))
	fi
done <<'RAW'
rsm psr.i
(p6) ssm psr.ic
mov r8=cr.ifa
mov r9=cr.ivr
mov r10=psr
mov cr.ipsr=r8
mov ar.k6=r13
itc.d r8
thash r8=r9
bsw.1
cover
rfi
RAW
# ... while the harmless neighbours assemble.
printf '\t.text\n\tmov r8=psr.um\n\tmov r9=ar.pfs\n\tadd r8=r9,r10\n\trsm psr.dfh\n' > "$tmp/ok.s"
if sed -E -f "$sed_file" "$tmp/ok.s" > "$tmp/c.s" && ia64-linux-gnu-as -o "$tmp/t.o" "$tmp/c.s"; then
	p=$((p + 1))
else
	echo "FAIL pvcheck: harmless instructions were rejected"; f=$((f + 1))
fi
summary pvcheck $p $f 0
[ $f -eq 0 ]
