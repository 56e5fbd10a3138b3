/* SPDX-License-Identifier: MIT */
/*
 * Firmware tests (docs/ia64-platform.md §3-§7): the stub bundles against
 * the assembler's encodings, the EFI/SAL/ACPI/PCDP tables and memory map
 * as Linux parses them (signatures, checksums, field offsets), and calls
 * through the stubs with the real CPU: PAL static and stacked, SAL, EFI,
 * the firmware-page check, AP start and re-park.
 */
#include <string.h>

#include "test/harness.h"
#include "ar.h"
#include "cpu.h"
#include "firmware.h"
#include "insn.h"
#include "machine.h"
#include "memspace.h"
#include "platform.h"
#include "rse.h"
#include "run.h"
#include "ia64/fw/acpi.h"

#define RET_IP	0x00300000ULL	/* where calls return to */
#define SCRATCH	0x00310000ULL

static struct machine *new_machine(unsigned ncpus)
{
	struct machine_opts o = { .ncpus = ncpus, .mem_mb = 256, .console_in = -1,
				  .console_out = -1 };
	char err[200];
	struct machine *m = machine_new(&o, err, sizeof(err));

	if (!m)
		printf("machine_new: %s\n", err);
	return m;
}

static uint8_t ram8(struct machine *m, uint64_t pa)
{
	uint8_t v = 0;

	phys_read(m->ms, pa, 1, &v);
	return v;
}

static uint64_t ram64(struct machine *m, uint64_t pa)
{
	uint64_t v = 0;

	phys_read(m->ms, pa, 8, &v);
	return v;
}

static uint32_t ram32(struct machine *m, uint64_t pa)
{
	uint32_t v = 0;

	phys_read(m->ms, pa, 4, &v);
	return v;
}

static uint8_t sum(struct machine *m, uint64_t pa, uint64_t len)
{
	uint8_t s = 0;

	for (uint64_t i = 0; i < len; i++)
		s = (uint8_t)(s + ram8(m, pa + i));
	return s;
}

/* Encodings from ia64-linux-gnu-as for the stub shapes. */
static const uint8_t as_efi0[16] = {	/* break.m 0xfa000; nop.i 0; br.ret.sptk.few b0 ;; */
	0x11, 0x00, 0x00, 0x7d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x80,
	0x00, 0x00, 0x84, 0x00 };
static const uint8_t as_pal[16] = {	/* break.m 0xfa200; nop.i 0; br.sptk.few b0 ;; */
	0x11, 0x00, 0x10, 0x7d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
	0x00, 0x00, 0x80, 0x00 };
static const uint8_t as_ret[16] = {	/* nop.m 0; nop.i 0; br.ret.sptk.few b0 ;; */
	0x11, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x80,
	0x00, 0x00, 0x84, 0x00 };
static const uint8_t as_park[16] = {	/* break.m 0xfa300; nop.i 0; br.sptk.few b0 ;; */
	0x11, 0x00, 0x18, 0x7d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
	0x00, 0x00, 0x80, 0x00 };

static const uint8_t as_loop[16] = {	/* nop.m 0; nop.i 0; br.sptk.few b0 ;; */
	0x11, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
	0x00, 0x00, 0x80, 0x00 };

static int bytes_eq(struct machine *m, uint64_t pa, const uint8_t *want, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ram8(m, pa + i) != want[i])
			return 0;
	return 1;
}

static void test_stubs(struct machine *m)
{
	TEST_BEGIN("stub bundles encode as the assembler does");
	CHECK(bytes_eq(m, FW_STUB_EFI(0), as_efi0, 16));
	CHECK(bytes_eq(m, FW_PAL_ENTRY, as_pal, 16));
	CHECK(bytes_eq(m, FW_PAL_RET, as_ret, 16));
	CHECK(bytes_eq(m, FW_STUB_PARK, as_park, 16));
	TEST_END();
}

