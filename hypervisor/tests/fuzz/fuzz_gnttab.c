/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the grant-table hypercall handlers.  Each input
 * is a script: the frontend writes arbitrary shared entries, the backend
 * issues GNTTABOP calls with fuzzer-chosen argument structures, counts and
 * guest addresses, and its vCPUs touch the mapping window.  Invariants:
 * no crash or sanitizer report, every pin/reference released and every
 * page returned on teardown.
 */
#include "fuzz_common.h"

#define ARG_GPA	(3ULL << HV_PAGE_SHIFT)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_grant(struct fz *f, struct domain *fe)
{
	uint32_t ref = (uint32_t)fz_pick(f, 64), *e;

	if (gnttab_nr_frames(fe) == 0)
		gnttab_grow(fe, 1);
	e = gnttab_shared_entry(fe, ref);
	if (!e)
		return;
	/* Revocation as the guest does it: only when not mapped. */
	if (fz8(f) & 1) {
		uint32_t w = __atomic_load_n(&e[0], __ATOMIC_ACQUIRE);

		if (!(w & (GTF_reading | GTF_writing)))
			__atomic_compare_exchange_n(&e[0], &w, 0, false,
						    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
		return;
	}
	__atomic_store_n(&e[1], (uint32_t)fz_pick(f, FZ_RAM + 2), __ATOMIC_RELAXED);
	/* The hypervisor owns reading/writing; a well-behaved granter keeps
	 * them, a hostile one may flip anything else. */
	{
		uint32_t w = __atomic_load_n(&e[0], __ATOMIC_ACQUIRE), nw;

		do {
			nw = (fz32(f) & ~(uint32_t)(GTF_reading | GTF_writing)) |
			     (w & (GTF_reading | GTF_writing));
			if (fz8(f) & 1)
				nw = (nw & 0xffff0000U) | GTF_permit_access |
				     (w & (GTF_reading | GTF_writing));
			if (w & (GTF_reading | GTF_writing))
				return;	/* mapped: a real granter cannot change it */
		} while (!__atomic_compare_exchange_n(&e[0], &w, nw, false,
						      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
	}
}

static void hypercall(struct fz *f, struct vcpu *v)
{
	uint8_t buf[4 * 32];
	unsigned cmd = fz8(f) % 8, count = (unsigned)fz_pick(f, 4);
	uint64_t uop = (fz8(f) & 7) ? ARG_GPA + (fz16(f) % 64) : fz64(f);

	for (unsigned i = 0; i < sizeof(buf); i++)
		buf[i] = fz8(f);
	/* Steer map/unmap toward meaningful values half of the time. */
	if (fz8(f) & 1) {
		struct gnttab_map_grant_ref m = {
			.host_addr = (100 + fz_pick(f, 8)) << HV_PAGE_SHIFT,
			.flags = GNTMAP_host_map | (fz8(f) & 1 ? GNTMAP_readonly : 0),
			.ref = (uint32_t)fz_pick(f, 64), .dom = 1,
			.handle = (uint32_t)fz_pick(f, 8) };

		memcpy(buf, &m, sizeof(m));
		if (cmd == GNTTABOP_unmap_grant_ref) {
			struct gnttab_unmap_grant_ref u = { .host_addr = m.host_addr,
							    .handle = m.handle };

			memcpy(buf, &u, sizeof(u));
		}
	}
	if (uop >= ARG_GPA && uop < ARG_GPA + HV_PAGE_SIZE / 2)
		copy_to_guest(v, uop, buf, sizeof(buf));
	do_grant_table_op(v, cmd, uop, count);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	struct domain *be, *fe;

	fz_setup();
	be = fz_domain(0, true, true);
	fe = fz_domain(1, false, false);
	hvt_run(be->vcpu[0], 0);
	for (unsigned step = 0; step < 64 && f.n; step++) {
		switch (fz8(&f) % 4) {
		case 0:
			write_grant(&f, fe);
			break;
		case 1:
		case 2:
			hypercall(&f, be->vcpu[0]);
			break;
		case 3: {
			unsigned vi = fz8(&f) & 1;
			uint64_t g = 100 + fz_pick(&f, 8);

			hvt_run(be->vcpu[vi], vi);
			vtlb_itc(be->vcpu[vi], false, 0xe000000000000000ULL + (g << 14),
				 hvt_gpte(g << 14), itir_make(14, 0));
			break;
		}
		}
	}
	fz_teardown(be, fe);
	return 0;
}
