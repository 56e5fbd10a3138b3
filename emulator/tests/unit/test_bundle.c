/* SPDX-License-Identifier: MIT */
/*
 * Bundle format and disassembly layout tests: the template table against
 * SDM Vol. 3 Table 3-10, slot extraction, and dis_bundle text for bundles
 * assembled by GNU as, compared with what ia64-linux-gnu-objdump -d
 * printed for the same bytes (symbol annotations replaced by "0x" form).
 */
#include <string.h>

#include "bundle.h"
#include "disasm.h"
#include "insn.h"
#include "test/harness.h"

/* SDM Table 3-10: units per slot and stop positions ("M I I;;"...). */
static const struct {
	unsigned t;
	const char *layout;
} sdm[] = {
	{ 0x00, "MII" }, { 0x01, "MII;" }, { 0x02, "MI;I" }, { 0x03, "MI;I;" },
	{ 0x04, "MLX" }, { 0x05, "MLX;" }, { 0x08, "MMI" }, { 0x09, "MMI;" },
	{ 0x0a, "M;MI" }, { 0x0b, "M;MI;" }, { 0x0c, "MFI" }, { 0x0d, "MFI;" },
	{ 0x0e, "MMF" }, { 0x0f, "MMF;" }, { 0x10, "MIB" }, { 0x11, "MIB;" },
	{ 0x12, "MBB" }, { 0x13, "MBB;" }, { 0x16, "BBB" }, { 0x17, "BBB;" },
	{ 0x18, "MMB" }, { 0x19, "MMB;" }, { 0x1c, "MFB" }, { 0x1d, "MFB;" },
};

static void templates(void)
{
	static const char unit_ch[] = { [UNIT_M] = 'M', [UNIT_I] = 'I', [UNIT_F] = 'F',
					[UNIT_B] = 'B', [UNIT_L] = 'L', [UNIT_X] = 'X' };
	unsigned i, t, nvalid = 0;

	TEST_BEGIN("bundle: template table matches SDM Table 3-10");
	for (i = 0; i < sizeof(sdm) / sizeof(sdm[0]); i++) {
		const struct bundle_template *bt = bundle_template(sdm[i].t);
		char got[8];
		unsigned s, n = 0;

		CHECK(bt->valid);
		for (s = 0; s < 3; s++) {
			got[n++] = unit_ch[bt->unit[s]];
			if ((bt->stops >> s) & 1)
				got[n++] = ';';
		}
		got[n] = 0;
		CHECK(!strcmp(got, sdm[i].layout));
		if (strcmp(got, sdm[i].layout))
			printf("  template 0x%02x: %s, expected %s\n", sdm[i].t, got, sdm[i].layout);
	}
	for (t = 0; t < 32; t++)
		nvalid += bundle_template(t)->valid;
	CHECK_EQ(nvalid, 24);
	CHECK(!bundle_template(0x06)->valid && !bundle_template(0x07)->valid);
	CHECK(!bundle_template(0x14)->valid && !bundle_template(0x15)->valid);
	CHECK(!bundle_template(0x1a)->valid && !bundle_template(0x1b)->valid);
	CHECK(!bundle_template(0x1e)->valid && !bundle_template(0x1f)->valid);
	TEST_END();
}

static void slots(void)
{
	static const uint64_t v[3] = { 0x1234567890aULL, 0x0fedcba9876ULL, 0x15555555555ULL };
	uint8_t b[16];
	unsigned i;

	TEST_BEGIN("bundle: slot extraction (bits 5-45, 46-86, 87-127)");
	memset(b, 0, sizeof(b));
	/* Pack bit by bit: bit k of the bundle is bit k%8 of byte k/8. */
	for (i = 0; i < 123; i++) {
		unsigned s = i / 41, k = i % 41, bit = 5 + i;

		if ((v[s] >> k) & 1)
			b[bit / 8] |= (uint8_t)(1u << (bit % 8));
	}
	b[0] |= 0x11;
	CHECK_EQ(bundle_slot(b, 0), v[0]);
	CHECK_EQ(bundle_slot(b, 1), v[1]);
	CHECK_EQ(bundle_slot(b, 2), v[2]);
	TEST_END();
}

struct dis_case {
	uint64_t ip;
	uint8_t b[16];
	const char *text[3];	/* objdump's text column per slot (NULL: none) */
};