static void test_efi_tables(struct machine *m)
{
	static const uint8_t sal_guid[16] = { 0x32, 0x2d, 0x9d, 0xeb, 0x88, 0x2d, 0xd3, 0x11,
					      0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d };
	static const uint8_t acpi_guid[16] = { 0x71, 0xe8, 0x68, 0x88, 0xf1, 0xe4, 0xd3, 0x11,
					       0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81 };
	uint64_t st = FW_SYSTAB_PA, rt, tab, fd;

	TEST_BEGIN("EFI system table, configuration tables, runtime services");
	CHECK_EQ(ram64(m, st), 0x5453595320494249ULL);	/* "IBI SYST" */
	rt = ram64(m, st + 88);
	tab = ram64(m, st + 112);
	CHECK_EQ(ram64(m, st + 104), 3);
	CHECK(bytes_eq(m, tab, sal_guid, 16));
	CHECK_EQ(ram64(m, tab + 16), FW_SALST_PA);
	CHECK(bytes_eq(m, tab + 24, acpi_guid, 16));
	CHECK_EQ(ram64(m, tab + 40), FW_ACPI_PA);
	CHECK_EQ(ram8(m, ram64(m, st + 24)), 'p');	/* UCS-2 vendor string */
	CHECK_EQ(ram8(m, ram64(m, st + 24) + 1), 0);
	/* get_time @24 and reset_system @104: descriptors {entry, gp} */
	fd = ram64(m, rt + 24);
	CHECK_EQ(ram64(m, fd), FW_STUB_EFI(EFI_RT_GET_TIME));
	fd = ram64(m, rt + 104);
	CHECK_EQ(ram64(m, fd), FW_STUB_EFI(EFI_RT_RESET_SYSTEM));
	CHECK_EQ(ram64(m, fd + 8), FW_SAL_GP);
	TEST_END();
}

static void test_memmap(struct machine *m)
{
	struct efi_memdesc d[16];
	unsigned n = efi_memory_map(m, d, 16), pal = 0;
	uint64_t end = 0, wb_end = 0;

	TEST_BEGIN("EFI memory map: one WB run 0..RAM end, one PAL_CODE, I/O ports UC");
	for (unsigned i = 0; i < n; i++) {
		/* the copy in RAM is what the kernel reads */
		uint64_t pa = FW_MEMMAP_PA + 40 * i;

		CHECK_EQ(ram32(m, pa), d[i].type);
		CHECK_EQ(ram64(m, pa + 8), d[i].phys);
		CHECK_EQ(ram64(m, pa + 24), d[i].pages);
		CHECK_EQ(ram64(m, pa + 32), d[i].attr);
		if (d[i].type == EFI_PAL_CODE)
			pal++;
		if (d[i].attr & EFI_MEMORY_WB) {
			CHECK_EQ(d[i].phys, end);	/* contiguous, sorted */
			end = d[i].phys + (d[i].pages << 12);
			wb_end = end;
		} else {
			CHECK_EQ(d[i].type, EFI_MEMORY_MAPPED_IO_PORT_SPACE);
			CHECK_EQ(d[i].attr, EFI_MEMORY_UC);
		}
		if (d[i].type == EFI_RUNTIME_SERVICES_DATA)
			CHECK(d[i].attr & EFI_MEMORY_RUNTIME);
	}
	CHECK_EQ(pal, 1);
	CHECK_EQ(wb_end, 256ULL << 20);
	CHECK_EQ(wb_end % (16ULL << 20), 0);
	CHECK_EQ(firmware_memmap_size(m), 40 * n);
	TEST_END();
}

