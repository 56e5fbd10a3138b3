#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The gdb remote stub (gdbstub.c) against gdb-multiarch and a raw protocol
# client: boot the kernel with --gdb on a free loopback port, read
# registers, break at start_kernel, step slots, compare the stacked
# registers gdb computes from bsp/cfm/memory with the stub's raw view,
# read code memory against the ELF file, SMP threads, detach, kill,
# ctrl-C and malformed packets.  Usage: gdb-stub.sh [vmlinux].
# Prints "RESULT <passed> <failed> <skipped>"; non-zero exit on failure.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
emu=$here/build/ia64emu
vmlinux=${1:-${PVIA64_CACHE:-$HOME/.cache/pvia64}/kernel/build/vmlinux}
p=0 f=0 s=0
tmp=$(mktemp -d)
epid=

cleanup() {
	[ -n "$epid" ] && kill "$epid" 2>/dev/null && wait "$epid" 2>/dev/null
	[ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

ok() { p=$((p + 1)); }
bad() { echo "FAIL gdb-stub: $*"; f=$((f + 1)); }
check() {	# check NAME CONDITION-STATUS
	if [ "$2" = 0 ]; then ok; else bad "$1"; fi
}
finish() {
	echo "RESULT $p $f $s"
	[ $f = 0 ]
	exit
}

if [ ! -x "$emu" ] || [ ! -f "$vmlinux" ] || ! command -v gdb-multiarch >/dev/null ||
   ! command -v python3 >/dev/null; then
	echo "SKIP gdb-stub: needs $emu, $vmlinux, gdb-multiarch and python3"
	s=1
	finish
fi

# start_emu ARGS...: boot with --gdb 0 (any free port), set $port.
start_emu() {
	: > "$tmp/err"
	timeout 120 "$emu" boot "$vmlinux" --gdb 0 "$@" </dev/null >"$tmp/con" 2>"$tmp/err" &
	epid=$!
	port=
	for _ in $(seq 100); do
		port=$(sed -n 's/^gdb: waiting for a connection on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$tmp/err")
		[ -n "$port" ] && return 0
		sleep 0.1
	done
	bad "emulator did not listen: $(head -c 300 "$tmp/err")"
	return 1
}

# stop_emu: wait for the emulator (bounded), set $erc.
stop_emu() {
	erc=0
	wait "$epid" || erc=$?
	epid=
}

run_gdb() {	# run_gdb OUTFILE GDB-COMMANDS...
	local out=$1 args=()
	shift
	for c in "$@"; do args+=(-ex "$c"); done
	timeout 90 gdb-multiarch -batch -nx -ex 'set architecture ia64-elf64' \
		-ex "file $vmlinux" -ex "target remote 127.0.0.1:$port" "${args[@]}" \
		>"$out" 2>&1 </dev/null
}

val() { sed -n "s/^$1 //p" "$tmp/g1" | head -1; }

sk=$(nm "$vmlinux" | awk '$3 == "start_kernel" { print $1 }')
entry=$(readelf -h "$vmlinux" | awk '/Entry point/ { print $4 }')
[ -n "$sk" ] || { bad "no start_kernel in $vmlinux"; finish; }

# bad --gdb values: a clear message and exit 2, nothing listens
for v in 70000 -1 x; do
	timeout 10 "$emu" boot "$vmlinux" --gdb "$v" </dev/null >/dev/null 2>"$tmp/bad"; rc=$?
	check "--gdb $v rejected (rc $rc: $(head -c 80 "$tmp/bad"))" \
		"$([ $rc = 2 ] && grep -q -- '--gdb' "$tmp/bad"; echo $?)"
done

# --- session 1: registers, breakpoint, steps, stacked registers, memory, kill
regs=()
for r in $(seq 32 39); do
	regs+=("printf \"GR$r %lx\\n\", \$r$r" "maint packet p$(printf %x "$r")")
done
start_emu --max-slots 200000000 || finish
run_gdb "$tmp/g1" \
	'info registers ip psr cfm bsp' \
	'printf "PC0 %lx\n", $pc' \
	'break start_kernel' 'continue' \
	'printf "PC1 %lx\n", $pc' 'stepi' \
	'printf "PC2 %lx\n", $pc' 'printf "RI2 %d\n", ($psr >> 41) & 3' 'printf "IP2 %lx\n", $ip' \
	'stepi' 'stepi' 'printf "PC3 %lx\n", $pc' \
	'printf "CFM %lx\n", $cfm' \
	"${regs[@]}" \
	'x/4gx start_kernel' \
	'set var $r33 = 0x1234abcd' 'maint packet p21' 'set var $r9 = 0x77' 'maint packet p9' \
	'break vprintk_emit' 'continue' 'bt 8' \
	'printf "DIRTY %lx %lx\n", $bspstore, $bsp' 'kill'
stop_emu
n=$(grep -cE '^(ip|psr|cfm|bsp) +0x' "$tmp/g1")
check "info registers ip psr cfm bsp ($n of 4 lines)" "$([ "$n" = 4 ]; echo $?)"
check "pc at attach $(val PC0) = ELF entry $entry" "$([ "0x$(val PC0)" = "$entry" ]; echo $?)"
grep -q '^Breakpoint 1, .*start_kernel' "$tmp/g1"
check "breakpoint at start_kernel reported" $?
check "pc $(val PC1) = start_kernel $sk" "$([ "$(val PC1)" = "${sk#0}" ]; echo $?)"
# SDM: without a taken branch execution proceeds slot by slot, and gdb's
# pc is bundle | slot; the first bundle of start_kernel has no branch.
first=$(ia64-linux-gnu-objdump -d --start-address=0x$sk --stop-address=$(printf 0x%x $((0x$sk + 16))) "$vmlinux" 2>/dev/null | grep -c 'br\.')
if [ "$first" = 0 ]; then
	check "stepi: pc $(val PC2) = start_kernel + 1 (slot 1)" \
		"$([ "$(val PC2)" = "$(printf %x $((0x$sk + 1)))" ]; echo $?)"
	check "stepi: psr.ri $(val RI2) = 1, ip $(val IP2) = bundle" \
		"$([ "$(val RI2)" = 1 ] && [ "$(val IP2)" = "${sk#0}" ]; echo $?)"
	check "3 x stepi: pc $(val PC3) = next bundle" \
		"$([ "$(val PC3)" = "$(printf %x $((0x$sk + 16)))" ]; echo $?)"
else
	s=$((s + 3))
fi
# gdb computes r32.. from bsp, cfm and backing-store memory; the stub's raw
# p packet reads the physical register file: they must agree.
sof=$(( 0x$(val CFM) & 0x7f ))
nreg=0
for r in $(seq 32 39); do
	[ $((r - 32)) -lt "$sof" ] || continue
	g=$(val "GR$r")
	raw=$(grep -A1 -E "^sending: \"?p$(printf %x "$r")\"?$" "$tmp/g1" | sed -n 's/^received: "\([0-9a-f]*\)"$/\1/p' | head -1)
	le=$(echo "$raw" | sed 's/../& /g' | awk '{ for (i = NF; i > 0; i--) printf "%s", $i }')
	if [ -z "$raw" ] || [ $((0x${le:-0})) != $((0x${g:-x} + 0)) ]; then
		bad "r$r: gdb $g, stub raw $raw"
	else
		nreg=$((nreg + 1))
	fi
done
check "stacked registers compared ($nreg of sof $sof)" "$([ "$nreg" -ge 1 ] && [ "$nreg" = "$((sof < 8 ? sof : 8))" ]; echo $?)"
# writes: a stacked register goes through the backing-store view into the
# register file, a static one through P
w33=$(grep -A1 -E '^sending: "?p21"?$' "$tmp/g1" | tail -1)
w9=$(grep -A1 -E '^sending: "?p9"?$' "$tmp/g1" | tail -1)
check "set \$r33 reaches the register file ($w33)" "$([ "$w33" = 'received: "cdab341200000000"' ]; echo $?)"
check "set \$r9 ($w9)" "$([ "$w9" = 'received: "7700000000000000"' ]; echo $?)"
# x/4gx of code: the ELF file's bytes at start_kernel (region 5, via the TLB)
want=$(python3 - "$vmlinux" "$sk" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read(); va = int(sys.argv[2], 16)
phoff, = struct.unpack_from('<Q', d, 32); phentsz, phnum = struct.unpack_from('<HH', d, 54)
for i in range(phnum):
    t, fl, off, vaddr, paddr, fsz = struct.unpack_from('<IIQQQQ', d, phoff + i * phentsz)
    if t == 1 and vaddr <= va < vaddr + fsz:
        print(' '.join('0x%016x' % struct.unpack_from('<Q', d, off + va - vaddr + 8 * k) for k in range(4)))
PY
)
got=$(grep -A1 "^0x${sk#0} <start_kernel>:" "$tmp/g1" | sed 's/^[^:]*://' | tr -s ' \t\n' ' ' | sed 's/^ //; s/ $//')
check "x/4gx start_kernel = ELF bytes ($got)" "$([ -n "$want" ] && [ "$got" = "$want" ]; echo $?)"
# Unwinding from vprintk_emit reads the callers' saved b0/pfs from the
# register stack, most of it still dirty (not spilled): the return
# address into _start must be the bundle after its br.call start_kernel.
ret=$(ia64-linux-gnu-objdump -d "$vmlinux" --start-address=0x$(nm "$vmlinux" | awk '$3 == "_start" { print $1 }') \
	--stop-address=$(printf 0x%x $((0x$sk))) 2>/dev/null |
	awk '/br\.call.*<start_kernel>/ { sub(":", "", $1); print $1; exit }')
ret=$(printf %x $(( (0x${ret:-0} & ~15) + 16 )))
grep -qE "^#[0-9]+ +0x0*$ret in _start \(\)" "$tmp/g1" && grep -qE '^#[0-9]+ .* in start_kernel \(\)' "$tmp/g1"
check "backtrace vprintk_emit -> start_kernel -> _start (return 0x$ret)" $?
read -r lo hi <<<"$(val DIRTY)"
check "unwound through dirty backing store ($lo..$hi)" "$([ -n "$hi" ] && [ $((0x$hi - 0x$lo)) -gt 64 ]; echo $?)"
check "kill: emulator exits 0 (rc $erc)" "$([ "$erc" = 0 ] && grep -q 'killed by gdb' "$tmp/err"; echo $?)"

# --- session 2: two CPUs as threads, detach lets the machine run on
start_emu --cpus 2 --max-slots 3000000 || finish
run_gdb "$tmp/g2" 'info threads' 'thread 2' 'printf "T2PC %lx\n", $pc' 'thread 1' 'detach'
stop_emu
n=$(grep -cE '^[* ] +[12] +Thread [12]' "$tmp/g2")
check "info threads lists 2 CPUs ($n)" "$([ "$n" = 2 ]; echo $?)"
grep -q '^T2PC [0-9a-f]' "$tmp/g2"
check "registers of thread 2" $?
check "detach: machine runs on to --max-slots (rc $erc, want 4)" "$([ "$erc" = 4 ]; echo $?)"

# --- session 2b: a breakpoint never reached; the machine's stop reaches gdb
start_emu --max-slots 20000000 || finish
run_gdb "$tmp/g2b" 'break *0x10' 'continue'
stop_emu
grep -q 'exited with code 04' "$tmp/g2b"
check "machine stop under gdb reported as exit code 4 (rc $erc)" "$([ $? = 0 ] && [ "$erc" = 4 ]; echo $?)"

# --- session 3: raw protocol: errors, checksums, ctrl-C, k
start_emu --max-slots 4000000000 || finish
python3 - "$port" >"$tmp/raw" 2>&1 <<'PY'
import socket, sys, time
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=20)
buf = b''
def byte():
    global buf
    while not buf:
        buf = s.recv(65536)
        if not buf: raise EOFError
    b, buf = buf[:1], buf[1:]
    return b
def send(p, cs=None):
    c = sum(p.encode()) & 0xff if cs is None else cs
    s.sendall(b'$%s#%02x' % (p.encode(), c))
def reply():
    while byte() != b'$': pass
    d = b''
    while (b := byte()) != b'#': d += b
    cs = byte() + byte()
    s.sendall(b'+')
    ok = int(cs, 16) == sum(d) & 0xff
    return d.decode() if ok else '<bad checksum>'
def ask(p):
    send(p)
    a = byte()
    return reply() if a == b'+' else '<nak>'
def out(name, v): print(name, v)
out('QSUP', ask('qSupported:multiprocess+'))
out('STOP', ask('?'))
out('GLEN', len(ask('g')))
send('g', cs=0x00); out('NAK', byte().decode())	# wrong checksum: '-'
reply_after_nak = ask('qAttached'); out('ATT', reply_after_nak)
out('BADREG', ask('p1ff'))
out('BADMEM', ask('m7fff00000000,8'))
out('BADSYN', ask('mzz'))
out('NOHW', ask('Z1,0,0') or '<empty>')
send('c'); byte(); time.sleep(0.5)
s.sendall(b'\x03')
out('INT', reply())
out('PC', ask('p14b'))
send('k')
PY
stop_emu
rv() { sed -n "s/^$1 //p" "$tmp/raw"; }
check "qSupported gives PacketSize ($(rv QSUP))" "$(rv QSUP | grep -q PacketSize=; echo $?)"
check "? answers a SIGTRAP stop ($(rv STOP))" "$(rv STOP | grep -q '^T05thread:1;$'; echo $?)"
check "g packet is 4720 bytes ($(rv GLEN) hex digits)" "$([ "$(rv GLEN)" = 9440 ]; echo $?)"
check "bad checksum is nak'ed ($(rv NAK))" "$([ "$(rv NAK)" = - ]; echo $?)"
check "qAttached = 1 ($(rv ATT))" "$([ "$(rv ATT)" = 1 ]; echo $?)"
check "p of register 0x1ff is an error ($(rv BADREG))" "$(rv BADREG | grep -q '^E'; echo $?)"
check "m of unmapped memory is an error ($(rv BADMEM))" "$(rv BADMEM | grep -q '^E'; echo $?)"
check "malformed m is an error ($(rv BADSYN))" "$(rv BADSYN | grep -q '^E'; echo $?)"
check "Z1 (hardware) unsupported ($(rv NOHW))" "$([ "$(rv NOHW)" = '<empty>' ]; echo $?)"
check "ctrl-C stops with SIGINT ($(rv INT))" "$(rv INT | grep -q '^T02thread:1;$'; echo $?)"
check "pc readable after ctrl-C ($(rv PC))" "$(rv PC | grep -qE '^[0-9a-f]{16}$'; echo $?)"
check "k ends the emulator with 0 (rc $erc)" "$([ "$erc" = 0 ]; echo $?)"
finish
