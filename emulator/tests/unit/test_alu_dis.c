/* SPDX-License-Identifier: MIT */
/*
 * Disassembly check of the A and I unit decoders: every slot of
 * tests/asm/ai_*.s, as ia64-linux-gnu-objdump printed it (table generated
 * by tests/asm/ai_gen_dis.py), must come out of decode_a/decode_i +
 * dis_insn with exactly the same text, including the "(pNN) " prefix.
 */
#include <stdio.h>
#include <string.h>

#include "alu.h"
#include "insn.h"
#include "test/harness.h"

struct ai_dis_case {
	uint64_t addr;		/* bundle address in the object (for targets) */
	uint64_t raw;
	char unit;		/* 'A' or 'I' */
	const char *text;	/* objdump text, ";;" and "<sym>" removed */
};

#include "test_alu_dis_data.h"

int main(void)
{
	size_t i, n = sizeof(ai_dis_cases) / sizeof(ai_dis_cases[0]);
	char buf[200], full[220];
	struct insn in;

	for (i = 0; i < n; i++) {
		const struct ai_dis_case *t = &ai_dis_cases[i];

		TEST_BEGIN(t->text);
		if (t->unit == 'A')
			decode_a(t->raw, &in);
		else
			decode_i(t->raw, &in);
		/* targets print absolute: pass the bundle's address */
		dis_insn(&in, t->addr, buf, sizeof(buf));
		if (in.qp)
			snprintf(full, sizeof(full), "(p%02u) %s", in.qp, buf);
		else
			snprintf(full, sizeof(full), "%s", buf);
		if (strcmp(full, t->text) != 0)
			printf("  slot 0x%011llx: got \"%s\" want \"%s\"\n",
			       (unsigned long long)t->raw, full, t->text);
		CHECK(strcmp(full, t->text) == 0);
		TEST_END();
	}
	return test_report();
}