static void test_acpi(struct machine *m)
{
	uint64_t rsdp = FW_ACPI_PA, xsdt, fadt, madt, dsdt;

	TEST_BEGIN("ACPI RSDP/XSDT/FADT/MADT/DSDT: checksums and fields");
	CHECK_EQ(ram64(m, rsdp), 0x2052545020445352ULL);	/* "RSD PTR " */
	CHECK_EQ(sum(m, rsdp, 20), 0);
	CHECK_EQ(sum(m, rsdp, 36), 0);
	CHECK_EQ(ram8(m, rsdp + 15), 2);
	xsdt = ram64(m, rsdp + 24);
	CHECK_EQ(ram32(m, xsdt), 0x54445358);			/* "XSDT" */
	CHECK_EQ(ram32(m, xsdt + 4), 36 + 16);
	CHECK_EQ(sum(m, xsdt, ram32(m, xsdt + 4)), 0);
	fadt = ram64(m, xsdt + 36);
	madt = ram64(m, xsdt + 44);
	CHECK_EQ(ram32(m, fadt), 0x50434146);			/* "FACP" */
	CHECK_EQ(ram32(m, fadt + 4), 276);
	CHECK_EQ(sum(m, fadt, 276), 0);
	CHECK(ram32(m, fadt + 112) & (1u << 20));		/* HW_REDUCED_ACPI */
	CHECK_EQ(ram64(m, fadt + 244 + 4), PLAT_POWER_BASE + PLAT_SLEEP_CONTROL_OFF);
	CHECK_EQ(ram64(m, fadt + 256 + 4), PLAT_POWER_BASE + PLAT_SLEEP_STATUS_OFF);
	CHECK_EQ(ram8(m, fadt + 244), 0);			/* system memory */
	dsdt = ram64(m, fadt + 140);
	CHECK_EQ(ram32(m, dsdt), 0x54445344);			/* "DSDT" */
	CHECK_EQ(sum(m, dsdt, ram32(m, dsdt + 4)), 0);
	CHECK_EQ(ram32(m, dsdt + 0x4e), PLAT_UART_BASE);	/* Memory32Fixed base */
	CHECK_EQ(ram8(m, dsdt + 0x4e - 4), 0x86);		/* ... of that descriptor */
	CHECK_EQ(ram32(m, madt), 0x43495041);			/* "APIC" */
	CHECK_EQ(sum(m, madt, ram32(m, madt + 4)), 0);
	CHECK_EQ(ram32(m, madt + 36), PLAT_PIB_BASE);
	CHECK_EQ(ram32(m, madt + 40), 0);			/* no PCAT_COMPAT */
	for (unsigned i = 0; i < m->ncpus; i++) {
		uint64_t e = madt + 44 + 20ULL * i;

		CHECK_EQ(ram8(m, e), 7);			/* Local SAPIC */
		CHECK(ram8(m, e + 1) >= 17);
		CHECK_EQ(ram8(m, e + 3), i);			/* id = cr.lid{31:24} */
		CHECK_EQ(ram8(m, e + 4), 0);
		CHECK_EQ(ram32(m, e + 8) & 1, 1);
		CHECK_EQ((m->cpu[i]->cr[CR_LID] >> 24) & 0xff, i);
	}
	CHECK_EQ(ram32(m, madt + 4), 44 + 20 * m->ncpus);
	TEST_END();
}

static void test_sal_pcdp(struct machine *m)
{
	uint64_t s = FW_SALST_PA, p = FW_PCDP_PA;

	TEST_BEGIN("SAL system table and PCDP");
	CHECK_EQ(ram32(m, s), 0x5f545353);			/* "SST_" */
	CHECK_EQ(sum(m, s, ram32(m, s + 4)), 0);
	CHECK_EQ(ram8(m, s + 9), 3);				/* SAL 3.0 (< 3.2) */
	CHECK_EQ(ram8(m, s + 96), 0);				/* entry point */
	CHECK_EQ(ram64(m, s + 96 + 8), FW_PAL_ENTRY);
	CHECK_EQ(ram64(m, s + 96 + 16), FW_STUB_SAL);
	CHECK_EQ(ram64(m, s + 96 + 24), FW_SAL_GP);
	CHECK_EQ(ram8(m, s + 144), 2);				/* platform features */
	CHECK_EQ(ram8(m, s + 145), 0);
	CHECK_EQ(ram8(m, s + 160), 5);				/* AP wake-up */
	CHECK_EQ(ram64(m, s + 168), 0xff);
	CHECK_EQ(ram32(m, p), 0x50444350);			/* "PCDP" */
	CHECK_EQ(ram32(m, p + 4), 88);
	CHECK_EQ(ram8(m, p + 8), 3);
	CHECK_EQ(ram32(m, p + 36), 1);
	CHECK_EQ(ram8(m, p + 40), 0);				/* UART */
	CHECK_EQ(ram64(m, p + 40 + 8), 115200);
	CHECK_EQ(ram8(m, p + 40 + 16), 0);			/* memory space */
	CHECK_EQ(ram64(m, p + 40 + 20), PLAT_UART_BASE);
	CHECK_EQ(ram8(m, p + 40 + 41), 0x04);			/* primary console */
	TEST_END();
}

