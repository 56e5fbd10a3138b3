/* SPDX-License-Identifier: MIT */
/*
 * Firmware installation and the break-stub call path.
 *
 * Every firmware entry point is a single MIB bundle in a firmware page:
 *     break.m <magic> ; nop.i 0 ; br.ret.sptk b0      (EFI, SAL: C calls)
 *     break.m <magic> ; nop.i 0 ; br.sptk b0          (PAL static, AP park)
 * The Break Instruction fault of such a bundle comes here (machine.c's
 * fault hook) only when the bundle's physical address lies inside the
 * firmware pages; the procedure runs natively, writes r8-r11, and
 * execution continues at slot 1, so the guest's own branch performs the
 * return with exact RSE semantics.  PAL stacked calls (index >= 256) are
 * resumed at the next bundle, which holds br.ret.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu.h"
#include "firmware.h"
#include "insn.h"
#include "machine.h"
#include "memspace.h"
#include "platform.h"
#include "rse.h"
#include "tlb.h"
#include "ia64/fw/acpi.h"
#include "ia64/mmu.h"

/* Instruction encodings (SDM Vol. 3: M37 break.m, I18 nop.i, B4). */
#define TMPL_MIB_STOP	0x11u
#define ENC_BREAK_M(imm) ((((uint64_t)(imm) & 0xfffff) << 6) | \
			  ((((uint64_t)(imm) >> 20) & 1) << 36))
#define ENC_NOP_M	(1ULL << 27)	/* x4 = 1, x2 = 0 */
#define ENC_NOP_I	(1ULL << 27)	/* x6 = 0x01 */
#define ENC_BR_COND_B0	(0x20ULL << 27)	/* br.sptk.few b0: x6 = 0x20, btype 0 */
#define ENC_BR_RET_B0	((0x21ULL << 27) | (4ULL << 6))	/* x6 = 0x21, btype 4 */

/* Encode a MIB bundle with a stop at the end, little endian. */
void fw_encode_mib(uint8_t out[16], uint64_t m, uint64_t i, uint64_t b)
{
	uint64_t lo = TMPL_MIB_STOP | (m << 5) | (i << 46);
	uint64_t hi = (i >> 18) | (b << 23);

	fw_put64(out, lo);
	fw_put64(out + 8, hi);
}

static void put_stub(struct fw_image *im, uint64_t pa, unsigned imm, uint64_t br)
{
	fw_encode_mib(fw_ptr(im, pa, 16), ENC_BREAK_M(imm), ENC_NOP_I, br);
}

static void put_fdesc(struct fw_image *im, uint64_t pa, uint64_t entry, uint64_t gp)
{
	uint8_t *p = fw_ptr(im, pa, 16);

	fw_put64(p, entry);
	fw_put64(p + 8, gp);
}

int64_t firmware_memmap_size(const struct machine *m)
{
	struct efi_memdesc d[16];

	return (int64_t)efi_memory_map(m, d, 16) * EFI_MEMDESC_SIZE;
}

int firmware_install(struct machine *m, char *err, size_t errlen)
{
	struct fw_image im = { .base = 0, .size = FW_LOADER_END };
	uint64_t descs[EFI_RT_NR], rsdp = 0;
	struct efi_config_table t[3] = {
		{ EFI_GUID_SAL, FW_SALST_PA },
		{ EFI_GUID_ACPI20, 0 },
		{ EFI_GUID_HCDP, FW_PCDP_PA },
	};
	struct efi_memdesc md[16];
	unsigned n, i;
	int rc = -1;

	im.buf = calloc(1, im.size);
	if (!im.buf) {
		snprintf(err, errlen, "out of memory building the firmware");
		return -1;
	}
	for (i = 0; i < EFI_RT_NR; i++) {
		uint64_t fd = FW_FDESC_PA + 16 * i;

		put_stub(&im, FW_STUB_EFI(i), FW_BREAK_EFI + i, ENC_BR_RET_B0);
		put_fdesc(&im, fd, FW_STUB_EFI(i), FW_SAL_GP);
		descs[i] = fd;
	}
	put_stub(&im, FW_STUB_SAL, FW_BREAK_SAL, ENC_BR_RET_B0);
	put_stub(&im, FW_STUB_PARK, FW_BREAK_PARK, ENC_BR_COND_B0);
	put_stub(&im, FW_PAL_ENTRY, FW_BREAK_PAL, ENC_BR_COND_B0);
	fw_encode_mib(fw_ptr(&im, FW_PAL_RET, 16), ENC_NOP_M, ENC_NOP_I, ENC_BR_RET_B0);

	n = efi_memory_map(m, md, 16);
	if (acpi_install(m, &im, &rsdp) ||
	    pcdp_build(&im, FW_PCDP_PA, PLAT_UART_BASE, 115200, 1843200) ||
	    sal_build_systab(&im, FW_SALST_PA, FW_PAL_ENTRY, FW_STUB_SAL, FW_SAL_GP) ||
	    efi_build_runtime(&im, FW_RUNTIME_PA, descs) ||
	    (t[1].table = rsdp,
	     efi_build_systab(&im, FW_SYSTAB_PA, FW_RUNTIME_PA, FW_VENDOR_PA, "pvia64 ia64emu",
			      0x00010000, FW_CONFIG_PA, t, 3)) ||
	    efi_build_memmap(&im, FW_MEMMAP_PA, md, n) < 0) {
		snprintf(err, errlen, "firmware tables do not fit their reserved areas");
		goto out;
	}
	if (memspace_copy_in(m->ms, 0, im.buf, im.size)) {
		snprintf(err, errlen, "cannot write the firmware into RAM");
		goto out;
	}
	rc = 0;
out:
	free(im.buf);
	return rc;
}

