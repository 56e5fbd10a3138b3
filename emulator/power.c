/* SPDX-License-Identifier: MIT */
/*
 * ACPI hardware-reduced sleep registers (docs/ia64-platform.md §6.4; ACPI
 * 6.x, "Sleep Control and Status Registers"): the FADT points
 * SLEEP_CONTROL_REG and SLEEP_STATUS_REG at two bytes here.  Linux's
 * acpi_power_off clears WAK_STS in the status byte, then writes
 * SLP_TYP << 2 | SLP_EN to the control byte; with the DSDT's \_S5 type
 * that means "power off", which the machine turns into a clean exit.
 */
#include <stdio.h>
#include <stdlib.h>

#include "memspace.h"
#include "platform.h"

#define SLP_EN		0x20
#define SLP_TYP(v)	(((unsigned)(v) >> 2) & 7)
#define WAK_STS		0x80

struct power {
	void (*off)(void *ctx);
	void *ctx;
	uint8_t status;			/* WAK_STS is write-1-to-clear */
};

static int power_read(void *ctx, uint64_t off, unsigned size, uint64_t *v)
{
	struct power *p = ctx;

	(void)size;
	*v = off == PLAT_SLEEP_STATUS_OFF ? p->status : 0;
	return 0;
}

static int power_write(void *ctx, uint64_t off, unsigned size, uint64_t v)
{
	struct power *p = ctx;

	(void)size;
	if (off == PLAT_SLEEP_STATUS_OFF) {
		p->status &= (uint8_t)~(v & WAK_STS);
		return 0;
	}
	if (off != PLAT_SLEEP_CONTROL_OFF || !(v & SLP_EN))
		return 0;
	if (SLP_TYP(v) == PLAT_S5_SLP_TYP) {
		if (p->off)
			p->off(p->ctx);
		return 0;
	}
	fprintf(stderr, "power: sleep type %u requested; only S5 (%u) is supported, ignored\n",
		SLP_TYP(v), PLAT_S5_SLP_TYP);
	return 0;
}

static const struct mmio_ops power_ops = {
	.read = power_read, .write = power_write,
};

struct power *power_new(struct memspace *ms, uint64_t base,
			void (*off)(void *ctx), void *ctx)
{
	struct power *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->off = off;
	p->ctx = ctx;
	if (memspace_add_mmio(ms, base, PLAT_POWER_SIZE, &power_ops, p) < 0) {
		fprintf(stderr, "power: cannot map at %#llx\n", (unsigned long long)base);
		free(p);
		return NULL;
	}
	return p;
}

void power_free(struct power *p)
{
	free(p);
}
