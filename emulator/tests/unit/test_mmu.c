/* SPDX-License-Identifier: MIT */
/*
 * MMU unit tests: physical mode, TC/TR insert and lookup for every
 * supported page size, miss-vector selection (TLB vs Alternate, Data
 * Nested at ic = 0), protection faults with their exact ISR/IFA/ITIR/IHA,
 * speculative deferral, purges and the fast cache.  Expected values are
 * worked out from the SDM's definitions in the comments.
 */
#include "test/harness.h"
#include "test_mmu_util.h"

#define RID1	0x123u
#define VA1	0x2000000000004000ULL	/* region 1, 16 KB aligned */
#define EI(s)	((uint64_t)(s) << ISR_EI_SHIFT)

static void setup_region1(struct cpu *c, int ve)
{
	c->rr[1] = rr_make(RID1, 14, ve);
	/* 1 MB short-format VHPT at 4 GB, walker enabled */
	c->cr[CR_PTA] = 0x100000000ULL | (20 << 2) | PTA_VE;
}

/* Translate and return the exec_result; pa/ma through pointers. */
static int tr(struct cpu *c, uint64_t va, unsigned acc, uint64_t *pa, unsigned *ma)
{
	uint64_t p = ~0ULL;
	unsigned m = 99;
	int r = mmu_translate(c, va, 8, acc, &p, &m);

	if (pa)
		*pa = p;
	if (ma)
		*ma = m;
	return r;
}

/* Restore a running state after a delivered fault. */
static void resume(struct cpu *c, uint64_t psr)
{
	c->psr = psr;
	c->ip = 0xa000000000010000ULL;
	c->slot = 1;
}

static void test_physical(void)
{
	struct cpu *c = t_cpu();
	uint64_t pa;
	unsigned ma;

	TEST_BEGIN("physical mode: UC bit, 50-bit addresses");
	c->psr &= ~(PSR_DT | PSR_IT | PSR_RT);
	c->slot = 2;
	CHECK_EQ(tr(c, 0x8000000000001234ULL, ACC_R, &pa, &ma), 0);
	CHECK_EQ(pa, 0x1234);
	CHECK_EQ(ma, MA_UC);
	/* ld.s from uncacheable (non-speculative) memory defers */
	CHECK_EQ(tr(c, 0x8000000000001234ULL, ACC_R | ACC_SPEC, &pa, &ma), -1);
	CHECK_EQ(tr(c, 0x0000000000001234ULL, ACC_R | ACC_SPEC, &pa, &ma), 0);
	CHECK_EQ(tr(c, 0x0003ffffffffff00ULL, ACC_W, &pa, &ma), 0);
	CHECK_EQ(pa, 0x0003ffffffffff00ULL);
	CHECK_EQ(ma, MA_WB);
	/* speculative: unimplemented address always defers */
	CHECK_EQ(tr(c, 0x0004000000000000ULL, ACC_R | ACC_SPEC, NULL, NULL), -1);
	CHECK_EQ(c->ip, 0xa000000000010000ULL);
	/* bit 50 set: Unimplemented Data Address (General Exception,
	 * ISR.code 0x30, r, ei = 2) */
	CHECK_EQ(tr(c, 0x0004000000000000ULL, ACC_R, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x5400);
	CHECK_EQ(c->cr[CR_ISR], 0x0000040400000030ULL);
	CHECK_EQ(c->cr[CR_IFA], 0x0004000000000000ULL);
	CHECK_EQ(c->cr[CR_IIP], 0xa000000000010000ULL);
	TEST_END();
	t_free(c);
}

static void test_itc_translate(void)
{
	struct cpu *c = t_cpu();
	uint64_t pa;
	unsigned ma;

	TEST_BEGIN("itc.d + translate, ppn below page size ignored");
	setup_region1(c, 1);
	CHECK_EQ(t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW)), X_NEXT);
	CHECK_EQ(c->counters[CNT_TLB_INSERT], 1);
	CHECK_EQ(tr(c, VA1 + 0x10, ACC_R, &pa, &ma), 0);
	CHECK_EQ(pa, 0x1234010);
	CHECK_EQ(ma, MA_WB);
	CHECK_EQ(tr(c, VA1 + 0x3ff8, ACC_W, &pa, NULL), 0);
	CHECK_EQ(pa, 0x1237ff8);
	/* same page through another region with the same RID */
	c->rr[2] = c->rr[1];
	CHECK_EQ(tr(c, 0x4000000000004010ULL, ACC_R, &pa, NULL), 0);
	CHECK_EQ(pa, 0x1234010);
	/* 16 MB page with ppn 0x5123000: offset bits come from the VA */
	CHECK_EQ(t_itc(c, false, 0x2000000005000000ULL, 24,
		       t_pte(0x5123000, 0, AR_RW)), X_NEXT);
	CHECK_EQ(tr(c, 0x2000000005000010ULL, ACC_R, &pa, NULL), 0);
	CHECK_EQ(pa, 0x5000010);
	TEST_END();
	t_free(c);
}

