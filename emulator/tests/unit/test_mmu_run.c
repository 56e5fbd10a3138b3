/* SPDX-License-Identifier: MIT */
/*
 * End-to-end check of the MMU and interruption delivery with the real
 * slot loop: a program running in virtual mode (kernel image mapped by
 * ITR/DTR 0) loads from an unmapped region-1 address, the Alternate Data
 * TLB handler inserts a translation with itc.d and returns with rfi, the
 * load is re-executed, and a break lands in the Break vector.  The code
 * bytes were assembled with ia64-linux-gnu-as from the listings below.
 */
#include "test/harness.h"
#include "test_mmu_util.h"
#include "memspace.h"
#include "run.h"

/*
 *	movl r2 = 0x2000000000004010 ;;
 *	mov r17 = 0x55 ;;		(bank 1 r17)
 *	ld8 r3 = [r2] ;;		(Alternate Data TLB miss, then hit)
 *	break.m 0x0 ;;
 */
static const uint8_t main_code[] = {
	0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x40,
	0x00, 0x01, 0x00, 0x62, 0x0a, 0x88, 0x54, 0x01, 0x00, 0x24, 0x30, 0x00,
	0x08, 0x30, 0x20, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00,
};

/*
 * IVT + 0x1000 (Alternate Data TLB), runs in bank 0 at ic = 0:
 *	movl r17 = 0x800461 ;;		(P, A, D, WB, pl 0, ar RW, ppn 0x800000)
 *	itc.d r17 ;;			(IFA/ITIR from the fault)
 *	srlz.d ;;
 *	rfi ;;
 */
static const uint8_t alt_dtlb_code[] = {
	0x05, 0x00, 0x00, 0x00, 0x01, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20,
	0x12, 0x06, 0x20, 0x60, 0x0a, 0x00, 0x44, 0x00, 0x2e, 0x04, 0x00, 0x00,
	0x00, 0x60, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x11, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00,
};

/* IVT + 0x2c00 (Break): nop bundle, then `1: br.few 1b`. */
static const uint8_t break_code[] = {
	0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
	0x00, 0x00, 0x04, 0x00, 0x11, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,
};

/*
 * IVT + 0x0800 (Data TLB), like Linux's dtlb_miss at ic = 0:
 *	mov r16 = cr.iha ;;
 *	ld8 r18 = [r16] ;;		(unmapped: Data Nested TLB)
 *	nop bundle, then `1: br.few 1b`
 */
static const uint8_t dtlb_code[] = {
	0x0a, 0x80, 0x00, 0x32, 0x24, 0x04, 0x20, 0x01, 0x40, 0x30, 0x20, 0x00,
	0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x11, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,
};

/*
 * Kernel code that drops to user mode:
 *	rsm psr.ic ;; srlz.d ;;	(gas adds a second srlz.d)
 *	mov cr.ipsr = r20 ; mov cr.iip = r21 ;; mov cr.ifs = r0 ;;
 *	rfi ;;
 */
static const uint8_t to_user_code[] = {
	0x09, 0x00, 0x00, 0x01, 0x07, 0x00, 0x00, 0x00, 0x00, 0x60, 0x00, 0x00,
	0x00, 0x00, 0x04, 0x00, 0x08, 0x00, 0x00, 0x00, 0x30, 0x00, 0x00, 0xa0,
	0x40, 0x58, 0x08, 0x00, 0x00, 0x00, 0x04, 0x00, 0x19, 0x00, 0x54, 0x26,
	0x2c, 0x04, 0x00, 0x00, 0x5c, 0x58, 0x08, 0x00, 0x00, 0x00, 0x00, 0x20,
	0x11, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
	0x00, 0x00, 0x20, 0x00,
};

/* User code: mov r8 = 7 ; mov r9 = psr ;; (privileged at CPL 3) */
static const uint8_t user_code[] = {
	0x09, 0x40, 0x1c, 0x00, 0x00, 0x24, 0x90, 0x00, 0x00, 0x4a, 0x08, 0x00,
	0x00, 0x00, 0x04, 0x00,
};

