/* SPDX-License-Identifier: MIT */
/*
 * F-unit decoder: every slot of tests/asm/f_all.s must disassemble exactly
 * as ia64-linux-gnu-objdump -d prints it.  The table below is objdump's
 * output for that file (slot 1 of each MFI bundle, raw 41 bits), taken
 * once from the assembler/objdump pair; branch targets are compared
 * without objdump's "<sym+off>" annotation and "0x" prefix differences.
 */
#include <string.h>

#include "../../common/test/harness.h"
#include "insn.h"

struct expect {
	uint64_t raw;
	uint64_t ip;
	const char *text;
};

static const struct expect cases[] = {
	{ 0x10040712180ULL, 0x0, "fma.s0 f6=f7,f8,f9" },
	{ 0x11040712180ULL, 0x10, "fma.s.s0 f6=f7,f8,f9" },
	{ 0x12440712180ULL, 0x20, "fma.d.s1 f6=f7,f8,f9" },
	{ 0x10840712180ULL, 0x30, "fma.s2 f6=f7,f8,f9" },
	{ 0x11fefef9fc0ULL, 0x40, "fma.s.s3 f127=f126,f125,f124" },
	{ 0x14040712180ULL, 0x50, "fms.s0 f6=f7,f8,f9" },
	{ 0x15440712180ULL, 0x60, "fms.s.s1 f6=f7,f8,f9" },
	{ 0x16040712180ULL, 0x70, "fms.d.s0 f6=f7,f8,f9" },
	{ 0x18040712180ULL, 0x80, "fnma.s0 f6=f7,f8,f9" },
	{ 0x19040712180ULL, 0x90, "fnma.s.s0 f6=f7,f8,f9" },
	{ 0x1a840712180ULL, 0xa0, "fnma.d.s2 f6=f7,f8,f9" },
	{ 0x13040712180ULL, 0xb0, "fpma.s0 f6=f7,f8,f9" },
	{ 0x17440712180ULL, 0xc0, "fpms.s1 f6=f7,f8,f9" },
	{ 0x1b040712180ULL, 0xd0, "fpnma.s0 f6=f7,f8,f9" },
	{ 0x10008710180ULL, 0xe0, "fadd.s0 f6=f7,f8" },
	{ 0x11008710180ULL, 0xf0, "fadd.s.s0 f6=f7,f8" },
	{ 0x16408710180ULL, 0x100, "fsub.d.s1 f6=f7,f8" },
	{ 0x10040700180ULL, 0x110, "fmpy.s0 f6=f7,f8" },
	{ 0x11040700180ULL, 0x120, "fmpy.s.s0 f6=f7,f8" },
	{ 0x18040700180ULL, 0x130, "fnmpy.s0 f6=f7,f8" },
	{ 0x10008700180ULL, 0x140, "fnorm.s0 f6=f7" },
	{ 0x11008700180ULL, 0x150, "fnorm.s.s0 f6=f7" },
	{ 0x12408700180ULL, 0x160, "fnorm.d.s1 f6=f7" },
	{ 0x13040700180ULL, 0x170, "fpmpy.s0 f6=f7,f8" },
	{ 0x1b040700180ULL, 0x180, "fpnmpy.s0 f6=f7,f8" },
	{ 0x10008700180ULL, 0x190, "fnorm.s0 f6=f7" },
	{ 0x11008700180ULL, 0x1a0, "fnorm.s.s0 f6=f7" },
	{ 0x12408700180ULL, 0x1b0, "fnorm.d.s1 f6=f7" },
	{ 0x10008700180ULL, 0x1c0, "fnorm.s0 f6=f7" },
	{ 0x18008700180ULL, 0x1d0, "fnmpy.s0 f6=f7,f1" },
	{ 0x1d040712180ULL, 0x1e0, "xma.l f6=f7,f8,f9" },
	{ 0x1dc40712180ULL, 0x1f0, "xma.h f6=f7,f8,f9" },
	{ 0x1d840712180ULL, 0x200, "xma.hu f6=f7,f8,f9" },
	{ 0x1d040700180ULL, 0x210, "xmpy.l f6=f7,f8" },
	{ 0x1dc40700180ULL, 0x220, "xmpy.h f6=f7,f8" },
	{ 0x1d840700180ULL, 0x230, "xmpy.hu f6=f7,f8" },
	{ 0x1c040712180ULL, 0x240, "fselect f6=f7,f8,f9" },
	{ 0x08038910180ULL, 0x250, "fcmp.eq.s0 p6,p7=f8,f9" },
	{ 0x09038910180ULL, 0x260, "fcmp.lt.s0 p6,p7=f8,f9" },
	{ 0x08238910180ULL, 0x270, "fcmp.le.s0 p6,p7=f8,f9" },
	{ 0x09238910180ULL, 0x280, "fcmp.unord.s0 p6,p7=f8,f9" },
	{ 0x08038911180ULL, 0x290, "fcmp.eq.unc.s0 p6,p7=f8,f9" },
	{ 0x09438911180ULL, 0x2a0, "fcmp.lt.unc.s1 p6,p7=f8,f9" },
	{ 0x09038812180ULL, 0x2b0, "fcmp.lt.s0 p6,p7=f9,f8" },
	{ 0x08238812180ULL, 0x2c0, "fcmp.le.s0 p6,p7=f9,f8" },
	{ 0x080309101c0ULL, 0x2d0, "fcmp.eq.s0 p7,p6=f8,f9" },
	{ 0x090309101c0ULL, 0x2e0, "fcmp.lt.s0 p7,p6=f8,f9" },
	{ 0x082309101c0ULL, 0x2f0, "fcmp.le.s0 p7,p6=f8,f9" },
	{ 0x090308121c0ULL, 0x300, "fcmp.lt.s0 p7,p6=f9,f8" },
	{ 0x082308121c0ULL, 0x310, "fcmp.le.s0 p7,p6=f9,f8" },
	{ 0x092309101c0ULL, 0x320, "fcmp.unord.s0 p7,p6=f8,f9" },
	{ 0x0a63f010180ULL, 0x330, "fclass.m p6,p7=f8,0x1c3" },
	{ 0x0a637f101c0ULL, 0x340, "fclass.m p7,p6=f8,0x1ff" },
	{ 0x0a638111180ULL, 0x350, "fclass.m.unc p6,p7=f8,0x7" },
	{ 0x0a0340111c0ULL, 0x360, "fclass.m.unc p7,p6=f8,0x100" },
	{ 0x00238910180ULL, 0x370, "frcpa.s0 f6,p7=f8,f9" },
	{ 0x00638910180ULL, 0x380, "frcpa.s1 f6,p7=f8,f9" },
	{ 0x01238800180ULL, 0x390, "frsqrta.s0 f6,p7=f8" },
	{ 0x01a38800180ULL, 0x3a0, "frsqrta.s2 f6,p7=f8" },
	{ 0x02238910180ULL, 0x3b0, "fprcpa.s0 f6,p7=f8,f9" },
	{ 0x03638800180ULL, 0x3c0, "fprsqrta.s1 f6,p7=f8" },
	{ 0x000a080e180ULL, 0x3d0, "fmin.s0 f6=f7,f8" },
	{ 0x004a880e180ULL, 0x3e0, "fmax.s1 f6=f7,f8" },
	{ 0x000b080e180ULL, 0x3f0, "famin.s0 f6=f7,f8" },
	{ 0x000b880e180ULL, 0x400, "famax.s0 f6=f7,f8" },
	{ 0x020a080e180ULL, 0x410, "fpmin.s0 f6=f7,f8" },
	{ 0x020a880e180ULL, 0x420, "fpmax.s0 f6=f7,f8" },
	{ 0x020b080e180ULL, 0x430, "fpamin.s0 f6=f7,f8" },
	{ 0x020b880e180ULL, 0x440, "fpamax.s0 f6=f7,f8" },
	{ 0x0218080e180ULL, 0x450, "fpcmp.eq.s0 f6=f7,f8" },
	{ 0x0218880e180ULL, 0x460, "fpcmp.lt.s0 f6=f7,f8" },
	{ 0x0219080e180ULL, 0x470, "fpcmp.le.s0 f6=f7,f8" },
	{ 0x0219880e180ULL, 0x480, "fpcmp.unord.s0 f6=f7,f8" },
	{ 0x021a080e180ULL, 0x490, "fpcmp.neq.s0 f6=f7,f8" },
	{ 0x021a880e180ULL, 0x4a0, "fpcmp.nlt.s0 f6=f7,f8" },
	{ 0x021b080e180ULL, 0x4b0, "fpcmp.nle.s0 f6=f7,f8" },
	{ 0x021b880e180ULL, 0x4c0, "fpcmp.ord.s0 f6=f7,f8" },
	{ 0x02188710180ULL, 0x4d0, "fpcmp.lt.s0 f6=f8,f7" },
	{ 0x02590710180ULL, 0x4e0, "fpcmp.le.s1 f6=f8,f7" },
	{ 0x0008080e180ULL, 0x4f0, "fmerge.s f6=f7,f8" },
	{ 0x0008880e180ULL, 0x500, "fmerge.ns f6=f7,f8" },
	{ 0x0009080e180ULL, 0x510, "fmerge.se f6=f7,f8" },
	{ 0x0008070e180ULL, 0x520, "mov f6=f7" },
	{ 0x00080700180ULL, 0x530, "fabs f6=f7" },
	{ 0x0008870e180ULL, 0x540, "fneg f6=f7" },
	{ 0x00088700180ULL, 0x550, "fnegabs f6=f7" },
	{ 0x001d880e180ULL, 0x560, "fmix.l f6=f7,f8" },
	{ 0x001d080e180ULL, 0x570, "fmix.r f6=f7,f8" },
	{ 0x001c880e180ULL, 0x580, "fmix.lr f6=f7,f8" },
	{ 0x001e880e180ULL, 0x590, "fsxt.l f6=f7,f8" },
	{ 0x001e080e180ULL, 0x5a0, "fsxt.r f6=f7,f8" },
	{ 0x0014080e180ULL, 0x5b0, "fpack f6=f7,f8" },
	{ 0x001a080e180ULL, 0x5c0, "fswap f6=f7,f8" },
	{ 0x001a880e180ULL, 0x5d0, "fswap.nl f6=f7,f8" },
	{ 0x001b080e180ULL, 0x5e0, "fswap.nr f6=f7,f8" },
	{ 0x0016080e180ULL, 0x5f0, "fand f6=f7,f8" },
	{ 0x0016880e180ULL, 0x600, "fandcm f6=f7,f8" },
	{ 0x0017080e180ULL, 0x610, "for f6=f7,f8" },
	{ 0x0017880e180ULL, 0x620, "fxor f6=f7,f8" },
	{ 0x0208080e180ULL, 0x630, "fpmerge.s f6=f7,f8" },
	{ 0x0208880e180ULL, 0x640, "fpmerge.ns f6=f7,f8" },
	{ 0x0209080e180ULL, 0x650, "fpmerge.se f6=f7,f8" },
	{ 0x02080700180ULL, 0x660, "fpabs f6=f7" },
	{ 0x0208870e180ULL, 0x670, "fpneg f6=f7" },
	{ 0x02088700180ULL, 0x680, "fpnegabs f6=f7" },
	{ 0x000c000e180ULL, 0x690, "fcvt.fx.s0 f6=f7" },
	{ 0x000c800e180ULL, 0x6a0, "fcvt.fxu.s0 f6=f7" },
	{ 0x000d000e180ULL, 0x6b0, "fcvt.fx.trunc.s0 f6=f7" },
	{ 0x004d800e180ULL, 0x6c0, "fcvt.fxu.trunc.s1 f6=f7" },
	{ 0x000e000e180ULL, 0x6d0, "fcvt.xf f6=f7" },
	{ 0x020c000e180ULL, 0x6e0, "fpcvt.fx.s0 f6=f7" },
	{ 0x020c800e180ULL, 0x6f0, "fpcvt.fxu.s0 f6=f7" },
	{ 0x020d000e180ULL, 0x700, "fpcvt.fx.trunc.s0 f6=f7" },
	{ 0x028d800e180ULL, 0x710, "fpcvt.fxu.trunc.s2 f6=f7" },
	{ 0x000200fe000ULL, 0x720, "fsetc.s0 0x7f,0x0" },
	{ 0x00823424000ULL, 0x730, "fsetc.s2 0x12,0x34" },
	{ 0x00028000000ULL, 0x740, "fclrf.s0" },
	{ 0x00c28000000ULL, 0x750, "fclrf.s3" },
	{ 0x00040000840ULL, 0x760, "fchkf.s0 970" },
	{ 0x00440000800ULL, 0x770, "fchkf.s1 970" },
	{ 0x0000048d140ULL, 0x780, "break.f 0x12345" },
	{ 0x00008000000ULL, 0x790, "nop.f 0x0" },
	{ 0x0000bffffc0ULL, 0x7a0, "nop.f 0xfffff" },
	{ 0x0000c000000ULL, 0x7b0, "hint.f 0x0" },
	{ 0x0000c000480ULL, 0x7c0, "hint.f 0x12" },
	{ 0x14040700180ULL, 0x7d0, "fms.s0 f6=f7,f8,f0" },
	{ 0x14008700180ULL, 0x7e0, "fsub.s0 f6=f7,f0" },
	{ 0x14008712180ULL, 0x7f0, "fsub.s0 f6=f7,f9" },
	{ 0x18008712180ULL, 0x800, "fnma.s0 f6=f7,f1,f9" },
	{ 0x13008700180ULL, 0x810, "fpmpy.s0 f6=f7,f1" },
	{ 0x13008712180ULL, 0x820, "fpma.s0 f6=f7,f1,f9" },
	{ 0x17040700180ULL, 0x830, "fpms.s0 f6=f7,f8,f0" },
	{ 0x17008712180ULL, 0x840, "fpms.s0 f6=f7,f1,f9" },
	{ 0x1b008700180ULL, 0x850, "fpnmpy.s0 f6=f7,f1" },
	{ 0x00080000180ULL, 0x860, "mov f6=f0" },
	{ 0x0008000e180ULL, 0x870, "fmerge.s f6=f7,f0" },
	{ 0x00088000180ULL, 0x880, "fneg f6=f0" },
	{ 0x0009070e180ULL, 0x890, "fmerge.se f6=f7,f7" },
	{ 0x0208070e180ULL, 0x8a0, "fpmerge.s f6=f7,f7" },
	{ 0x0209070e180ULL, 0x8b0, "fpmerge.se f6=f7,f7" },
	{ 0x1d008700180ULL, 0x8c0, "xmpy.l f6=f7,f1" },
	{ 0x1dc40700180ULL, 0x8d0, "xmpy.h f6=f7,f8" },
	{ 0x10008100180ULL, 0x8e0, "fnorm.s0 f6=f1" },
	{ 0x10008000180ULL, 0x8f0, "fnorm.s0 f6=f0" },
	{ 0x12040700180ULL, 0x900, "fmpy.d.s0 f6=f7,f8" },
	{ 0x19040700180ULL, 0x910, "fnmpy.s.s0 f6=f7,f8" },
	{ 0x0a038000180ULL, 0x920, "fclass.m p6,p7=f0,0x0" },
	{ 0x001d870e180ULL, 0x930, "fmix.l f6=f7,f7" },
	{ 0x1c040700180ULL, 0x940, "fselect f6=f7,f8,f0" },
	{ 0x00020000000ULL, 0x950, "fsetc.s0 0x0,0x0" },
	{ 0x10040712180ULL, 0x960, "fma.s0 f6=f7,f8,f9" },
	{ 0x00008000000ULL, 0x970, "nop.f 0x0" },
};