static void test_page_sizes(void)
{
	static const unsigned ok[] = { 12, 13, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32 };
	static const unsigned bad[] = { 11, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 34 };
	struct cpu *c = t_cpu();
	uint64_t base = 0x2000000200000000ULL, pa;
	unsigned i;

	TEST_BEGIN("every supported page size maps exactly its range");
	setup_region1(c, 1);
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		uint64_t size = 1ULL << ok[i];

		sys_ptc_e(c, 0);
		CHECK_EQ(t_itc(c, false, base, ok[i], t_pte(0x200000000ULL, 0, AR_RW)), X_NEXT);
		CHECK_EQ(tr(c, base + size - 8, ACC_R, &pa, NULL), 0);
		CHECK_EQ(pa, 0x200000000ULL + size - 8);
		CHECK_EQ(tr(c, base, ACC_R, &pa, NULL), 0);
		CHECK_EQ(pa, 0x200000000ULL);
		c->psr = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
		CHECK_EQ(tr(c, base + size, ACC_R, NULL, NULL), X_FAULT);
		CHECK_EQ(c->ip, T_IVA + IVT_DTLB);
		resume(c, PSR_IC | PSR_DT | PSR_IT | PSR_RT);
		CHECK_EQ(tr(c, base - 8, ACC_R, NULL, NULL), X_FAULT);
		CHECK_EQ(c->ip, T_IVA + IVT_DTLB);
		resume(c, PSR_IC | PSR_DT | PSR_IT | PSR_RT);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_EQ(t_itc(c, false, base, bad[i], t_pte(0, 0, AR_RW)), X_FAULT);
		CHECK_EQ(c->ip, T_IVA + 0x5400);
		CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_RSVD_REG_FIELD);
		resume(c, PSR_IC | PSR_DT | PSR_IT | PSR_RT);
	}
	TEST_END();
	t_free(c);
}