#define KBASE	0xa000000000000000ULL	/* region 5, mapped to pa 0 */
#define IVT_PA	0x100000ULL
#define MAIN_PA	0x200000ULL

static void test_miss_handler_roundtrip(void)
{
	struct memspace *ms = memspace_new(false);
	struct cpu *c;
	const uint64_t data = 0x1234567890abcdefULL;
	int r;

	TEST_BEGIN("alt DTLB miss -> itc.d in the handler -> rfi -> load");
	CHECK(ms != NULL);
	CHECK_EQ(memspace_map(ms, 0, 16 << 20, MS_R | MS_W | MS_X), 0);
	memspace_copy_in(ms, MAIN_PA, main_code, sizeof(main_code));
	memspace_copy_in(ms, IVT_PA + 0x1000, alt_dtlb_code, sizeof(alt_dtlb_code));
	memspace_copy_in(ms, IVT_PA + 0x2c00, break_code, sizeof(break_code));
	memspace_copy_in(ms, 0x800010, &data, 8);
	c = cpu_new(ms, 0);
	CHECK(c != NULL);
	mmu_reset(c);
	c->rr[5] = rr_make(5, 24, 0);
	c->rr[1] = rr_make(1, 14, 0);		/* walker off: Alternate miss */
	c->psr = PSR_IC | PSR_DT | PSR_RT;
	CHECK_EQ(t_itr(c, true, 0, KBASE, 24, t_pte(0, 0, AR_RWX)), X_NEXT);
	CHECK_EQ(t_itr(c, false, 0, KBASE, 24, t_pte(0, 0, AR_RWX)), X_NEXT);
	c->cr[CR_IVA] = KBASE + IVT_PA;
	c->psr = PSR_IC | PSR_DT | PSR_RT | PSR_IT | PSR_BN;
	c->ip = KBASE + MAIN_PA;
	c->slot = 0;

	r = run_cpu(c, 200);
	CHECK_EQ(r, X_NEXT);
	CHECK_EQ(gr_get(c, 3), data);
	CHECK_EQ(c->bank1[17 - 16], 0x55);	/* main's r17, banked away */
	CHECK_EQ(gr_get(c, 17), 0x800461);	/* handler's bank-0 r17 */
	CHECK_EQ(c->ip, KBASE + IVT_PA + 0x2c10);
	CHECK_EQ(c->cr[CR_IIP], KBASE + MAIN_PA + 0x20);
	CHECK_EQ(c->cr[CR_IIM], 0);
	CHECK_EQ(c->cr[CR_IFA], 0x2000000000004010ULL);
	CHECK_EQ(c->cr[CR_IPSR] & (PSR_BN | PSR_IC | PSR_IT), PSR_BN | PSR_IC | PSR_IT);
	CHECK_EQ(c->counters[CNT_FAULT], 2);
	CHECK_EQ(c->counters[CNT_TLB_INSERT], 3);	/* 2 x itr + itc */
	CHECK_EQ(c->counters[CNT_TLB_MISS], 1);
	TEST_END();
	mmu_free(c);
	cpu_free(c);
	memspace_free(ms);
}

/* A machine with the kernel mapped by ITR/DTR 0 and the IVT at 1 MB. */
static struct cpu *kernel_cpu(struct memspace *ms)
{
	struct cpu *c;

	memspace_map(ms, 0, 16 << 20, MS_R | MS_W | MS_X);
	memspace_copy_in(ms, IVT_PA + 0x1000, alt_dtlb_code, sizeof(alt_dtlb_code));
	memspace_copy_in(ms, IVT_PA + 0x2c00, break_code, sizeof(break_code));
	memspace_copy_in(ms, IVT_PA + 0x0800, dtlb_code, sizeof(dtlb_code));
	memspace_copy_in(ms, IVT_PA + 0x1400, break_code, sizeof(break_code));
	memspace_copy_in(ms, IVT_PA + 0x5400, break_code, sizeof(break_code));
	c = cpu_new(ms, 0);
	if (!c)
		abort();
	mmu_reset(c);
	c->rr[5] = rr_make(5, 24, 0);
	c->psr = PSR_DT | PSR_RT;
	t_itr(c, true, 0, KBASE, 24, t_pte(0, 0, AR_RWX));
	t_itr(c, false, 0, KBASE, 24, t_pte(0, 0, AR_RWX));
	c->cr[CR_IVA] = KBASE + IVT_PA;
	c->psr = PSR_IC | PSR_DT | PSR_RT | PSR_IT | PSR_BN;
	c->ip = KBASE + MAIN_PA;
	c->slot = 0;
	return c;
}

