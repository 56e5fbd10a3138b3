/* SPDX-License-Identifier: MIT */
/*
 * ia64emu command line: `dis <elf>` disassembles the executable sections
 * in objdump's layout (for the decode oracle), `run <prog> [args]` runs a
 * static user-mode program and returns its exit status, `boot <vmlinux>`
 * boots a kernel on the emulated machine (boot.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"
#include "insn.h"
#include "loader.h"
#include "symtab.h"
#include "user.h"

#define SHF_EXECINSTR 0x4

static int cmd_dis(int argc, char **argv)
{
	struct elf_file ef;
	char err[256];
	static char line[4096];
	struct symtab st;
	unsigned i;

	if (argc != 1) {
		fprintf(stderr, "usage: ia64emu dis <elf>\n");
		return 2;
	}
	if (elf_open(argv[0], &ef, err, sizeof(err))) {
		fprintf(stderr, "ia64emu: %s\n", err);
		return 1;
	}
	if (symtab_from_elf(&st, &ef)) {
		fprintf(stderr, "ia64emu: out of memory\n");
		elf_close(&ef);
		return 1;
	}
	printf("\n%s:     file format elf64-ia64-little\n\n", argv[0]);
	for (i = 0; i < ef.shnum; i++) {
		struct elf_section s;
		uint64_t off;
		size_t k = 0;

		if (elf_section(&ef, i, &s) || !(s.flags & SHF_EXECINSTR) || !s.data)
			continue;
		printf("\nDisassembly of section %s:\n", s.name);
		while (k < st.n && st.v[k].value < s.addr)
			k++;
		for (off = 0; off + 16 <= s.size; off += 16) {
			uint64_t a = s.addr + off;
			const char *hdr = NULL;

			for (; k < st.n && st.v[k].value < a + 16; k++)
				if (st.v[k].value == a && !hdr)
					hdr = st.v[k].name;
			if (hdr)
				printf("\n%016llx <%s>:\n", (unsigned long long)a, hdr);
			dis_bundle(a, s.data + off, line, sizeof(line));
			fputs(line, stdout);
		}
	}
	symtab_free(&st);
	elf_close(&ef);
	return 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: ia64emu dis <elf>            disassemble (objdump layout)\n"
		"       ia64emu run <prog> [args...]  run a static user-mode program\n"
		"       ia64emu boot <vmlinux> [opts] boot a Linux/ia64 kernel (ia64emu boot -h)\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage();
		return 2;
	}
	if (!strcmp(argv[1], "dis"))
		return cmd_dis(argc - 2, argv + 2);
	if (!strcmp(argv[1], "run"))
		return user_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "boot"))
		return boot_main(argc - 2, argv + 2);
	usage();
	return 2;
}
