/* SPDX-License-Identifier: MIT */
/*
 * PIB and power-off tests (docs/ia64-platform.md §8.3, §8.5, §6.4):
 * id/eid address decoding, INT delivery into the target's IRR, wake-up of
 * a parked AP through the machine's hook (and only with the wake-up
 * vector), dropped unsupported delivery modes and malformed stores, and
 * the ACPI sleep registers: WAK_STS write, S5 + SLP_EN → power-off.
 */
#include "test/harness.h"
#include "test_mmu_util.h"
#include "memspace.h"
#include "lsapic.h"
#include "platform.h"

#define PIB	PLAT_PIB_BASE
#define WAKE	0xff

struct mach {
	bool parked[3];
	int started[3];
	int offs;
};

static bool parked(void *ctx, struct cpu *c)
{
	return ((struct mach *)ctx)->parked[c->id];
}

static void start(void *ctx, struct cpu *c)
{
	struct mach *m = ctx;

	m->started[c->id]++;
	m->parked[c->id] = false;
}

static const struct pib_hooks hooks = { .ap_parked = parked, .ap_start = start };

static void ipi(struct memspace *ms, unsigned id, unsigned eid, unsigned mode, unsigned vec)
{
	uint64_t data = (uint64_t)mode << 8 | vec;

	CHECK_EQ(phys_write(ms, PIB + ((uint64_t)id << 12 | eid << 4), 8, &data), 0);
}

static void power_off(void *ctx)
{
	((struct mach *)ctx)->offs++;
}

static void test_pib(void)
{
	struct memspace *ms = memspace_new(false);
	struct cpu *cpus[3];
	struct mach m = { .parked = { false, true, true } };
	struct pib *p;
	uint64_t v;

	for (int i = 0; i < 3; i++) {
		cpus[i] = t_cpu();
		cpus[i]->id = i;
		/* cpu 2 has a non-zero eid to check both fields */
		lsapic_attach(cpus[i], (unsigned)i, i == 2 ? 5 : 0);
	}
	p = pib_new(ms, PIB, cpus, 3, WAKE, &hooks, &m);

	TEST_BEGIN("INT to a running CPU sets its IRR only");
	CHECK(p != NULL);
	ipi(ms, 0, 0, 0, 0xfd);
	CHECK(lsapic_pending(cpus[0]));
	CHECK_EQ(lsapic_read(cpus[0], CR_IRR3), 1ULL << (0xfd & 63));
	CHECK(!lsapic_pending(cpus[1]));
	CHECK(!lsapic_pending(cpus[2]));
	TEST_END();

	TEST_BEGIN("the redirection hint bit still addresses the same CPU");
	v = 0xfe;
	CHECK_EQ(phys_write(ms, PIB + (0ULL << 12 | 0 << 4 | 8), 8, &v), 0);
	CHECK_EQ(lsapic_read(cpus[0], CR_IRR3), 1ULL << (0xfd & 63) | 1ULL << (0xfe & 63));
	TEST_END();

	TEST_BEGIN("a parked AP ignores other vectors and starts on the wake-up vector");
	ipi(ms, 1, 0, 0, 0xfd);
	CHECK_EQ(m.started[1], 0);
	CHECK(!lsapic_pending(cpus[1]));
	ipi(ms, 1, 0, 0, WAKE);
	CHECK_EQ(m.started[1], 1);
	CHECK_EQ(m.started[2], 0);
	CHECK(!lsapic_pending(cpus[1]));	/* consumed by the start */
	/* running now: IPIs are ordinary interrupts */
	ipi(ms, 1, 0, 0, 0xfd);
	CHECK(lsapic_pending(cpus[1]));
	TEST_END();

	TEST_BEGIN("id and eid both select the target");
	ipi(ms, 2, 0, 0, WAKE);			/* eid 0: nobody */
	CHECK_EQ(m.started[2], 0);
	ipi(ms, 2, 5, 0, WAKE);
	CHECK_EQ(m.started[2], 1);
	TEST_END();

	TEST_BEGIN("unsupported delivery modes and short stores are dropped");
	ipi(ms, 2, 5, 4, 0x20);			/* NMI */
	ipi(ms, 2, 5, 5, 0x20);			/* INIT */
	v = 0x21;
	CHECK_EQ(phys_write(ms, PIB + (2ULL << 12 | 5 << 4), 4, &v), 0);
	CHECK(!lsapic_pending(cpus[2]));
	TEST_END();

	TEST_BEGIN("upper half: INTA reads 0, XTP byte writes are accepted");
	v = 0x1234;
	CHECK_EQ(phys_read(ms, PIB + 0x1E0000, 1, &v), 0);
	CHECK_EQ(v & 0xff, 0);
	CHECK_EQ(phys_write(ms, PIB + 0x1E0008, 1, &v), 0);
	TEST_END();

	memspace_free(ms);
	pib_free(p);
	for (int i = 0; i < 3; i++) {
		lsapic_detach(cpus[i]);
		t_free(cpus[i]);
	}
}

static void test_power(void)
{
	struct memspace *ms = memspace_new(false);
	struct mach m = { .offs = 0 };
	struct power *p = power_new(ms, PLAT_POWER_BASE, power_off, &m);
	uint8_t b;

	TEST_BEGIN("acpi_power_off sequence: WAK_STS, then S5 | SLP_EN");
	CHECK(p != NULL);
	b = 0x80;
	CHECK_EQ(phys_write(ms, PLAT_POWER_BASE + PLAT_SLEEP_STATUS_OFF, 1, &b), 0);
	CHECK_EQ(m.offs, 0);
	b = 5 << 2;				/* type without SLP_EN: nothing */
	CHECK_EQ(phys_write(ms, PLAT_POWER_BASE + PLAT_SLEEP_CONTROL_OFF, 1, &b), 0);
	CHECK_EQ(m.offs, 0);
	b = 3 << 2 | 0x20;			/* S3: not supported, ignored */
	CHECK_EQ(phys_write(ms, PLAT_POWER_BASE + PLAT_SLEEP_CONTROL_OFF, 1, &b), 0);
	CHECK_EQ(m.offs, 0);
	b = 5 << 2 | 0x20;
	CHECK_EQ(phys_write(ms, PLAT_POWER_BASE + PLAT_SLEEP_CONTROL_OFF, 1, &b), 0);
	CHECK_EQ(m.offs, 1);
	CHECK_EQ(phys_read(ms, PLAT_POWER_BASE + PLAT_SLEEP_STATUS_OFF, 1, &b), 0);
	CHECK_EQ(b & 0x80, 0);
	TEST_END();
	memspace_free(ms);
	power_free(p);
}

int main(void)
{
	lsapic_install();
	test_pib();
	test_power();
	return test_report();
}