static void test_nested_tlb(void)
{
	struct memspace *ms = memspace_new(false);
	struct cpu *c = kernel_cpu(ms);

	TEST_BEGIN("Data TLB handler's VHPT load at ic = 0: Data Nested TLB");
	memspace_copy_in(ms, MAIN_PA, main_code, sizeof(main_code));
	c->rr[1] = rr_make(1, 14, 1);
	c->cr[CR_PTA] = 0x100000000ULL | (20 << 2) | PTA_VE;
	CHECK_EQ(run_cpu(c, 200), X_NEXT);
	CHECK_EQ(c->ip, KBASE + IVT_PA + 0x1410);
	/* IHA = region 1 | PTA base | ((0x4010 >> 14) << 3) */
	CHECK_EQ(gr_get(c, 16), 0x2000000100000008ULL);
	/* the nested fault left the Data TLB fault's resources alone */
	CHECK_EQ(c->cr[CR_IIP], KBASE + MAIN_PA + 0x10);
	CHECK_EQ(psr_ri(c->cr[CR_IPSR]), 1);
	CHECK_EQ(c->cr[CR_IFA], 0x2000000000004010ULL);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | (1ULL << ISR_EI_SHIFT));
	CHECK_EQ(c->cr[CR_IHA], 0x2000000100000008ULL);
	CHECK_EQ(c->counters[CNT_FAULT], 2);
	CHECK_EQ(c->counters[CNT_FAULT_IC0], 1);
	TEST_END();
	mmu_free(c);
	cpu_free(c);
	memspace_free(ms);
}

static void test_user_priv_op(void)
{
	struct memspace *ms = memspace_new(false);
	struct cpu *c = kernel_cpu(ms);
	const uint64_t uva = 0x2000000000100000ULL;
	const uint64_t upsr = PSR_IC | PSR_DT | PSR_RT | PSR_IT | PSR_BN |
			      (3ULL << PSR_CPL_SHIFT);

	TEST_BEGIN("rfi to CPL 3, mov =psr there: Privileged Operation");
	memspace_copy_in(ms, MAIN_PA, to_user_code, sizeof(to_user_code));
	memspace_copy_in(ms, 0x300000, user_code, sizeof(user_code));
	c->rr[1] = rr_make(1, 20, 0);
	c->psr &= ~PSR_IC;
	t_itr(c, true, 1, uva, 20, t_pte(0x300000, 3, AR_RX));
	c->psr |= PSR_IC;
	gr_set(c, 20, upsr, false);
	gr_set(c, 21, uva, false);
	CHECK_EQ(run_cpu(c, 200), X_NEXT);
	CHECK_EQ(gr_get(c, 8), 7);
	CHECK_EQ(c->ip, KBASE + IVT_PA + 0x5410);
	CHECK_EQ(c->cr[CR_ISR], GEX_PRIV_OP | (1ULL << ISR_EI_SHIFT));
	CHECK_EQ(c->cr[CR_IIP], uva);
	CHECK_EQ(c->cr[CR_IPSR], upsr | (1ULL << PSR_RI_SHIFT));
	CHECK_EQ(psr_cpl(c->psr), 0);
	CHECK_EQ(c->psr & (PSR_IC | PSR_BN), 0);
	TEST_END();
	mmu_free(c);
	cpu_free(c);
	memspace_free(ms);
}

int main(void)
{
	test_miss_handler_roundtrip();
	test_nested_tlb();
	test_user_priv_op();
	return test_report();
}
