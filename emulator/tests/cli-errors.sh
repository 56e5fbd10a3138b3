#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bad input to the emulator's command line gets a clear message and a
# non-zero exit, never a crash: malformed ELF files, a missing initrd, bad
# options.  Prints "RESULT <passed> <failed> <skipped>" (platform-unit).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
emu=$here/build/ia64emu
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
p=0 f=0

# expect NAME CMD...: exit status 1..127 (not a signal) and a message on stderr.
expect() {
	local name=$1 rc; shift
	"$@" </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?
	if [ $rc -ge 1 ] && [ $rc -lt 128 ] && [ -s "$tmp/err" ]; then
		p=$((p + 1))
	else
		echo "FAIL cli: $name: exit $rc, stderr: $(head -c 200 "$tmp/err")"; f=$((f + 1))
	fi
}

printf 'not an ELF file at all\n' > "$tmp/text"
head -c 40 /bin/true > "$tmp/short"			# truncated ELF header
cp /bin/true "$tmp/x86"					# valid ELF, wrong machine
# An ia64 ELF header whose program headers point past the end of the file.
python3 - "$tmp/badph" <<'PY'
import struct, sys
h = bytearray(64)
h[0:4] = b'\x7fELF'; h[4] = 2; h[5] = 1; h[6] = 1
struct.pack_into('<HHIQQQIHHHHHH', h, 16, 2, 50, 1, 0x100000, 0x10000000, 0, 0, 64, 56, 8, 64, 0, 0)
open(sys.argv[1], 'wb').write(h)
PY
: > "$tmp/empty"

for k in "$tmp/text" "$tmp/short" "$tmp/x86" "$tmp/badph" "$tmp/empty" "$tmp/missing"; do
	expect "boot $(basename "$k")" "$emu" boot "$k"
	expect "run $(basename "$k")" "$emu" run "$k"
	expect "dis $(basename "$k")" "$emu" dis "$k"
done
vm=${PVIA64_CACHE:-$HOME/.cache/pvia64}/kernel/build/vmlinux
[ -f "$vm" ] || vm=$tmp/badph		# option checks come before the kernel is read
expect "missing initrd" "$emu" boot "$vm" --initrd "$tmp/no-such-initrd"
expect "unknown option" "$emu" boot "$vm" --frobnicate
expect "cpus 0" "$emu" boot "$vm" --cpus 0
expect "cpus huge" "$emu" boot "$vm" --cpus 100000
expect "cpus not a number" "$emu" boot "$vm" --cpus four
expect "mem not a number" "$emu" boot "$vm" --mem lots
expect "option without value" "$emu" boot "$vm" --append
expect "itrace without trace" "$emu" boot "$vm" --itrace start_kernel
expect "itrace with gdb" "$emu" boot "$vm" --trace "$tmp/t" --itrace 0 --gdb 0
expect "itrace count 0" "$emu" boot "$vm" --trace "$tmp/t" --itrace 100,0
expect "itrace bad address" "$emu" boot "$vm" --trace "$tmp/t" --itrace 0xzz
expect "itrace empty" "$emu" boot "$vm" --trace "$tmp/t" --itrace ,5
expect "itrace unknown symbol" "$emu" boot "$vm" --trace "$tmp/t" --itrace no_such_symbol_here
printf 'a000000100000000 T _stext\ngarbage\n' > "$tmp/badmap"
expect "malformed System.map" "$emu" boot "$vm" --system-map "$tmp/badmap"
expect "missing System.map" "$emu" boot "$vm" --system-map "$tmp/no-such-map"
expect "profile with itrace" "$emu" boot "$vm" --trace "$tmp/t" --itrace 0 --profile "$tmp/p"
expect "profile unwritable" "$emu" boot "$vm" --profile /nonexistent/dir/profile
expect "no command" "$emu"
expect "unknown command" "$emu" fly
echo "RESULT $p $f 0"
[ $f -eq 0 ]