/* Put cpu c at `entry` in physical mode, CPL 0, as a caller would be. */
static void call_setup(struct cpu *c, uint64_t entry, unsigned sof)
{
	rse_reset(c, 0x00400000);
	c->cfm = sof;
	cpu_remap(c);
	c->psr = PSR_IC | PSR_BN;
	c->br[0] = RET_IP;
	c->ar[AR_PFS] = 0;
	c->ip = entry;
	c->slot = 0;
}

static void test_pal_static(struct machine *m)
{
	struct cpu *c = m->cpu[0];
	uint64_t v0, v1;

	TEST_BEGIN("PAL static calls through the PAL entry (physical mode)");
	call_setup(c, FW_PAL_ENTRY, 0);
	gr_set(c, 28, PAL_VM_SUMMARY, false);
	CHECK_EQ(run_cpu(c, 3), X_NEXT);
	CHECK_EQ(c->ip, RET_IP);
	CHECK_EQ(gr_get(c, 8), 0);
	v0 = gr_get(c, 9);
	v1 = gr_get(c, 10);
	CHECK_EQ(v0 & 1, 0);				/* no VHPT walker */
	CHECK_EQ((v0 >> 1) & 0x7f, 50);			/* PA bits */
	CHECK_EQ((v0 >> 32) & 0xff, 7);			/* 8 DTRs */
	CHECK_EQ((v0 >> 40) & 0xff, 7);			/* 8 ITRs */
	CHECK_EQ(v1 & 0xff, 60);			/* impl_va_msb: >= 55 for 64K pages */
	CHECK_EQ((v1 >> 8) & 0xff, 24);			/* RID bits */
	CHECK_EQ((v1 >> 16) & 0xffff, 0xffff);

	call_setup(c, FW_PAL_ENTRY, 0);
	gr_set(c, 28, PAL_PTCE_INFO, false);
	run_cpu(c, 3);
	CHECK_EQ(gr_get(c, 8), 0);
	CHECK_EQ(gr_get(c, 10), 1ULL << 32 | 1);	/* count0 = count1 = 1 */
	CHECK_EQ(gr_get(c, 11), 0);

	call_setup(c, FW_PAL_ENTRY, 0);
	gr_set(c, 28, PAL_RSE_INFO, false);
	run_cpu(c, 3);
	CHECK_EQ(gr_get(c, 9), 96);

	call_setup(c, FW_PAL_ENTRY, 0);
	gr_set(c, 28, PAL_LOGICAL_TO_PHYSICAL, false);
	run_cpu(c, 3);
	CHECK_EQ(gr_get(c, 8), (uint64_t)-1);
	CHECK_EQ(c->ip, RET_IP);
	CHECK_EQ(m->fw->pal_calls[PAL_VM_SUMMARY], 1);
	CHECK_EQ(m->fw->pal_calls[PAL_LOGICAL_TO_PHYSICAL], 1);
	TEST_END();
}

static void test_pal_stacked(struct machine *m)
{
	struct cpu *c = m->cpu[0];

	TEST_BEGIN("PAL stacked call returns with br.ret (frame restored)");
	call_setup(c, FW_PAL_ENTRY, 4);		/* as after br.call with 4 outputs */
	gr_set(c, 28, PAL_BRAND_INFO, false);
	gr_set(c, 32, PAL_BRAND_INFO, false);
	gr_set(c, 33, 0, false);
	gr_set(c, 34, SCRATCH, false);
	run_cpu(c, 4);
	CHECK_EQ(c->ip, RET_IP);
	CHECK_EQ(gr_get(c, 8), (uint64_t)-1);
	CHECK_EQ(c->cfm & 0x7f, 0);		/* ar.pfs.pfm = 0 restored */
	TEST_END();
}

