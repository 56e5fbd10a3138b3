/* SPDX-License-Identifier: MIT */
/*
 * B-unit and X-unit tests: small programs packed by hand from the SDM
 * instruction formats (or taken byte for byte from GNU as) and run through
 * the slot loop: counted loops (br.cloop), call/return with frames,
 * qualifying predicates, movl/brl.call, plus the modulo-scheduled loop
 * branches (ctop/cexit/wtop/wexit) with register rotation checked against
 * the SDM's LC/EC/p63 rules.
 */
#include <string.h>

#include "branch.h"
#include "bundle.h"
#include "cpu.h"
#include "insn.h"
#include "interrupt.h"
#include "memspace.h"
#include "rse.h"
#include "run.h"
#include "platform.h"
#include "test/harness.h"

#define CODE 0x4000ULL
#define RBS 0x100000ULL

static struct fault last;
static int nfaults;

static int hook(struct cpu *c, const struct fault *f)
{
	(void)c;
	last = *f;
	nfaults++;
	return X_HALT;
}

static struct cpu *setup(void)
{
	struct memspace *ms = memspace_new(true);
	struct cpu *c = cpu_new(ms, 0);

	memspace_map(ms, CODE, 0x10000, MS_R | MS_W | MS_X);
	memspace_map(ms, RBS, 0x10000, MS_R | MS_W);
	c->fault_hook = hook;
	rse_reset(c, RBS);
	c->psr = 3ULL << PSR_CPL_SHIFT;
	nfaults = 0;
	return c;
}

static void teardown(struct cpu *c)
{
	memspace_free(c->mem);
	cpu_free(c);
}

/* 128-bit bundle: template in bits 0-4, slots at 5, 46 and 87. */
static void put_bundle(struct cpu *c, uint64_t a, unsigned t, uint64_t s0, uint64_t s1, uint64_t s2)
{
	uint64_t lo = t | (s0 << 5) | (s1 << 46);
	uint64_t hi = (s1 >> 18) | (s2 << 23);
	uint8_t b[16];
	unsigned i;

	for (i = 0; i < 8; i++) {
		b[i] = (uint8_t)(lo >> (8 * i));
		b[8 + i] = (uint8_t)(hi >> (8 * i));
	}
	memspace_copy_in(c->mem, a, b, 16);
}

#define NOP_M	(1ULL << 27)
#define NOP_I	(1ULL << 27)
#define NOP_B	(2ULL << 37)
#define BREAK_B(imm) ((uint64_t)(imm) << 6)

/* A4 adds r1 = imm14, r3 */
static uint64_t adds(unsigned qp, unsigned r1, int imm, unsigned r3)
{
	uint64_t u = (uint64_t)imm & 0x3fff;

	return (8ULL << 37) | (2ULL << 34) | ((u >> 13) << 36) | (((u >> 7) & 0x3f) << 27) |
	       ((uint64_t)r3 << 20) | ((u & 0x7f) << 13) | ((uint64_t)r1 << 6) | qp;
}

/* I27 mov.i ar = imm8 */
static uint64_t mov_ar_imm(unsigned ar, int imm)
{
	uint64_t u = (uint64_t)imm & 0xff;

	return (0x0aULL << 27) | ((u >> 7) << 36) | ((uint64_t)ar << 20) | ((u & 0x7f) << 13);
}

/* B1 IP-relative: btype, wh sptk, target displacement in bundles. */
static uint64_t br_rel(unsigned qp, unsigned btype, long bundles)
{
	uint64_t u = (uint64_t)bundles & 0x1fffff;

	return (4ULL << 37) | ((u >> 20) << 36) | ((u & 0xfffff) << 13) | ((uint64_t)btype << 6) | qp;
}

/* B3 br.call b1 = IP-relative */
static uint64_t br_call(unsigned b1, long bundles)
{
	uint64_t u = (uint64_t)bundles & 0x1fffff;

	return (5ULL << 37) | ((u >> 20) << 36) | ((u & 0xfffff) << 13) | ((uint64_t)b1 << 6) |
	       (1ULL << 12);
}

/* B4 br.ret b2 */
static uint64_t br_ret(unsigned b2)
{
	return (0x21ULL << 27) | ((uint64_t)b2 << 13) | (4ULL << 6) | (1ULL << 12);
}