static void test_miss_vectors(void)
{
	struct cpu *c = t_cpu();
	const uint64_t va = 0x2000000012345678ULL;
	const uint64_t run = PSR_IC | PSR_DT | PSR_IT | PSR_RT;

	TEST_BEGIN("data miss with PTA.ve && RR.ve: Data TLB, IHA = thash");
	setup_region1(c, 1);
	resume(c, run);
	CHECK_EQ(tr(c, va, ACC_R, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0800);
	CHECK_EQ(c->cr[CR_IFA], va);
	/* ITIR = {ps = 14, key = rid 0x123} = 14 << 2 | 0x123 << 8 */
	CHECK_EQ(c->cr[CR_ITIR], 0x12338);
	/* region | (pta.base & ~(2^20-1)) | (((va{60:0} >> 14) << 3) & (2^20-1))
	 * = 0x2000000000000000 | 0x100000000 | (0x48d1 << 3) */
	CHECK_EQ(c->cr[CR_IHA], 0x2000000100024688ULL);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | EI(1));
	CHECK_EQ(c->counters[CNT_TLB_MISS], 1);
	TEST_END();

	TEST_BEGIN("instruction miss: Instruction TLB, ISR.x");
	resume(c, run);
	c->cr[CR_IHA] = 0;
	CHECK_EQ(tr(c, va & ~0xfULL, ACC_X, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0400);
	CHECK_EQ(c->cr[CR_ISR], ISR_X | EI(1));
	CHECK_EQ(c->cr[CR_IHA], 0x2000000100024688ULL);
	TEST_END();

	TEST_BEGIN("walker off for the region (RR.ve = 0): Alternate TLB");
	setup_region1(c, 0);
	resume(c, run);
	c->cr[CR_IHA] = 0xdead;
	CHECK_EQ(tr(c, va, ACC_W, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x1000);
	CHECK_EQ(c->cr[CR_ISR], ISR_W | EI(1));
	CHECK_EQ(c->cr[CR_ITIR], 0x12338);
	CHECK_EQ(c->cr[CR_IHA], 0xdead);	/* not written */
	resume(c, run);
	CHECK_EQ(tr(c, va & ~0xfULL, ACC_X, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0c00);
	TEST_END();

	TEST_BEGIN("walker off globally (PTA.ve = 0): Alternate Data TLB");
	setup_region1(c, 1);
	c->cr[CR_PTA] &= ~PTA_VE;
	resume(c, run);
	CHECK_EQ(tr(c, va, ACC_R, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x1000);
	TEST_END();

	TEST_BEGIN("data miss at ic = 0: Data Nested TLB, resources untouched");
	setup_region1(c, 1);
	resume(c, PSR_DT | PSR_IT | PSR_RT);
	c->cr[CR_IIP] = 0x1110;
	c->cr[CR_IPSR] = 0x2222;
	c->cr[CR_IFA] = 0x3333;
	c->cr[CR_ISR] = 0x4444;
	c->cr[CR_IHA] = 0x5555;
	CHECK_EQ(tr(c, va, ACC_R, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x1400);
	CHECK_EQ(c->cr[CR_IIP], 0x1110);
	CHECK_EQ(c->cr[CR_IPSR], 0x2222);
	CHECK_EQ(c->cr[CR_IFA], 0x3333);
	CHECK_EQ(c->cr[CR_ISR], 0x4444);
	CHECK_EQ(c->cr[CR_IHA], 0x5555);
	CHECK_EQ(c->counters[CNT_FAULT_IC0], 1);
	TEST_END();

	TEST_BEGIN("instruction miss at ic = 0: ITLB vector, ISR.ni, no IIP");
	resume(c, PSR_DT | PSR_IT | PSR_RT);
	CHECK_EQ(tr(c, va & ~0xfULL, ACC_X, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0400);
	CHECK_EQ(c->cr[CR_ISR], ISR_X | ISR_NI | EI(1));
	CHECK_EQ(c->cr[CR_IIP], 0x1110);
	TEST_END();
	t_free(c);
}

/* Insert one page at VA1 and check the fault of one access made at CPL
 * `cpl` with the extra PSR bits `psr`. */
static void prot_case_full(const char *name, uint64_t pte, unsigned cpl,
			   uint64_t psr, unsigned acc, unsigned vector, uint64_t isr)
{
	struct cpu *c = t_cpu();
	uint64_t pa;
	int r;

	TEST_BEGIN(name);
	setup_region1(c, 1);
	CHECK_EQ(t_itc(c, (acc & ACC_X) != 0, VA1, 14, pte), X_NEXT);
	resume(c, PSR_IC | PSR_DT | PSR_IT | PSR_RT | psr);
	t_set_cpl(c, cpl);
	r = tr(c, VA1 + 0x20, acc, &pa, NULL);
	if (vector == ~0u) {
		CHECK_EQ(r, 0);
		CHECK_EQ(pa, 0x1234020);
	} else {
		CHECK_EQ(r, X_FAULT);
		CHECK_EQ(c->ip, T_IVA + vector);
		CHECK_EQ(c->cr[CR_ISR], isr | EI(1));
		CHECK_EQ(c->cr[CR_IFA], VA1 + 0x20);
		CHECK_EQ(c->cr[CR_ITIR], 0x12338);
		CHECK_EQ(psr_cpl(c->cr[CR_IPSR]), cpl);
	}
	TEST_END();
	t_free(c);
}

#define OK	(~0u)

static void prot_case(const char *name, uint64_t pte, unsigned cpl, unsigned acc,
		      unsigned vector, uint64_t isr)
{
	prot_case_full(name, pte, cpl, 0, acc, vector, isr);
}

static void prot_case_psr(const char *name, uint64_t pte, uint64_t psr,
			  unsigned acc, unsigned vector, uint64_t isr)
{
	prot_case_full(name, pte, 0, psr, acc, vector, isr);
}

static void test_protection(void)
{
	const uint64_t pa = 0x1234000;

	prot_case("P = 0: Page Not Present", t_pte(pa, 0, AR_RW) & ~PTE_P, 0,
		  ACC_R, 0x5000, ISR_R);
	prot_case("write to ar 0 (R): Data Access Rights", t_pte(pa, 0, AR_R), 0,
		  ACC_W, 0x5300, ISR_W);
	prot_case("pl 0 page read at CPL 3: Data Access Rights", t_pte(pa, 0, AR_RW),
		  3, ACC_R, 0x5300, ISR_R);
	prot_case("pl 3 page read at CPL 3", t_pte(pa, 3, AR_RW), 3, ACC_R, OK, 0);
	prot_case("D = 0 write: Dirty Bit", t_pte(pa, 0, AR_RW) & ~PTE_D, 0,
		  ACC_W, 0x2000, ISR_W);
	prot_case("D = 0 read is fine", t_pte(pa, 0, AR_RW) & ~PTE_D, 0, ACC_R, OK, 0);
	prot_case_psr("D = 0 write with PSR.da: no Dirty Bit fault",
		      t_pte(pa, 0, AR_RW) & ~PTE_D, PSR_DA, ACC_W, OK, 0);
	prot_case_psr("D = 0 write with PSR.dd (debug): Dirty Bit fault",
		      t_pte(pa, 0, AR_RW) & ~PTE_D, PSR_DD, ACC_W, 0x2000, ISR_W);
	prot_case_psr("A = 0 fetch with PSR.ia: no Access Bit fault",
		      t_pte(pa, 0, AR_RX) & ~PTE_A, PSR_IA, ACC_X, OK, 0);
	prot_case("A = 0 read: Data Access Bit", t_pte(pa, 0, AR_RW) & ~PTE_A, 0,
		  ACC_R, 0x2800, ISR_R);
	prot_case("A = 0 fetch: Instruction Access Bit", t_pte(pa, 0, AR_RX) & ~PTE_A,
		  0, ACC_X, 0x2400, ISR_X);
	prot_case("fetch from ar 2 (RW): Instruction Access Rights",
		  t_pte(pa, 0, AR_RW), 0, ACC_X, 0x5200, ISR_X);
	prot_case("ar 7 pl 0: execute at CPL 3", t_pte(pa, 0, AR_X_PROMOTE), 3,
		  ACC_X, OK, 0);
	prot_case("ar 7 pl 0: no read at CPL 3", t_pte(pa, 0, AR_X_PROMOTE), 3,
		  ACC_R, 0x5300, ISR_R);
	prot_case("ar 7 pl 0: read at CPL 0", t_pte(pa, 0, AR_X_PROMOTE), 0,
		  ACC_R, OK, 0);
	prot_case("ar 4 pl 2: read at CPL 2", t_pte(pa, 2, AR_R_RW), 2, ACC_R, OK, 0);
	prot_case("ar 4 pl 2: no write at CPL 2", t_pte(pa, 2, AR_R_RW), 2, ACC_W,
		  0x5300, ISR_W);
	prot_case("ar 4 pl 2: write at CPL 1", t_pte(pa, 2, AR_R_RW), 1, ACC_W, OK, 0);
	prot_case("ar 4 pl 2: nothing at CPL 3", t_pte(pa, 2, AR_R_RW), 3, ACC_R,
		  0x5300, ISR_R);
	prot_case("ar 6 pl 2: execute at CPL 2", t_pte(pa, 2, AR_RWX_RW), 2, ACC_X,
		  OK, 0);
	prot_case("ar 6 pl 2: no execute at CPL 1", t_pte(pa, 2, AR_RWX_RW), 1, ACC_X,
		  0x5200, ISR_X);
	prot_case("ar 5 pl 1: write at CPL 0", t_pte(pa, 1, AR_RX_RWX), 0, ACC_W, OK, 0);
	prot_case("ar 5 pl 1: no write at CPL 1", t_pte(pa, 1, AR_RX_RWX), 1, ACC_W,
		  0x5300, ISR_W);
	prot_case("NaTPage load: NaT Page Consumption (code 0x20)",
		  (t_pte(pa, 0, AR_RW) & ~PTE_MA_MASK) | (MA_NATPAGE << 2), 0, ACC_R,
		  0x5600, ISR_R | 0x20);
	prot_case("semaphore on UC: Unsupported Data Reference",
		  (t_pte(pa, 0, AR_RW) & ~PTE_MA_MASK) | (MA_UC << 2), 0,
		  ACC_R | ACC_W | ACC_SEMA, 0x5b00, ISR_R | ISR_W);
	prot_case("lfetch.fault on not-present page: ISR.na, code 4",
		  t_pte(pa, 0, AR_RW) & ~PTE_P, 0,
		  ACC_R | ACC_NONACCESS | ACC_NA_CODE(ISR_NA_LFETCH), 0x5000,
		  ISR_R | ISR_NA | 4);
}

static void test_speculation(void)
{
	struct cpu *c = t_cpu();
	const uint64_t run = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	uint64_t natpte = (t_pte(0x1234000, 0, AR_RW) & ~PTE_MA_MASK) | (MA_NATPAGE << 2);

	TEST_BEGIN("ld.s: NaTPage defers, miss faults unless DCR.dm");
	setup_region1(c, 1);
	CHECK_EQ(t_itc(c, false, VA1, 14, natpte), X_NEXT);
	resume(c, run);
	CHECK_EQ(tr(c, VA1, ACC_R | ACC_SPEC, NULL, NULL), -1);
	CHECK_EQ(c->ip, 0xa000000000010000ULL);
	/* miss, DCR.dm = 0: fault with ISR.sp; code page unmapped -> ed 0 */
	CHECK_EQ(tr(c, VA1 + 0x10000, ACC_R | ACC_SPEC, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0800);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | ISR_SP | EI(1));
	/* DCR.dm = 1 but the code page has ed = 0: still a fault */
	resume(c, run);
	c->cr[CR_DCR] = DCR_DM;
	c->rr[5] = rr_make(0x55, 14, 1);
	CHECK_EQ(t_itc(c, true, 0xa000000000010000ULL, 14,
		       t_pte(0x80000, 0, AR_RX)), X_NEXT);
	CHECK_EQ(tr(c, VA1 + 0x10000, ACC_R | ACC_SPEC, NULL, NULL), X_FAULT);
	/* code page with ed = 1: deferred */
	resume(c, run);
	CHECK_EQ(t_itc(c, true, 0xa000000000010000ULL, 14,
		       t_pte(0x80000, 0, AR_RX) | PTE_ED), X_NEXT);
	CHECK_EQ(tr(c, VA1 + 0x10000, ACC_R | ACC_SPEC, NULL, NULL), -1);
	/* DCR.dm = 0 but PSR.ed = 1: deferred regardless */
	c->cr[CR_DCR] = 0;
	c->psr |= PSR_ED;
	CHECK_EQ(tr(c, VA1 + 0x10000, ACC_R | ACC_SPEC, NULL, NULL), -1);
	/* DCR.dm = 0, code page ed = 1, fault: ISR.ed reports it */
	c->psr &= ~PSR_ED;
	CHECK_EQ(tr(c, VA1 + 0x10000, ACC_R | ACC_SPEC, NULL, NULL), X_FAULT);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | ISR_SP | ISR_ED | EI(1));
	/* a UC page: ld.s defers even after a plain load filled the fast cache */
	resume(c, run);
	CHECK_EQ(t_itc(c, false, VA1 + 0x20000, 14,
		       (t_pte(0x1234000, 0, AR_RW) & ~PTE_MA_MASK) | (MA_UC << 2)), X_NEXT);
	CHECK_EQ(tr(c, VA1 + 0x20000, ACC_R, NULL, NULL), 0);
	CHECK_EQ(tr(c, VA1 + 0x20000, ACC_R | ACC_SPEC, NULL, NULL), -1);
	/* lfetch without .fault never faults */
	resume(c, run);
	CHECK_EQ(tr(c, VA1 + 0x10000, ACC_R | ACC_NONACCESS | ACC_NOFAULT |
		    ACC_NA_CODE(ISR_NA_LFETCH), NULL, NULL), -1);
	CHECK_EQ(c->ip, 0xa000000000010000ULL);
	TEST_END();
	t_free(c);
}

static void test_rse_access(void)
{
	struct cpu *c = t_cpu();
	uint64_t pa;

	TEST_BEGIN("RSE references use RSC.pl and PSR.rt; ISR.rs/ir");
	setup_region1(c, 1);
	CHECK_EQ(t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW)), X_NEXT);
	resume(c, PSR_IC | PSR_DT | PSR_IT | PSR_RT);
	t_set_cpl(c, 3);
	c->ar[AR_RSC] = 0;			/* rsc.pl = 0 */
	CHECK_EQ(tr(c, VA1 + 8, ACC_W | ACC_RSE, &pa, NULL), 0);
	CHECK_EQ(pa, 0x1234008);
	c->ar[AR_RSC] = 3 << 2;			/* rsc.pl = 3 */
	CHECK_EQ(tr(c, VA1 + 8, ACC_R | ACC_RSE | ACC_RSE_IR, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x5300);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | ISR_RS | ISR_IR | EI(1));
	/* PSR.rt = 0: RSE references are physical even with dt = 1 */
	resume(c, PSR_IC | PSR_DT | PSR_IT);
	CHECK_EQ(tr(c, 0x8000000000005000ULL, ACC_W | ACC_RSE, &pa, NULL), 0);
	CHECK_EQ(pa, 0x5000);
	TEST_END();
	t_free(c);
}

static void test_tr(void)
{
	struct cpu *c = t_cpu();
	const uint64_t kva = 0xa000000100000000ULL, run = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	uint64_t pa;

	TEST_BEGIN("itr: 64 MB kernel TR, overlap rules, ptr");
	c->rr[5] = rr_make(0x5, 14, 1);
	c->rr[1] = rr_make(RID1, 14, 1);
	CHECK_EQ(t_itr(c, false, 0, kva, 26, t_pte(0x4000000, 0, AR_RWX)), X_NEXT);
	CHECK_EQ(tr(c, kva + 0x123456, ACC_R, &pa, NULL), 0);
	CHECK_EQ(pa, 0x4123456);
	CHECK_EQ(tr(c, kva + 0x3fffff8, ACC_W, &pa, NULL), 0);
	CHECK_EQ(pa, 0x7fffff8);
	/* the ITR side is separate (PTA.ve = 0: Alternate ITLB) */
	CHECK_EQ(tr(c, kva, ACC_X, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0c00);
	resume(c, run);
	/* overlapping another TR: machine check -> fatal stop */
	CHECK_EQ(t_itr(c, false, 1, kva + 0x2000000, 24, t_pte(0, 0, AR_RW)), X_HALT);
	/* re-inserting the same slot is fine */
	CHECK_EQ(t_itr(c, false, 0, kva, 26, t_pte(0x8000000, 0, AR_RWX)), X_NEXT);
	CHECK_EQ(tr(c, kva + 0x10, ACC_R, &pa, NULL), 0);
	CHECK_EQ(pa, 0x8000010);
	/* slot >= 8: Reserved Register/Field */
	CHECK_EQ(t_itr(c, false, 8, VA1, 14, t_pte(0, 0, AR_RW)), X_FAULT);
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_RSVD_REG_FIELD);
	resume(c, run);
	/* itr purges an overlapping TC entry */
	CHECK_EQ(t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW)), X_NEXT);
	CHECK_EQ(t_itr(c, false, 2, VA1 & ~0xffffffULL, 24, t_pte(0x3000000, 0, AR_RW)),
		 X_NEXT);
	CHECK_EQ(tr(c, VA1, ACC_R, &pa, NULL), 0);
	CHECK_EQ(pa, 0x3004000);
	/* a 4 KB ptr.d away from the old TC page removes the TR only */
	CHECK_EQ(sys_ptr(c, false, 0x2000000000800000ULL, 12 << 2), X_NEXT);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x1000);
	resume(c, run);
	/* ptr.d of the kernel TR */
	CHECK_EQ(sys_ptr(c, false, kva + 0x1000000, 24 << 2), X_NEXT);
	CHECK_EQ(tr(c, kva, ACC_R, NULL, NULL), X_FAULT);
	TEST_END();

	TEST_BEGIN("itc/itr checks: ic = 1, CPL 3, reserved PTE fields");
	resume(c, run);
	c->cr[CR_IFA] = VA1;
	c->cr[CR_ITIR] = 14 << 2;
	CHECK_EQ(sys_itc(c, false, t_pte(0, 0, AR_RW)), X_FAULT);	/* ic = 1 */
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_ILLEGAL_OP);
	/* ic = 1 is an Illegal Operation even at CPL 3 (checked first) */
	resume(c, run);
	t_set_cpl(c, 3);
	CHECK_EQ(sys_itr(c, true, 0, t_pte(0, 0, AR_RW)), X_FAULT);
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_ILLEGAL_OP);
	resume(c, run & ~PSR_IC);
	t_set_cpl(c, 3);
	CHECK_EQ(sys_itc(c, false, t_pte(0, 0, AR_RW)), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x5400);
	resume(c, run);
	CHECK_EQ(t_itc(c, false, VA1, 14, t_pte(0, 0, AR_RW) | 2), X_FAULT);
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_RSVD_REG_FIELD);
	resume(c, run);
	CHECK_EQ(t_itc(c, false, VA1, 14, (t_pte(0, 0, AR_RW) & ~PTE_MA_MASK) | (2 << 2)),
		 X_FAULT);
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_RSVD_REG_FIELD);
	TEST_END();
	t_free(c);
}