static const struct dis_case cases[] = {
	{ 0x0, { 0x01, 0x40, 0x00, 0x40, 0x00, 0xa1, 0x11, 0xf8, 0x0b, 0x7e, 0x46, 0x60,
		 0x40, 0xd0, 0xe9, 0x53 },
	  { "[MII]       mov r8=r32", "      (p06) adds r1=-1,r2", "            shl r3=r4,5;;" } },
	{ 0x10, { 0x05, 0x00, 0x00, 0x00, 0x01, 0x80, 0x9a, 0x78, 0x56, 0x34, 0x12, 0x20,
		  0x00, 0x97, 0xf7, 0x66 },
	  { "[MLX]       nop.m 0x0", "            movl r1=0x123456789abcdef0;;", NULL } },
	{ 0x20, { 0x10, 0x08, 0x20, 0x04, 0x18, 0x14, 0x00, 0x18, 0x04, 0x55, 0x80, 0x03,
		  0x00, 0x00, 0x00, 0x42 },
	  { "[MIB]       ld8 r1=[r2],8", "            mov.i ar.lc=r3",
	    "      (p07) br.cond.dptk.few 0x20" } },
	{ 0x30, { 0x19, 0x08, 0x00, 0x04, 0x24, 0x04, 0x20, 0x00, 0x44, 0x44, 0x08, 0x00,
		  0x08, 0x00, 0x00, 0x50 },
	  { "[MMB]       mov r1=cr.iva", "            mov.m r2=ar.bsp",
	    "            br.call.sptk.many b0=0x30;;" } },
	{ 0x70, { 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		  0x08, 0x00, 0x00, 0xd0 },
	  { "[MLX]       nop.m 0x0", "            brl.call.sptk.many b0=0x70", NULL } },
	{ 0x80, { 0x04, 0x90, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
		  0x08, 0x00, 0x00, 0xc0 },
	  { "[MLX]       nop.m 0x12", "            brl.many 0x80", NULL } },
	{ 0x90, { 0x17, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x10, 0x20,
		  0x68, 0x00, 0x80, 0x00 },
	  { "[BBB]       nop.b 0x0", "            nop.b 0x0", "            br.ia.sptk.many b6;;" } },
	{ 0xa0, { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		  0xff, 0xff, 0xff, 0xff },
	  { "[-f-]       data8 0x1ffffffffff", "            data8 0x1ffffffffff",
	    "            data8 0x1ffffffffff" } },
};

/* The text column of line `n` of dis_bundle output (after the 2nd tab). */
static const char *column(const char *out, unsigned n, char *buf, size_t len)
{
	const char *p = out, *t, *e;

	while (n--) {
		p = strchr(p, '\n');
		if (!p)
			return NULL;
		p++;
	}
	e = strchr(p, '\n');
	t = memchr(p, '\t', (size_t)(e - p));
	if (!t)
		return NULL;
	t = memchr(t + 1, '\t', (size_t)(e - t - 1));
	if (!t)
		return "";
	snprintf(buf, len, "%.*s", (int)(e - t - 1), t + 1);
	return buf;
}

static void disassembly(void)
{
	char out[2048], col[256];
	unsigned i, s;

	TEST_BEGIN("disasm: dis_bundle matches objdump's text for gas-assembled bundles");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dis_bundle(cases[i].ip, cases[i].b, out, sizeof(out));
		for (s = 0; s < 3; s++) {
			const char *got = column(out, s, col, sizeof(col));
			const char *want = cases[i].text[s] ? cases[i].text[s] : "";

			CHECK(got && !strcmp(got, want));
			if (!got || strcmp(got, want))
				printf("  0x%llx slot %u: '%s', expected '%s'\n",
				       (unsigned long long)cases[i].ip, s, got ? got : "(none)", want);
		}
	}
	TEST_END();
}

static void names(void)
{
	char tmp[DIS_NAME_MAX];

	TEST_BEGIN("disasm: register names as objdump spells them");
	CHECK(!strcmp(dis_ar_name(65, tmp), "ar.lc"));
	CHECK(!strcmp(dis_ar_name(47, tmp), "ar47"));
	CHECK(!strcmp(dis_ar_name(45, tmp), "ar.ruc"));
	CHECK(!strcmp(dis_cr_name(26, tmp), "cr.iib0"));
	CHECK(!strcmp(dis_cr_name(3, tmp), "cr3"));
	CHECK(!strcmp(dis_cr_name(81, tmp), "cr.lrr1"));
	TEST_END();
}

int main(void)
{
	templates();
	slots();
	disassembly();
	names();
	return test_report();
}