static void test_not_firmware(struct machine *m)
{
	struct cpu *c = m->cpu[0];
	uint8_t b[16];

	TEST_BEGIN("a firmware break outside the firmware pages is a Break fault");
	memspace_copy_out(m->ms, FW_PAL_ENTRY, b, 16);
	memspace_copy_in(m->ms, SCRATCH, b, 16);
	call_setup(c, SCRATCH, 0);
	c->cr[CR_IVA] = 0x00500000;
	gr_set(c, 28, PAL_VM_SUMMARY, false);
	run_cpu(c, 1);
	CHECK_EQ(c->ip, 0x00500000 + 0x2c00);
	CHECK_EQ(c->cr[CR_IIM], FW_BREAK_PAL);
	CHECK_EQ(c->cr[CR_IIP], SCRATCH);
	TEST_END();
}

static void test_sal(struct machine *m)
{
	struct cpu *c = m->cpu[0], *ap = m->cpu[1];

	TEST_BEGIN("SAL calls: FREQ_BASE, MC_SET_PARAMS, SET_VECTORS + AP start/park");
	call_setup(c, FW_STUB_SAL, 8);
	gr_set(c, 32, SAL_FREQ_BASE, false);
	gr_set(c, 33, 0, false);
	run_cpu(c, 3);
	CHECK_EQ(c->ip, RET_IP);
	CHECK_EQ(gr_get(c, 8), 0);
	CHECK_EQ(gr_get(c, 9), PLAT_BASE_HZ);

	call_setup(c, FW_STUB_SAL, 8);
	gr_set(c, 32, SAL_MC_SET_PARAMS, false);
	run_cpu(c, 3);
	CHECK_EQ(gr_get(c, 8), (uint64_t)-1);		/* never -2: Linux would spin */

	CHECK_EQ(machine_state(m, ap), MCPU_PARKED);
	firmware_start_ap(m, ap);			/* no rendezvous yet: ignored */
	CHECK_EQ(machine_state(m, ap), MCPU_PARKED);

	call_setup(c, FW_STUB_SAL, 8);
	gr_set(c, 32, SAL_SET_VECTORS, false);
	gr_set(c, 33, SAL_VECTOR_OS_BOOT_RENDEZ, false);
	gr_set(c, 34, FW_STUB_PARK, false);		/* an entry that parks at once */
	gr_set(c, 35, 0x1234560, false);
	run_cpu(c, 3);
	CHECK_EQ(gr_get(c, 8), 0);
	firmware_start_ap(m, ap);
	CHECK_EQ(machine_state(m, ap), MCPU_RUNNING);
	CHECK_EQ(ap->ip, FW_STUB_PARK);
	CHECK_EQ(gr_get(ap, 1), 0x1234560);
	CHECK_EQ(ap->br[0], FW_STUB_PARK);
	CHECK(ap->psr & PSR_BN);
	CHECK(!(ap->psr & (PSR_IT | PSR_DT | PSR_RT | PSR_I)));
	CHECK_EQ(run_cpu(ap, 100), X_HALT);
	CHECK_EQ(machine_state(m, ap), MCPU_PARKED);
	TEST_END();
}