static uint32_t hook_rid;
static uint64_t hook_va;
static unsigned hook_ps, hook_calls;

static struct cpu *other_cpu;

static void purge_hook(struct cpu *issuer, uint32_t rid, uint64_t va, unsigned ps)
{
	if (other_cpu && other_cpu != issuer)
		mmu_purge_remote(other_cpu, rid, va, ps);
	hook_rid = rid;
	hook_va = va;
	hook_ps = ps;
	hook_calls++;
}

static void test_purge(void)
{
	struct cpu *c = t_cpu();
	const uint64_t run = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	uint64_t pa;
	unsigned i;

	TEST_BEGIN("ptc.l purges exactly the overlapping entries");
	setup_region1(c, 1);
	t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW));
	t_itc(c, false, VA1 + 0x4000, 14, t_pte(0x1238000, 0, AR_RW));
	CHECK_EQ(sys_ptc_l(c, VA1 + 0x100, 14 << 2), X_NEXT);
	CHECK_EQ(c->counters[CNT_TLB_PURGE], 1);
	CHECK_EQ(tr(c, VA1 + 0x4000, ACC_R, &pa, NULL), 0);
	CHECK_EQ(pa, 0x1238000);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), X_FAULT);
	resume(c, run);
	/* a large purge removes every small page inside it */
	for (i = 0; i < 8; i++)
		t_itc(c, false, VA1 + i * 0x4000, 14, t_pte(0x1000000 + i * 0x4000, 0, AR_RW));
	CHECK_EQ(sys_ptc_l(c, VA1, 24 << 2), X_NEXT);
	for (i = 0; i < 8; i++) {
		CHECK_EQ(tr(c, VA1 + i * 0x4000, ACC_R, NULL, NULL), X_FAULT);
		resume(c, run);
	}
	/* a small purge removes the large page containing it */
	t_itc(c, false, 0x2000000005000000ULL, 24, t_pte(0x5000000, 0, AR_RW));
	CHECK_EQ(sys_ptc_l(c, 0x2000000005abc000ULL, 12 << 2), X_NEXT);
	CHECK_EQ(tr(c, 0x2000000005000000ULL, ACC_R, NULL, NULL), X_FAULT);
	resume(c, run);
	/* another RID is untouched */
	t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW));
	c->rr[1] = rr_make(RID1 + 1, 14, 1);
	CHECK_EQ(sys_ptc_l(c, VA1, 14 << 2), X_NEXT);
	c->rr[1] = rr_make(RID1, 14, 1);
	CHECK_EQ(tr(c, VA1, ACC_R, &pa, NULL), 0);
	/* unsupported purge size */
	CHECK_EQ(sys_ptc_l(c, VA1, 15 << 2), X_FAULT);
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_RSVD_REG_FIELD);
	TEST_END();

	TEST_BEGIN("ptc.e empties the TCs, keeps TRs; ptc.ga broadcasts");
	resume(c, run);
	c->rr[5] = rr_make(0x5, 14, 1);
	t_itr(c, false, 0, 0xa000000100000000ULL, 26, t_pte(0x4000000, 0, AR_RW));
	t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW));
	t_itc(c, true, VA1, 14, t_pte(0x1234000, 0, AR_RX));
	CHECK_EQ(sys_ptc_e(c, 0), X_NEXT);
	CHECK_EQ(c->counters[CNT_TLB_FLUSH], 1);
	CHECK_EQ(tr(c, 0xa000000100000000ULL, ACC_R, &pa, NULL), 0);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), X_FAULT);
	resume(c, run);
	CHECK_EQ(tr(c, VA1, ACC_X, NULL, NULL), X_FAULT);
	resume(c, run);
	mmu_set_global_purge_hook(purge_hook);
	t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW));
	CHECK_EQ(sys_ptc_g(c, VA1, 14 << 2, true), X_NEXT);
	CHECK_EQ(hook_calls, 1);
	CHECK_EQ(hook_rid, RID1);
	CHECK_EQ(hook_va, VA1);
	CHECK_EQ(hook_ps, 14);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), X_FAULT);
	TEST_END();

	TEST_BEGIN("ptc.ga reaches the other CPU with the issuer's RID");
	other_cpu = t_cpu();
	/* the other CPU maps the page under the same RID via another region */
	other_cpu->rr[2] = rr_make(RID1, 14, 1);
	other_cpu->rr[1] = rr_make(0x999, 14, 1);
	resume(c, run);
	t_itc(other_cpu, false, 0x4000000000004000ULL, 14, t_pte(0x1234000, 0, AR_RW));
	t_itc(other_cpu, false, VA1, 14, t_pte(0x5550000, 0, AR_RW));	/* RID 0x999 */
	CHECK_EQ(tr(other_cpu, 0x4000000000004000ULL, ACC_R, &pa, NULL), 0);
	CHECK_EQ(sys_ptc_g(c, VA1, 14 << 2, true), X_NEXT);
	CHECK_EQ(tr(other_cpu, 0x4000000000004000ULL, ACC_R, NULL, NULL), X_FAULT);
	other_cpu->psr = run;
	CHECK_EQ(tr(other_cpu, VA1, ACC_R, &pa, NULL), 0);	/* other RID kept */
	CHECK_EQ(pa, 0x5550000);
	CHECK_EQ(other_cpu->counters[CNT_TLB_PURGE], 1);
	mmu_set_global_purge_hook(NULL);
	t_free(other_cpu);
	other_cpu = NULL;
	TEST_END();
	t_free(c);
}

