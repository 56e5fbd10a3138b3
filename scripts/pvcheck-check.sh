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
# Disassembled instructions (objdump's third column) that a Xen guest
# kernel must not execute raw: privileged or privilege-sensitive, other than
# ptc.l, itr.d and rsm psr.dfh, which trap and are emulated.
xen_raw_filter() {
	sed -E 's/^\[[A-Z]+\] *//; s/^ +//; s/^\(p[0-9]+\) *//; s/;;$//' |
		grep -E '^mov(\.[mi])? ([^=]+=(cr\.|psr$|rr\[|pkr\[|dbr\[|ibr\[|pmc\[|cpuid\[|pmd\[)|(cr\.|psr|ar\.k|rr\[|pkr\[|dbr\[|ibr\[|pmc\[|pmd\[))|^(itc\.[id]|itr\.i|ptc\.(g|ga|e)|ptr\.[id]|thash|ttag|tpa|tak|ssm|rsm|bsw\.[01]|cover|rfi|fc|fc\.i)\>' |
		grep -vxE 'rsm 0x80000' | sort -u
}
# The filter itself catches what it should and lets the rest through.
want='mov r8=cr.ifa
mov r8=psr
mov.m ar.k6=r8
rsm 0x4000
(p6) ssm 0x4000;;
bsw.1
cover
rfi
thash r8=r9
itc.d r8'
got=$(printf '%s\n' "$want" 'mov r8=psr.um' 'mov.m r8=ar.k6' 'rsm 0x80000' 'ptc.l r16,r27' \
	'itr.d dtr[r25]=r23' 'fcmp.eq p6,p7=f1,f2' 'mov.m r8=ar.itc' 'break.m 0x1' | xen_raw_filter | wc -l)
if [ "$got" -eq "$(printf '%s\n' "$want" | wc -l)" ]; then p=$((p + 1)); else
	echo "FAIL pvcheck: the Xen raw-instruction filter flags $got of the sample lines"; f=$((f + 1)); fi
# The Xen copies of ivt.S, entry.S and fsys.S (arch/ia64/xen/xen-*.o, built
# through the same sed script) ...
xobj=$KERNEL_DIR/build/arch/ia64/xen
xen_objs=()
for s in ivt entry fsys; do
	o=$xobj/xen-$s.o
	if [ -f "$o" ] && [ "$o" -nt "$KERNEL_DIR/work/arch/ia64/kernel/$s.S" ]; then
		p=$((p + 1)); xen_objs+=("$o")
	else
		echo "FAIL pvcheck: no up-to-date xen-$s.o (Xen build of $s.S)"; f=$((f + 1))
	fi
done
if [ ${#xen_objs[@]} -eq 3 ]; then
	# ... define only xen_* globals, so that they link beside the native ones ...
	bad=$(ia64-linux-gnu-nm -g --defined-only "${xen_objs[@]}" | awk 'NF == 3 && $3 !~ /^xen_/ { print $3 }')
	if [ -z "$bad" ]; then p=$((p + 1)); else echo "FAIL pvcheck: Xen objects define non-xen_ globals:" $bad; f=$((f + 1)); fi
	# ... need only symbols that they define among themselves or that the
	# kernel (vmlinux) has ...
	vml=$KERNEL_DIR/build/vmlinux
	if [ -f "$vml" ]; then
		missing=$(comm -23 <(ia64-linux-gnu-nm -u "${xen_objs[@]}" | awk 'NF == 2 { print $2 }' | sort -u) \
			<({ ia64-linux-gnu-nm -g --defined-only "${xen_objs[@]}"; ia64-linux-gnu-nm "$vml"; } |
			  awk 'NF == 3 { print $3 }' | sort -u))
		if [ -z "$missing" ]; then p=$((p + 1)); else echo "FAIL pvcheck: Xen objects need symbols nobody defines:" $missing; f=$((f + 1)); fi
	fi
	# ... issue only hyperprivops (break 0x01..0x1a; break 0 is padding and
	# bug checks) ...
	bad=$(ia64-linux-gnu-objdump -dz "${xen_objs[@]}" | grep -oE 'break\.[mifbx] 0x[0-9a-f]+' | sort -u |
		while read -r _ imm; do [ $((imm)) -le $((0x1a)) ] || echo "break $imm"; done)
	if [ -z "$bad" ]; then p=$((p + 1)); else echo "FAIL pvcheck: Xen objects break with non-hyperprivop immediates:" $bad; f=$((f + 1)); fi
	# ... and keep no privileged or sensitive instruction except the ones
	# that merely trap and are emulated (ptc.l, itr.d, rsm psr.dfh).
	bad=$(ia64-linux-gnu-objdump -dz "${xen_objs[@]}" | cut -f3 | xen_raw_filter)
	if [ -z "$bad" ]; then p=$((p + 1)); else printf 'FAIL pvcheck: raw sensitive instructions in the Xen objects:\n%s\n' "$bad"; f=$((f + 1)); fi
fi
# The Xen pv_cpu_ops (arch/ia64/xen/xen_pv_cpu.o, with CONFIG_XEN) break
# only with hyperprivop numbers, and their one raw privileged instruction
# is the deliberate read of cr.itm, which Xen emulates (there is no
# hyperprivop for it); whatever else traps is left to the native entries.
pvo=$xobj/xen_pv_cpu.o
if grep -qx 'CONFIG_XEN=y' "$KERNEL_DIR/build/.config" 2>/dev/null; then
	if [ -f "$pvo" ]; then
		bad=$(ia64-linux-gnu-objdump -dz "$pvo" | grep -oE 'break\.[mifbx] 0x[0-9a-f]+' | sort -u |
			while read -r _ imm; do [ $((imm)) -ge 1 ] && [ $((imm)) -le $((0x1a)) ] || echo "break $imm"; done)
		bad+=$(ia64-linux-gnu-objdump -dz "$pvo" | cut -f3 | xen_raw_filter | grep -vxE 'mov r8=cr\.itm' || true)
		if [ -z "$bad" ]; then p=$((p + 1)); else
			printf 'FAIL pvcheck: unexpected instructions in xen_pv_cpu.o:\n%s\n' "$bad"; f=$((f + 1)); fi
	else
		echo "FAIL pvcheck: no xen_pv_cpu.o (Xen pv_cpu_ops)"; f=$((f + 1))
	fi
fi
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
# With CONFIG_XEN the Xen side is part of the one vmlinux: the Xen copies
# of the entry code and the hypercall stub are linked, and nothing is left
# undefined.
vml=$KERNEL_DIR/build/vmlinux
if grep -qx 'CONFIG_XEN=y' "$KERNEL_DIR/build/.config" 2>/dev/null && [ -f "$vml" ]; then
	for sym in xen_ivt xen_leave_kernel xen_switch_to __xen_hypercall startup_xen; do
		if ia64-linux-gnu-nm "$vml" | awk -v s="$sym" '$3 == s { found = 1 } END { exit !found }'; then
			p=$((p + 1))
		else
			echo "FAIL pvcheck: $sym is not linked into vmlinux"; f=$((f + 1))
		fi
	done
	undef=$(ia64-linux-gnu-nm -u "$vml" | awk '$1 == "U" { print $2 }')
	if [ -z "$undef" ]; then p=$((p + 1)); else echo "FAIL pvcheck: vmlinux has undefined symbols:" $undef; f=$((f + 1)); fi
fi
summary pvcheck $p $f 0
[ $f -eq 0 ]