static void counted_loop(void)
{
	struct cpu *c = setup();

	TEST_BEGIN("branch: br.cloop runs lc+1 iterations");
	put_bundle(c, CODE, 0x00, NOP_M, mov_ar_imm(AR_LC, 9), adds(0, 8, 0, 0));
	put_bundle(c, CODE + 16, 0x10, NOP_M, adds(0, 8, 1, 8), br_rel(0, 5, 0));
	put_bundle(c, CODE + 32, 0x10, NOP_M, NOP_I, BREAK_B(0x77));
	c->ip = CODE;
	CHECK_EQ(run_cpu(c, 1000), X_HALT);
	CHECK_EQ(gr_get(c, 8), 10);
	CHECK_EQ(c->ar[AR_LC], 0);
	CHECK_EQ(last.vector, IVT_BREAK);
	CHECK_EQ(last.iim, 0x77);
	CHECK_EQ(c->ip, CODE + 32);
	CHECK_EQ(c->slot, 2);
	/* 3 + 10 * 3 + 3 slots issued (the break counts as it faults). */
	CHECK_EQ(c->retired, 36);
	TEST_END();
	teardown(c);
}

static void call_return(void)
{
	struct cpu *c = setup();

	TEST_BEGIN("branch: br.call/br.ret link b0, save/restore CFM via ar.pfs");
	c->cfm = 6 | (4 << 7);
	cpu_remap(c);
	gr_set(c, 33, 0x3333, false);
	put_bundle(c, CODE, 0x10, NOP_M, NOP_I, br_call(0, 4));
	put_bundle(c, CODE + 16, 0x10, NOP_M, adds(0, 9, 5, 9), BREAK_B(1));
	put_bundle(c, CODE + 64, 0x00, NOP_M, adds(0, 8, 7, 0), adds(0, 32, 99, 0));
	put_bundle(c, CODE + 80, 0x10, NOP_M, NOP_I, br_ret(0));
	c->ip = CODE;
	CHECK_EQ(run_cpu(c, 1000), X_HALT);
	CHECK_EQ(gr_get(c, 8), 7);
	CHECK_EQ(gr_get(c, 9), 5);
	CHECK_EQ(c->br[0], CODE + 16);
	CHECK_EQ(c->cfm, 6 | (4 << 7));
	CHECK_EQ(gr_get(c, 33), 0x3333);
	/* The callee's r32 was the caller's r36 (first output). */
	CHECK_EQ(gr_get(c, 36), 99);
	CHECK_EQ(c->ar[AR_PFS] & CFM_MASK, 6 | (4 << 7));
	CHECK_EQ((c->ar[AR_PFS] >> PFS_PPL_SHIFT) & 3, 3);
	CHECK_EQ(c->ip, CODE + 16);
	TEST_END();
	teardown(c);
}

static void predication(void)
{
	struct cpu *c = setup();

	TEST_BEGIN("branch: a false qualifying predicate skips the slot");
	pr_set(c, 6, 0);
	pr_set(c, 7, 1);
	put_bundle(c, CODE, 0x10, NOP_M, adds(6, 8, 1, 0), br_rel(6, 0, 4));
	put_bundle(c, CODE + 16, 0x10, NOP_M, adds(7, 9, 1, 0), br_rel(7, 0, 3));
	put_bundle(c, CODE + 64, 0x10, NOP_M, NOP_I, BREAK_B(2));
	c->ip = CODE;
	CHECK_EQ(run_cpu(c, 1000), X_HALT);
	CHECK_EQ(gr_get(c, 8), 0);
	CHECK_EQ(gr_get(c, 9), 1);
	CHECK_EQ(c->ip, CODE + 64);
	TEST_END();
	teardown(c);
}

/* Bytes from GNU as: "nop.m 0; movl r1=0x123456789abcdef0;;" and
 * "nop.m 0; brl.call.sptk.many b0=<self>". */
static const uint8_t movl_bytes[16] = {
	0x05, 0x00, 0x00, 0x00, 0x01, 0x80, 0x9a, 0x78,
	0x56, 0x34, 0x12, 0x20, 0x00, 0x97, 0xf7, 0x66 };
static const uint8_t brl_call_bytes[16] = {
	0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0xd0 };