static void test_eviction(void)
{
	struct cpu *c = t_cpu();
	unsigned i, hits = 0, wrong = 0;
	uint64_t pa;

	TEST_BEGIN("TC capacity: evictions never give a wrong translation");
	setup_region1(c, 1);
	for (i = 0; i < 3000; i++)
		t_itc(c, false, 0x2000000100000000ULL + (uint64_t)i * 0x1000, 12,
		      t_pte(0x10000000 + (uint64_t)i * 0x1000, 0, AR_RW));
	for (i = 0; i < 3000; i++) {
		c->psr = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
		if (tr(c, 0x2000000100000000ULL + (uint64_t)i * 0x1000 + 8, ACC_R, &pa, NULL) == 0) {
			hits++;
			if (pa != 0x10000000 + (uint64_t)i * 0x1000 + 8)
				wrong++;
		}
	}
	CHECK_EQ(wrong, 0);
	CHECK(hits >= 512 && hits <= TC_SETS * TC_WAYS);
	/* the most recent insert is always present */
	c->psr = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	CHECK_EQ(tr(c, 0x2000000100000000ULL + 2999ULL * 0x1000, ACC_R, &pa, NULL), 0);
	TEST_END();
	t_free(c);
}

static void test_fast_cache(void)
{
	struct cpu *c = t_cpu();
	const uint64_t run = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	uint64_t pa;

	TEST_BEGIN("fast cache follows purges, CPL, D bit and RR writes");
	setup_region1(c, 1);
	t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW) & ~PTE_D);
	resume(c, run);
	CHECK_EQ(tr(c, VA1, ACC_R, &pa, NULL), 0);
	CHECK_EQ(tr(c, VA1 + 8, ACC_R, &pa, NULL), 0);	/* fast hit */
	CHECK_EQ(pa, 0x1234008);
	CHECK_EQ(tr(c, VA1 + 8, ACC_W, NULL, NULL), X_FAULT);	/* D = 0 */
	CHECK_EQ(c->ip, T_IVA + 0x2000);
	resume(c, run);
	t_set_cpl(c, 3);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x5300);
	resume(c, run);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), 0);
	CHECK_EQ(sys_ptc_l(c, VA1, 14 << 2), X_NEXT);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0800);
	resume(c, run);
	t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW));
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), 0);
	CHECK_EQ(sys_mov_to_rr(c, VA1, rr_make(RID1 + 7, 14, 1)), X_NEXT);
	CHECK_EQ(tr(c, VA1, ACC_R, NULL, NULL), X_FAULT);
	TEST_END();
	t_free(c);
}

