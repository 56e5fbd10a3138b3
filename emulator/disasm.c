/* SPDX-License-Identifier: MIT */
/*
 * Disassembly in objdump's spelling: register-name tables, immediate and
 * target formatting shared by all unit decoders, and the bundle layout
 * (address, bytes, template, predicate, stop marks) used by `ia64emu dis`
 * and the decode oracle.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bundle.h"
#include "disasm.h"
#include "insn.h"

void dis_cat(char *buf, size_t n, const char *fmt, ...)
{
	size_t len;
	va_list ap;

	if (!n)
		return;
	len = strnlen(buf, n);
	if (len >= n - 1)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, n - len, fmt, ap);
	va_end(ap);
}

/* Architected names objdump knows; everything else prints as "arN". */
static const char *const ar_names[128] = {
	[0] = "ar.k0", [1] = "ar.k1", [2] = "ar.k2", [3] = "ar.k3",
	[4] = "ar.k4", [5] = "ar.k5", [6] = "ar.k6", [7] = "ar.k7",
	[16] = "ar.rsc", [17] = "ar.bsp", [18] = "ar.bspstore",
	[19] = "ar.rnat", [21] = "ar.fcr", [24] = "ar.eflag", [25] = "ar.csd",
	[26] = "ar.ssd", [27] = "ar.cflg", [28] = "ar.fsr", [29] = "ar.fir",
	[30] = "ar.fdr", [32] = "ar.ccv", [36] = "ar.unat", [40] = "ar.fpsr",
	[44] = "ar.itc", [45] = "ar.ruc", [64] = "ar.pfs", [65] = "ar.lc",
	[66] = "ar.ec",
};

static const char *const cr_names[128] = {
	[0] = "cr.dcr", [1] = "cr.itm", [2] = "cr.iva", [8] = "cr.pta",
	[16] = "cr.ipsr", [17] = "cr.isr", [19] = "cr.iip", [20] = "cr.ifa",
	[21] = "cr.itir", [22] = "cr.iipa", [23] = "cr.ifs", [24] = "cr.iim",
	[25] = "cr.iha", [26] = "cr.iib0", [27] = "cr.iib1",
	[64] = "cr.lid", [65] = "cr.ivr", [66] = "cr.tpr", [67] = "cr.eoi",
	[68] = "cr.irr0", [69] = "cr.irr1", [70] = "cr.irr2", [71] = "cr.irr3",
	[72] = "cr.itv", [73] = "cr.pmv", [74] = "cr.cmcv",
	[80] = "cr.lrr0", [81] = "cr.lrr1",
};

const char *dis_ar_name(unsigned ar, char tmp[DIS_NAME_MAX])
{
	if (ar < 128 && ar_names[ar])
		return ar_names[ar];
	snprintf(tmp, DIS_NAME_MAX, "ar%u", ar);
	return tmp;
}

const char *dis_cr_name(unsigned cr, char tmp[DIS_NAME_MAX])
{
	if (cr < 128 && cr_names[cr])
		return cr_names[cr];
	snprintf(tmp, DIS_NAME_MAX, "cr%u", cr);
	return tmp;
}

static const char *const ireg_names[] = {
	[0] = "cpuid", [1] = "dbr", [2] = "ibr", [3] = "pkr", [4] = "pmc",
	[5] = "pmd",
};

const char *dis_ireg_name(unsigned f)
{
	return f < sizeof(ireg_names) / sizeof(ireg_names[0]) ? ireg_names[f] : "?";
}

void dis_target(char *buf, size_t n, uint64_t ip, int64_t disp)
{
	dis_cat(buf, n, "0x%llx", (unsigned long long)(ip + (uint64_t)disp));
}

void dis_imm_dec(char *buf, size_t n, int64_t v)
{
	dis_cat(buf, n, "%lld", (long long)v);
}