static void test_efi_calls(void)
{
	struct machine *m = new_machine(1);
	struct cpu *c;

	TEST_BEGIN("EFI GetTime, SetVirtualAddressMap, ResetSystem stops");
	CHECK(m != NULL);
	if (!m) {
		TEST_END();
		return;
	}
	c = m->cpu[0];
	call_setup(c, FW_STUB_EFI(EFI_RT_GET_TIME), 2);
	gr_set(c, 32, SCRATCH, false);
	gr_set(c, 33, 0, false);
	run_cpu(c, 3);
	CHECK_EQ(c->ip, RET_IP);
	CHECK_EQ(gr_get(c, 8), 0);
	CHECK(ram32(m, SCRATCH) % 65536 >= 2024);	/* year */
	CHECK(ram8(m, SCRATCH + 2) >= 1 && ram8(m, SCRATCH + 2) <= 12);
	CHECK(ram8(m, SCRATCH + 3) >= 1 && ram8(m, SCRATCH + 3) <= 31);

	/* SetVirtualAddressMap with the kernel's region-7 addresses filled in:
	 * bad version refused, then accepted once, descriptors moved. */
	{
		uint64_t map = SCRATCH + 0x1000, n = firmware_memmap_size(m) / 40;

		for (uint64_t i = 0; i < n; i++) {
			uint64_t d = FW_MEMMAP_PA + 40 * i, v = 0, phys = ram64(m, d + 8);

			if (ram64(m, d + 32) & EFI_MEMORY_RUNTIME)
				v = 0xe000000000000000ULL | phys;
			memspace_copy_in(m->ms, map + 40 * i, &(uint64_t[5]){ ram64(m, d),
					 phys, v, ram64(m, d + 24), ram64(m, d + 32) }, 40);
		}
		call_setup(c, FW_STUB_EFI(EFI_RT_SET_VIRTUAL_ADDRESS_MAP), 4);
		gr_set(c, 32, 40 * n, false);
		gr_set(c, 33, 40, false);
		gr_set(c, 34, 2, false);			/* not version 1 */
		gr_set(c, 35, map, false);
		run_cpu(c, 3);
		CHECK_EQ(gr_get(c, 8), 0x8000000000000002ULL);	/* EFI_INVALID_PARAMETER */
		CHECK_EQ(ram64(m, FW_FDESC_PA), FW_STUB_EFI(0));	/* untouched */
		call_setup(c, FW_STUB_EFI(EFI_RT_SET_VIRTUAL_ADDRESS_MAP), 4);
		gr_set(c, 32, 40 * n, false);
		gr_set(c, 33, 40, false);
		gr_set(c, 34, 1, false);
		gr_set(c, 35, map, false);
		run_cpu(c, 3);
		CHECK_EQ(gr_get(c, 8), 0);
		CHECK_EQ(ram64(m, FW_FDESC_PA + 16 * EFI_RT_RESET_SYSTEM),
			 0xe000000000000000ULL | FW_STUB_EFI(EFI_RT_RESET_SYSTEM));
		CHECK_EQ(ram64(m, FW_FDESC_PA + 8), 0xe000000000000000ULL | FW_SAL_GP);
		call_setup(c, FW_STUB_EFI(EFI_RT_SET_VIRTUAL_ADDRESS_MAP), 4);
		run_cpu(c, 3);
		CHECK_EQ(gr_get(c, 8), 0x8000000000000003ULL);	/* only once */
	}

	call_setup(c, FW_STUB_EFI(EFI_RT_RESET_SYSTEM), 4);
	gr_set(c, 32, EFI_RESET_COLD, false);
	gr_set(c, 33, 7, false);
	CHECK_EQ(run_cpu(c, 3), X_HALT);
	CHECK_EQ(m->stop, MSTOP_RESET);
	CHECK_EQ(machine_run(m), 7);
	machine_free(m);
	TEST_END();
}

static void test_halt_light(void)
{
	struct machine *m = new_machine(1);
	struct cpu *c;

	TEST_BEGIN("PAL_HALT_LIGHT idles; no timer armed -> fatal stop, not a hang");
	CHECK(m != NULL);
	if (!m) {
		TEST_END();
		return;
	}
	c = m->cpu[0];
	call_setup(c, FW_PAL_ENTRY, 0);
	gr_set(c, 28, PAL_HALT_LIGHT, false);
	CHECK_EQ(run_cpu(c, 3), X_HALT);
	CHECK_EQ(machine_state(m, c), MCPU_HALT_LIGHT);
	CHECK_EQ(c->ip, FW_PAL_ENTRY);			/* resumes at br b0 */
	CHECK_EQ(c->slot, 1);
	CHECK(machine_run(m) != 0);
	CHECK_EQ(m->stop, MSTOP_FATAL);
	machine_free(m);
	TEST_END();
}