static void test_thash_tpa_probe(void)
{
	struct cpu *c = t_cpu();
	const uint64_t run = PSR_IC | PSR_DT | PSR_IT | PSR_RT;
	uint64_t v = 0;
	bool nat = true;

	TEST_BEGIN("thash short format");
	setup_region1(c, 1);
	CHECK_EQ(sys_thash(c, 0x2000000012345678ULL, &v, &nat), X_NEXT);
	CHECK_EQ(v, 0x2000000100024688ULL);
	CHECK(!nat);
	/* 64 KB pages, 16 MB table at 0x3f000000: index (va{60:0} >> 16) << 3 */
	c->rr[3] = rr_make(9, 16, 1);
	c->cr[CR_PTA] = 0x3f000000ULL | (24 << 2) | PTA_VE;
	CHECK_EQ(sys_thash(c, 0x6000000ab0010000ULL, &v, &nat), X_NEXT);
	/* 0xab0010000 >> 16 = 0xab001, << 3 = 0x558008, base & ~0xffffff = 0x3f000000 */
	CHECK_EQ(v, 0x600000003f558008ULL);
	TEST_END();

	TEST_BEGIN("tpa: translation, miss with ISR.na, privilege");
	setup_region1(c, 1);
	t_itc(c, false, VA1, 14, t_pte(0x1234000, 0, AR_RW));
	resume(c, run & ~PSR_DT);	/* tpa searches the DTLB regardless of dt */
	CHECK_EQ(sys_tpa(c, VA1 + 0x123, &v), X_NEXT);
	CHECK_EQ(v, 0x1234123);
	resume(c, run);
	CHECK_EQ(sys_tpa(c, VA1 + 0x10000, &v), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0800);
	CHECK_EQ(c->cr[CR_ISR], ISR_NA | ISR_NA_TPA | EI(1));
	resume(c, run);
	t_set_cpl(c, 3);
	CHECK_EQ(sys_tpa(c, VA1, &v), X_FAULT);
	CHECK_EQ(c->cr[CR_ISR] & 0xff, GEX_PRIV_OP);
	TEST_END();

	TEST_BEGIN("probe: rights at max(pl, CPL); probe.w.fault on D = 0");
	resume(c, run);
	t_itc(c, false, VA1 + 0x4000, 14, t_pte(0x1238000, 0, AR_RW) & ~PTE_D);
	CHECK_EQ(sys_probe(c, VA1, 3, ACC_R, false, &v), X_NEXT);
	CHECK_EQ(v, 0);
	CHECK_EQ(sys_probe(c, VA1, 0, ACC_R, false, &v), X_NEXT);
	CHECK_EQ(v, 1);
	CHECK_EQ(sys_probe(c, VA1 + 0x4000, 0, ACC_W, false, &v), X_NEXT);
	CHECK_EQ(v, 1);
	t_set_cpl(c, 3);
	CHECK_EQ(sys_probe(c, VA1, 0, ACC_R, false, &v), X_NEXT);
	CHECK_EQ(v, 0);
	resume(c, run);
	CHECK_EQ(sys_probe(c, VA1 + 0x4000, 0, ACC_W, true, &v), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x2000);
	CHECK_EQ(c->cr[CR_ISR], ISR_W | ISR_NA | ISR_NA_PROBE_FAULT | EI(1));
	resume(c, run);
	CHECK_EQ(sys_probe(c, VA1 + 0x40000, 0, ACC_R, false, &v), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x0800);
	CHECK_EQ(c->cr[CR_ISR], ISR_R | ISR_NA | ISR_NA_PROBE | EI(1));
	/* PSR.dt = 0: a regular probe still queries the DTLB, and a miss is an
	 * Alternate Data TLB fault even with the walker enabled ... */
	resume(c, run & ~PSR_DT);
	CHECK_EQ(sys_probe(c, VA1, 0, ACC_R, false, &v), X_NEXT);
	CHECK_EQ(v, 1);
	CHECK_EQ(sys_probe(c, VA1 + 0x40000, 0, ACC_R, false, &v), X_FAULT);
	CHECK_EQ(c->ip, T_IVA + 0x1000);
	/* ... while the fault form treats the address as physical */
	resume(c, run & ~PSR_DT);
	CHECK_EQ(sys_probe(c, VA1 + 0x40000, 0, ACC_W, true, &v), X_NEXT);
	CHECK_EQ(c->ip, 0xa000000000010000ULL);
	TEST_END();

	TEST_BEGIN("tak: key of the translation, 1 without one");
	resume(c, run);
	c->cr[CR_IFA] = VA1 + 0x8000;
	c->cr[CR_ITIR] = (14 << 2) | (0xabcdeULL << 8);
	c->psr &= ~PSR_IC;
	CHECK_EQ(sys_itc(c, false, t_pte(0x1000000, 0, AR_RW)), X_NEXT);
	CHECK_EQ(sys_tak(c, VA1 + 0x8010, &v), X_NEXT);
	CHECK_EQ(v, 0xabcde);
	CHECK_EQ(sys_tak(c, VA1 + 0x80000, &v), X_NEXT);
	CHECK_EQ(v, 1);
	TEST_END();
	t_free(c);
}

int main(void)
{
	test_physical();
	test_itc_translate();
	test_page_sizes();
	test_miss_vectors();
	test_protection();
	test_speculation();
	test_rse_access();
	test_tr();
	test_purge();
	test_eviction();
	test_fast_cache();
	test_thash_tpa_probe();
	return test_report();
}