static void long_forms(void)
{
	struct cpu *c = setup();

	TEST_BEGIN("branch: movl and brl.call from MLX bundles");
	memspace_copy_in(c->mem, CODE, movl_bytes, 16);
	memspace_copy_in(c->mem, CODE + 16, brl_call_bytes, 16);
	c->ip = CODE;
	CHECK_EQ(run_cpu(c, 5), X_NEXT);
	CHECK_EQ(gr_get(c, 1), 0x123456789abcdef0ULL);
	/* brl.call to itself: b0 = next bundle, ip unchanged. */
	CHECK_EQ(c->ip, CODE + 16);
	CHECK_EQ(c->br[0], CODE + 32);
	TEST_END();
	teardown(c);
}

static struct insn decoded(uint64_t raw)
{
	struct insn in;

	decode_b(raw, &in);
	return in;
}

static void modulo_ctop(void)
{
	struct cpu *c = setup();
	struct insn ctop = decoded(br_rel(0, 7, -1)), cexit = decoded(br_rel(0, 6, 5));

	TEST_BEGIN("branch: br.ctop/br.cexit: LC, EC, p63 and rotation");
	c->ip = CODE + 0x100;
	c->cfm = 16 | (16 << 7) | (1 << 14);		/* sor = 8 */
	cpu_remap(c);
	c->slot = 2;
	gr_set(c, 32, 0xaa, false);
	gr_set(c, 39, 0x77, false);
	pr_set(c, 16, 0);
	c->ar[AR_LC] = 1;
	c->ar[AR_EC] = 2;
	/* LC != 0: LC--, p63 = 1 then rotate: r33 = old r32, p16 = 1, taken. */
	CHECK_EQ(exec_br_ctop(c, &ctop), X_JUMP);
	CHECK_EQ(c->ip, CODE + 0xf0);
	CHECK_EQ(c->ar[AR_LC], 0);
	CHECK_EQ(gr_get(c, 33), 0xaa);
	CHECK_EQ(gr_get(c, 32), 0x77);		/* r39 wraps to r32 (sor = 8) */
	CHECK_EQ(pr_get(c, 16), 1);
	CHECK_EQ(CFM_RRB_GR(c->cfm), 7);
	CHECK_EQ(CFM_RRB_PR(c->cfm), 47);
	CHECK_EQ(CFM_RRB_FR(c->cfm), 95);
	/* LC == 0, EC = 2 > 1: EC--, p16 = 0, still taken. */
	c->ip = CODE + 0x100;
	c->slot = 2;
	CHECK_EQ(exec_br_ctop(c, &ctop), X_JUMP);
	CHECK_EQ(c->ar[AR_EC], 1);
	CHECK_EQ(pr_get(c, 16), 0);
	CHECK_EQ(pr_get(c, 17), 1);
	CHECK_EQ(gr_get(c, 34), 0xaa);
	/* EC = 1: final decrement and rotation, falls through. */
	c->ip = CODE + 0x100;
	c->slot = 2;
	CHECK_EQ(exec_br_ctop(c, &ctop), X_NEXT);
	CHECK_EQ(c->ar[AR_EC], 0);
	CHECK_EQ(gr_get(c, 35), 0xaa);
	/* LC = EC = 0: rotation stops; cexit is taken. */
	c->slot = 2;
	CHECK_EQ(exec_br_ctop(c, &cexit), X_JUMP);
	CHECK_EQ(gr_get(c, 35), 0xaa);
	CHECK_EQ(c->ip, CODE + 0x100 + 5 * 16);
	/* Loop branches outside slot 2 are illegal. */
	c->slot = 1;
	CHECK(exec_br_ctop(c, &ctop) != X_NEXT);
	CHECK_EQ(last.vector, IVT_GENERAL_EXCEPTION);
	TEST_END();
	teardown(c);
}

