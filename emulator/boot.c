/* SPDX-License-Identifier: MIT */
/*
 * `ia64emu boot <vmlinux> [options]`: build the machine, load the kernel,
 * run it with the UART on stdout, and report how it stopped.  On a fatal
 * stop it prints each CPU's registers, the current register-stack frame
 * and the kernel's printk buffer (__log_buf), the first thing to look at
 * when a boot dies before its console works.
 */
#include <errno.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cpu.h"
#include "firmware.h"
#include "gdbstub.h"
#include "itrace.h"
#include "loader.h"
#include "machine.h"
#include "memspace.h"
#include "profile.h"
#include "symtab.h"
#include "tlb.h"
#include "ia64/mmu.h"

#define LOG_BUF_MAX	(16u << 20)	/* bytes of __log_buf read at most */
#define BOOT_EXIT_PANIC	5		/* status when the kernel log shows a panic */

struct boot_args {
	struct loader_opts lo;
	struct machine_opts mo;
	const char *trace, *system_map, *itrace, *profile;
	int64_t gdb_port;	/* --gdb PORT (0 = any free port), -1 = no stub */
};

static void boot_usage(void)
{
	fprintf(stderr,
		"usage: ia64emu boot <vmlinux> [--initrd FILE] [--append \"CMDLINE\"] [--cpus N]\n"
		"                    [--mem MB] [--trace FILE] [--max-slots N] [--system-map FILE]\n"
		"                    [--turn SLOTS] [--rtc-epoch SECONDS] [--gdb PORT]\n"
		"                    [--itrace WHEN[,COUNT]]  (needs --trace: instruction trace\n"
		"                    from WHEN = slot number, 0x address or symbol, COUNT slots)\n"
		"                    [--profile FILE]  (slots per function, slower)\n"
		"exit status: 0 power-off, ResetSystem's status, 2 bad options, 3 machine\n"
		"deadlock or CPU stop, 4 --max-slots reached, 5 kernel panic (boot with\n"
		"panic=-1 so a panic resets instead of spinning)\n");
}

static int parse_u64(const char *opt, const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 0);
	if (errno || !*s || *end || s[0] == '-') {
		fprintf(stderr, "ia64emu boot: %s: bad number '%s'\n", opt, s);
		return -1;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct boot_args *a)
{
	a->mo.ncpus = 1;
	a->mo.mem_mb = MACH_DEFAULT_MEM_MB;
	a->mo.console_in = STDIN_FILENO;
	a->mo.console_out = STDOUT_FILENO;
	a->gdb_port = -1;
	for (int i = 0; i < argc; i++) {
		const char *o = argv[i];
		uint64_t v;

		if (o[0] != '-' || o[1] != '-') {
			if (a->lo.kernel) {
				fprintf(stderr, "ia64emu boot: unexpected argument '%s'\n", o);
				return -1;
			}
			a->lo.kernel = o;
			continue;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "ia64emu boot: %s needs a value\n", o);
			return -1;
		}
		const char *val = argv[++i];

		if (!strcmp(o, "--initrd"))
			a->lo.initrd = val;
		else if (!strcmp(o, "--append"))
			a->lo.cmdline = val;
		else if (!strcmp(o, "--trace"))
			a->trace = val;
		else if (!strcmp(o, "--system-map"))
			a->system_map = val;
		else if (!strcmp(o, "--itrace"))
			a->itrace = val;
		else if (!strcmp(o, "--profile"))
			a->profile = val;
		else if (!strcmp(o, "--rtc-epoch")) {
			char *end;

			errno = 0;
			a->mo.rtc_epoch = strtoll(val, &end, 0);
			if (errno || !*val || *end || a->mo.rtc_epoch < 0 ||
			    a->mo.rtc_epoch > 253402300799LL) {	/* 9999-12-31 */
				fprintf(stderr, "ia64emu boot: --rtc-epoch: bad time '%s'\n", val);
				return -1;
			}
			a->mo.rtc_fixed = true;
		} else if (!strcmp(o, "--cpus") || !strcmp(o, "--mem") ||
			 !strcmp(o, "--max-slots") || !strcmp(o, "--turn") || !strcmp(o, "--gdb")) {
			if (parse_u64(o, val, &v))
				return -1;
			if (!strcmp(o, "--cpus"))
				a->mo.ncpus = v > MACH_MAX_CPUS ? 0 : (unsigned)v;
			else if (!strcmp(o, "--mem"))
				a->mo.mem_mb = v;
			else if (!strcmp(o, "--max-slots"))
				a->mo.max_slots = v;
			else if (!strcmp(o, "--gdb")) {
				if (v > 65535) {
					fprintf(stderr, "ia64emu boot: --gdb: port %s out of range 0..65535\n", val);
					return -1;
				}
				a->gdb_port = (int64_t)v;
			}
			else
				a->mo.turn = v;
		} else {
			fprintf(stderr, "ia64emu boot: unknown option %s\n", o);
			return -1;
		}
	}
	if (!a->lo.kernel) {
		fprintf(stderr, "ia64emu boot: no kernel given\n");
		return -1;
	}
	if (a->itrace && !a->trace) {
		fprintf(stderr, "ia64emu boot: --itrace needs --trace FILE\n");
		return -1;
	}
	if ((a->itrace || a->profile) && a->gdb_port >= 0) {
		fprintf(stderr, "ia64emu boot: --itrace and --profile cannot be combined with --gdb\n");
		return -1;
	}
	if (a->itrace && a->profile) {
		fprintf(stderr, "ia64emu boot: --itrace and --profile cannot be combined\n");
		return -1;
	}
	return 0;
}

