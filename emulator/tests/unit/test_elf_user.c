/* SPDX-License-Identifier: MIT */
/*
 * ELF reader and user-mode runner tests: malformed files give errors (not
 * crashes); a minimal static program built here (ELF64 header, one
 * PT_LOAD, hand-encoded bundles) runs to its exit system call, and the
 * runner's initial state follows the Linux/ia64 process ABI.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elf.h"
#include "test/harness.h"
#include "user.h"

#define BASE 0x4000000000000000ULL

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v); put16(p + 2, (uint16_t)(v >> 16)); }
static void put64(uint8_t *p, uint64_t v) { put32(p, (uint32_t)v); put32(p + 4, (uint32_t)(v >> 32)); }

static void bundle(uint8_t *b, unsigned t, uint64_t s0, uint64_t s1, uint64_t s2)
{
	uint64_t lo = t | (s0 << 5) | (s1 << 46), hi = (s1 >> 18) | (s2 << 23);

	put64(b, lo);
	put64(b + 8, hi);
}

/* A4 adds r1 = imm14, r0 */
static uint64_t adds_r0(unsigned r1, unsigned imm)
{
	return (8ULL << 37) | (2ULL << 34) | ((uint64_t)((imm >> 7) & 0x3f) << 27) |
	       ((uint64_t)(imm & 0x7f) << 13) | ((uint64_t)r1 << 6);
}

/* M34 alloc r1 = ar.pfs, sof, sol, sor */
static uint64_t alloc(unsigned r1, unsigned sof, unsigned sol)
{
	return (1ULL << 37) | (6ULL << 33) | ((uint64_t)sol << 20) | ((uint64_t)sof << 13) |
	       ((uint64_t)r1 << 6);
}

/* Program: alloc 3 locals + 1 output; out0 (r35) = status;
 * r15 = exit_group; break 0x100000 (arguments are the frame's outputs). */
static size_t make_prog(uint8_t *f, unsigned status, uint16_t machine)
{
	uint8_t *eh = f, *ph = f + 64, *code = f + 0x100;

	memset(f, 0, 0x140);
	memcpy(eh, "\177ELF", 4);
	eh[4] = 2;		/* ELFCLASS64 */
	eh[5] = 1;		/* little endian */
	eh[6] = 1;
	put16(eh + 16, 2);	/* ET_EXEC */
	put16(eh + 18, machine);
	put32(eh + 20, 1);
	put64(eh + 24, BASE + 0x100);
	put64(eh + 32, 64);	/* phoff */
	put16(eh + 52, 64);
	put16(eh + 54, 56);
	put16(eh + 56, 1);	/* phnum */
	put32(ph, 1);		/* PT_LOAD */
	put32(ph + 4, 5);	/* R+X */
	put64(ph + 8, 0);
	put64(ph + 16, BASE);
	put64(ph + 32, 0x140);
	put64(ph + 40, 0x140);
	put64(ph + 48, 0x10000);
	bundle(code, 0x01, alloc(34, 4, 3), adds_r0(35, status), adds_r0(15, 1236));
	/* MIB;; nop.m, nop.i, break.b 0x100000 (i bit 36 = imm bit 20) */
	bundle(code + 16, 0x11, 1ULL << 27, 1ULL << 27, 1ULL << 36);
	/* Never reached: break.b 0 would be SIGTRAP. */
	bundle(code + 32, 0x11, 1ULL << 27, 1ULL << 27, 0);
	return 0x140;
}

static const char *write_tmp(const uint8_t *d, size_t n, char *path)
{
	int fd;

	strcpy(path, "/tmp/ia64emu-test-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0 || write(fd, d, n) != (ssize_t)n)
		return NULL;
	close(fd);
	return path;
}

static void malformed(void)
{
	uint8_t f[0x140];
	char path[64], err[256];
	struct elf_file ef;
	size_t n = make_prog(f, 0, 50);

	TEST_BEGIN("elf: malformed files are rejected with a message");
	CHECK_EQ(elf_parse(memcpy(malloc(16), f, 16), 16, &ef, err, sizeof(err)), -1);
	CHECK(strstr(err, "ELF") != NULL);
	elf_close(&ef);
	f[18] = 62;		/* x86-64 */
	CHECK_EQ(elf_parse(memcpy(malloc(n), f, n), n, &ef, err, sizeof(err)), -1);
	CHECK(strstr(err, "IA-64") != NULL);
	elf_close(&ef);
	f[18] = 50;
	put64(f + 32, 0x7fffffff);	/* phoff beyond the file */
	CHECK_EQ(elf_parse(memcpy(malloc(n), f, n), n, &ef, err, sizeof(err)), -1);
	CHECK(strstr(err, "program header") != NULL);
	elf_close(&ef);
	put64(f + 32, 64);
	put64(f + 64 + 32, 0x100000);	/* filesz beyond the file */
	CHECK_EQ(elf_parse(memcpy(malloc(n), f, n), n, &ef, err, sizeof(err)), -1);
	elf_close(&ef);
	CHECK_EQ(elf_open("/nonexistent/prog", &ef, err, sizeof(err)), -1);
	/* The runner reports bad files as exit status 127. */
	write_tmp(f, n, path);
	{
		char *argv[] = { path, NULL };

		CHECK_EQ(user_run(1, argv, NULL), 127);
	}
	unlink(path);
	TEST_END();
}

static void run_prog(void)
{
	uint8_t f[0x140];
	char path[64];
	size_t n = make_prog(f, 42, 50);
	char *argv[] = { path, (char *)"x", NULL };
	struct user_stats st;

	TEST_BEGIN("user: minimal static program exits through exit_group");
	CHECK(write_tmp(f, n, path) != NULL);
	CHECK_EQ(user_run(2, argv, &st), 42);
	/* 3 slots in the first bundle, the break is slot 2 of the second. */
	CHECK_EQ(st.slots, 6);
	unlink(path);
	TEST_END();
}

int main(void)
{
	malformed();
	run_prog();
	return test_report();
}