static void test_fixed_rtc(void)
{
	struct machine_opts o = { .ncpus = 1, .mem_mb = 256, .console_in = -1,
				  .console_out = -1, .rtc_fixed = true,
				  .rtc_epoch = 1767225600 + 86399 };	/* 2026-01-01 23:59:59 */
	char err[200];
	struct machine *m = machine_new(&o, err, sizeof(err));
	struct cpu *c;

	TEST_BEGIN("GetTime with a fixed epoch: epoch + ITC time");
	CHECK(m != NULL);
	if (!m) {
		TEST_END();
		return;
	}
	c = m->cpu[0];
	cpu_itc_write(c, PLAT_ITC_HZ + PLAT_ITC_HZ / 2);	/* 1.5 s of machine time */
	call_setup(c, FW_STUB_EFI(EFI_RT_GET_TIME), 2);
	gr_set(c, 32, SCRATCH, false);
	run_cpu(c, 3);
	CHECK_EQ(gr_get(c, 8), 0);
	CHECK_EQ(ram32(m, SCRATCH) & 0xffff, 2026);
	CHECK_EQ(ram8(m, SCRATCH + 2), 1);			/* 2026-01-02 00:00:00.5 */
	CHECK_EQ(ram8(m, SCRATCH + 3), 2);
	CHECK_EQ(ram8(m, SCRATCH + 4), 0);
	CHECK_EQ(ram8(m, SCRATCH + 5), 0);
	CHECK_EQ(ram8(m, SCRATCH + 6), 0);
	CHECK(ram32(m, SCRATCH + 8) >= 500000000 && ram32(m, SCRATCH + 8) < 510000000);
	machine_free(m);
	TEST_END();
}

static void count_round(struct machine *m, void *ctx)
{
	unsigned *n = ctx;

	if (++*n == 5)
		machine_stop(m, MSTOP_POWER_OFF, 0, "test hook");
}

static void test_hooks(void)
{
	struct machine *m = new_machine(1);
	unsigned rounds = 0;

	TEST_BEGIN("device hooks run once per round and can stop the machine");
	CHECK(m != NULL);
	if (!m) {
		TEST_END();
		return;
	}
	/* cpu0 spins on "br.sptk b0" with b0 = its own bundle */
	memspace_copy_in(m->ms, SCRATCH, as_loop, 16);
	call_setup(m->cpu[0], SCRATCH, 0);
	m->cpu[0]->br[0] = SCRATCH;
	for (unsigned i = 0; i < MACH_MAX_HOOKS; i++)
		CHECK_EQ(machine_add_hook(m, count_round, &rounds), 0);
	CHECK_EQ(machine_add_hook(m, count_round, &rounds), -1);
	CHECK_EQ(machine_run(m), 0);
	CHECK_EQ(m->stop, MSTOP_POWER_OFF);
	CHECK_EQ(m->rounds, 1);	/* all 8 run in round 1; the 5th stops the machine after it */
	CHECK_EQ(rounds, 8);
	machine_free(m);
	TEST_END();
}

static void test_bad_opts(void)
{
	struct machine_opts o = { .ncpus = 1, .mem_mb = 100, .console_in = -1,
				  .console_out = -1 };
	char err[200] = "";

	TEST_BEGIN("bad machine options are refused with a message");
	CHECK(machine_new(&o, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "--mem") != NULL);
	o.mem_mb = 256;
	o.ncpus = 0;
	CHECK(machine_new(&o, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "--cpus") != NULL);
	TEST_END();
}

int main(void)
{
	struct machine *m = new_machine(2);

	if (!m) {
		printf("RESULT 0 1 0\n");
		return 1;
	}
	test_stubs(m);
	test_efi_tables(m);
	test_memmap(m);
	test_acpi(m);
	test_sal_pcdp(m);
	test_pal_static(m);
	test_pal_stacked(m);
	test_not_firmware(m);
	test_sal(m);
	machine_free(m);
	test_efi_calls();
	test_halt_light();
	test_fixed_rtc();
	test_hooks();
	test_bad_opts();
	return test_report();
}