void dis_imm_hex(char *buf, size_t n, uint64_t v)
{
	dis_cat(buf, n, "0x%llx", (unsigned long long)v);
}

/* objdump formats the raw slot with "%#011llx": no "0x" for zero. */
void dis_raw_slot(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	buf[0] = 0;
	dis_cat(buf, n, "%#011llx", (unsigned long long)in->imm2);
}

const char *dis_template_name(unsigned tmpl, char tmp[DIS_NAME_MAX])
{
	const struct bundle_template *t = bundle_template(tmpl);

	if (t->valid)
		return t->name;
	snprintf(tmp, DIS_NAME_MAX, "-%x-", (tmpl & 0x1f) >> 1);
	return tmp;
}

void dis_insn(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	char ops[160];

	if (!n)
		return;
	buf[0] = 0;
	ops[0] = 0;
	if (!in->op) {
		dis_cat(buf, n, "<undecoded>");
		return;
	}
	if (in->op->dis)
		in->op->dis(in, ip, ops, sizeof(ops));
	if (ops[0])
		dis_cat(buf, n, "%s %s", in->op->name, ops);
	else
		dis_cat(buf, n, "%s", in->op->name);
}

/* Bytes column: 6 + 6 + 4 bytes per slot line, as objdump splits them. */
static void dis_bytes(char *buf, size_t n, const uint8_t *b, unsigned cnt)
{
	unsigned i;

	for (i = 0; i < cnt; i++)
		dis_cat(buf, n, "%02x ", b[i]);
}

/*
 * One line per slot: "<addr>:\t<bytes>\t<[TPL] or pad><(qp) or pad><text>"
 * with ";;" after a slot followed by a stop.  The second slot of an MLX
 * bundle has no text line, only its bytes (objdump prints "xx xx xx xx ").
 */
void dis_bundle(uint64_t ip, const uint8_t bytes[16], char *buf, size_t n)
{
	struct decoded_bundle db;
	char tname[DIS_NAME_MAX], text[200];
	unsigned s, stop;

	if (!n)
		return;
	buf[0] = 0;
	bundle_decode(bytes, &db);
	for (s = 0; s < 3; s++) {
		const struct insn *in = &db.slot[s];
		unsigned nb = s == 2 ? 4 : 6;

		dis_cat(buf, n, "%6llx:\t", (unsigned long long)(ip + s * 6));
		dis_bytes(buf, n, bytes + s * 6, nb);
		if (s == 2 && db.is_mlx) {
			dis_cat(buf, n, "\n");
			continue;
		}
		if (nb == 4)
			dis_cat(buf, n, "      ");
		dis_cat(buf, n, "\t");
		if (s == 0)
			dis_cat(buf, n, "[%s] ", dis_template_name(db.tmpl, tname));
		else
			dis_cat(buf, n, "      ");
		if (in->qp && db.valid)
			dis_cat(buf, n, "(p%02u) ", in->qp);
		else
			dis_cat(buf, n, "      ");
		dis_insn(in, ip, text, sizeof(text));
		/* MLX: the stop after slot 2 shows on the long insn's line. */
		stop = (db.stops >> s) & 1;
		if (db.is_mlx && s == 1)
			stop = (db.stops >> 2) & 1;
		/* objdump prints no stop after an undecodable slot. */
		if (in->exec == exec_illegal && in->op && in->op->dis == dis_raw_slot)
			stop = 0;
		dis_cat(buf, n, "%s%s\n", text, stop ? ";;" : "");
	}
}

void dis_only_imm2(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	(void)ip;
	buf[0] = 0;
	dis_imm_hex(buf, n, in->imm2);
}

void dis_only_target(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	buf[0] = 0;
	dis_target(buf, n, ip, in->imm);
}

void dis_call_target(const struct insn *in, uint64_t ip, char *buf, size_t n)
{
	buf[0] = 0;
	dis_cat(buf, n, "b%u=", in->r1);
	dis_target(buf, n, ip, in->imm);
}