/* Drop "0x" so "fchkf.s0 0x970" and objdump's "fchkf.s0 970" compare. */
static void strip_0x(char *s)
{
	char *p;

	while ((p = strstr(s, " 0x")) != NULL && strncmp(s, "fchkf", 5) == 0)
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
}

int main(void)
{
	unsigned i, bad = 0;

	TEST_BEGIN("decode_f matches objdump");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct insn in;
		char buf[128];

		decode_f(cases[i].raw, &in);
		dis_insn(&in, cases[i].ip, buf, sizeof(buf));
		strip_0x(buf);
		if (strcmp(buf, cases[i].text)) {
			bad++;
			printf("  %011llx: got \"%s\" want \"%s\"\n",
			       (unsigned long long)cases[i].raw, buf, cases[i].text);
		}
	}
	CHECK_EQ(bad, 0);
	TEST_END();

	TEST_BEGIN("reserved F encodings are illegal");
	{
		/* major opcodes 2, 3, 6, 7, 15; xma x2=1; unknown misc x6 */
		static const uint64_t bad_raw[] = {
			2ULL << 37, 3ULL << 37, 6ULL << 37, 7ULL << 37, 15ULL << 37,
			0xeULL << 37 | 1ULL << 36 | 1ULL << 34,
			0x3fULL << 27, 1ULL << 37 | 0x3fULL << 27,
		};
		struct insn in;

		for (i = 0; i < sizeof(bad_raw) / sizeof(bad_raw[0]); i++) {
			decode_f(bad_raw[i], &in);
			CHECK(in.exec == exec_illegal);
		}
	}
	TEST_END();
	return test_report();
}
