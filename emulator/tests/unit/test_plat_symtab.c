// SPDX-License-Identifier: MIT
/*
 * symtab.c: System.map parsing (good and malformed files), nearest-symbol
 * lookups at, between and beyond symbols, aliases, name and next-symbol
 * queries — what the traces and the fatal-stop dump print.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "test/harness.h"
#include "symtab.h"

static int write_map(char *path, const char *text)
{
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!f)
		return -1;
	fputs(text, f);
	fclose(f);
	return 0;
}

static void test_lookup(void)
{
	char path[] = "/tmp/symtab-XXXXXX", err[200];
	struct symtab t;
	uint64_t off = 0, v = 0;

	TEST_BEGIN("map lookups");
	CHECK(!write_map(path,
			 "a000000100000000 T _stext\n"
			 "a000000100000000 T _text\n"
			 "0000000000000000 A __per_cpu_start\n"
			 "a000000100000100 t helper\n"
			 "                 U undefined_thing\n"
			 "a000000100001000 D some_data\n"
			 "a000000100000040 T start_kernel\n"));
	CHECK(!symtab_from_map(&t, path, err, sizeof(err)));
	unlink(path);
	CHECK_EQ(t.n, 5);	/* absolute and undefined skipped */
	CHECK(!strcmp(symtab_at(&t, 0xa000000100000040ULL, &off), "start_kernel"));
	CHECK_EQ(off, 0);
	CHECK(!strcmp(symtab_at(&t, 0xa0000001000000c8ULL, &off), "start_kernel"));
	CHECK_EQ(off, 0x88);
	/* aliases: the first in name order, stable from run to run */
	CHECK(!strcmp(symtab_at(&t, 0xa000000100000008ULL, &off), "_stext"));
	CHECK(!symtab_at(&t, 0xa0000000ffffffffULL, &off));	/* before the first */
	CHECK(!symtab_at(&t, 0xa000000100001000ULL + (2 << 20), &off));	/* too far */
	CHECK(!strcmp(symtab_at(&t, 0xa000000100001010ULL, &off), "some_data"));
	CHECK(!symtab_find(&t, "helper", &v));
	CHECK_EQ(v, 0xa000000100000100ULL);
	CHECK(symtab_find(&t, "__per_cpu_start", &v) == -1);
	CHECK_EQ(symtab_next(&t, 0xa000000100000000ULL), 0xa000000100000040ULL);
	CHECK_EQ(symtab_next(&t, 0xa000000100000100ULL), 0xa000000100001000ULL);
	CHECK_EQ(symtab_next(&t, 0xa000000100001000ULL), UINT64_MAX);
	symtab_free(&t);
	CHECK(!symtab_at(NULL, 0x1000, &off));
	TEST_END();
}

static void test_bad_maps(void)
{
	static const char *const bad[] = {
		"a000000100000000 T ok\nnot a map line\n",
		"a000000100000000 T\n",
		"zzzz T name\n",
		"",
		"0000000000000000 A only_absolute\n",
	};
	char err[200];
	struct symtab t;

	TEST_BEGIN("malformed maps are refused with a message");
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char path[] = "/tmp/symtab-XXXXXX";

		err[0] = 0;
		CHECK(!write_map(path, bad[i]));
		CHECK(symtab_from_map(&t, path, err, sizeof(err)) == -1);
		CHECK(err[0] != 0);
		CHECK(t.v == NULL && t.text == NULL);
		unlink(path);
	}
	CHECK(symtab_from_map(&t, "/nonexistent/System.map", err, sizeof(err)) == -1);
	CHECK(strstr(err, "/nonexistent/System.map") != NULL);
	TEST_END();
}

int main(void)
{
	test_lookup();
	test_bad_maps();
	return test_report();
}
