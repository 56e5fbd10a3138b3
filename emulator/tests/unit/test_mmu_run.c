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

int main(void)
{
	test_miss_handler_roundtrip();
	return test_report();
}