/* Debug read of guest virtual memory as the firmware would resolve it. */
static int peek(struct cpu *c, uint64_t va, uint64_t *v)
{
	uint64_t pa = fw_guest_pa(c, va);

	return pa == UINT64_MAX ? -1 : phys_read(c->mem, pa, 8, v);
}

static void dump_cpu(struct cpu *c, const struct loaded_kernel *k, const struct symtab *syms)
{
	uint64_t off, bsp = c->ar[AR_BSP];
	const char *sym = loader_virt_to_phys(k, c->ip) != UINT64_MAX ?
			  symtab_at(syms, c->ip, &off) : NULL;
	unsigned sof = (unsigned)CFM_SOF(c->cfm);

	fprintf(stderr, "cpu%d: ip 0x%016" PRIx64 " slot %u", c->id, c->ip, c->slot);
	if (sym)
		fprintf(stderr, " <%s+0x%" PRIx64 ">", sym, off);
	fprintf(stderr, "  retired %" PRIu64 "\n", c->retired);
	fprintf(stderr, "  psr 0x%016" PRIx64 " cfm 0x%010" PRIx64 " pfs 0x%016" PRIx64
		" rsc 0x%" PRIx64 " bsp 0x%016" PRIx64 " bspstore 0x%016" PRIx64 "\n",
		c->psr, c->cfm, c->ar[AR_PFS], c->ar[AR_RSC], bsp, c->ar[AR_BSPSTORE]);
	fprintf(stderr, "  iip 0x%016" PRIx64 " ipsr 0x%016" PRIx64 " isr 0x%016" PRIx64
		" ifa 0x%016" PRIx64 " iim 0x%" PRIx64 " iva 0x%016" PRIx64 "\n",
		c->cr[CR_IIP], c->cr[CR_IPSR], c->cr[CR_ISR], c->cr[CR_IFA], c->cr[CR_IIM],
		c->cr[CR_IVA]);
	for (unsigned b = 0; b < 8; b++)
		fprintf(stderr, "%s b%u 0x%016" PRIx64 "%s", b % 4 ? "" : " ", b, c->br[b],
			b % 4 == 3 ? "\n" : "");
	for (unsigned r = 1; r < 32 + sof; r++)
		fprintf(stderr, "%s r%-3u 0x%016" PRIx64 "%s%s", r % 4 ? "" : " ", r,
			gr_get(c, r), gr_nat(c, r) ? "*" : " ",
			(r % 4 == 3 || r == 31 + sof) ? "\n" : "");
	/* The dirty partition below bsp: the callers' frames not yet spilled
	 * are still in the register file; show what is in memory. */
	fprintf(stderr, "  backing store below bspstore:\n");
	for (unsigned i = 8; i > 0; i--) {
		uint64_t a = c->ar[AR_BSPSTORE] - 8 * i, v;

		if (peek(c, a, &v) == 0)
			fprintf(stderr, "    [0x%016" PRIx64 "] 0x%016" PRIx64 "\n", a, v);
	}
}