/* Physical address of the bundle at c->ip (the CPU may run in virtual
 * mode: SAL and most PAL calls do), or UINT64_MAX when untranslated. */
static uint64_t ip_phys(struct cpu *c)
{
	const struct tlb_entry *e;

	if (!(c->psr & PSR_IT))
		return c->ip & ~(1ULL << 63);	/* bit 63: uncacheable alias */
	e = mmu_lookup(c, true, c->ip);
	if (!e)
		return UINT64_MAX;
	return (e->pte & PTE_PPN_MASK & page_mask(e->ps)) | (c->ip & ~page_mask(e->ps));
}

uint64_t fw_guest_pa(struct cpu *c, uint64_t va)
{
	const struct tlb_entry *e;

	if (!(c->psr & PSR_DT))
		return va & ~(1ULL << 63);
	e = mmu_lookup(c, false, va);
	if (e)
		return (e->pte & PTE_PPN_MASK & page_mask(e->ps)) | (va & ~page_mask(e->ps));
	if (va >> 61 == 7)
		return va & IA64_MASK(0, 50);
	return UINT64_MAX;
}

static bool in_firmware(uint64_t pa)
{
	return (pa >= FW_STUB_PA && pa < FW_STUB_PA + FW_STUB_SIZE) ||
	       (pa >= FW_PAL_PA && pa < FW_PAL_PA + FW_PAL_SIZE);
}

static void trace_call(struct fw_call *x, const char *kind)
{
	FILE *t = x->m->trace;

	if (!t)
		return;
	fprintf(t, "fw cpu%d %s 0x%llx (0x%llx 0x%llx 0x%llx 0x%llx) -> r8=%lld r9=0x%llx r10=0x%llx r11=0x%llx @%llu\n",
		x->c->id, kind, (unsigned long long)x->idx, (unsigned long long)x->arg[0],
		(unsigned long long)x->arg[1], (unsigned long long)x->arg[2],
		(unsigned long long)x->arg[3], (long long)x->r[0], (unsigned long long)x->r[1],
		(unsigned long long)x->r[2], (unsigned long long)x->r[3],
		(unsigned long long)x->c->retired);
}

int firmware_break(struct cpu *c, uint64_t imm)
{
	struct fw_call x = { .m = c->m, .c = c, .action = FW_RETURN };
	bool stacked_pal = false;
	const char *kind;
	unsigned i;

	if (imm < FW_BREAK_BASE || imm >= FW_BREAK_END || c->slot != 0 ||
	    !in_firmware(ip_phys(c)))
		return -1;
	if (imm < FW_BREAK_SAL) {
		x.idx = imm - FW_BREAK_EFI;
		for (i = 0; i < 8; i++)
			x.arg[i] = gr_get(c, 32 + i);
		kind = "efi";
		efi_call(&x);
	} else if (imm == FW_BREAK_SAL) {
		x.idx = gr_get(c, 32);
		for (i = 0; i < 7; i++)
			x.arg[i] = gr_get(c, 33 + i);
		kind = "sal";
		sal_call(&x);
	} else if (imm == FW_BREAK_PAL) {
		x.idx = gr_get(c, 28);
		stacked_pal = x.idx >= PAL_STACKED_FIRST && x.idx < PAL_NR;
		for (i = 0; i < 3; i++)
			x.arg[i] = gr_get(c, stacked_pal ? 33 + i : 29 + i);
		kind = "pal";
		pal_call(&x);
	} else if (imm == FW_BREAK_PARK) {
		kind = "park";
		x.action = FW_PARK;
	} else {
		return -1;
	}
	for (i = 0; i < 4; i++)
		gr_set(c, 8 + i, x.r[i], false);
	trace_call(&x, kind);

	/* Resume at the stub's return branch. */
	if (stacked_pal) {
		c->ip += 16;
		c->slot = 0;
	} else {
		c->slot = 1;
	}
	switch (x.action) {
	case FW_RETURN:
		return X_JUMP;
	case FW_IDLE:
		machine_set_state(c->m, c, MCPU_HALT_LIGHT);
		return X_HALT;
	case FW_PARK:
		machine_set_state(c->m, c, MCPU_PARKED);
		return X_HALT;
	case FW_STOP:
		return X_HALT;
	}
	return X_HALT;
}

void firmware_start_ap(struct machine *m, struct cpu *c)
{
	struct firmware *fw = m->fw;

	if (!fw->rendez_set) {
		if (m->trace)
			fprintf(m->trace, "fw cpu%d: wake-up IPI before SAL_SET_VECTORS, ignored\n",
				c->id);
		return;
	}
	/* §8.5: physical mode, CPL 0, ic = 1, i = 0, bn = 1, r1 = gp, b0 = the
	 * re-park stub, empty register stack. */
	rse_reset(c, FW_RSE_PA(c->id));
	/* rse_reset: CFM = 0, ar.rsc = 0 (enforced lazy) */
	c->psr = PSR_IC;
	cpu_bank_switch(c, 1);
	gr_set(c, 1, fw->rendez_gp, false);
	c->br[0] = FW_STUB_PARK;
	c->ip = fw->rendez_ip & ~15ULL;
	c->slot = 0;
	if (m->trace)
		fprintf(m->trace, "fw cpu%d: started at 0x%llx gp 0x%llx\n", c->id,
			(unsigned long long)c->ip, (unsigned long long)fw->rendez_gp);
	machine_set_state(m, c, MCPU_RUNNING);
}
