/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the event-channel hypercall handlers: sequences of
 * EVTCHNOP calls with fuzzer-chosen structures and guest addresses from
 * two domains, plus hypervisor-raised VIRQs.  Invariants: no crash or
 * sanitizer report; a pending, unmasked port always leaves its selector
 * bit set; teardown returns every page.
 */
#include "fuzz_common.h"

#define ARG_GPA	(2ULL << HV_PAGE_SHIFT)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_selectors(struct domain *d)
{
	struct shared_info *s = d->shared_info;

	/* A port that is pending and unmasked was delivered: some vCPU's
	 * selector has its word's bit (the guest never clears it here). */
	for (unsigned w = 0; w < EVTCHN_WORDS; w++) {
		uint64_t live = s->evtchn_pending[w] & ~s->evtchn_mask[w];
		uint64_t sel = 0;

		for (unsigned v = 0; v < d->nr_vcpus; v++)
			sel |= s->vcpu_info[v].evtchn_pending_sel;
		if (live && !(sel & (1ULL << w)))
			__builtin_trap();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	struct domain *d[2];

	fz_setup();
	d[0] = fz_domain(0, false, fz8(&f) & 1);
	d[1] = fz_domain(1, false, false);
	for (unsigned step = 0; step < 96 && f.n; step++) {
		struct domain *dom = d[fz8(&f) & 1];
		struct vcpu *v = dom->vcpu[fz8(&f) & 1];
		uint8_t op = fz8(&f);

		if (op >= 0xf0) {		/* hypervisor-raised VIRQ */
			evtchn_send_virq(v, (unsigned)fz_pick(&f, NR_VIRQS + 2));
		} else if (op >= 0xe0) {	/* guest masks a port */
			unsigned p = (unsigned)fz_pick(&f, 64) % NR_EVENT_CHANNELS;

			__atomic_fetch_or(&dom->shared_info->evtchn_mask[p / 64],
					  1ULL << (p % 64), __ATOMIC_RELAXED);
		} else {
			uint8_t buf[32];
			uint64_t arg = (fz8(&f) & 7) ? ARG_GPA + (fz8(&f) % 32) : fz64(&f);

			for (unsigned i = 0; i < sizeof(buf); i++)
				buf[i] = (fz8(&f) & 1) ? (uint8_t)fz_pick(&f, 8) : fz8(&f);
			if (arg >= ARG_GPA && arg < ARG_GPA + 64)
				copy_to_guest(v, arg, buf, sizeof(buf));
			do_event_channel_op(v, op % 12, arg);
		}
		check_selectors(d[0]);
		check_selectors(d[1]);
	}
	fz_teardown(d[0], d[1]);
	return 0;
}