/* [va, va + len) of the kernel's printk text ring: __log_buf from
 * System.map or the vmlinux symbols, its length up to the next symbol. */
static int log_buf_range(const struct loaded_kernel *k, const struct symtab *syms,
			 uint64_t *va, uint64_t *len)
{
	uint64_t next;

	if (symtab_find(syms, "__log_buf", va))
		return -1;
	next = symtab_next(syms, *va);
	*len = next != UINT64_MAX && next - *va <= LOG_BUF_MAX ? next - *va : LOG_BUF_MAX;
	return loader_virt_to_phys(k, *va) == UINT64_MAX ? -1 : 0;
}

/* Copy of the ring (malloc'd), or NULL. */
static uint8_t *log_buf_copy(struct machine *m, const struct loaded_kernel *k,
			     const struct symtab *syms, uint64_t *va, uint64_t *len)
{
	uint8_t *buf;

	if (log_buf_range(k, syms, va, len) || !(buf = malloc(*len)))
		return NULL;
	if (memspace_copy_out(m->ms, loader_virt_to_phys(k, *va), buf, *len)) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Did the kernel log a panic?  The ring is the kernel's own record, so
 * this tells a panic=-1 reboot from an orderly one. */
static bool kernel_panicked(struct machine *m, const struct loaded_kernel *k,
			    const struct symtab *syms)
{
	static const char needle[] = "Kernel panic - not syncing";
	uint64_t va, len;
	uint8_t *buf = log_buf_copy(m, k, syms, &va, &len);
	bool hit = buf && memmem(buf, len, needle, sizeof(needle) - 1);

	free(buf);
	return hit;
}

/*
 * Records of the printk ring (kernel/printk/printk_ringbuffer.h, 6.1):
 * _printk_rb_static_descs[n] = { state_var; text lpos begin, next } (24
 * bytes), _printk_rb_static_infos[n] = { seq; ts_nsec; u16 text_len; ... }
 * (88 bytes), n = log_buf_len / 32 (PRB_AVGBITS = 5).  A block holds an
 * 8-byte id then the text; one that would cross the end starts at 0.
 */
#define PRB_DESC_SIZE	24
#define PRB_INFO_SIZE	88
#define PRB_COMMITTED	1
#define PRB_FINALIZED	2

struct log_rec {
	uint64_t seq, ts;
	uint64_t off;
	uint16_t len;
};

static int rec_cmp(const void *a, const void *b)
{
	const struct log_rec *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int sym_pa(const struct loaded_kernel *k, const struct symtab *syms, const char *name,
		  uint64_t *pa)
{
	uint64_t va;

	if (symtab_find(syms, name, &va))
		return -1;
	*pa = loader_virt_to_phys(k, va);
	return *pa == UINT64_MAX ? -1 : 0;
}

/* Print the ring's records in sequence order; -1 if it cannot be read. */
static int dump_records(struct machine *m, const struct loaded_kernel *k,
			const struct symtab *syms,
			const uint8_t *data, uint64_t size)
{
	uint64_t descs, infos, n = size / 32, nrec = 0;
	struct log_rec *r;

	if ((size & (size - 1)) || size < 4096 ||
	    sym_pa(k, syms, "_printk_rb_static_descs", &descs) ||
	    sym_pa(k, syms, "_printk_rb_static_infos", &infos) || !(r = calloc(n, sizeof(*r))))
		return -1;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t d[3], seq, ts, begin, next, off;
		uint16_t len;
		unsigned state;

		if (memspace_copy_out(m->ms, descs + i * PRB_DESC_SIZE, d, sizeof(d)) ||
		    phys_read(m->ms, infos + i * PRB_INFO_SIZE, 8, &seq) ||
		    phys_read(m->ms, infos + i * PRB_INFO_SIZE + 8, 8, &ts) ||
		    phys_read(m->ms, infos + i * PRB_INFO_SIZE + 16, 2, &len))
			break;
		state = (unsigned)(d[0] >> 62);
		begin = d[1];
		next = d[2];
		if ((state != PRB_COMMITTED && state != PRB_FINALIZED) || (begin & 1) ||
		    next <= begin)
			continue;
		/* same wrap: at begin; else the block was placed at offset 0 */
		off = (begin / size == next / size) ? begin % size : 0;
		if (off + 8 + len > size)
			continue;
		r[nrec++] = (struct log_rec){ seq, ts, off + 8, len };
	}
	qsort(r, nrec, sizeof(*r), rec_cmp);
	for (uint64_t i = 0; i < nrec; i++)
		fprintf(stderr, "[%5llu.%06llu] %.*s\n", (unsigned long long)(r[i].ts / 1000000000),
			(unsigned long long)(r[i].ts / 1000 % 1000000), (int)r[i].len,
			(const char *)data + r[i].off);
	free(r);
	return nrec ? 0 : -1;
}

/* The kernel log: its records if the ring's descriptors can be found,
 * else the printable runs of the text ring. */
static void dump_log_buf(struct machine *m, const struct loaded_kernel *k,
			 const struct symtab *syms)
{
	uint64_t va, len;
	uint8_t *buf = log_buf_copy(m, k, syms, &va, &len);
	unsigned zeros = 0, col = 0;

	if (!buf) {
		fprintf(stderr, "(no __log_buf: give --system-map or an unstripped vmlinux)\n");
		return;
	}
	fprintf(stderr, "---- kernel log (__log_buf at 0x%" PRIx64 ") ----\n", va);
	if (dump_records(m, k, syms, buf, len)) {
		for (uint64_t i = 0; i < len && zeros < 256; i++) {
			uint8_t ch = buf[i];

			zeros = ch ? 0 : zeros + 1;
			if (ch >= 0x20 && ch < 0x7f) {
				fputc(ch, stderr);
				col++;
			} else if (col) {
				fputc('\n', stderr);
				col = 0;
			}
		}
	}
	fprintf(stderr, "---- end of kernel log ----\n");
	free(buf);
}

static void report(struct machine *m, double secs)
{
	uint64_t slots = machine_slots(m);
	struct firmware *fw = m->fw;

	fprintf(stderr, "ia64emu: %s; %" PRIu64 " slots in %.2f s (%.1f M slots/s), %" PRIu64
		" rounds, %" PRIu64 " idle skips (%" PRIu64 " ticks)\n", m->stop_why, slots, secs,
		secs > 0 ? slots / secs / 1e6 : 0.0, m->rounds, m->idle_skips, m->idle_ticks);
	fprintf(stderr, "ia64emu: firmware calls:");
	for (unsigned i = 0; i < EFI_RT_NR; i++)
		if (fw->efi_calls[i])
			fprintf(stderr, " efi%u=%" PRIu64, i, fw->efi_calls[i]);
	for (unsigned i = 0; i < SAL_NR; i++)
		if (fw->sal_calls[i])
			fprintf(stderr, " sal0x%x=%" PRIu64, SAL_FIRST + i, fw->sal_calls[i]);
	for (unsigned i = 0; i < PAL_NR; i++)
		if (fw->pal_calls[i])
			fprintf(stderr, " pal%u=%" PRIu64, i, fw->pal_calls[i]);
	if (fw->bad_calls)
		fprintf(stderr, " unknown=%" PRIu64, fw->bad_calls);
	fprintf(stderr, "\n");
	{
		uint64_t cnt[CNT_NR] = { 0 };

		for (unsigned i = 0; i < m->ncpus; i++)
			for (unsigned j = 0; j < CNT_NR; j++)
				cnt[j] += m->cpu[i]->counters[j];
		fprintf(stderr, "ia64emu: interruptions %" PRIu64 " (external %" PRIu64
			"), TLB misses %" PRIu64 ", TLB inserts %" PRIu64
			", decoded-bundle misses %" PRIu64 "\n", cnt[CNT_FAULT], cnt[CNT_EXTINT],
			cnt[CNT_TLB_MISS], cnt[CNT_TLB_INSERT], cnt[CNT_DCACHE_MISS]);
	}
}

/* Names for the dumps and traces: the System.map if given, else the
 * vmlinux's own symbol table. */
static int load_symbols(const struct boot_args *a, const struct loaded_kernel *k,
			struct symtab *syms, char *err, size_t n)
{
	if (a->system_map)
		return symtab_from_map(syms, a->system_map, err, n);
	if (symtab_from_elf(syms, &k->elf)) {
		snprintf(err, n, "out of memory");
		return -1;
	}
	return 0;
}

int boot_main(int argc, char **argv)
{
	struct boot_args a = { 0 };
	struct symtab syms = { 0 };
	struct loaded_kernel k;
	FILE *prof = NULL;
	struct machine *m;
	struct timespec t0, t1;
	char err[256];
	int rc;

	if (parse_args(argc, argv, &a)) {
		boot_usage();
		return 2;
	}
	if (a.trace && !(a.mo.trace = fopen(a.trace, "w"))) {
		fprintf(stderr, "ia64emu boot: %s: %s\n", a.trace, strerror(errno));
		return 2;
	}
	if (a.profile && !(prof = fopen(a.profile, "w"))) {
		fprintf(stderr, "ia64emu boot: %s: %s\n", a.profile, strerror(errno));
		rc = 2;
		goto out_trace;
	}
	m = machine_new(&a.mo, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "ia64emu boot: %s\n", err);
		rc = 2;
		goto out_trace;
	}
	if (loader_load(m, &a.lo, &k, err, sizeof(err))) {
		fprintf(stderr, "ia64emu boot: %s\n", err);
		rc = 2;
		goto out_machine;
	}
	if (load_symbols(&a, &k, &syms, err, sizeof(err))) {
		fprintf(stderr, "ia64emu boot: %s\n", err);
		rc = 2;
		goto out_kernel;
	}
	m->syms = &syms;
	if (a.itrace && !(m->itrace = itrace_new(a.mo.trace, &syms, a.itrace, err, sizeof(err)))) {
		fprintf(stderr, "ia64emu boot: %s\n", err);
		rc = 2;
		goto out_kernel;
	}
	if (a.profile && !(m->profile = profile_new(&syms))) {
		fprintf(stderr, "ia64emu boot: out of memory\n");
		rc = 2;
		goto out_kernel;
	}
	/* --gdb: wait for the debugger before the first slot */
	if (a.gdb_port >= 0 && !(m->gdb = gdbstub_new(m, (unsigned)a.gdb_port, err, sizeof(err)))) {
		fprintf(stderr, "ia64emu boot: %s\n", err);
		rc = 2;
		goto out_kernel;
	}
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = machine_run(m);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fflush(stdout);
	fprintf(stderr, "\n");
	report(m, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (m->stop != MSTOP_POWER_OFF && kernel_panicked(m, &k, &syms)) {
		fprintf(stderr, "ia64emu: the kernel panicked\n");
		rc = BOOT_EXIT_PANIC;
	}
	if (m->stop == MSTOP_FATAL || m->stop == MSTOP_LIMIT || rc == BOOT_EXIT_PANIC) {
		for (unsigned i = 0; i < m->ncpus; i++)
			if (machine_state(m, m->cpu[i]) != MCPU_PARKED)
				dump_cpu(m->cpu[i], &k, &syms);
		dump_log_buf(m, &k, &syms);
	}
	if (m->profile && (profile_write(m->profile, prof) || fflush(prof))) {
		fprintf(stderr, "ia64emu boot: %s: cannot write the profile\n", a.profile);
		rc = rc ? rc : 2;
	}
out_kernel:
	profile_free(m->profile);
	m->profile = NULL;
	gdbstub_free(m->gdb);
	m->gdb = NULL;
	itrace_free(m->itrace);
	m->itrace = NULL;
	m->syms = NULL;
	symtab_free(&syms);
	loader_release(&k);
out_machine:
	machine_free(m);
out_trace:
	if (a.mo.trace)
		fclose(a.mo.trace);
	if (prof)
		fclose(prof);
	return rc;
}