static void modulo_wtop(void)
{
	struct cpu *c = setup();
	struct insn wtop = decoded(br_rel(5, 3, -2)), wexit = decoded(br_rel(5, 2, 2));

	TEST_BEGIN("branch: br.wtop/br.wexit follow the qualifying predicate");
	CHECK(wtop.flags & IF_ALWAYS);
	c->ip = CODE + 0x200;
	c->ar[AR_EC] = 1;
	c->slot = 2;
	pr_set(c, 5, 1);
	/* qp = 1: p63 = 0, rotate, EC unchanged, wtop taken. */
	CHECK_EQ(exec_br_wtop(c, &wtop), X_JUMP);
	CHECK_EQ(c->ip, CODE + 0x1e0);
	CHECK_EQ(c->ar[AR_EC], 1);
	CHECK_EQ(CFM_RRB_PR(c->cfm), 47);
	/* qp = 0 and EC = 1: final rotation, EC = 0; wexit taken. */
	c->ip = CODE + 0x200;
	c->slot = 2;
	pr_set(c, 5, 0);
	CHECK_EQ(exec_br_wtop(c, &wexit), X_JUMP);
	CHECK_EQ(c->ar[AR_EC], 0);
	CHECK_EQ(CFM_RRB_PR(c->cfm), 46);
	TEST_END();
	teardown(c);
}

static void clrrrb_test(void)
{
	struct cpu *c = setup();
	struct insn all = decoded(0x04ULL << 27), pr = decoded(0x05ULL << 27);

	TEST_BEGIN("branch: clrrrb / clrrrb.pr clear the rotating bases");
	c->cfm = 16 | (1 << 14) | (3ULL << 18) | (5ULL << 25) | (7ULL << 32);
	cpu_remap(c);
	CHECK_EQ(exec_clrrrb(c, &pr), X_NEXT);
	CHECK_EQ(CFM_RRB_PR(c->cfm), 0);
	CHECK_EQ(CFM_RRB_GR(c->cfm), 3);
	CHECK_EQ(exec_clrrrb(c, &all), X_NEXT);
	CHECK_EQ(c->cfm, 16 | (1 << 14));
	TEST_END();
	teardown(c);
}

static void illegal_slots(void)
{
	struct cpu *c = setup();
	uint8_t b[16];

	TEST_BEGIN("bundle: reserved template raises Illegal Operation");
	memset(b, 0, sizeof(b));
	b[0] = 0x06;				/* reserved template */
	memspace_copy_in(c->mem, CODE, b, 16);
	c->ip = CODE;
	CHECK_EQ(run_cpu(c, 10), X_HALT);
	CHECK_EQ(last.vector, IVT_GENERAL_EXCEPTION);
	CHECK_EQ(last.isr & 0xf0, GEX_ILLEGAL_OP);
	TEST_END();
	teardown(c);
}

/* M44 ssm imm24 (PSR bits 0-20 sit in imm21a, bits 6-26) */
#define SSM(bit) ((6ULL << 27) | (1ULL << (6 + (bit))))

/*
 * The run loop hands back control as soon as a serializing instruction
 * leaves an interrupt deliverable with psr.i set (here ssm psr.i with a
 * vector pending), so the platform takes it there, as hardware would, and
 * not at the end of the turn.
 */
static void interrupt_window(void)
{
	struct cpu *c = setup();
	int pending;

	for (pending = 0; pending < 2; pending++) {
		TEST_BEGIN(pending ? "run loop: ssm psr.i with a vector pending ends the turn"
				   : "run loop: ssm psr.i with nothing pending runs on");
		CHECK(lsapic_attach(c, 0, 0));
		c->psr = PSR_IC;	/* CPL 0, interrupts off */
		c->retired = 0;
		if (pending)
			lsapic_raise(c, 0xef);
		put_bundle(c, CODE, 0x01, SSM(14), NOP_I, NOP_I);
		put_bundle(c, CODE + 16, 0x11, NOP_M, NOP_I, BREAK_B(0x42));
		c->ip = CODE;
		c->slot = 0;
		CHECK_EQ(run_cpu(c, 1000), pending ? X_YIELD : X_HALT);
		CHECK(c->psr & PSR_I);
		CHECK_EQ(c->ip, CODE + 16);
		CHECK_EQ(c->retired, pending ? 3 : 6);
		lsapic_detach(c);
		TEST_END();
	}
	teardown(c);
}

int main(void)
{
	counted_loop();
	interrupt_window();
	call_return();
	predication();
	long_forms();
	modulo_ctop();
	modulo_wtop();
	clrrrb_test();
	illegal_slots();
	return test_report();
}
